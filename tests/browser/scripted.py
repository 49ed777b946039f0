"""A stand-in dialogue engine that plays the short script in script.yaml.

Page tests are about rendering (bubbles, question and feedback cards, highlights, tables, quick
replies), so they need fixed shapes that do not move when the real engine's content grows. This
engine honours the Engine interface the store and the API use: open, respond, transitions, knowledge.
A test may also choose the next turn's replies itself (`say_next`), to show a shape the script lacks.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import yaml

from chatbot.dialogue.turns import Reply, Turn

SCRIPT = Path(__file__).with_name("script.yaml")
MIN_ANSWER_WORDS = 3


def _reply(entry: dict[str, Any], text: str | None = None, **extra: Any) -> Reply:
    return Reply(text if text is not None else entry["text"].strip(), entry["intent"],
                 tuple(entry.get("quick_replies", ())), **extra)


def _has_cue(text: str, cues: list[str]) -> bool:
    folded = text.casefold()
    return any(cue in folded for cue in cues)


class ScriptedEngine:
    def __init__(self, script: dict[str, Any]):
        self.script = script
        roles = {role_id: SimpleNamespace(name=name) for role_id, name in script["roles"].items()}
        from_role, to_role = list(roles)
        self.knowledge = SimpleNamespace(
            default_transition=script["transition"],
            transitions={script["transition"]: SimpleNamespace(from_role=from_role, to_role=to_role)},
            roles=roles,
            skills={skill_id: SimpleNamespace(name=name) for skill_id, name in script["skills"].items()},
        )
        self.rubric = None
        self.queued: list[tuple[Reply, ...]] = []

    def say_next(self, *replies: Reply) -> None:
        """Answer the next turn with these replies instead of the script; the state is kept as it is."""
        self.queued.append(replies)

    @classmethod
    def load(cls, path: Path = SCRIPT) -> ScriptedEngine:
        return cls(yaml.safe_load(path.read_text(encoding="utf-8")))

    def transitions(self) -> list[str]:
        return [self.script["transition"]]

    def open(self, transition: str | None) -> Turn:
        if transition not in (None, *self.transitions()):
            raise ValueError(f"unknown transition {transition!r}")
        return Turn({"v": 1, "open": False, "attempts": []}, (_reply(self.script["greeting"]),))

    def respond(self, state: dict[str, Any], text: str) -> Turn:
        state = {"v": 1, "open": False, "attempts": [], **state}
        if self.queued:
            return Turn(state, self.queued.pop(0))
        practice = self.script["practice"]
        folded = text.strip().casefold()
        if folded == "summary":
            return Turn({**state, "open": False}, (self._summary(state),))
        if _has_cue(folded, practice["cues"]):
            retry = _has_cue(folded, practice["retry_cues"])
            wording = practice["retry_text"] if retry else practice["text"]
            return Turn({**state, "open": True, "retrying": retry},
                        (_reply(practice, wording, question=dict(practice["question"])),))
        if state["open"]:
            return self._feedback(state, text)
        for topic in self.script["topics"]:
            if _has_cue(folded, topic["cues"]):
                return Turn(state, (_reply(topic),))
        return Turn(state, (_reply(self.script["fallback"]),))

    def _feedback(self, state: dict[str, Any], answer: str) -> Turn:
        practice, spec = self.script["practice"], self.script["feedback"]
        if len(answer.split()) < MIN_ANSWER_WORDS:
            feedback = {"question_id": practice["question"]["id"], "score": 0, "criteria": [],
                        "talking_points": {"covered": [], "missed": []}, "tips": practice["tips"][:1],
                        "needs_answer": True, "summary": spec["short_summary"], "highlights": []}
            return Turn(state, (_reply(spec, spec["short_summary"], feedback=feedback),))
        feedback = self._assess(answer, spec, practice)
        attempts = state["attempts"]
        if state.get("retrying") and attempts:
            previous = attempts[-1]
            feedback["change"] = {
                "previous_score": previous["score"], "delta": feedback["score"] - previous["score"],
                "newly_covered": [p for p in feedback["talking_points"]["covered"] if p not in previous["covered"]],
            }
        attempts = [*attempts, {"score": feedback["score"], "covered": feedback["talking_points"]["covered"]}]
        reply = _reply(spec, spec["text"].format(score=feedback["score"]), feedback=feedback)
        return Turn({**state, "open": False, "retrying": False, "attempts": attempts}, (reply,))

    def _assess(self, answer: str, spec: dict[str, Any], practice: dict[str, Any]) -> dict[str, Any]:
        """Credit each talking point whose cue appears, highlighting every cue found in the answer."""
        folded = answer.casefold()
        covered, missed, highlights = [], [], []
        for point in practice["talking_points"]:
            found = [(folded.find(cue), cue) for cue in point["cues"] if cue in folded]
            (covered if found else missed).append(point["label"])
            for start, cue in found:
                highlights.append({"start": start, "end": start + len(cue), "text": answer[start:start + len(cue)],
                                   "point": point["label"]})
        points = practice["talking_points"]
        relevance = spec["criteria"]["relevance"]
        evidence = spec["criteria"]["evidence"]
        relevance_score = round(relevance["max"] * len(covered) / len(points))
        evidence_score = evidence["max"] if any(ch.isdigit() for ch in answer) else evidence["max"] // 4
        criteria = [
            {"id": "relevance", "label": relevance["label"], "score": relevance_score, "max": relevance["max"],
             "comment": relevance["comment"]},
            {"id": "evidence", "label": evidence["label"], "score": evidence_score, "max": evidence["max"],
             "comment": evidence["comment"]},
        ]
        return {"question_id": practice["question"]["id"], "score": relevance_score + evidence_score,
                "criteria": criteria, "talking_points": {"covered": covered, "missed": missed},
                "tips": list(practice["tips"]), "highlights": highlights, "needs_answer": False,
                "summary": spec["summary"]}

    def _summary(self, state: dict[str, Any]) -> Reply:
        spec, question = self.script["summary"], self.script["practice"]["question"]
        scores = [attempt["score"] for attempt in state["attempts"]]
        rows = [spec["header"], ["---"] * len(spec["header"])]
        if scores:
            rows.append([question["text"], str(len(scores)), f"{max(scores)}/100"])
        table = "\n".join("| " + " | ".join(row) + " |" for row in rows)
        return _reply(spec, spec["text"].strip().format(table=table))


def scripted_app(database_url: str, **config: Any):
    """An app on this test's database that plays the script; needs nothing from the real engine."""
    from chatbot import create_app
    from chatbot.config import engine_options

    return create_app({
        "TESTING": True,
        "SQLALCHEMY_DATABASE_URI": database_url,
        "SQLALCHEMY_ENGINE_OPTIONS": engine_options(database_url),
        "RATELIMIT_ENABLED": False,
        "SECRET_KEY": "scripted-test-secret",
        "ENGINE": ScriptedEngine.load(),
        **config,
    })


def dispose(app) -> None:
    from chatbot.extensions import db

    with app.app_context():
        db.engine.dispose()
