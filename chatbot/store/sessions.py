"""Creating, finding, listing and deleting conversations, each in its own transaction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Protocol, cast

from sqlalchemy import CursorResult, delete, func, select

from chatbot.dialogue.turns import Reply, Turn
from chatbot.store.models import Conversation, Message, utcnow
from chatbot.store.tokens import hash_secret, is_public_id, new_public_id, new_token, secret_matches
from chatbot.store.transaction import transaction
from chatbot.store.views import message_json, session_json, summary_json


class DialogueEngine(Protocol):
    def open(self, transition: str | None) -> Turn: ...
    def respond(self, state: dict[str, Any], text: str) -> Turn: ...


@dataclass(frozen=True)
class Access:
    """Who is asking: an API client with its bearer token, or the web page with its browser key."""

    token: str | None = None
    browser_key: str | None = None

    def allows(self, row: Conversation) -> bool:
        by_token = secret_matches(self.token, row.token_hash)
        by_browser = secret_matches(self.browser_key, row.browser_hash)
        return by_token or by_browser


def reply_payload(reply: Reply) -> dict[str, Any]:
    return {"quick_replies": list(reply.quick_replies), "question": reply.question, "feedback": reply.feedback}


def add_message(db_session, row: Conversation, sender: str, text: str, turn: int | None,
                **fields: Any) -> Message:
    """Append with the next seq; callers hold the conversation's lock so seq stays gapless.

    Linked by key rather than through the relationship, so a turn never loads the whole history.
    """
    row.last_seq += 1
    message = Message(conversation_pk=row.pk, seq=row.last_seq, turn=turn or row.last_seq, sender=sender,
                      text=text, created_at=utcnow(), **fields)
    db_session.add(message)
    return message


def add_replies(db_session, row: Conversation, replies: tuple[Reply, ...], turn: int) -> list[Message]:
    return [
        add_message(db_session, row, "bot", reply.text, turn, intent=reply.intent, payload=reply_payload(reply))
        for reply in replies
    ]


def create_session(engine: DialogueEngine, transition: str, title: str,
                   browser_key: str | None = None) -> tuple[dict[str, Any], str, list[dict[str, Any]]]:
    """A new conversation with the bot's opening turn; returns (session, token, messages)."""
    opening = engine.open(transition)
    token = new_token()
    with transaction() as db_session:
        now = utcnow()
        row = Conversation(
            public_id=new_public_id(), token_hash=hash_secret(token),
            browser_hash=hash_secret(browser_key) if browser_key else None,
            transition=transition, title=title, state=opening.state, last_seq=0,
            created_at=now, updated_at=now,
        )
        db_session.add(row)
        db_session.flush()
        messages = add_replies(db_session, row, opening.replies, turn=1)
        db_session.flush()
        return session_json(row), token, [message_json(m) for m in messages]


def _find(db_session, public_id: str, access: Access) -> Conversation | None:
    if not is_public_id(public_id):
        return None
    row = db_session.scalar(select(Conversation).where(Conversation.public_id == public_id))
    if row is None or not access.allows(row):
        return None
    return row


def get_session(public_id: str, access: Access) -> tuple[dict[str, Any], list[dict[str, Any]]] | None:
    with transaction(read_only=True) as db_session:
        row = _find(db_session, public_id, access)
        if row is None:
            return None
        return session_json(row), [message_json(m) for m in row.messages]


def delete_session(public_id: str, access: Access) -> bool:
    with transaction() as db_session:
        row = _find(db_session, public_id, access)
        if row is None:
            return False
        db_session.execute(delete(Message).where(Message.conversation_pk == row.pk))
        db_session.delete(row)
        return True


def list_sessions(browser_key: str | None, limit: int = 200) -> list[dict[str, Any]]:
    """This browser's conversations, newest first, with message counts and practice scores."""
    if not browser_key:
        return []
    with transaction(read_only=True) as db_session:
        rows = db_session.scalars(
            select(Conversation).where(Conversation.browser_hash == hash_secret(browser_key))
            .order_by(Conversation.updated_at.desc()).limit(limit)
        ).all()
        return [summary_json(row, len(row.messages), practice_scores(row.messages)) for row in rows]


def practice_scores(messages: list[Message]) -> list[int]:
    """Scores of real attempts; a reply that only asked for an answer is not an attempt."""
    feedback = [(m.payload or {}).get("feedback") for m in messages if m.sender == "bot"]
    return [f["score"] for f in feedback if f and not f.get("needs_answer")]


def purge_older_than(age: timedelta) -> int:
    """Retention: remove conversations untouched for `age`, with all their messages."""
    cutoff: datetime = utcnow() - age
    with transaction() as db_session:
        old = select(Conversation.pk).where(Conversation.updated_at < cutoff)
        db_session.execute(delete(Message).where(Message.conversation_pk.in_(old)))
        stale = delete(Conversation).where(Conversation.updated_at < cutoff)
        result = cast("CursorResult[Any]", db_session.execute(stale))
        return result.rowcount or 0


def count_rows() -> tuple[int, int]:
    """(conversations, messages): used by health and maintenance commands."""
    with transaction(read_only=True) as db_session:
        return (db_session.scalar(select(func.count()).select_from(Conversation)) or 0,
                db_session.scalar(select(func.count()).select_from(Message)) or 0)
