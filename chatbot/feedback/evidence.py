"""Evidence: a concrete example, numbers, a measurable outcome and actions the speaker owns."""

from __future__ import annotations

from collections.abc import Mapping

from chatbot.feedback.lexicon import RubricLexicon
from chatbot.feedback.parts import parts_verdict, said_for
from chatbot.feedback.reading import AnswerReading
from chatbot.feedback.result import Verdict
from chatbot.feedback.signals import Signals, Span
from chatbot.feedback.spec import Evidence
from chatbot.feedback.wording import Writer


def evidence_verdict(
    reading: AnswerReading, signals: Signals, lexicon: RubricLexicon, spec: Evidence, writer: Writer,
    said: Mapping[str, Span] | None = None,
) -> Verdict:
    """`said`: parts found by meaning, keyed "evidence.<part>"."""
    return parts_verdict(lexicon.evidence, reading, signals, spec.comments, writer, said=said_for(said, "evidence"))
