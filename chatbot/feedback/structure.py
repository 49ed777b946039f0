"""Structure: a story told as STAR (situation, task, action, result), or a technical answer that
sets out an approach, weighs trade-offs and grounds them in an example."""

from __future__ import annotations

from typing import Literal

from chatbot.feedback.lexicon import RubricLexicon
from chatbot.feedback.parts import parts_verdict
from chatbot.feedback.reading import AnswerReading
from chatbot.feedback.result import Verdict
from chatbot.feedback.signals import Signals
from chatbot.feedback.spec import Structure
from chatbot.feedback.wording import Writer
from chatbot.knowledge.models import Question


def structure_verdict(
    question: Question, reading: AnswerReading, signals: Signals, lexicon: RubricLexicon, spec: Structure,
    writer: Writer,
) -> Verdict:
    mode: Literal["story", "technical"] = "story" if question.category in spec.story_categories else "technical"
    parts = lexicon.story if mode == "story" else lexicon.technical
    return parts_verdict(parts, reading, signals, spec.comments, writer, spec.comments.modes.get(mode))
