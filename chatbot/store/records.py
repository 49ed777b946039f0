"""The contract's JSON shapes of a Session and a Message (API.md), built the same way by every store."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

Record = dict[str, Any]


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def iso(moment: datetime) -> str:
    """SQLite hands datetimes back without a zone; every stored time is UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).isoformat().replace("+00:00", "Z")


def session_record(public_id: str, created_at: datetime, updated_at: datetime, transition: str,
                   title: str) -> Record:
    return {"id": public_id, "created_at": iso(created_at), "updated_at": iso(updated_at),
            "transition": transition, "title": title}


def message_record(pk: int, seq: int, sender: str, text: str, created_at: datetime, intent: str | None,
                   payload: dict[str, Any] | None) -> Record:
    payload = payload or {}
    return {
        "id": pk,
        "seq": seq,
        "sender": sender,
        "text": text,
        "created_at": iso(created_at),
        "intent": intent,
        "quick_replies": list(payload.get("quick_replies") or []),
        "question": payload.get("question"),
        "feedback": payload.get("feedback"),
    }


def summary_record(session: Record, message_count: int, scores: list[int]) -> Record:
    """A session as listed on the saved-sessions page."""
    return {**session, "message_count": message_count, "practice_scores": scores}
