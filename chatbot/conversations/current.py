"""The conversation service the app factory built, for the API and the page to call."""

from __future__ import annotations

from flask import current_app

from chatbot.conversations.service import Conversations

EXTENSION = "coach_conversations"


def coach_conversations() -> Conversations:
    """This app's service: its engine over its database store."""
    conversations: Conversations = current_app.extensions[EXTENSION]
    return conversations
