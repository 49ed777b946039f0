"""This browser's conversations: the current one is remembered in the signed session cookie."""

from __future__ import annotations

from typing import Any

from flask import session as cookie

from chatbot.conversations.credentials import browser_key
from chatbot.conversations.current import coach_conversations
from chatbot.store import Access, Found

CURRENT = "current"


def access() -> Access:
    """The page's credential: the browser key, never a bearer token."""
    return Access(browser_key=browser_key())


def load(session_id: str | None) -> Found | None:
    """(session, messages) when the id names one of this browser's conversations."""
    if not browser_key():
        return None
    return coach_conversations().find(session_id, access())


def current_id() -> str | None:
    value = cookie.get(CURRENT)
    return value if isinstance(value, str) else None


def current() -> Found | None:
    return load(current_id())


def start_new() -> Found:
    """A new conversation, bound to this browser and made current; it opens with the greeting."""
    opened = coach_conversations().open(None, browser_key(create=True))
    cookie[CURRENT] = opened.session["id"]
    return opened.session, opened.messages


def current_or_new() -> Found:
    return current() or start_new()


def make_current(session_id: str) -> None:
    cookie[CURRENT] = session_id


def forget_current(session_id: str) -> None:
    """After a delete: the page must not try to continue a conversation that is gone."""
    if cookie.get(CURRENT) == session_id:
        cookie.pop(CURRENT)


def has_user_messages(messages: list[dict[str, Any]]) -> bool:
    return any(message["sender"] == "user" for message in messages)
