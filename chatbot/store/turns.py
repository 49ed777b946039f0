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

    The engine, the slow part, runs outside the lock on the state as last stored; the lock is then
    held only to write. If another turn landed in between, the answer is worked out again under the
    lock from the newer state, so turns still apply one after another. The idempotency check runs
    under the lock too, so a retry racing its original finds the stored turn instead of adding one.
    """
    if not is_public_id(public_id):
        return None
    with transaction(read_only=True) as db_session:
        row = _authorised(db_session, select(Conversation), public_id, access)
        if row is None:
            return None
        stored = _stored_turn(db_session, row, client_message_id)
        if stored is not None:
            return stored
        seen_seq, seen_state = row.last_seq, row.state
    result = engine.respond(seen_state, text)
    with transaction() as db_session:
        row = _authorised(db_session, locking(select(Conversation)), public_id, access)
        if row is None:
            return None  # deleted meanwhile
        stored = _stored_turn(db_session, row, client_message_id)
        if stored is not None:
            return stored
        if row.last_seq != seen_seq:
            result = engine.respond(row.state, text)
        return _store(db_session, row, text, client_message_id, result)


def _authorised(db_session, query, public_id: str, access: Access) -> Conversation | None:
    row = db_session.scalar(query.where(Conversation.public_id == public_id))
    return row if row is not None and access.allows(row) else None


def _store(db_session, row: Conversation, text: str, client_message_id: str | None, result) -> list[dict[str, Any]]:
    if row.updated_at == row.created_at:  # only turns move updated_at: this is the first one
        row.title = title_from(text)
    user = add_message(db_session, row, "user", text, None, client_message_id=client_message_id, payload={})
    replies = add_replies(db_session, row, result.replies, turn=user.seq)
    row.state = result.state
    row.updated_at = utcnow()
    db_session.flush()
    return [message_json(m) for m in [user, *replies]]


def _stored_turn(db_session, row: Conversation, client_message_id: str | None) -> list[dict[str, Any]] | None:
    if client_message_id is None:
        return None
    user = db_session.scalar(select(Message).where(
        Message.conversation_pk == row.pk, Message.client_message_id == client_message_id))
    if user is None:
        return None
    turn = db_session.scalars(select(Message).where(
        Message.conversation_pk == row.pk, Message.turn == user.seq).order_by(Message.seq)).all()
    return [message_json(m) for m in turn]
