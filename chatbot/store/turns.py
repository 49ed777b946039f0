"""Running one turn: lock the conversation, ask the engine, store everything or nothing."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from chatbot.store.models import Conversation, Message, utcnow
from chatbot.store.sessions import Access, DialogueEngine, add_message, add_replies
from chatbot.store.tokens import is_public_id
from chatbot.store.transaction import locking, transaction
from chatbot.store.views import message_json

TITLE_LENGTH = 60


def title_from(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= TITLE_LENGTH else flat[: TITLE_LENGTH - 1].rstrip() + "…"


def run_turn(engine: DialogueEngine, public_id: str, access: Access, text: str,
             client_message_id: str | None = None) -> list[dict[str, Any]] | None:
    """The user's message, the bot's replies and the new state, atomically; None when not found.

    The row lock (or SQLite's write lock) is taken before the idempotency check, so a retry racing
    its original waits for it and then finds the stored turn instead of storing a second one.
    """
    if not is_public_id(public_id):
        return None
    with transaction() as db_session:
        row = db_session.scalar(locking(select(Conversation).where(Conversation.public_id == public_id)))
        if row is None or not access.allows(row):
            return None
        if client_message_id is not None:
            stored = _stored_turn(db_session, row, client_message_id)
            if stored is not None:
                return stored
        result = engine.respond(row.state, text)
        if row.updated_at == row.created_at:  # only turns move updated_at: this is the first one
            row.title = title_from(text)
        user = add_message(db_session, row, "user", text, None, client_message_id=client_message_id, payload={})
        replies = add_replies(db_session, row, result.replies, turn=user.seq)
        row.state = result.state
        row.updated_at = utcnow()
        db_session.flush()
        return [message_json(m) for m in [user, *replies]]


def _stored_turn(db_session, row: Conversation, client_message_id: str) -> list[dict[str, Any]] | None:
    user = db_session.scalar(select(Message).where(
        Message.conversation_pk == row.pk, Message.client_message_id == client_message_id))
    if user is None:
        return None
    turn = db_session.scalars(select(Message).where(
        Message.conversation_pk == row.pk, Message.turn == user.seq).order_by(Message.seq)).all()
    return [message_json(m) for m in turn]
