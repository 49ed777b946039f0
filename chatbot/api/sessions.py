"""Session and turn endpoints: parse, call the store, serialise."""

from __future__ import annotations

from flask import current_app, jsonify, request

from chatbot import store
from chatbot.api import bp
from chatbot.api.access import browser_key, request_access
from chatbot.api.inputs import json_body, optional_id, optional_string, text_field
from chatbot.api.transcripts import render_transcript
from chatbot.display import displayed
from chatbot.errors import ApiError
from chatbot.extensions import coach_engine, limiter

NOT_FOUND = ApiError("not_found", "No such session, or it is not yours.", 404)


def transition_label(engine, transition: str) -> str:
    spec = engine.knowledge.transitions[transition]
    roles = engine.knowledge.roles
    return f"{roles[spec.from_role].name} → {roles[spec.to_role].name}"


def chosen_transition(engine, requested: str | None) -> str:
    if requested is None:
        return engine.knowledge.default_transition
    if requested not in engine.transitions():
        choices = ", ".join(engine.transitions())
        raise ApiError("unknown_transition", f"Unknown transition '{requested}'. Known: {choices}.")
    return requested


def open_session(requested: str | None, bind_browser: bool):
    """Shared by the API and the page: a new session bound to this browser when asked."""
    engine = coach_engine()
    transition = chosen_transition(engine, requested)
    key = browser_key(create=True) if bind_browser else None
    return store.create_session(engine, transition, transition_label(engine, transition), browser_key=key)


@bp.post("/sessions")
def create_session():
    data = json_body(required=False)
    requested = optional_string(data, "transition")
    from_page = request.headers.get("Authorization") is None and browser_key() is not None
    session, token, messages = open_session(requested, bind_browser=from_page)
    return jsonify({"session": session, "token": token, "messages": displayed(messages)}), 201


def session_rate_key() -> str:
    return "session:" + (request.view_args or {}).get("session_id", "")


@bp.post("/sessions/<session_id>/messages")
# override_defaults=False: a turn counts against its session AND its client, so opening many sessions
# does not multiply what one client may send.
@limiter.limit(lambda: current_app.config["RATELIMIT_SESSION"], key_func=session_rate_key,
               override_defaults=False)
def post_message(session_id: str):
    access = request_access()
    data = json_body()
    text = text_field(data, "text")
    client_message_id = optional_id(data, "client_message_id")
    messages = store.run_turn(coach_engine(), session_id, access, text, client_message_id)
    if messages is None:
        raise NOT_FOUND
    return jsonify({"messages": displayed(messages)})


@bp.get("/sessions/<session_id>")
def get_session(session_id: str):
    found = store.get_session(session_id, request_access())
    if found is None:
        raise NOT_FOUND
    session, messages = found
    return jsonify({"session": session, "messages": displayed(messages)})


@bp.get("/sessions/<session_id>/transcript")
def transcript(session_id: str):
    fmt = request.args.get("format", "markdown")
    found = store.get_session(session_id, request_access())
    if found is None:
        raise NOT_FOUND
    return render_transcript(*found, fmt)


@bp.delete("/sessions/<session_id>")
def delete_session(session_id: str):
    if not store.delete_session(session_id, request_access()):
        raise NOT_FOUND
    return "", 204
