"""The engine a service or terminal holds: loaded once, then answers turns without side effects."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from chatbot.dialogue import answering, assessment, commands, conversation, pasted, practice, summary, terms
from chatbot.dialogue import topics
from chatbot.dialogue.content import Content
from chatbot.dialogue.conversation import take_turn
from chatbot.dialogue.resources import Resources
from chatbot.dialogue.state import fresh, prune, restore
from chatbot.dialogue.turns import Reply, State, Turn
from chatbot.encoder.protocol import Encoder
from chatbot.feedback import Rubric
from chatbot.knowledge import Knowledge

GREETING = "greeting"
# Every wording the code asks for by key (intents name theirs in `answer`): each must be written in
# data/responses/, and a wording that neither the code nor an intent or cue names is dead content
# (chatbot/audit.py checks both).
FLOW_WORDINGS = frozenset({
    GREETING, conversation.FALLBACK, commands.RESTART, commands.HELP, commands.MENU, commands.RECALLED,
    commands.FORGOTTEN, topics.NOTHING_EARLIER, topics.OUT_OF_RANGE, summary.SUMMARY, terms.TERM,
    pasted.ADVERT, pasted.CV,
    practice.QUESTION, practice.FEEDBACK, practice.FEEDBACK_NEEDS_ANSWER, practice.HINT,
    practice.MODEL_ANSWER, practice.RESUME, practice.SCORE, practice.EXPLAIN, practice.DETOUR,
    practice.NO_QUESTION, practice.NOT_AN_ATTEMPT, assessment.QUESTION, assessment.UNCLEAR, assessment.PLAN,
    assessment.LEARN_FIRST,
    answering.SKILL_INFO, answering.GUIDE, answering.GUIDE_DETAIL, answering.LEAD, answering.PLAN_STEP,
    answering.ROLE_DIFFERENCE,
})


@dataclass(frozen=True)
class Engine:
    """(state, text) -> (new state, replies). Holds only read-only resources, so one engine serves all."""

    resources: Resources

    @classmethod
    def load(cls, data_dir: Path, intents_dir: Path, encoder: Encoder | None = None) -> Engine:
        """`encoder` defaults to the pinned sentence encoder, cached under the instance folder. Each file is
        validated on its own; `chatbot.audit.checked_engine` also refuses content that names what no file
        defines, as the service and the terminal do."""
        return cls(Resources.build(Content.load(Path(data_dir), Path(intents_dir)), encoder))

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
