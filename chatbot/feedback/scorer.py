"""assess(): read the answer once, judge each criterion, weight and gate them, and explain the result.

Relevance gates the rest: structure, evidence, framing and clarity count in full only once enough of
this question's talking points are made, so a polished answer to another question scores low.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import replace
from typing import Any, TypeVar

from chatbot.feedback.advice import choose_tips, compare, needs_answer_tips, summary_sentence
from chatbot.feedback.answered import needs_answer
from chatbot.feedback.clarity import clarity_verdict
from chatbot.feedback.evidence import evidence_verdict
from chatbot.feedback.framing import framing_verdict
from chatbot.feedback.meaning import PointMeaning, echoed_sentences
from chatbot.feedback.reading import AnswerReading, read_answer
from chatbot.feedback.relevance import PointResult, assess_points, relevance_verdict
from chatbot.feedback.result import Criterion, Feedback, Highlight, Verdict
from chatbot.feedback.rubric import Rubric
from chatbot.feedback.signals import Signals, Span
from chatbot.feedback.spec_base import CriterionId
from chatbot.feedback.structure import structure_verdict
from chatbot.feedback.undercut import undercut_sentences
from chatbot.knowledge.models import Question

K = TypeVar("K")


def assess(
    question: Question,
    answer: str,
    rubric: Rubric,
    previous: Mapping[str, Any] | None = None,
    meaning: PointMeaning | None = None,
) -> Feedback:
    """Score `answer` to `question`; `previous` (an earlier `to_dict()`) adds what changed since then.

    With `meaning`, talking points are also recognised by what the answer's sentences mean, so the
    same idea in plain words earns what the textbook words earn; without it, by cue phrases alone."""
    spec = rubric.spec
    compiled = rubric.compiled(question)
    reading = read_answer(
        answer or "",
        rubric.lexicon,
        compiled.vocabulary,
        spec.fluency,
        spec.matching.max_gap,
        spec.limits.max_chars,
    )
    echoed = echoed_sentences(question, reading)
    if echoed:
        reading = replace(reading, usable=reading.usable - echoed)
    # a sentence that takes the answer back is still a sentence, but it makes no talking point
    undercut = undercut_sentences(reading, rubric.undercut)
    making = replace(reading, usable=reading.usable - set(undercut)) if undercut else reading
    meant = meaning.evidence(question, making) if meaning is not None else None
    points = assess_points(compiled, making, spec.matching, rubric.lexicon, meant)
    if undercut:  # said in a sentence that takes it back: quoted as that, not as a list or fragment
        points = [replace(r, unusable=tuple(h for h in r.unusable if h.sentence not in undercut))
                  for r in points]
    spans = tuple((reading.sentences[i].start, reading.sentences[i].end) for i in undercut)
    said = meaning.part_spans(making) if meaning is not None else {}
    verdicts = _verdicts(question, reading, points, rubric, meant.elsewhere_text if meant else None, spans, said)
    maxes = {cid: pts for cid, pts in spec.weights[question.category].items() if pts > 0}
    gate = min(1.0, verdicts["relevance"].share / spec.gate_full_at)
    raw = {
        cid: maxes[cid] * verdicts[cid].share * reading.fluency * (1.0 if cid == "relevance" else gate)
        for cid in maxes
    }
    blank = needs_answer(reading, points, rubric.lexicon, spec.limits)
    scores = allocate(raw, maxes, spec.limits.needs_answer_cap if blank else None)
    criteria = tuple(
        Criterion(
            cid,
            _label(cid, rubric),
            scores[cid],
            maxes[cid],
            spec.needs_answer.comment if blank else _comment(cid, verdicts[cid], gate, rubric),
        )
        for cid in maxes
    )
    score = sum(scores.values())
    covered = tuple(r.point.label for r in points if r.covered)
    missed = tuple(r.point.label for r in points if not r.covered)
    if blank:
        tips = needs_answer_tips(spec, question)
        summary = spec.needs_answer.summary
    else:
        options = [
            (maxes[cid] * tip.share * (1.0 if cid == "relevance" else gate), tip.text)
            for cid in maxes
            for tip in verdicts[cid].tips
        ]
        tips = choose_tips(options, spec, question)
        summary = summary_sentence(score, criteria, len(covered), len(points), spec)
        if meant is not None and meant.elsewhere_text:  # say why the points made earn so little
            summary = spec.relevance.comments.elsewhere.format(question=meant.elsewhere_text)
    return Feedback(
        question_id=question.id,
        score=score,
        criteria=criteria,
        covered=covered,
        missed=missed,
        tips=tips,
        highlights=_highlights(points, reading),
        needs_answer=blank,
        summary=summary,
        change=compare(previous, question, score, covered, spec, rubric.writer),
    )


def _verdicts(
    question: Question, reading: AnswerReading, points: list[PointResult], rubric: Rubric,
    elsewhere: str | None, undercut: tuple[tuple[int, int], ...] = (), said: Mapping[str, Span] | None = None,
) -> dict[CriterionId, Verdict]:
    """Each criterion's verdict; `said` holds criterion parts found by meaning (a STAR step, framing's "toward")."""
    spec, lexicon, writer = rubric.spec, rubric.lexicon, rubric.writer
    signals = Signals(reading.sentences, reading.usable, lexicon.vocab)
    verdicts: dict[CriterionId, Verdict] = {
        "relevance": relevance_verdict(points, reading, spec.relevance, writer, elsewhere, undercut),
        "structure": structure_verdict(question, reading, signals, lexicon, spec.structure, writer, said),
        "evidence": evidence_verdict(reading, signals, lexicon, spec.evidence, writer, said),
        "clarity": clarity_verdict(reading, lexicon, spec.clarity, writer),
    }
    if spec.weights[question.category].get("framing", 0) > 0:
        verdicts["framing"] = framing_verdict(reading, signals, lexicon, spec.framing, writer, said or {})
    return verdicts


def allocate(raw: Mapping[K, float], maxes: Mapping[K, int], cap: int | None = None) -> dict[K, int]:
    """Whole points per criterion that add up exactly to the rounded total (largest remainders first)."""
    clean = {cid: min(float(maxes[cid]), max(0.0, v if math.isfinite(v) else 0.0)) for cid, v in raw.items()}
    total_raw = sum(clean.values())
    if cap is not None and total_raw > cap:
        clean = {cid: v * cap / total_raw for cid, v in clean.items()}
        total_raw = sum(clean.values())
    total = min(math.floor(total_raw + 0.5), sum(maxes.values()))
    scores = {cid: math.floor(v) for cid, v in clean.items()}
    order = sorted(clean, key=lambda cid: -(clean[cid] - scores[cid]))
    for cid in order[: max(0, total - sum(scores.values()))]:
        scores[cid] += 1
    return scores


def _label(cid: CriterionId, rubric: Rubric) -> str:
    return rubric.spec.criterion(cid).label


def _comment(cid: CriterionId, verdict: Verdict, gate: float, rubric: Rubric) -> str:
    notes = list(verdict.notes)
    if cid != "relevance" and gate < 1 and verdict.share > 0:
        notes.append(rubric.writer.gate(gate))
    return " ".join(notes)


def _highlights(points: list[PointResult], reading: AnswerReading) -> tuple[Highlight, ...]:
    """Every phrase that earned a talking point, in reading order."""
    spans = {
        (hit.start, hit.end): Highlight(hit.start, hit.end, reading.text[hit.start : hit.end], r.point.label)
        for r in points
        for hit in r.earned
    }
    return tuple(spans[k] for k in sorted(spans))
