"""HTML pages: the chat, saved sessions and transcripts, all usable without JavaScript."""

from __future__ import annotations

from flask import Blueprint, Response, render_template
from flask_wtf.csrf import CSRFError

from chatbot.errors import ApiError

bp = Blueprint("web", __name__)

FORM_EXPIRED = "form_expired"  # error code the error page explains in its own words


def render_error(error: ApiError):
    """The HTML face of every error on a page (the API keeps its JSON)."""
    return render_template("error.html", error=error), error.status


@bp.errorhandler(CSRFError)
def _form_expired(_exc: CSRFError):
    return render_error(ApiError(FORM_EXPIRED, "", 400))


@bp.after_request
def _private(response: Response) -> Response:
    """Pages hold a private conversation and a CSRF token: never cache them."""
    if response.mimetype == "text/html":
        response.headers["Cache-Control"] = "no-store"
    return response


from chatbot.web import chat, filters, saved  # noqa: F401  (routes register on bp)
