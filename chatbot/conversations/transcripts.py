"""Transcript downloads in Markdown, JSON and plain text."""

from __future__ import annotations

import json
import re
from typing import Any

from flask import Response, render_template

from chatbot.errors import ApiError
from chatbot.store import Found

FORMATS = {
    "markdown": ("md", "text/markdown; charset=utf-8"),
    "json": ("json", "application/json; charset=utf-8"),
    "text": ("txt", "text/plain; charset=utf-8"),
}


def file_name(session: dict[str, Any], extension: str) -> str:
    day = session["created_at"][:10]
    slug = re.sub(r"[^a-z0-9]+", "-", session["title"].lower()).strip("-")[:40] or "conversation"
    return f"interview-coach-{day}-{slug}-{session['id'][:8]}.{extension}"


def transcript_response(found: Found, fmt: str) -> Response:
    """A conversation as a download in `fmt`, named after its day, title and id."""
    session, messages = found
    if fmt not in FORMATS:
        raise ApiError("invalid_format", "format must be one of: markdown, json, text.")
    extension, mimetype = FORMATS[fmt]
    if fmt == "json":
        body = json.dumps({"session": session, "messages": messages}, ensure_ascii=False, indent=2)
    else:
        body = render_template(f"transcripts/transcript.{extension}.j2", session=session, messages=messages)
    response = Response(body, mimetype=mimetype.split(";")[0])
    response.headers["Content-Type"] = mimetype
    response.headers["Content-Disposition"] = f'attachment; filename="{file_name(session, extension)}"'
    return response
