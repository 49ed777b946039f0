"""Housekeeping on the database: retention and counts, for the CLI and health checks."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import CursorResult, delete, func, select

from chatbot.store.models import Conversation, Message, utcnow
from chatbot.store.transaction import transaction


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
