"""The conversation's memory as a versioned JSON dict, and the upgrade path for stored sessions."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from types import MappingProxyType
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

STATE_VERSION = 3
Mode = Literal["chat", "practice", "assessment"]
MAX_ATTEMPTS_KEPT = 5  # per question: enough for "try again" and the summary, bounded in storage


class Section(BaseModel):
    """Old sessions may carry fields we dropped; ignore them rather than lose the whole state."""

    model_config = ConfigDict(extra="ignore", validate_assignment=True)


class Profile(Section):
    """What the user told us about themselves, used to personalise answers."""

    current_role: str | None = None
    years: int | None = None
    known_skills: list[str] = []
    lacking_skills: list[str] = []  # skills they said they have never used
    ratings: dict[str, int] = {}  # skill id -> self-rating 1-5
    salary: int | None = None  # what they earn now, in pounds a year
    location: str | None = None  # where they live or work, as they named it
    hours_per_week: int | None = None  # time they can give to the move
    last_learned: list[str] = []  # the facts the latest statement added: what "forget that" forgets


class ShownList(Section):
    """The numbered list the last answer showed, so "the second one" can be resolved."""

    kind: str
    items: list[str]


class Attempt(Section):
    """What a retry is compared with and the summary reports; the full feedback lives in the transcript,
    so the state (read and written on every turn) stays small however long the practice runs."""

    score: int
    covered: list[str] = []  # labels of the talking points this attempt made
    criteria: dict[str, list[int]] = {}  # criterion label -> [points earned, points possible]

    def as_previous(self, question_id: str) -> dict[str, Any]:
        """The shape of the feedback's own `to_dict()` that a comparison reads."""
        return {"question_id": question_id, "score": self.score, "talking_points": {"covered": self.covered}}


class Practice(Section):
    question: str | None = None  # the current question (hint, model answer and try again refer to it)
    awaiting: bool = False  # the next message is the answer to the current question
    asked: list[str] = []
    attempts: dict[str, list[Attempt]] = {}
    focus_skill: str | None = None
    focus_category: str | None = None
    focus_words: list[str] = []  # the skill's own names the request used ("kubernetes" of "Kubernetes and Docker")
    retrying: bool = False  # "try again" was asked: the next answer is compared with the last
    last_answer: str | None = None  # the last answer scored, so "adding to what I said: ..." builds on it


class Assessment(Section):
    pending: list[str] = []  # skills still to ask about, in order
    before: dict[str, int] = {}  # the ratings when this assessment began, so a re-take shows what changed
    current: str | None = None
    answered: list[str] = []
    skipped: list[str] = []  # passed over with "skip": still counted in "3/10"
    finished: bool = False


class DialogueState(Section):
    v: int = STATE_VERSION
    transition: str
    mode: Mode = "chat"
    last_topic: str | None = None  # the response key of the last topic answer
    last_intent: str | None = None
    last_level: str | None = None
    last_skill: str | None = None
    last_list: ShownList | None = None
    told_since_topic: bool = False  # facts about them came after the last topic answer: it may read differently now
    last_passage: str | None = None  # the guide passage last quoted, so the same one is never quoted twice
    topics_covered: list[str] = []  # the topics answered so far, in order: a summary before any practice lists them
    profile: Profile = Field(default_factory=Profile)
    practice: Practice = Field(default_factory=Practice)
    assessment: Assessment = Field(default_factory=Assessment)

    def dump(self) -> dict[str, Any]:
        return self.model_dump(mode="json")


SECTIONS: Mapping[str, type[Section]] = MappingProxyType(
    {"profile": Profile, "practice": Practice, "assessment": Assessment})


def fresh(transition: str) -> DialogueState:
    return DialogueState(transition=transition)


