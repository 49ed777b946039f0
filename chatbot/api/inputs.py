"""Reading JSON bodies: every rejection is an ApiError that names the field."""

from __future__ import annotations

import json
from typing import Any

from flask import request
from werkzeug.exceptions import RequestEntityTooLarge

from chatbot.errors import ApiError


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
