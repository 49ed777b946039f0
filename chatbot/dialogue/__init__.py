"""The rule-based conversation: understand a message, decide what to do, compose the replies."""

from chatbot.dialogue.engine import Engine
from chatbot.dialogue.turns import Reply, State, Turn

__all__ = ["Engine", "Reply", "State", "Turn"]
