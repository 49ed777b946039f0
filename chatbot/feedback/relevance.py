"""Relevance: which of this question's talking points the answer makes, in real sentences, with substance.

A point counts only when one of its cues sits inside a usable sentence that is not mostly cue words;
it counts in full when that sentence also says something else (what was done, why it mattered).
"""

from __future__ import annotations

from dataclasses import dataclass

from chatbot.feedback.cues import Hit, Phrase
from chatbot.feedback.lexicon import Lexicon
from chatbot.feedback.reading import Reading
from chatbot.feedback.result import TipOption, Verdict
from chatbot.feedback.spec import Matching, Relevance
from chatbot.feedback.wording import Words
from chatbot.knowledge.models import Question, TalkingPoint


@dataclass(frozen=True)
class CompiledQuestion:
    """A question's talking points with their cues as stem patterns, compiled once per rubric."""

    question: Question
    points: tuple[tuple[TalkingPoint, tuple[Phrase, ...]], ...]
    vocabulary: frozenset[str]  # every cue stem: answer words close to these may be typos of them


def compile_question(question: Question, lexicon: Lexicon) -> CompiledQuestion:
    points = tuple((p, lexicon.phrases(p.cues)) for p in question.talking_points)
    vocabulary = frozenset(
        stem for _, phrases in points for phrase in phrases for variant in phrase.variants for stem in variant
    )
    return CompiledQuestion(question, points, vocabulary)


@dataclass(frozen=True)
class PointResult:
    """How one talking point fared: its credit (0..1), the hits that earned it, and near misses."""

    point: TalkingPoint
    credit: float
    earned: tuple[Hit, ...]
    unusable: tuple[Hit, ...]  # cues found only in lists, fragments, repeats or cue-stuffed sentences

    @property
    def covered(self) -> bool:
        return bool(self.earned)


def assess_points(compiled: CompiledQuestion, reading: Reading, matching: Matching, lexicon: Lexicon) -> list[PointResult]:
    hits = {p.id: [h for phrase in phrases for h in reading.find(phrase)] for p, phrases in compiled.points}
    stuffed = _stuffed_sentences(reading, [h for found in hits.values() for h in found], matching.list_cue_share)
    results = []
    for point, _ in compiled.points:
        good = [h for h in hits[point.id] if h.sentence in reading.usable and h.sentence not in stuffed]
        bad = [h for h in hits[point.id] if h not in good]
        credit = max((_depth(h, reading, matching, lexicon) for h in good), default=0.0)
        results.append(PointResult(point, credit, tuple(good), tuple(bad)))
    return results


def _stuffed_sentences(reading: Reading, hits: list[Hit], limit: float) -> set[int]:
    """Sentences where cue words make up most of the words: a keyword list dressed as a sentence."""
    used: dict[int, set[int]] = {}
    for hit in hits:
        used.setdefault(hit.sentence, set()).update(hit.positions)
    sizes: dict[int, int] = {}
    for piece in reading.index.stream:
        sizes[piece.sentence] = sizes.get(piece.sentence, 0) + 1
    return {s for s, positions in used.items() if len(positions) / sizes[s] > limit}


def _depth(hit: Hit, reading: Reading, matching: Matching, lexicon: Lexicon) -> float:
    """Half credit for naming a point, rising to full as the sentence adds its own content words."""
    sentence = reading.sentences[hit.sentence]
    cue_tokens = {reading.index.stream[p].token for p in hit.positions}
    extra = sum(
        1
        for i, token in enumerate(sentence.tokens)
        if i not in cue_tokens and token.low not in lexicon.words.function_words
    )
    floor = matching.depth_floor
    return floor + (1 - floor) * min(1.0, extra / matching.depth_full)


def relevance_verdict(results: list[PointResult], reading: Reading, spec: Relevance, words: Words) -> Verdict:
    """Share of talking-point credit, with the phrases that earned it and what is missing."""
    total = len(results)
    share = sum(r.credit for r in results) / total
    c = spec.comments
    covered = [r for r in results if r.covered]
    notes: list[str] = []
    if covered:
        items = [words.item(r.point.label, words.quote_span(reading.text, (r.earned[0].start, r.earned[0].end)))
                 for r in covered]
        notes.append(c.covered.format(count=len(covered), total=total, items=words.items(items)))
    else:
        notes.append(c.none.format(total=total))
    thin = [r.point.label for r in covered if r.credit < 0.999]
    if thin:
        notes.append(c.thin.format(items=words.items(thin)))
    listed = [r for r in results if not r.covered and r.unusable]
    if listed:
        quoted = [words.item(r.point.label, words.quote_span(reading.text, (r.unusable[0].start, r.unusable[0].end)))
                  for r in listed]
        notes.append(c.listed.format(items=words.items(quoted)))
    missed = [r.point.label for r in results if not r.covered and not r.unusable]
    if missed:
        notes.append(c.missed.format(items=words.items(missed)))
    if reading.fluency < 1 and reading.violations:
        odd = [words.quote_span(reading.text, span) for span in reading.violations[:2]]
        notes.append(c.scrambled.format(items=words.items(odd)))
    return Verdict(share, tuple(notes), tuple(_tips(results, spec, total)))


def _tips(results: list[PointResult], spec: Relevance, total: int) -> list[TipOption]:
    tips = []
    for r in results:
        if r.covered and r.credit < 0.999:
            tips.append(TipOption(spec.tips.thin.format(label=r.point.label), (1 - r.credit) / total))
        elif not r.covered and r.unusable:
            tips.append(TipOption(spec.tips.listed.format(label=r.point.label), 1 / total))
        elif not r.covered:
            tips.append(TipOption(r.point.tip, 1 / total))
    return tips
