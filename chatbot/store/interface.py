"""What the conversation service asks of a store: narrow load and commit primitives, in plain data.

Two stores answer it: `SqlStore` (the database, for the service) and `MemoryStore` (a process's
memory, for the terminal client, the benchmarks and fast tests). Neither knows the engine: the
service hands them messages already turned into drafts and states already computed.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any, Protocol

from chatbot.store.access import Access

Record = dict[str, Any]  # a Session or Message as the contract's JSON shapes them (API.md)
Found = tuple[Record, list[Record]]  # (session, messages)


@dataclass(frozen=True)
class MessageDraft:
    """A message to append: who said it, the text, and what the page needs besides (quick replies...)."""

    sender: str
    text: str
    intent: str | None = None
    payload: dict[str, Any] = field(default_factory=dict)
    client_message_id: str | None = None


@dataclass(frozen=True)
class NewConversation:
    transition: str
    title: str
    state: dict[str, Any]
    token: str
    browser_key: str | None = None


@dataclass(frozen=True)
class Snapshot:
    """A conversation as last stored, read without the lock: where a turn's engine work starts from.

    `stored_turn` is set when the client's message id was already stored (a retry): nothing to run.
    """

    seq: int
    state: dict[str, Any]
    stored_turn: list[Record] | None = None


class LockedConversation(Protocol):
    """A conversation held under its write lock; everything appended commits together or not at all."""

    @property
    def seq(self) -> int: ...

    @property
    def state(self) -> dict[str, Any]: ...

    def stored_turn(self, client_message_id: str | None) -> list[Record] | None: ...

    def append_turn(self, user: MessageDraft, replies: Sequence[MessageDraft], state: dict[str, Any],
                    title: str) -> list[Record]:
        """The user's message and the replies, the new state; `title` names a conversation on its first turn."""
        ...


class ConversationStore(Protocol):
    def create(self, new: NewConversation, replies: Sequence[MessageDraft]) -> Found: ...

    def snapshot(self, public_id: str, access: Access, client_message_id: str | None) -> Snapshot | None: ...

    def locked(self, public_id: str, access: Access) -> AbstractContextManager[LockedConversation | None]: ...

    def read(self, public_id: str, access: Access) -> Found | None: ...

    def delete(self, public_id: str, access: Access) -> bool: ...

    def list_for_browser(self, browser_key: str | None, limit: int = 200) -> list[Record]: ...


def practice_scores(messages: Sequence[Record]) -> list[int]:
    """Scores of real attempts; a reply that only asked for an answer is not an attempt."""
    feedback = [message.get("feedback") for message in messages if message["sender"] == "bot"]
    return [f["score"] for f in feedback if f and not f.get("needs_answer")]
