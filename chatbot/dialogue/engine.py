"""The engine a service or terminal holds: loaded once, then answers turns without side effects."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from chatbot.dialogue.turns import Reply, State, Turn

DEFAULT_TRANSITION = "data-scientist-to-machine-learning-engineer"


def _optional_knowledge(data_dir: Path) -> Any:
    try:
        from chatbot.knowledge import load_knowledge
    except ImportError:
        return None
    return load_knowledge(data_dir)


def _optional_rubric(data_dir: Path) -> Any:
    try:
        from chatbot.feedback import Rubric
    except ImportError:
        return None
    return Rubric.load(data_dir / "rubric.yaml")


def _load_responses(folder: Path) -> dict[str, dict[str, Any]]:
    responses: dict[str, dict[str, Any]] = {}
    for path in sorted(folder.glob("*.yaml")):
        responses.update(yaml.safe_load(path.read_text(encoding="utf-8")) or {})
    return responses


@dataclass(frozen=True)
class Engine:
    knowledge: Any
    rubric: Any
    responses: dict[str, dict[str, Any]]

    @classmethod
    def load(cls, data_dir: Path, intents_dir: Path) -> Engine:
        data_dir = Path(data_dir)
        return cls(_optional_knowledge(data_dir), _optional_rubric(data_dir),
                   _load_responses(data_dir / "responses"))

    def transitions(self) -> list[str]:
        if self.knowledge is None:
            return [DEFAULT_TRANSITION]
        return list(self.knowledge.transitions)

    def open(self, transition: str | None) -> Turn:
        chosen = transition or (self.knowledge.default_transition if self.knowledge else DEFAULT_TRANSITION)
        if chosen not in self.transitions():
            raise ValueError(f"unknown transition {chosen!r}")
        return Turn({"v": 1, "transition": chosen}, (self._reply("greeting"),))

    def respond(self, state: State, text: str) -> Turn:
        chosen = state.get("transition") if isinstance(state, dict) else None
        if chosen not in self.transitions():
            chosen = self.transitions()[0]
        return Turn({"v": 1, "transition": chosen}, (self._reply("fallback"),))

    def _reply(self, key: str) -> Reply:
        entry = self.responses[key]
        return Reply(entry["text"].strip(), key, tuple(entry.get("quick_replies", ())))
