"""The loaded rubric: validated wording and weights, their compiled word lists, and compiled questions."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
import re
from pathlib import Path
from typing import Any

from chatbot.feedback.lexicon import RubricLexicon
from chatbot.feedback.relevance import CompiledQuestion, compile_question
from chatbot.feedback.spec import RubricSpec
from chatbot.feedback.undercut import undercut_pattern
from chatbot.feedback.wording import Writer
from chatbot.knowledge.models import Question
from chatbot.yamlfiles import label, read_yaml, validate


@dataclass(frozen=True)
class Rubric:
    """Load once at start-up and share: assessing reads it and only fills its per-question cache."""

    spec: RubricSpec
    lexicon: RubricLexicon = field(repr=False, compare=False)
    writer: Writer = field(repr=False, compare=False)
    undercut: re.Pattern[str] | None = field(default=None, repr=False, compare=False)
    _compiled: dict[str, CompiledQuestion] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def load(cls, path: Path, root: Path | None = None) -> Rubric:
        """Read and validate the rubric file; any problem raises ContentError naming file and field."""
        path = Path(path)
        return cls.from_mapping(read_yaml(path, root, dict), source=label(path, root))

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any] | Any, source: str = "rubric") -> Rubric:
        spec = validate(RubricSpec, data, source)
        return cls(spec=spec, lexicon=RubricLexicon(spec), writer=Writer(spec.wording),
                   undercut=undercut_pattern(spec.relevance.undercuts))

    def compiled(self, question: Question) -> CompiledQuestion:
        """The question's cues as stem patterns, compiled on first use and kept by question id."""
        known = self._compiled.get(question.id)
        if known is not None and (known.question is question or known.question == question):
            return known
        fresh = compile_question(question, self.lexicon)
        self._compiled[question.id] = fresh
        return fresh