def _salvage(raw: Mapping[str, Any], transition: str) -> DialogueState:
    """Keep every section that still validates; reset only the broken ones."""
    state = fresh(transition)
    for name, model in SECTIONS.items():
        try:
            setattr(state, name, model.model_validate(raw.get(name, {})))
        except (ValidationError, TypeError):
            continue
    for name in ("mode", "last_topic", "last_intent", "last_level", "last_skill", "last_list", "told_since_topic"):
        try:
            setattr(state, name, raw.get(name))
        except ValidationError:
            continue
    return state


def _upgrade_v1(raw: Mapping[str, Any]) -> dict[str, Any]:
    """Version 1 held only the transition."""
    return {"v": 2, "transition": raw.get("transition")}


def _upgrade_v2(raw: Mapping[str, Any]) -> dict[str, Any]:
    """Version 2 kept every attempt's whole feedback; version 3 keeps its score and covered points."""
    practice = dict(raw.get("practice") or {}) if isinstance(raw.get("practice"), Mapping) else {}
    attempts: Mapping[str, Any] = practice["attempts"] if isinstance(practice.get("attempts"), Mapping) else {}
    practice["attempts"] = {qid: [_slim(a) for a in tries if isinstance(a, Mapping)]
                            for qid, tries in attempts.items() if isinstance(tries, list)}
    return {**raw, "v": 3, "practice": practice}


def _slim(attempt: Mapping[str, Any]) -> dict[str, Any]:
    feedback: Mapping[str, Any] = attempt["feedback"] if isinstance(attempt.get("feedback"), Mapping) else {}
    points: Mapping[str, Any] = feedback["talking_points"] if isinstance(feedback.get("talking_points"), Mapping) else {}
    return {"score": attempt.get("score"), "covered": points.get("covered") or []}


UPGRADES: Mapping[int, Callable[[Mapping[str, Any]], dict[str, Any]]] = MappingProxyType(
    {1: _upgrade_v1, 2: _upgrade_v2})


def _upgraded(raw: Mapping[str, Any]) -> Mapping[str, Any] | None:
    version = raw.get("v")
    while version != STATE_VERSION:
        upgrade = UPGRADES.get(version) if isinstance(version, int) else None
        if upgrade is None:
            return None
        raw = upgrade(raw)
        version = raw.get("v")
    return raw


def restore(raw: Any, transitions: Collection[str], default: str) -> DialogueState:
    """Any stored value becomes a usable state: upgraded when old, reset when unreadable. Never raises."""
    if not isinstance(raw, Mapping):
        return fresh(default)
    transition = raw.get("transition")
    transition = transition if isinstance(transition, str) and transition in transitions else default
    upgraded = _upgraded(raw)
    if upgraded is None:
        return fresh(transition)
    try:
        state = DialogueState.model_validate({**upgraded, "transition": transition})
    except (ValidationError, TypeError):
        state = _salvage(upgraded, transition)
    return state


def prune(state: DialogueState, skills: Collection[str], questions: Collection[str]) -> DialogueState:
    """Drop references the knowledge base no longer has (content changes between deployments)."""
    profile, practice = state.profile, state.practice
    profile.known_skills = [s for s in profile.known_skills if s in skills]
    profile.lacking_skills = [s for s in profile.lacking_skills if s in skills]
    profile.ratings = {s: min(5, max(1, r)) for s, r in profile.ratings.items() if s in skills}
    practice.asked = [q for q in practice.asked if q in questions]
    practice.attempts = {q: a for q, a in practice.attempts.items() if q in questions}
    if practice.question not in questions:
        practice.question, practice.awaiting, practice.retrying = None, False, False
    if practice.focus_skill not in skills:
        practice.focus_skill = None
    if state.last_skill not in skills:
        state.last_skill = None
    progress = state.assessment
    progress.pending = [s for s in progress.pending if s in skills]
    if progress.current not in skills:
        progress.current = None
    if state.mode == "assessment" and progress.current is None:
        state.mode = "chat"
    if state.mode == "practice" and practice.question is None:
        state.mode = "chat"
    return state
