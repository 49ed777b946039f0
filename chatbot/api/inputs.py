"""Reading and checking JSON bodies: every rejection is an ApiError that names the field."""

from __future__ import annotations

import json
from typing import Any

from flask import request
from werkzeug.exceptions import RequestEntityTooLarge

from chatbot.errors import ApiError

MAX_TEXT = 4000
MAX_CLIENT_ID = 64


def _body() -> bytes:
    """The raw body. A chunked body has no Content-Length to check up front, and Werkzeug's limited
    stream stops quietly at the limit, so a streamed body that reaches it is too large (413), not
    a truncated document (400)."""
    raw = request.get_data(cache=True)
    limit = request.max_content_length
    if request.content_length is None and limit is not None and len(raw) >= limit:
        raise RequestEntityTooLarge()
    return raw


def json_body(required: bool = True) -> dict[str, Any]:
    """The request's JSON object; an absent body is {} when not required."""
    raw = _body()
    if not raw:  # no body at all; a body of only spaces or control characters is a broken one
        if required:
            raise ApiError("invalid_json", "The request body must be a JSON object.")
        return {}
    if not request.is_json:
        raise ApiError("unsupported_media_type", "Send the body as JSON (Content-Type: application/json).", 415)
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ApiError("invalid_encoding", "The request body is not valid UTF-8.") from None
    except (ValueError, RecursionError):
        raise ApiError("invalid_json", "The request body is not valid JSON.") from None
    if not isinstance(data, dict):
        raise ApiError("invalid_json", "The request body must be a JSON object.")
    return data


def _no_nul(value: str, field: str) -> str:
    if "\x00" in value:
        raise ApiError("invalid_text", f"'{field}' must not contain NUL characters.")
    if any(0xD800 <= ord(ch) <= 0xDFFF for ch in value):
        raise ApiError("invalid_text", f"'{field}' must be valid Unicode text.")
    return value


def text_field(data: dict[str, Any], field: str, limit: int = MAX_TEXT) -> str:
    value = data.get(field)
    if not isinstance(value, str):
        raise ApiError("invalid_text", f"'{field}' is required and must be a string.")
    value = _no_nul(value, field).strip()
    if not value:
        raise ApiError("invalid_text", f"'{field}' must not be empty.")
    if len(value) > limit:
        raise ApiError("text_too_long", f"'{field}' must be at most {limit:,} characters.")
    return value


def optional_id(data: dict[str, Any], field: str, limit: int = MAX_CLIENT_ID) -> str | None:
    value = data.get(field)
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip() or len(value) > limit:
        raise ApiError("invalid_client_message_id", f"'{field}' must be a non-empty string of at most {limit} characters.")
    return _no_nul(value, field)


def optional_string(data: dict[str, Any], field: str, limit: int = 200) -> str | None:
    value = data.get(field)
    if value is None:
        return None
    if not isinstance(value, str) or len(value) > limit:
        raise ApiError("invalid_field", f"'{field}' must be a string of at most {limit} characters.")
    return _no_nul(value, field)
