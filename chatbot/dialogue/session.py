"""A conversation kept in memory, for the terminal and for tests: state is stored between turns as JSON,
exactly as the database would hand it back, so nothing works here that would not work behind the API."""

from __future__ import annotations

import json
from dataclasses import dataclass

from chatbot.dialogue.engine import Engine
from chatbot.dialogue.turns import Reply, State


def as_stored(state: State) -> State:
    """The state after a trip through JSON, as the store would return it."""
    stored: State = json.loads(json.dumps(state))  # a State dumps to a JSON object, so one comes back
    return stored


@dataclass
class LocalConversation:
    engine: Engine
    state: State
    replies: tuple[Reply, ...] = ()  # the bot's replies in the last turn

    @classmethod
    def start(cls, engine: Engine, transition: str | None = None) -> LocalConversation:
        opening = engine.open(transition)
        return cls(engine, as_stored(opening.state), opening.replies)

    def say(self, text: str) -> Reply:
        """Send one message; returns the last reply of the turn (where questions and feedback appear)."""
        turn = self.engine.respond(self.state, text)
        self.state, self.replies = as_stored(turn.state), turn.replies
        return self.replies[-1]
