"""Talking points recognised by meaning: an answer's sentences and clauses compared with each point's
reference phrasings, so a point made in plain words earns what the textbook words earn.

Similarity measures topic, not substance, so four checks keep it honest: each piece of the answer
supports only the point it is closest to; a piece closer to another question's points than to this
one's supports nothing; a piece that echoes the coach's own label or tip supports nothing; and a piece
close to a known misconception is named as one instead of credited.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from chatbot.feedback.reading import Reading
from chatbot.knowledge.models import Question
from chatbot.encoder.protocol import Encoder

_CLAUSE = re.compile(r",\s+(?:and|but|so|then|which|because|while)\s+|;\s+|\s+(?:because|so that|which meant)\s+")
_WORD = re.compile(r"[a-z0-9]+")
MIN_CLAUSE_WORDS = 5


@dataclass(frozen=True)
class MeaningSettings:
    full: float = 0.55  # a piece this close to a reference makes the point in full
    least: float = 0.35  # below this a piece does not make the point at all
    naming_words: int = 7  # a piece this short names the point more than it makes it: half credit at most
    other_question_margin: float = 0.08  # closer than this to another question's points: not for this one
    echo_share: float = 0.85  # share of a label's or tip's words a piece repeats to count as pasted back
    misconception_margin: float = 0.02  # closer to a misconception than to any reference by this: wrong


@dataclass(frozen=True)
class Piece:
    """A sentence of the answer, or a clause of a long one, with its place in the text."""

    sentence: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class PointEvidence:
    """The best piece for one point and the credit it earns (0..1); `wrong` names a misconception."""

    point_id: str
    credit: float
    piece: Piece | None
    similarity: float
    wrong: Piece | None = None


def pieces(reading: Reading, usable_only: bool = True) -> list[Piece]:
    """Usable sentences, and the clauses of those that join several ideas."""
    out: list[Piece] = []
    for sentence in reading.sentences:
        if usable_only and sentence.index not in reading.usable:
            continue
        start, end = sentence.start, sentence.end
        text = reading.text[start:end]
        out.append(Piece(sentence.index, start, end, text))
        offset = 0
        parts = _CLAUSE.split(text)
        if len(parts) < 2:
            continue
        for part in parts:
            at = text.find(part, offset)
            offset = at + len(part)
            if len(part.split()) >= MIN_CLAUSE_WORDS and at >= 0:
                out.append(Piece(sentence.index, start + at, start + at + len(part), part))
    return out


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.casefold()))


def echoed_sentences(question: Question, reading: Reading, share: float = MeaningSettings.echo_share) -> set[int]:
    """Sentences that repeat most words of the question itself or of one of the coach's own labels and
    tips: pasting the coach's words back in a first-person frame makes no point of its own."""
    asked = [part for part in re.split(r"(?<=[.?!])\s+", question.text) if part]
    echoes = [_words(t) for p in question.talking_points for t in (p.label, p.tip)] + [_words(a) for a in asked]
    echoes = [e for e in echoes if len(e) >= 3]
    out = set()
    for sentence in reading.sentences:
        words = _words(reading.text[sentence.start:sentence.end])
        # most of the coach's words are there, and they are most of the sentence
        if words and any(len(e & words) / len(e) >= share and len(e & words) / len(words) >= share - 0.15
                         for e in echoes):
            out.add(sentence.index)
    return out


