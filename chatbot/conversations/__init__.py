"""One conversation service under every entry point: the API, the page and the terminal client sit
side by side above it, and it runs the engine and the store for them."""

from chatbot.conversations.service import NOT_FOUND, Conversations, DialogueEngine, Opened

__all__ = ["NOT_FOUND", "Conversations", "DialogueEngine", "Opened"]
