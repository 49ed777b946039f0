"""HTML pages: the chat and the saved sessions (placeholder until the real page lands)."""

from __future__ import annotations

from flask import Blueprint

from chatbot.errors import ApiError

bp = Blueprint("web", __name__)


@bp.get("/")
def index():
    return "<!doctype html><title>Interview coach</title><p>Interview coach</p>"


def render_error(error: ApiError):
    return f"<!doctype html><title>{error.status}</title><p>{error.message}</p>", error.status
