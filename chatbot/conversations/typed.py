"""Checks on what a person typed, shared by every entry point: each rejection names the field."""

from __future__ import annotations

from typing import Any

from chatbot.errors import ApiError

MAX_TEXT = 4000
MAX_CLIENT_ID = 64


def _no_nul(value: str, field: str) -> str:
    if "\x00" in value:
        raise ApiError("invalid_text", f"'{field}' must not contain NUL characters.")
    if any(0xD800 <= ord(ch) <= 0xDFFF for ch in value):
        raise ApiError("invalid_text", f"'{field}' must be valid Unicode text.")
    return value


def typed_text(value: Any, field: str = "text", limit: int = MAX_TEXT) -> str:
    """The text without its surrounding blanks; never empty, never over the limit."""
    if not isinstance(value, str):
        raise ApiError("invalid_text", f"'{field}' is required and must be a string.")
    value = _no_nul(value, field).strip()
    if not value:
        raise ApiError("invalid_text", f"'{field}' must not be empty.")
    if len(value) > limit:
        raise ApiError("text_too_long", f"'{field}' must be at most {limit:,} characters.")
    return value


def client_message_id(value: Any, field: str = "client_message_id", limit: int = MAX_CLIENT_ID) -> str | None:
    """A retry key chosen by the client; None when it sent none."""
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip() or len(value) > limit:
        raise ApiError("invalid_client_message_id",
                       f"'{field}' must be a non-empty string of at most {limit} characters.")
    return _no_nul(value, field)


def optional_string(value: Any, field: str, limit: int = 200) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or len(value) > limit:
        raise ApiError("invalid_field", f"'{field}' must be a string of at most {limit} characters.")
    return _no_nul(value, field)
