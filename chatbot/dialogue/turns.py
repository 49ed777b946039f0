"""What the engine hands back for each turn: plain values the store can save and the API can render."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

State = dict[str, Any]  # JSON-serialisable dialogue state, versioned by its "v" key


@dataclass(frozen=True)
class Reply:
    """One bot message. `question` and `feedback` are already in their API.md JSON shape."""

    text: str
    intent: str
    quick_replies: tuple[str, ...] = ()
    question: dict[str, Any] | None = None
    feedback: dict[str, Any] | None = None


@dataclass(frozen=True)
class Turn:
    state: State
    replies: tuple[Reply, ...] = field(default_factory=tuple)
