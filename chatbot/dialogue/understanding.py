"""One reading of a message: the intent matched (or none), its entities, and whether it is a command."""

from __future__ import annotations

from dataclasses import dataclass

from chatbot.dialogue.resources import Resources
from chatbot.nlu import Entities, Intent, IntentMatch

COMMAND = "command"
EXACT = 1.0


@dataclass(frozen=True)
class Understanding:
    text: str
    match: IntentMatch
    intent: Intent | None  # None when the message was not understood
    entities: Entities
    extra_words: int  # words beyond the matched command phrase ("practice" + "model serving")

    @property
    def answer(self) -> str | None:
        return self.intent.answer if self.intent else None

    @property
    def is_command(self) -> bool:
        return self.intent is not None and self.intent.kind == COMMAND

    @property
    def is_topic(self) -> bool:
        return self.intent is not None and self.intent.kind != COMMAND


def understand(res: Resources, text: str) -> Understanding:
    """Match once, read entities once; low-confidence matches count as not understood.

    The word matcher decides first; where it is unsure, the learned tier compares the meaning of the
    message's question parts with the intents' examples (never with commands, which must be typed)."""
    match = res.matcher.match(text)
    confident = match.name is not None and match.confidence >= res.cues.min_confidence
    intent = res.intents.get(match.name) if confident and match.name else None
    parts = res.questions.parts(text)
    if intent is not None and intent.kind != COMMAND and res.semantic.out_of_scope(parts, intent.name):
        intent, match = None, IntentMatch(None, match.confidence, match.cues, match.alternatives)
    elif intent is None and text.strip():
        meant = res.semantic.classify(parts)
        if meant.name is not None:
            intent = res.intents.get(meant.name)
            match = IntentMatch(meant.name, round(meant.score, 3), (), match.alternatives)
    return Understanding(text, match, intent, res.extractor.extract(text), _after_phrase(res, text, match))


def _after_phrase(res: Resources, text: str, match: IntentMatch) -> int:
    """How many words follow the matched phrase when the message opens with it (a command's argument)."""
    fillers = set(res.intents.lexicon.fillers)
    words = tuple(w for w in res.matcher.normalise(text).split() if w not in fillers)
    opens_with = bool(match.cues) and words[: len(match.cues)] == tuple(match.cues)
    return len(words) - len(match.cues) if opens_with else 0


def typed_command(res: Resources, heard: Understanding) -> bool:
    """Clearly a command, not an answer that happens to start like one ("practice makes perfect...").

    Only an exact command phrase counts; words after it must name what to focus on, and be few.
    """
    if not heard.is_command or heard.match.confidence < EXACT:
        return False
    if heard.extra_words == 0:
        return True
    focus = heard.entities.skills or heard.entities.categories
    return bool(focus) and heard.extra_words <= res.cues.practice_focus_max_words
