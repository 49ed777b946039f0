"""Relevance: which of this question's talking points the answer makes, in real sentences, with substance.

A point counts only when one of its cues sits inside a usable sentence that is not mostly cue words;
it counts in full when that sentence also says something else (what was done, why it mattered).
"""

from __future__ import annotations

from dataclasses import dataclass

from chatbot.feedback.lexicon import RubricLexicon
from chatbot.feedback.meaning import ELSEWHERE_SHARE, MeaningEvidence, Piece
from chatbot.feedback.phrase_matching import Hit, Phrase
from chatbot.feedback.reading import AnswerReading
from chatbot.feedback.result import TipOption, Verdict
from chatbot.feedback.spec import Relevance
from chatbot.feedback.spec_reading import Matching
from chatbot.feedback.wording import Writer
from chatbot.knowledge.models import Question, TalkingPoint


@dataclass(frozen=True)
class CompiledQuestion:
    """A question's talking points with their cues as stem patterns, compiled once per rubric."""

    question: Question
    points: tuple[tuple[TalkingPoint, tuple[Phrase, ...]], ...]
    vocabulary: frozenset[str]  # every cue stem: answer words close to these may be typos of them
    point_stems: dict[str, frozenset[str]]  # point id -> its cue stems, which add no depth to it


def compile_question(question: Question, lexicon: RubricLexicon) -> CompiledQuestion:
    points = tuple((p, lexicon.phrases(p.cues, loose=True)) for p in question.talking_points)
    stems = {
        p.id: frozenset(stem for phrase in phrases for variant in phrase.variants for stem in variant)
        for p, phrases in points
    }
    return CompiledQuestion(question, points, frozenset().union(*stems.values()), stems)


@dataclass(frozen=True)
class PointResult:
    """How one talking point fared: its credit (0..1), the hits that earned it, and near misses."""

    point: TalkingPoint
    credit: float
    earned: tuple[Hit, ...]
    unusable: tuple[Hit, ...]  # cues found only in lists, fragments, repeats or cue-stuffed sentences
    wrong: Hit | None = None  # where the answer states a known misconception about this point
    fit: float = 1.0  # the share left after judging the answer as one to another question (AnswerFit)

    @property
    def thin(self) -> bool:
        """Made, but only in part: thin on its own terms, not because the whole answer fits elsewhere
        (and in an answer to another question, more substance on this point is not the advice)."""
        return self.covered and self.credit < 0.999 * self.fit and self.fit >= ELSEWHERE_SHARE

    @property
    def covered(self) -> bool:
        return bool(self.earned)


def assess_points(
    compiled: CompiledQuestion,
    reading: AnswerReading,
    matching: Matching,
    lexicon: RubricLexicon,
    meant: MeaningEvidence | None = None,
) -> list[PointResult]:
    """Credit per point: the better of its cue evidence (depth of its best sentence x strength of the
    cues) and its evidence by meaning (`meant`: how closely a piece of the answer makes the point)."""
    hits = {p.id: [h for phrase in phrases for h in reading.find(phrase)] for p, phrases in compiled.points}
    every = [h for found in hits.values() for h in found]
    stuffed = _stuffed_sentences(reading, hits, matching, lexicon.words.function_words)
    eligible = {s for s in reading.usable if s not in stuffed}
    eligible -= _templated(reading, every, eligible, matching.template_min_words)
    results = []
    for point, _ in compiled.points:
        good = tuple(h for h in hits[point.id] if h.sentence in eligible)
        bad = tuple(h for h in hits[point.id] if h.sentence not in eligible)
        own = compiled.point_stems[point.id]
        depth = max((_depth(h, reading, matching, lexicon, own) for h in good), default=0.0)
        credit = depth * _strength(good, matching, lexicon)
        by_meaning = meant.points.get(point.id) if meant else None
        wrong = _as_hit(by_meaning.wrong) if by_meaning is not None and by_meaning.wrong is not None else None
        if wrong is not None:
            good = tuple(h for h in good if h.sentence != wrong.sentence)  # a wrong claim earns nothing
            credit = credit if good else 0.0
        if by_meaning is not None and by_meaning.piece is not None and by_meaning.credit > credit:
            said = _as_hit(by_meaning.piece)
            good, credit = (said, *(h for h in good if h.sentence != said.sentence)), by_meaning.credit
        fit = meant.fit.share if meant is not None else 1.0
        credit *= fit  # an answer to another question earns little here, however apt
        if credit < matching.covered_floor:
            good, credit = (), 0.0  # too faint, or too faint for this question, to tell them they made it
        results.append(PointResult(point, credit, good, bad, wrong, fit))
    return results


def _as_hit(piece: Piece) -> Hit:
    """A piece of the answer found by meaning, as a hit the highlights and quotes can use."""
    return Hit(Phrase(piece.text, (), frozenset()), piece.sentence, piece.start, piece.end, ())


def _stuffed_sentences(
    reading: AnswerReading, hits: dict[str, list[Hit]], matching: Matching, small: frozenset[str]
) -> set[int]:
    """Keyword lists dressed as sentences ("We used profiling and caching and ONNX and batching"):
    content words mostly cue words spanning several points, or almost nothing but cue words."""
    cue_tokens: dict[int, set[int]] = {}
    points: dict[int, set[str]] = {}
    for point_id, found in hits.items():
        for hit in found:
            cue_tokens.setdefault(hit.sentence, set()).update(
                reading.index.stream[p].token for p in hit.positions
            )
            points.setdefault(hit.sentence, set()).add(point_id)
    stuffed = set()
    for index, in_cues in cue_tokens.items():
        tokens = reading.sentences[index].tokens
        content = [i for i, t in enumerate(tokens) if t.low not in small]
        share = sum(1 for i in content if i in in_cues) / len(content) if content else 0.0
        many = len(points[index]) >= matching.list_cue_points
        if (many and share > matching.list_cue_share) or share > matching.cue_only_share:
            stuffed.add(index)
    return stuffed


