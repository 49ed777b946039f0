"""The JSON API of API.md: sessions, turns, transcripts, questions and stateless feedback."""

from flask import Blueprint

bp = Blueprint("api", __name__, url_prefix="/api")

from chatbot.api import openapi, questions, sessions  # noqa: E402,F401  (routes register on bp)
