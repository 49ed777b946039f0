"""Rows to the contract's JSON shapes (Session and Message of API.md)."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from chatbot.store.models import Conversation, Message


def iso(moment: datetime) -> str:
    """SQLite hands datetimes back without a zone; every stored time is UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).isoformat().replace("+00:00", "Z")


def session_json(row: Conversation) -> dict[str, Any]:
    return {
        "id": row.public_id,
        "created_at": iso(row.created_at),
        "updated_at": iso(row.updated_at),
        "transition": row.transition,
        "title": row.title,
    }


def message_json(row: Message) -> dict[str, Any]:
    payload = row.payload or {}
    return {
        "id": row.pk,
        "seq": row.seq,
        "sender": row.sender,
        "text": row.text,
        "created_at": iso(row.created_at),
        "intent": row.intent,
        "quick_replies": list(payload.get("quick_replies") or []),
        "question": payload.get("question"),
        "feedback": payload.get("feedback"),
    }


def summary_json(row: Conversation, message_count: int, scores: list[int]) -> dict[str, Any]:
    """A session as listed on the saved-sessions page."""
    return {**session_json(row), "message_count": message_count, "practice_scores": scores}
