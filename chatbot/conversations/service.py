"""The conversation service: every entry point (API, page, terminal, benchmarks) opens sessions,
runs turns, reads and deletes through here, on whichever store it was given."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from chatbot.conversations.typed import client_message_id as checked_client_id
from chatbot.conversations.typed import typed_text
from chatbot.dialogue.turns import Reply, Turn
from chatbot.errors import ApiError
from chatbot.knowledge import Knowledge
from chatbot.store import Access, ConversationStore, Found, MessageDraft, NewConversation, Record
from chatbot.store.tokens import new_token

NOT_FOUND = ApiError("not_found", "No such session, or it is not yours.", 404)
TITLE_LENGTH = 60


class DialogueEngine(Protocol):
    @property
    def knowledge(self) -> Knowledge: ...

    def transitions(self) -> list[str]: ...

    def open(self, transition: str | None) -> Turn: ...

    def respond(self, state: dict[str, Any], text: str) -> Turn: ...


@dataclass(frozen=True)
class Opened:
    """A new session: its record, the secret that reaches it, and the bot's opening messages."""

    session: Record
    token: str
    messages: list[Record]


def title_from(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= TITLE_LENGTH else flat[: TITLE_LENGTH - 1].rstrip() + "…"


def reply_draft(reply: Reply) -> MessageDraft:
    payload = {"quick_replies": list(reply.quick_replies), "question": reply.question, "feedback": reply.feedback}
    return MessageDraft("bot", reply.text, intent=reply.intent, payload=payload)


class Conversations:
    """Sessions and turns over an engine and a store; the store owns transactions, the engine the words."""

    def __init__(self, engine: DialogueEngine, store: ConversationStore) -> None:
        self.engine = engine
        self.store = store

    def transition(self, requested: str | None) -> str:
        if requested is None:
            return self.engine.knowledge.default_transition
        known = self.engine.transitions()
        if requested not in known:
            raise ApiError("unknown_transition", f"Unknown transition '{requested}'. Known: {', '.join(known)}.")
        return requested

    def label(self, transition: str) -> str:
        spec = self.engine.knowledge.transitions[transition]
        roles = self.engine.knowledge.roles
        return f"{roles[spec.from_role].name} → {roles[spec.to_role].name}"

    def open(self, requested: str | None = None, browser_key: str | None = None) -> Opened:
        """A new conversation with the bot's opening turn, bound to a browser when one is given."""
        transition = self.transition(requested)
        opening = self.engine.open(transition)
        token = new_token()
        new = NewConversation(transition, self.label(transition), opening.state, token, browser_key)
        session, messages = self.store.create(new, [reply_draft(reply) for reply in opening.replies])
        return Opened(session, token, messages)

    def turn(self, public_id: str, access: Access, text: Any, client_message_id: Any = None) -> list[Record]:
        """The user's message and the bot's replies, stored atomically; raises NOT_FOUND.

        The engine, the slow part, runs outside the lock on the state as last stored; the lock is then
        held only to write. If another turn landed in between, the answer is worked out again under the
        lock from the newer state, so turns still apply one after another. The retry check runs under
        the lock too, so a retry racing its original finds the stored turn instead of adding one.
        """
        said = typed_text(text)
        retry_key = checked_client_id(client_message_id)
        seen = self.store.snapshot(public_id, access, retry_key)
        if seen is None:
            raise NOT_FOUND
        if seen.stored_turn is not None:
            return seen.stored_turn
        result = self.engine.respond(seen.state, said)
        with self.store.locked(public_id, access) as held:
            if held is None:
                raise NOT_FOUND  # deleted meanwhile
            stored = held.stored_turn(retry_key)
            if stored is not None:
                return stored
            if held.seq != seen.seq:
                result = self.engine.respond(held.state, said)
            user = MessageDraft("user", said, client_message_id=retry_key)
            return held.append_turn(user, [reply_draft(r) for r in result.replies], result.state, title_from(said))

    def read(self, public_id: str, access: Access) -> Found:
        found = self.store.read(public_id, access)
        if found is None:
            raise NOT_FOUND
        return found

    def find(self, public_id: str | None, access: Access) -> Found | None:
        """Like read, for callers to whom a missing conversation is not an error."""
        return self.store.read(public_id, access) if public_id else None

    def delete(self, public_id: str, access: Access) -> None:
        if not self.store.delete(public_id, access):
            raise NOT_FOUND

    def listed(self, browser_key: str | None) -> list[Record]:
        """This browser's conversations, newest first."""
        return self.store.list_for_browser(browser_key)
