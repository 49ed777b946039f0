"""Clarity: a length that suits a two-minute spoken answer, full sentences, little filler or hedging."""

from __future__ import annotations

from chatbot.feedback.lexicon import RubricLexicon
from chatbot.feedback.reading import AnswerReading
from chatbot.feedback.result import TipOption, Verdict
from chatbot.feedback.signals import Span
from chatbot.feedback.spec import Clarity
from chatbot.feedback.wording import Writer

_QUOTED = 3  # at most this many examples quoted per kind


def clarity_verdict(reading: AnswerReading, lexicon: RubricLexicon, spec: Clarity, writer: Writer) -> Verdict:
    total = reading.words
    lo, hi = spec.ideal_min_words, spec.ideal_max_words
    length = length_fit(total, spec)
    in_sentences = sum(len(reading.sentences[i].tokens) for i in reading.usable)
    sentences = in_sentences / total if total else 0.0
    fillers = _fillers(reading, lexicon)
    hedges = [(h.start, h.end) for p in lexicon.hedges for h in reading.find(p, 0)]
    filler = _rate_fit(len(fillers), total, spec.filler_full_per_100)
    hedging = _rate_fit(len(hedges), total, spec.hedge_full_per_100)
    w = spec.parts
    share = w.length * length + w.sentences * sentences + w.filler * filler + w.hedging * hedging
    c, t = spec.comments, spec.tips
    notes = [_length_note(total, spec)]
    notes.append(c.sentences.format(good=len(reading.usable), total=len(reading.sentences)))
    odd = [
        s
        for s in reading.sentences
        if s.index not in reading.usable and s.index not in reading.repeated and s.index not in reading.waffle
    ]
    if reading.waffle:
        stock = [
            writer.quote_span(reading.text, (reading.sentences[i].start, reading.sentences[i].end))
            for i in reading.waffle[:_QUOTED]
        ]
        notes.append(c.waffle.format(items=writer.items(stock)))
    if odd:
        notes.append(
            c.fragments.format(
                items=writer.items([writer.quote_span(reading.text, (s.start, s.end)) for s in odd[:_QUOTED]])
            )
        )
    if reading.repeated:
        notes.append(c.repeated.format(count=len(reading.repeated)))
    filler_quotes = _quotes(reading, fillers, writer)
    hedge_quotes = _quotes(reading, hedges, writer)
    if fillers:
        notes.append(c.filler.format(items=filler_quotes))
    if hedges:
        notes.append(c.hedging.format(items=hedge_quotes))
    tips = []
    if total < lo:
        tips.append(TipOption(t.length_short.format(words=total, low=lo, high=hi), w.length * (1 - length)))
    elif length < 1:
        tips.append(TipOption(t.length_long.format(words=total, low=lo, high=hi), w.length * (1 - length)))
    if reading.waffle:
        tips.append(TipOption(t.waffle, w.sentences * (1 - sentences)))
    elif reading.repeated:
        tips.append(TipOption(t.repeated, w.sentences * (1 - sentences)))
    elif sentences < 1:
        tips.append(TipOption(t.sentences, w.sentences * (1 - sentences)))
    if fillers:
        tips.append(TipOption(t.filler.format(items=filler_quotes), w.filler * (1 - filler)))
    if hedges:
        tips.append(TipOption(t.hedging.format(items=hedge_quotes), w.hedging * (1 - hedging)))
    return Verdict(share, tuple(notes), tuple(tips))


def length_fit(words: int, spec: Clarity) -> float:
    """Rises to 1 at the ideal minimum, stays 1 to the ideal maximum, then eases down to a floor."""
    if words < spec.ideal_min_words:
        return words / spec.ideal_min_words
    if words <= spec.ideal_max_words:
        return 1.0
    over = (words - spec.ideal_max_words) / (spec.long_floor_words - spec.ideal_max_words)
    return 1 - (1 - spec.long_floor) * min(1.0, over)


def _length_note(words: int, spec: Clarity) -> str:
    c = spec.comments
    template = c.length_short if words < spec.ideal_min_words else c.length_good
    if words > spec.ideal_max_words:
        template = c.length_long
    return template.format(words=words, low=spec.ideal_min_words, high=spec.ideal_max_words)


def _rate_fit(count: int, words: int, full_per_100: float) -> float:
    """1 with none, falling to 0 at `full_per_100` per hundred words."""
    if not words:
        return 1.0
    return 1 - min(1.0, count * 100 / words / full_per_100)


def _fillers(reading: AnswerReading, lexicon: RubricLexicon) -> list[Span]:
    """Filler phrases, plus words like "like" or "so" when a comma sets them off as filler."""
    spans = [(h.start, h.end) for p in lexicon.fillers for h in reading.find(p, 0)]
    for sentence in reading.sentences:
        for i, token in enumerate(sentence.tokens):
            after = sentence.gaps[i] if i < len(sentence.gaps) else ""
            if token.low in lexicon.set_off_fillers and "," in after:
                spans.append((token.start, token.end))
    return sorted(set(spans))


def _quotes(reading: AnswerReading, spans: list[Span], writer: Writer) -> str:
    quoted = list(dict.fromkeys(writer.quote_span(reading.text, s).lower() for s in spans))
    return writer.items(quoted[:_QUOTED])
