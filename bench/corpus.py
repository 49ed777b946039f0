"""The messages benchmarks send, read from corpus.yaml, and answers of a chosen length composed from it."""

from __future__ import annotations

import itertools
import random
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from bench import BENCH_DIR

CORPUS_FILE = BENCH_DIR / "corpus.yaml"


def word_count(text: str) -> int:
    return len(text.split())


@dataclass(frozen=True)
class Corpus:
    raw: dict[str, Any]

    @classmethod
    def load(cls, path: Path = CORPUS_FILE) -> Corpus:
        return cls(yaml.safe_load(path.read_text(encoding="utf-8")))

    @property
    def transition_questions(self) -> list[str]:
        return list(self.raw["transition_questions"])

    @property
    def practice_openers(self) -> list[str]:
        return list(self.raw["practice_openers"])

    @property
    def synthetic(self) -> dict[str, list[str]]:
        return self.raw["synthetic"]

    @cached_property
    def sentences(self) -> dict[str, list[str]]:
        return self.raw["answer_sentences"]

    def pool_for(self, skills: Sequence[str], category: str | None) -> list[str]:
        """Sentences on the question's own skills and category first, then general ones."""
        keys = [*skills, category or "", "general"]
        return list(dict.fromkeys(s for key in keys for s in self.sentences.get(key, [])))

    def answer(self, words: int, skills: Sequence[str] = (), category: str | None = None,
               seed: int = 0) -> str:
        """An answer of exactly `words` words: whole sentences in a shuffled order, the last one cut short.

        On-topic sentences lead, so a short answer reads like a focused reply and a long one like a
        candidate who goes on to general reflections.
        """
        rng = random.Random(seed)
        on_topic = self.pool_for(skills, category)
        general = set(self.sentences["general"])
        ordered = [s for s in on_topic if s not in general]
        rng.shuffle(ordered)
        rest = sorted(general)
        rng.shuffle(rest)
        chosen: list[str] = []
        total = 0
        for sentence in itertools.cycle(ordered + rest):
            chosen.append(sentence)
            total += word_count(sentence)
            if total >= words:
                break
        excess = total - words
        if excess:
            last = chosen[-1].split()
            chosen[-1] = " ".join(last[: len(last) - excess]).rstrip(",;") + "."
        return " ".join(chosen)

    def conversation(self, skills: Sequence[str] = ("model-serving",),
                     category: str = "technical") -> list[str]:
        """The HTTP conversation, with `answer: N` entries composed into answers of N words."""
        texts = []
        for n, step in enumerate(self.raw["conversation"]):
            if isinstance(step, dict):
                texts.append(self.answer(step["answer"], skills, category, seed=n))
            else:
                texts.append(step)
        return texts
