"""A conversation through the conversation service on the in-memory store: the API's turn path, no HTTP."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from chatbot.conversations import Conversations
from chatbot.store import Access, MemoryStore


@dataclass(frozen=True)
class Said:
    """The last bot message of a turn, where questions and feedback appear."""

    text: str
    intent: str | None
    quick_replies: list[str]
    question: dict[str, Any] | None
    feedback: dict[str, Any] | None


def said(message: dict[str, Any]) -> Said:
    return Said(message["text"], message["intent"], message["quick_replies"], message["question"],
                message["feedback"])


class MemoryChat:
    def __init__(self, engine: Any, transition: str | None = None) -> None:
        self.service = Conversations(engine, MemoryStore())
        opened = self.service.open(transition)
        self.id, self.access = opened.session["id"], Access(token=opened.token)
        self.replies = tuple(said(message) for message in opened.messages)

    def say(self, text: str) -> Said:
        """Send one message; returns the last reply of the turn (where questions and feedback appear)."""
        self.replies = tuple(said(message) for message in self.service.turn(self.id, self.access, text)[1:])
        return self.replies[-1]

    @property
    def state(self) -> dict[str, Any]:
        """The dialogue state as stored after the last turn."""
        snapshot = self.service.store.snapshot(self.id, self.access, None)
        assert snapshot is not None
        return snapshot.state

    @property
    def messages(self) -> list[dict[str, Any]]:
        return self.service.read(self.id, self.access)[1]
