"""Framing, for career-change questions: moving toward ML engineering, the Data Scientist background
linked to the new role, and no apology for it (as the knowledge base advises)."""

from __future__ import annotations

from collections.abc import Mapping

from chatbot.feedback.lexicon import RubricLexicon
from chatbot.feedback.parts import locate
from chatbot.feedback.phrase_matching import Hit, Phrase
from chatbot.feedback.reading import AnswerReading
from chatbot.feedback.result import TipOption, Verdict
from chatbot.feedback.signals import Signals, Span
from chatbot.feedback.spec import Framing
from chatbot.feedback.wording import Writer

_NEGATION_REACH = 5  # words before a phrase that may deny it


def framing_verdict(
    reading: AnswerReading, signals: Signals, lexicon: RubricLexicon, spec: Framing, writer: Writer,
    said: Mapping[str, Span] | None = None,
) -> Verdict:
    """The parts found by their phrases, or else by meaning (`said`: the sentence that makes each)."""
    said = said or {}
    toward = locate(lexicon.toward, reading, signals) or said.get("toward")
    link = _linked(reading, lexicon.background, lexicon.bridge) or said.get("link")
    apologies = [h for p in lexicon.apology for h in reading.find(p) if not _negated(h, reading, lexicon)]
    confident = (toward is not None or link is not None) and not apologies
    weights = (spec.toward.weight, spec.link.weight, spec.confident.weight)
    flags = (toward is not None, link is not None, confident)
    earned = sum(w for w, ok in zip(weights, flags, strict=True) if ok)
    share = earned / sum(weights)
    c = spec.comments
    found = [
        writer.item(label, writer.quote_span(reading.text, span))
        for label, span in ((spec.toward.label, toward), (spec.link.label, link))
        if span is not None
    ]
    missing = [
        label for label, span in ((spec.toward.label, toward), (spec.link.label, link)) if span is None
    ]
    notes = []
    if found:
        notes.append(c.found.format(items=writer.items(found)))
        if missing:
            notes.append(c.missing.format(items=writer.items(missing)))
    else:
        notes.append(c.none)
    if apologies:
        quoted = sorted({writer.quote_span(reading.text, (h.start, h.end)) for h in apologies})
        notes.append(c.apology.format(items=writer.items(quoted[:3])))
    total = sum(weights)
    tips = []
    if toward is None:
        tips.append(TipOption(spec.toward.tip, spec.toward.weight / total))
    if link is None:
        tips.append(TipOption(spec.link.tip, spec.link.weight / total))
    if apologies:
        tips.append(TipOption(spec.confident.tip, spec.confident.weight / total))
    return Verdict(share, tuple(notes), tuple(tips))


def _negated(hit: Hit, reading: AnswerReading, lexicon: RubricLexicon) -> bool:
    """ "not because I want to escape": a denial is not an apology."""
    tokens = reading.sentences[hit.sentence].tokens
    first = reading.index.stream[hit.positions[0]].token
    before = tokens[max(0, first - _NEGATION_REACH) : first]
    return any(t.low in lexicon.negations or t.low.endswith("n't") for t in before)


def _linked(
    reading: AnswerReading, background: tuple[Phrase, ...], bridge: tuple[Phrase, ...]
) -> Span | None:
    """A usable sentence that names the Data Scientist background and says how it carries over."""
    back = _by_sentence([h for p in background for h in reading.find(p)], reading)
    over = _by_sentence([h for p in bridge for h in reading.find(p)], reading)
    for sentence in sorted(set(back) & set(over)):
        a, b = back[sentence], over[sentence]
        return min(a.start, b.start), max(a.end, b.end)
    return None


def _by_sentence(hits: list[Hit], reading: AnswerReading) -> dict[int, Hit]:
    first: dict[int, Hit] = {}
    for hit in sorted(hits, key=lambda h: h.start):
        if hit.sentence in reading.usable:
            first.setdefault(hit.sentence, hit)
    return first
