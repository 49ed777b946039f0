"""What to tell the user beyond the numbers: the few tips worth most points, a summary, what changed."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from chatbot.feedback.result import Change, Criterion
from chatbot.feedback.spec import RubricSpec
from chatbot.feedback.wording import Writer
from chatbot.knowledge.models import Question

MIN_TIPS = 2


def choose_tips(
    options: Sequence[tuple[float, str]], spec: RubricSpec, question: Question
) -> tuple[str, ...]:
    """The tips that would recover the most points, topped up with polish tips to at least two."""
    style = spec.wording
    ranked = [text for _, text in sorted(options, key=lambda o: -o[0])]
    worth = [text for value, text in sorted(options, key=lambda o: -o[0]) if value >= style.tip_min_points]
    chosen = list(dict.fromkeys(worth))[: style.tips_max]
    for text in [*ranked, *_polish(spec, question)]:
        if len(chosen) >= MIN_TIPS:
            break
        if text not in chosen:
            chosen.append(text)
    return tuple(chosen)


def _polish(spec: RubricSpec, question: Question) -> list[str]:
    return [t.format(follow_up=question.follow_up, hint=question.hint) for t in spec.wording.polish_tips]


def needs_answer_tips(spec: RubricSpec, question: Question) -> tuple[str, ...]:
    return tuple(
        dict.fromkeys(
            t.format(hint=question.hint, follow_up=question.follow_up) for t in spec.needs_answer.tips
        )
    )


def summary_sentence(
    score: int, criteria: Sequence[Criterion], covered: int, total: int, spec: RubricSpec
) -> str:
    """One sentence: how good, how many points made, and which criterion has the most to gain."""
    focus = max(criteria, key=lambda c: c.max - c.score)
    band = next(b for b in spec.summary if score >= b.min)
    text = band.all_covered if band.all_covered and total and covered == total else band.text
    return text.format(score=score, covered=covered, total=total, focus=spec.criterion(focus.id).focus)


def compare(
    previous: Mapping[str, Any] | None,
    question: Question,
    score: int,
    covered: Sequence[str],
    spec: RubricSpec,
    writer: Writer,
) -> Change | None:
    """How this attempt differs from a previous `to_dict()` of the same question; None if not comparable."""
    before = _previous(previous, question)
    if before is None:
        return None
    previous_score, previously_covered = before
    delta = score - previous_score
    newly = tuple(label for label in covered if label not in previously_covered)
    lost = tuple(
        p.label for p in question.talking_points if p.label in previously_covered and p.label not in covered
    )
    c = spec.change
    lines = [c.better if delta > 0 else c.worse if delta < 0 else c.same]
    lines[0] = lines[0].format(delta=abs(delta))
    if newly:
        lines.append(c.newly_covered.format(items=writer.items(list(newly))))
    if lost:
        lines.append(c.no_longer_covered.format(items=writer.items(list(lost))))
    return Change(previous_score, delta, newly, lost, " ".join(lines))


def _previous(previous: Mapping[str, Any] | None, question: Question) -> tuple[int, set[str]] | None:
    """Read what is needed from an earlier feedback dict, ignoring anything malformed."""
    if not isinstance(previous, Mapping):
        return None
    qid = previous.get("question_id")
    score = previous.get("score")
    if (qid is not None and qid != question.id) or isinstance(score, bool) or not isinstance(score, int):
        return None
    points = previous.get("talking_points")
    covered = points.get("covered") if isinstance(points, Mapping) else None
    labels = {c for c in covered if isinstance(c, str)} if isinstance(covered, list | tuple) else set()
    return max(0, min(100, score)), labels