class PointMeaning:
    """Reference vectors for every talking point of every question, built once; read-only after."""

    def __init__(
        self, questions: Mapping[str, Question], encoder: Encoder, settings: MeaningSettings | None = None
    ) -> None:
        self.settings = settings or MeaningSettings()
        self._encoder = encoder
        owners: list[tuple[str, str]] = []
        texts: list[str] = []
        wrong_owners: list[tuple[str, str]] = []
        wrong: list[str] = []
        self._echoes: dict[str, list[set[str]]] = {}
        for question in questions.values():
            for point in question.talking_points:
                for text in (point.label, point.tip, *point.references):
                    owners.append((question.id, point.id))
                    texts.append(text)
                for text in point.misconceptions:
                    wrong_owners.append((question.id, point.id))
                    wrong.append(text)
            self._echoes[question.id] = [_words(t) for p in question.talking_points for t in (p.label, p.tip)]
            self._echoes[question.id].append(_words(question.text))
        vectors = encoder.encode_corpus(texts)
        # each model-answer line also speaks for the point it is closest to
        lines = [(q.id, line) for q in questions.values() for line in q.model_answer]
        line_vectors = encoder.encode_corpus([line for _, line in lines])
        written = len(owners)
        for (qid, line), vector in zip(lines, line_vectors):
            mine = [i for i, (q, _) in enumerate(owners[:written]) if q == qid]
            best = mine[int(np.argmax(vectors[mine] @ vector))]
            owners.append(owners[best])
            texts.append(line)
        self._owners = owners
        self._vectors = np.vstack([vectors, line_vectors]) if len(line_vectors) else vectors
        self._question_of = np.array([q for q, _ in owners])
        self._wrong_owners = wrong_owners
        self._wrong = encoder.encode_corpus(wrong) if wrong else np.zeros((0, self._vectors.shape[1]), np.float32)

    def evidence(self, question: Question, reading: Reading) -> dict[str, PointEvidence]:
        """Per point of `question`: the piece that makes it best, and how fully."""
        s = self.settings
        found = {p.id: PointEvidence(p.id, 0.0, None, 0.0) for p in question.talking_points}
        candidates = [p for p in pieces(reading) if not self._echo(question.id, p.text)]
        if not candidates:
            return found
        vectors = self._encoder.encode([p.text for p in candidates])
        sims = vectors @ self._vectors.T
        mine = self._question_of == question.id
        others = sims[:, ~mine].max(axis=1) if (~mine).any() else np.zeros(len(candidates))
        point_ids = [p.id for p in question.talking_points]
        columns = {pid: [i for i, (q, p) in enumerate(self._owners) if q == question.id and p == pid] for pid in point_ids}
        per_point = np.stack([sims[:, columns[pid]].max(axis=1) for pid in point_ids], axis=1)
        wrong = self._wrong_for(question.id, vectors)
        for row, piece in enumerate(candidates):
            best = int(np.argmax(per_point[row]))
            similarity = float(per_point[row, best])
            pid = point_ids[best]
            if wrong is not None and wrong[row, best] >= similarity + s.misconception_margin:
                if found[pid].wrong is None:
                    found[pid] = PointEvidence(pid, found[pid].credit, found[pid].piece, found[pid].similarity, piece)
                continue
            if similarity < s.least or others[row] > similarity + s.other_question_margin:
                continue
            credit = min(1.0, (similarity - s.least) / (s.full - s.least))
            if len(piece.text.split()) < s.naming_words:
                credit = min(credit, 0.5)
            if credit > found[pid].credit:
                found[pid] = PointEvidence(pid, credit, piece, similarity, found[pid].wrong)
        return found

    def _wrong_for(self, question_id: str, vectors: np.ndarray) -> np.ndarray | None:
        """Similarity of each piece to each point's misconceptions (points without any: -1)."""
        cols = [i for i, (q, _) in enumerate(self._wrong_owners) if q == question_id]
        if not cols:
            return None
        return self._wrong_matrix(question_id, vectors @ self._wrong[cols].T, cols)

    def _wrong_matrix(self, question_id: str, sims: np.ndarray, cols: Sequence[int]) -> np.ndarray:
        ids = [pid for q, pid in self._owners_of(question_id)]
        out = np.full((sims.shape[0], len(ids)), -1.0, dtype=np.float32)
        for j, col in enumerate(cols):
            k = ids.index(self._wrong_owners[col][1])
            out[:, k] = np.maximum(out[:, k], sims[:, j])
        return out

    def _owners_of(self, question_id: str) -> list[tuple[str, str]]:
        return list(dict.fromkeys(o for o in self._owners if o[0] == question_id))

    def _echo(self, question_id: str, text: str) -> bool:
        """The piece repeats most words of one of the coach's own labels, tips or the question itself."""
        words = _words(text)
        for echo in self._echoes.get(question_id, []):
            if len(echo) >= 3 and len(echo & words) / len(echo) >= self.settings.echo_share:
                return True
        return False
