"""Saved sessions: the list, one transcript, its downloads, delete (with a confirm step) and resume."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for

from chatbot.conversations import NOT_FOUND
from chatbot.conversations.credentials import browser_key
from chatbot.conversations.transcripts import FORMATS, transcript_response
from chatbot.conversations.current import coach_conversations
from chatbot.extensions import coach_engine
from chatbot.store import Found
from chatbot.web import bp, conversation
from chatbot.web.views import message_views, practice_summary, skill_names

DELETED = "deleted"  # flash key; the template holds the words


def owned(session_id: str) -> Found:
    """Another browser's session and a missing one look the same: 404."""
    found = conversation.load(session_id)
    if found is None:
        raise NOT_FOUND
    return found


@bp.get("/sessions")
def saved_sessions():
    rows = coach_conversations().listed(browser_key())
    listed = [{**row, "practice": practice_summary(row["practice_scores"])} for row in rows]
    return render_template("sessions.html", sessions=listed, current_id=conversation.current_id())


@bp.get("/sessions/<session_id>")
def transcript_page(session_id: str):
    session, messages = owned(session_id)
    scores = [m["feedback"]["score"] for m in messages if m.get("feedback") and not m["feedback"].get("needs_answer")]
    return render_template(
        "transcript.html", session=session, views=message_views(messages), formats=list(FORMATS),
        practice=practice_summary(scores), skill_names=skill_names(coach_engine().knowledge),
        is_current=conversation.current_id() == session_id,
    )


@bp.get("/sessions/<session_id>/download/<fmt>")
def download(session_id: str, fmt: str):
    return transcript_response(owned(session_id), fmt)


@bp.get("/sessions/<session_id>/delete")
def confirm_delete(session_id: str):
    session, messages = owned(session_id)
    return render_template("confirm_delete.html", session=session, message_count=len(messages))


@bp.post("/sessions/<session_id>/delete")
def delete(session_id: str):
    coach_conversations().delete(session_id, conversation.access())
    conversation.forget_current(session_id)
    flash(DELETED)
    return redirect(url_for("web.saved_sessions"), code=303)


@bp.post("/sessions/<session_id>/resume")
def resume_session(session_id: str):
    owned(session_id)
    conversation.make_current(session_id)
    return redirect(url_for("web.chat", _anchor="end"), code=303)
