"""The chat page: GET renders the whole conversation; a plain form POST runs a turn (no JavaScript needed)."""

from __future__ import annotations

import uuid
from typing import Any

from flask import redirect, render_template, request, url_for

from chatbot.conversations import NOT_FOUND
from chatbot.conversations.typed import MAX_TEXT
from chatbot.errors import ApiError
from chatbot.conversations.current import coach_conversations
from chatbot.extensions import coach_engine
from chatbot.web import bp, conversation
from chatbot.web.views import message_views, open_question, quick_replies, skill_names


def render_chat(session: dict[str, Any], messages: list[dict[str, Any]], *, error: str | None = None,
                draft: str = "", status: int = 200):
    """The page; a fresh client_message_id per render makes a resubmitted form a harmless repeat."""
    return render_template(
        "chat.html",
        session=session,
        views=message_views(messages),
        question=open_question(messages),
        quick_replies=quick_replies(messages),
        skill_names=skill_names(coach_engine().knowledge),
        client_message_id=uuid.uuid4().hex,
        max_text=MAX_TEXT,
        error=error,
        draft=draft,
    ), status


@bp.get("/")
def chat():
    return render_chat(*conversation.current_or_new())


@bp.post("/")
def send():
    """The no-JavaScript path: store the turn, then redirect so a reload never posts again."""
    # a form post sends each line break as "\r\n"; counted as the box shows it, one character each
    text = request.form.get("text", "").replace("\r\n", "\n").replace("\r", "\n")
    client_message_id = request.form.get("client_message_id") or None
    try:
        stored = _turn_here(text, client_message_id)
    except ApiError as error:
        if error.status != 400:
            raise
        return render_chat(*conversation.current_or_new(), error=error.message, draft=text, status=400)
    return redirect(url_for("web.chat", _anchor=f"m-{stored[0]['seq']}"), code=303)


def _turn_here(text: str, client_message_id: str | None) -> list[dict[str, Any]]:
    """A turn in the current conversation; if another tab deleted it meanwhile, in a new one."""
    session, _messages = conversation.current_or_new()
    try:
        return coach_conversations().turn(session["id"], conversation.access(), text, client_message_id)
    except ApiError as error:
        if error.status != NOT_FOUND.status:
            raise
    session, _messages = conversation.start_new()
    return coach_conversations().turn(session["id"], conversation.access(), text, client_message_id)


@bp.post("/new")
def new_conversation():
    """Start afresh; a conversation nobody has written in yet is reused rather than piling up."""
    found = conversation.current()
    if found is None or conversation.has_user_messages(found[1]):
        conversation.start_new()
    return redirect(url_for("web.chat"), code=303)
