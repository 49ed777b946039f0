"""The learned tier: a message's meaning compared with every intent's examples and with near misses.

The word matcher answers first (it is exact and explains itself); this tier catches what it misses
(new words, typos, paraphrase). An intent is taken only when its nearest examples are close, clearly
closer than any out-of-scope example, and ahead of the next intent, so strangers still fall back.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from chatbot.encoder.protocol import Encoder, Vectors

TOP_K = 3


@dataclass(frozen=True)
class SemanticSettings:
    accept: float = 0.62  # mean similarity of the intent's nearest examples
    over_negative: float = 0.04  # lead over the nearest out-of-scope example
    over_runner_up: float = 0.015  # lead over the next intent
    clear_accept: float = 0.5  # a lower floor for a clear leader...
    clear_lead: float = 0.12  # ...ahead of the next intent and of every near miss by this much
    # a word match is vetoed when every question part is nearer some near miss than its own examples by
    # more than this: none, since the near misses include messages people sent, so nearer one is one of them
    veto_margin: float = 0.0
    override_margin: float = 0.12  # how much closer to another intent a word match must be to be overruled
    after_veto_lead: float = 0.06  # a reading by meaning replacing a vetoed word match leads the next by this
    top_k: int = TOP_K  # how many of an intent's nearest examples its closeness is the mean of


@dataclass(frozen=True)
class SemanticMatch:
    """The nearest intent, how close it is, and the evidence for and against taking it."""

    name: str | None
    score: float
    runner_up: float
    negative: float
    nearest_example: str = ""


class SemanticIndex:
    """Example vectors per intent and out-of-scope vectors; read-only once built."""

    def __init__(
        self,
        examples: Sequence[tuple[str, str]],
        negatives: Sequence[str],
        encoder: Encoder,
        settings: SemanticSettings | None = None,
        neighbours: Mapping[str, Sequence[str]] | None = None,
    ) -> None:
        """`neighbours` are intents close enough that either answers the other's questions: a message
        need not be nearer one than the other to be understood."""
        self.settings = settings or SemanticSettings()
        self._encoder = encoder
        self._names = sorted({name for name, _ in examples})
        self._texts = [text for _, text in examples]
        self._labels = np.array([self._names.index(name) for name, _ in examples], dtype=np.int64)
        close = neighbours or {}
        self._close = [{self._names.index(n) for n in close.get(name, ()) if n in self._names} for name in self._names]
        self._vectors = encoder.encode_corpus(self._texts)
        self._negatives = encoder.encode_corpus(list(negatives))
        # Each intent's examples as a row of indices into the similarities, padded with a slot that
        # always holds -inf, so every intent's nearest few come out of one partition, not a loop.
        self._members = [np.flatnonzero(self._labels == label) for label in range(len(self._names))]
        width = max((len(m) for m in self._members), default=1)
        self._grid = np.full((len(self._names), width), len(self._texts), dtype=np.int64)
        for label, members in enumerate(self._members):
            self._grid[label, : len(members)] = members

    def leader(self, texts: Sequence[str]) -> SemanticMatch:
        """The nearest intent over the given readings of one message, before any gate."""
        best = SemanticMatch(None, 0.0, 0.0, 0.0)
        if not texts or not self._names:
            return best
        for vector in self._encoder.encode(texts):
            found = self._nearest(vector)
            if found.score - found.negative > best.score - best.negative or best.name is None:
                best = found
        return best

    def classify(self, texts: Sequence[str]) -> SemanticMatch:
        """The best-supported intent over the given readings of one message (its question parts)."""
        best = self.leader(texts)
        if best.name is None:
            return best
        s = self.settings
        close = best.score >= s.accept and best.score - best.runner_up >= s.over_runner_up
        # or nearer nothing else by far: a clear leader well away from every near miss
        clear = (best.score >= s.clear_accept and best.score - best.runner_up >= s.clear_lead
                 and best.score - best.negative >= s.clear_lead)
        confident = (close or clear) and best.score - best.negative >= s.over_negative
        return best if confident else SemanticMatch(None, best.score, best.runner_up, best.negative,
                                                     best.nearest_example)

    def out_of_scope(self, texts: Sequence[str], name: str) -> bool:
        """True when every question part is closer to the near misses than to `name`'s own examples:
        the word matcher found familiar words, but the message asks about something else."""
        if name not in self._names or not len(self._negatives):
            return False
        label = self._names.index(name)
        for vector in self._encoder.encode(texts):
            own = float(np.max((self._vectors @ vector)[self._members[label]]))
            negative = float(np.max(self._negatives @ vector))
            if own - negative > -self.settings.veto_margin:
                return False
        return True

    def support(self, texts: Sequence[str], name: str) -> float:
        """How close the closest of the readings comes to `name`'s examples (mean of its nearest few)."""
        return max((self.support_of(vector, name) for vector in self._encoder.encode(texts)), default=0.0)

    def support_of(self, vector: Vectors, name: str) -> float:
        """`support` for a text already encoded (a passage of the guide, say)."""
        if name not in self._names:
            return 0.0
        own = np.sort((self._vectors @ vector)[self._members[self._names.index(name)]])[::-1]
        own = own[: self.settings.top_k]
        return float(own.mean())

    def ranking(self, vector: Vectors) -> list[tuple[str, float]]:
        """Every intent with its support for one encoded text, best first: for tuning and harvesting."""
        per_intent = self._top_means(self._vectors @ vector)
        return sorted(zip(self._names, per_intent), key=lambda pair: -pair[1])

    def nearest_of(self, vector: Vectors) -> SemanticMatch:
        """`nearest` for a text already encoded."""
        return self._nearest(vector)

    def nearest(self, text: str) -> SemanticMatch:
        """The nearest intent without any gate, for tuning and explanations."""
        return self._nearest(self._encoder.encode([text])[0])

    def _top_means(self, sims: Vectors) -> list[float]:
        """Per intent, the mean similarity of its `top_k` nearest examples (all of them when fewer)."""
        grid = np.append(sims, -np.inf)[self._grid]
        keep = min(self.settings.top_k, grid.shape[1])
        top = -np.partition(-grid, keep - 1, axis=1)[:, :keep]
        real = np.isfinite(top)
        means = np.where(real, top, 0.0).sum(axis=1) / np.maximum(real.sum(axis=1), 1)
        return [float(mean) for mean in means]

    def _nearest(self, vector: Vectors) -> SemanticMatch:
        sims = self._vectors @ vector
        per_intent = self._top_means(sims)
        order = [int(i) for i in np.argsort(per_intent)[::-1]]
        top = order[0]
        rivals = [i for i in order[1:] if i not in self._close[top]]
        runner = per_intent[rivals[0]] if rivals else 0.0
        nearest_negatives = np.sort(self._negatives @ vector)[::-1][: self.settings.top_k]
        negative = float(nearest_negatives.mean()) if len(self._negatives) else 0.0
        mine = self._members[top]
        nearest = self._texts[int(mine[np.argmax(sims[mine])])]
        return SemanticMatch(self._names[top], per_intent[top], runner, negative, nearest)
