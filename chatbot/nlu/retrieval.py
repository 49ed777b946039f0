"""Answering from the guide itself: the passage closest in meaning to a question, or none.

Used when no intent covers a question, and to add the exact detail an intent's general answer lacks.
Passages are ranked by meaning plus a share of word overlap (BM25), because a question that names a
thing ("cover letter", "LinkedIn headline", "internal transfer") wants the passage about that thing,
which meaning alone often ranks below a passage on the same broad topic. Whether a question is in scope
at all is judged on meaning only: a passage is returned only when it is close in absolute terms and
clearly closer than any near miss written for out-of-scope messages, so "how much do MLEs earn in
Germany?" is still declined.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import bm25s
import numpy as np
from bm25s.stopwords import STOPWORDS_EN

from chatbot.encoder.protocol import Encoder, Vectors
from chatbot.knowledge.passages import Passage

DETAIL_CANDIDATES = 3  # close passages looked at for a detail, best first


@dataclass(frozen=True)
class RetrievalSettings:
    accept: float = 0.5
    over_negative: float = 0.0
    detail: float = 0.45  # a passage this close (meaning plus overlap) adds its detail to an intent's answer...
    detail_lead: float = 0.08  # ...when it is this much closer than anything the answer already says
    said_share: float = 0.6  # a passage with this share of its words in the answer is already said...
    said_alike: float = 0.8  # ...and so is one this close in meaning to a passage the answer holds
    overlap_weight: float = 0.3  # share of the normalised word-overlap score added to the similarity
    overlap_scale: float = 5.0  # BM25 score that counts as full overlap (a few rare words in common)


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
        common_words: Sequence[str] = (),
    ) -> None:
        """`common_words` are words nearly every passage and question share (the roles' names), so
        sharing them says nothing about which passage answers."""
        self.settings = settings or RetrievalSettings()
        self._ignored = [*STOPWORDS_EN, *common_words]
        self._encoder = encoder
        self._passages = list(passages)
        self._vectors = encoder.encode_corpus([p.text for p in self._passages])
        self._negatives = encoder.encode_corpus(list(negatives))
        self._overlap = bm25s.BM25()
        self._passage_words = [frozenset(words) for words in self._words([p.text for p in self._passages])]
        # how alike every two passages are, once: a turn then only looks it up
        self._alike = self._vectors @ self._vectors.T if self._passages else np.zeros((0, 0))
        if self._passages:
            self._overlap.index(self._words([p.text for p in self._passages]), show_progress=False)

    def _overlap_scores(self, text: str) -> np.ndarray:
        """Word overlap of a question with every passage, 0..1."""
        words = self._words([text])[0]
        if not words:
            return np.zeros(len(self._passages))
        scores = np.asarray(self._overlap.get_scores(words), dtype=np.float32)
        # declared because numpy types a ufunc's result as Any
        capped: np.ndarray = np.minimum(scores / self.settings.overlap_scale, 1.0)
        return capped

    def search(self, texts: Sequence[str], accept: float | None = None, near_misses: bool = True,
               within: str | None = None) -> Retrieved:
        """The best passage for any of the texts (a message's question parts), if it clears the gate.
        `near_misses=False` when the question is already known to be in scope (adding detail to an
        intent's answer): then only closeness to the passage counts. `within` keeps to one part of
        the guide ("the step-by-step plan")."""
        best = Retrieved(None, 0.0, 0.0)
        if not texts or not self._passages:
            return best
        outside = np.array([within is not None and p.section != within for p in self._passages])
        for text, vector in zip(texts, self._encoder.encode(texts)):
            sims = np.where(outside, -1.0, self._vectors @ vector)
            # within one part of the guide its own words ("plan", "step") say nothing: meaning decides
            ranked = sims if within is not None else sims + self.settings.overlap_weight * self._overlap_scores(text)
            top = int(np.argmax(ranked))
            negative = float(np.max(self._negatives @ vector)) if len(self._negatives) else 0.0
            # in scope is a question of meaning; once in scope, overlap may pick the passage
            score = float(np.max(sims)) if near_misses else float(ranked[top])
            rank = score - (negative if near_misses else 0.0)
            if rank > best.score - (best.negative if near_misses else 0.0) or best.passage is None:
                best = Retrieved(self._passages[top], score, negative)
        s = self.settings
        clear = best.score - best.negative >= s.over_negative or not near_misses
        if best.score >= (s.accept if accept is None else accept) and clear:
            return best
        return Retrieved(None, best.score, best.negative)


    def vector_of(self, passage: Passage) -> Vectors:
        """The stored vector of one of this index's passages."""
        row: Vectors = self._vectors[self._passages.index(passage)]  # numpy types an indexed row Any
        return row

    def closest(self, text: str, count: int) -> list[Retrieved]:
        """The `count` passages nearest one text (meaning plus overlap), best first, with no gate."""
        if not self._passages:
            return []
        ranked = self._vectors @ self._encoder.encode([text])[0] + self.settings.overlap_weight * self._overlap_scores(text)
        return [Retrieved(self._passages[i], float(ranked[i]), 0.0) for i in np.argsort(-ranked)[:count]]

    def _words(self, texts: list[str]) -> list[list[str]]:
        return bm25s.tokenize(texts, stopwords=self._ignored, return_ids=False, show_progress=False)

    def detail(self, texts: Sequence[str], said: str,
               fits: Callable[[Passage, Vectors], bool] | None = None) -> Retrieved:
        """The passage that answers the question better than anything an answer already says, if any:
        the exact detail ("2-3 people", "Month 5-7") a general answer lacks. Passages the answer
        already holds, word for word or nearly, are never added again; `fits` (given the passage and
        its vector) passes over close passages on another topic to the next one."""
        if not texts or not self._passages:
            return Retrieved(None, 0.0, 0.0)
        s = self.settings
        said_words = frozenset(self._words([said])[0])
        inside = np.array([len(words & said_words) >= s.said_share * len(words) for words in self._passage_words])
        if inside.any():
            inside |= self._alike[:, inside].max(axis=1) >= s.said_alike
        best = Retrieved(None, 0.0, 0.0)
        for text, vector in zip(texts, self._encoder.encode(texts)):
            ranked = self._vectors @ vector + s.overlap_weight * self._overlap_scores(text)
            already = float(np.max(ranked[inside])) if inside.any() else 0.0
            outside = np.where(inside, -np.inf, ranked)
            for top in np.argsort(-outside)[:DETAIL_CANDIDATES]:
                score = float(outside[top])
                if score < s.detail or score < already + s.detail_lead or score <= best.score:
                    break
                if fits is None or fits(self._passages[top], self._vectors[top]):
                    best = Retrieved(self._passages[top], score, 0.0)
                    break
        return best
