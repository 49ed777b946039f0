"""Session and turn endpoints: parse, call the conversation service, serialise."""

from __future__ import annotations

from flask import Response, current_app, jsonify, request

from chatbot.api import bp
from chatbot.api.inputs import json_body
from chatbot.conversations.credentials import browser_key, request_access
from chatbot.conversations.transcripts import transcript_response
from chatbot.conversations.current import coach_conversations
from chatbot.conversations.typed import optional_string
from chatbot.display import displayed
from chatbot.extensions import limiter


@bp.post("/sessions")
def create_session() -> tuple[Response, int]:
    data = json_body(required=False)
    requested = optional_string(data.get("transition"), "transition")
    from_page = request.headers.get("Authorization") is None and browser_key() is not None
    opened = coach_conversations().open(requested, browser_key(create=True) if from_page else None)
    return jsonify({"session": opened.session, "token": opened.token, "messages": displayed(opened.messages)}), 201


def session_rate_key() -> str:
    return "session:" + (request.view_args or {}).get("session_id", "")


@bp.post("/sessions/<session_id>/messages")
# override_defaults=False: a turn counts against its session AND its client, so opening many sessions
# does not multiply what one client may send.
@limiter.limit(lambda: current_app.config["RATELIMIT_SESSION"], key_func=session_rate_key,
               override_defaults=False)
def post_message(session_id: str) -> Response:
    access = request_access()
    data = json_body()
    messages = coach_conversations().turn(session_id, access, data.get("text"), data.get("client_message_id"))
    return jsonify({"messages": displayed(messages)})


@bp.get("/sessions/<session_id>")
def get_session(session_id: str) -> Response:
    session, messages = coach_conversations().read(session_id, request_access())
    return jsonify({"session": session, "messages": displayed(messages)})


@bp.get("/sessions/<session_id>/transcript")
def download_transcript(session_id: str) -> Response:
    fmt = request.args.get("format", "markdown")
    return transcript_response(coach_conversations().read(session_id, request_access()), fmt)


@bp.delete("/sessions/<session_id>")
def delete_session(session_id: str) -> tuple[str, int]:
    coach_conversations().delete(session_id, request_access())
    return "", 204
