"""Structure: a story told as STAR (situation, task, action, result), or a technical answer that
sets out an approach, weighs trade-offs and grounds them in an example."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from chatbot.feedback.lexicon import RubricLexicon
from chatbot.feedback.parts import parts_verdict, said_for
from chatbot.feedback.reading import AnswerReading
from chatbot.feedback.result import Verdict
from chatbot.feedback.signals import Signals, Span
from chatbot.feedback.spec import Structure
from chatbot.feedback.wording import Writer
from chatbot.knowledge.models import Question


def structure_verdict(
    question: Question, reading: AnswerReading, signals: Signals, lexicon: RubricLexicon, spec: Structure,
    writer: Writer, said: Mapping[str, Span] | None = None,
) -> Verdict:
    """`said`: parts found by meaning, keyed "structure.<part>"."""
    mode: Literal["story", "technical"] = "story" if question.category in spec.story_categories else "technical"
    parts = lexicon.story if mode == "story" else lexicon.technical
    lead = spec.comments.modes.get(mode)
    return parts_verdict(parts, reading, signals, spec.comments, writer, lead, said_for(said, "structure"))
