"""Answering from the guide itself: the passage closest in meaning to a question, or none.

Used when no intent covers a question, and to add the exact detail an intent's general answer lacks.
A passage is returned only when it is close in absolute terms and clearly closer than any near miss
written for out-of-scope messages, so "how much do MLEs earn in Germany?" is still declined.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from chatbot.encoder.protocol import Encoder
from chatbot.knowledge.passages import Passage


@dataclass(frozen=True)
class RetrievalSettings:
    accept: float = 0.5
    over_negative: float = 0.0
    detail: float = 0.5  # a passage this close adds its detail to an intent's general answer


@dataclass(frozen=True)
class Retrieved:
    passage: Passage | None
    score: float
    negative: float


class PassageIndex:
    """Vectors of every passage of the guide; read-only once built."""

    def __init__(
        self,
        passages: Sequence[Passage],
        negatives: Sequence[str],
        encoder: Encoder,
        settings: RetrievalSettings | None = None,
    ) -> None:
        self.settings = settings or RetrievalSettings()
        self._encoder = encoder
        self._passages = list(passages)
        self._vectors = encoder.encode_corpus([p.text for p in self._passages])
        self._negatives = encoder.encode_corpus(list(negatives))

    def search(self, texts: Sequence[str], accept: float | None = None, near_misses: bool = True) -> Retrieved:
        """The best passage for any of the texts (a message's question parts), if it clears the gate.
        `near_misses=False` when the question is already known to be in scope (adding detail to an
        intent's answer): then only closeness to the passage counts."""
        best = Retrieved(None, 0.0, 0.0)
        if not texts or not self._passages:
            return best
        for vector in self._encoder.encode(texts):
            sims = self._vectors @ vector
            top = int(np.argmax(sims))
            negative = float(np.max(self._negatives @ vector)) if len(self._negatives) else 0.0
            rank = float(sims[top]) - (negative if near_misses else 0.0)
            if rank > best.score - (best.negative if near_misses else 0.0) or best.passage is None:
                best = Retrieved(self._passages[top], float(sims[top]), negative)
        s = self.settings
        clear = best.score - best.negative >= s.over_negative or not near_misses
        if best.score >= (s.accept if accept is None else accept) and clear:
            return best
        return Retrieved(None, best.score, best.negative)
