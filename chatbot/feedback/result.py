"""The immutable values feedback is made of, and their JSON shape for the API."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from chatbot.feedback.spec_base import CriterionId


@dataclass(frozen=True)
class TipOption:
    """A tip a criterion could give, and the share of that criterion following it would recover."""

    text: str
    share: float


@dataclass(frozen=True)
class Verdict:
    """One criterion's judgement before weighting: the share earned and the sentences explaining it."""

    share: float
    notes: tuple[str, ...]
    tips: tuple[TipOption, ...] = ()


@dataclass(frozen=True)
class Criterion:
    id: CriterionId
    label: str
    score: int
    max: int
    comment: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "label": self.label,
            "score": self.score,
            "max": self.max,
            "comment": self.comment,
        }


@dataclass(frozen=True)
class Highlight:
    """A phrase of the answer (offsets into the original text) that made a talking point."""

    start: int
    end: int
    text: str
    point: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "point": self.point}


@dataclass(frozen=True)
class Change:
    """How a retry compares with the previous attempt at the same question."""

    previous_score: int
    delta: int
    newly_covered: tuple[str, ...]
    no_longer_covered: tuple[str, ...]
    summary: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "previous_score": self.previous_score,
            "delta": self.delta,
            "newly_covered": list(self.newly_covered),
            "no_longer_covered": list(self.no_longer_covered),
            "summary": self.summary,
        }


@dataclass(frozen=True)
class Feedback:
    """The assessment of one answer; `to_dict()` is the API's Feedback object."""

    question_id: str
    score: int
    criteria: tuple[Criterion, ...]
    covered: tuple[str, ...]
    missed: tuple[str, ...]
    tips: tuple[str, ...]
    highlights: tuple[Highlight, ...]
    needs_answer: bool
    summary: str
    change: Change | None = None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "question_id": self.question_id,
            "score": self.score,
            "criteria": [c.to_dict() for c in self.criteria],
            "talking_points": {"covered": list(self.covered), "missed": list(self.missed)},
            "tips": list(self.tips),
            "highlights": [h.to_dict() for h in self.highlights],
            "needs_answer": self.needs_answer,
            "summary": self.summary,
        }
        if self.change is not None:
            data["change"] = self.change.to_dict()
        return data
