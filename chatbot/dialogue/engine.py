"""The engine a service or terminal holds: loaded once, then answers turns without side effects."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from chatbot.dialogue import topics
from chatbot.dialogue.commands import HANDLERS
from chatbot.dialogue.conversation import take_turn
from chatbot.dialogue.resources import Resources
from chatbot.dialogue.responses import ResponseError
from chatbot.dialogue.state import fresh, prune, restore
from chatbot.dialogue.turns import Reply, State, Turn
from chatbot.encoder.protocol import Encoder
from chatbot.feedback import Rubric
from chatbot.knowledge import Knowledge

GREETING = "greeting"
FLOW_WORDINGS = (
    "greeting", "fallback", "restart", "no_topic_yet", "list_out_of_range", "about_me",
    "practice_question", "practice_feedback", "practice_feedback_needs_answer", "hint", "model_answer",
    "no_question_open", "summary", "assessment_question", "assessment_unclear", "assessment_plan",
    "help", "menu", "learn_first", "skill",
)


def _check_wordings(res: Resources) -> None:
    """Every intent and every flow must have its wording: fail at start-up, not in the middle of a chat."""
    missing = [f"intent {i.name}: answer {i.answer!r}" for i in res.intents
               if i.answer not in res.responses and i.answer not in HANDLERS]
    missing += [f"flow wording {key!r}" for key in FLOW_WORDINGS if key not in res.responses]
    if missing:
        raise ResponseError("no response for " + "; ".join(missing))


@dataclass(frozen=True)
class Engine:
    """(state, text) -> (new state, replies). Holds only read-only resources, so one engine serves all."""

    resources: Resources

    @classmethod
    def load(cls, data_dir: Path, intents_dir: Path, encoder: Encoder | None = None) -> Engine:
        """`encoder` defaults to the pinned sentence encoder, cached under the instance folder."""
        resources = Resources.load(Path(data_dir), Path(intents_dir), encoder)
        _check_wordings(resources)
        return cls(resources)

    @property
    def knowledge(self) -> Knowledge:
        return self.resources.knowledge

    @property
    def rubric(self) -> Rubric:
        return self.resources.rubric

    def transitions(self) -> list[str]:
        return list(self.knowledge.transitions)

    def open(self, transition: str | None) -> Turn:
        """The opening turn; an unknown transition id is the caller's error."""
        chosen = transition or self.knowledge.default_transition
        if chosen not in self.knowledge.transitions:
            raise ValueError(f"unknown transition: {chosen}")
        state = fresh(chosen)
        reply: Reply = topics.compose(self.resources, state, GREETING, GREETING)
        return Turn(state.dump(), (reply,))

    def respond(self, state: State, text: str) -> Turn:
        """Any stored state (old, corrupt, foreign) and any text give a turn; nothing is raised."""
        current = restore(state, self.knowledge.transitions, self.knowledge.default_transition)
        current = prune(current, self.knowledge.skills, self.knowledge.questions)
        replies = take_turn(self.resources, current, text if isinstance(text, str) else "")
        return Turn(current.dump(), tuple(replies))