def _templated(reading: AnswerReading, hits: list[Hit], eligible: set[int], min_words: int) -> set[int]:
    """Later sentences that repeat an earlier one with only the cue words swapped ("I know X. I know Y.")."""
    cue_tokens: dict[int, set[int]] = {}
    for hit in hits:
        cue_tokens.setdefault(hit.sentence, set()).update(
            reading.index.stream[p].token for p in hit.positions
        )
    seen: set[tuple[str, ...]] = set()
    copies = set()
    for index in sorted(cue_tokens):
        if index not in eligible:
            continue
        tokens = reading.sentences[index].tokens
        frame = tuple(t.stem for i, t in enumerate(tokens) if i not in cue_tokens[index])
        if len(frame) < min_words:
            continue
        if frame in seen:
            copies.add(index)
        seen.add(frame)
    return copies


def _depth(
    hit: Hit, reading: AnswerReading, matching: Matching, lexicon: RubricLexicon, cue_stems: frozenset[str]
) -> float:
    """Part credit for naming a point, rising to full as the sentence adds content words of its own
    (distinct words that are neither small words, stock filler, nor cue words of this point)."""
    sentence = reading.sentences[hit.sentence]
    plain = lexicon.words.function_words | lexicon.depth_ignores
    extra = {t.stem for t in sentence.tokens if t.low not in plain and t.stem not in cue_stems}
    floor = matching.depth_floor
    return floor + (1 - floor) * min(1.0, len(extra) / matching.depth_full)


def _strength(good: tuple[Hit, ...], matching: Matching, lexicon: RubricLexicon) -> float:
    """One cue word is weak evidence; a second cue, or a cue of two content words, makes it firm.
    ("wanted to" is one content word, so it is as weak as "wanted".)"""
    if not good:
        return 0.0
    small = lexicon.words.function_words
    weight = {
        h.phrase.text: min(2, sum(1 for w in h.phrase.text.split() if w.lower() not in small)) for h in good
    }
    single = matching.single_cue_strength
    return min(1.0, single + (1 - single) * (max(1, sum(weight.values())) - 1))


def relevance_verdict(
    results: list[PointResult], reading: AnswerReading, spec: Relevance, writer: Writer,
    elsewhere: str | None = None, undercut: tuple[tuple[int, int], ...] = (),
) -> Verdict:
    """Share of talking-point credit, with the phrases that earned it and what is missing; `elsewhere`
    is the question the answer as a whole seems to answer instead, when it clearly answers another;
    `undercut` the sentences that take the answer back, which earned nothing."""
    total = len(results)
    share = sum(r.credit for r in results) / total
    c = spec.comments
    covered = [r for r in results if r.covered]
    notes: list[str] = [c.elsewhere.format(question=elsewhere)] if elsewhere else []
    if covered:
        items = [
            writer.item(r.point.label, writer.quote_span(reading.text, (r.earned[0].start, r.earned[0].end)))
            for r in covered
        ]
        notes.append(c.covered.format(count=len(covered), total=total, items=writer.items(items)))
    else:
        notes.append(c.none.format(total=total))
    thin = [r.point.label for r in covered if r.thin]
    if thin:
        notes.append(c.thin.format(items=writer.items(thin)))
    listed = [r for r in results if not r.covered and r.unusable]
    if listed:
        quoted = [
            writer.item(
                r.point.label, writer.quote_span(reading.text, (r.unusable[0].start, r.unusable[0].end))
            )
            for r in listed
        ]
        notes.append(c.listed.format(items=writer.items(quoted)))
    wrong = [r for r in results if r.wrong is not None]
    if wrong:
        quoted = [writer.item(r.point.label, writer.quote_span(reading.text, (r.wrong.start, r.wrong.end)))
                  for r in wrong if r.wrong is not None]
        notes.append(c.misconception.format(items=writer.items(quoted)))
    if undercut:
        quoted = [writer.quote_span(reading.text, span) for span in undercut[:2]]
        notes.append(c.undercut.format(items=writer.items(quoted)))
    missed = [r.point.label for r in results if not r.covered and not r.unusable]
    if missed:
        notes.append(c.missed.format(items=writer.items(missed)))
    if reading.fluency < 1 and reading.violations:
        odd = [writer.quote_span(reading.text, span) for span in reading.violations[:2]]
        notes.append(c.scrambled.format(items=writer.items(odd)))
    tips = _tips(results, spec, total)
    if undercut:
        tips.append(TipOption(spec.tips.undercut, 1 / total))
    return Verdict(share, tuple(notes), tuple(tips))


def _tips(results: list[PointResult], spec: Relevance, total: int) -> list[TipOption]:
    tips = []
    for r in results:
        if r.wrong is not None and not r.covered:
            tips.append(TipOption(spec.tips.misconception.format(label=r.point.label), 1 / total))
        elif r.thin:
            tips.append(TipOption(spec.tips.thin.format(label=r.point.label), (r.fit - r.credit) / total))
        elif not r.covered and r.unusable:
            tips.append(TipOption(spec.tips.listed.format(label=r.point.label), 1 / total))
        elif not r.covered:
            tips.append(TipOption(r.point.tip, 1 / total))
    return tips
