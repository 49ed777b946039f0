"""Talking points recognised by meaning: an answer's sentences and clauses compared with each point's
reference phrasings, so a point made in plain words earns what the textbook words earn.

Similarity measures topic, not substance, so four checks keep it honest: each piece of the answer
supports only the point it is closest to; a piece closer to another question's points than to this
one's supports nothing; a sentence that echoes the coach's own label, tip or question supports nothing
(`echoed_sentences`, applied by the scorer); and a piece close to a known misconception is named as one
instead of credited.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from chatbot.encoder.protocol import Encoder
from chatbot.feedback.reading import AnswerReading
from chatbot.feedback.spec_reading import Meaning
from chatbot.knowledge.models import Question

_WORD = re.compile(r"[a-z0-9]+")


NEIGHBOUR_MARK = "~"  # joins a question id and a neighbour's number into the neighbour's own id
ELSEWHERE_SHARE = 0.5  # an answer keeping less than this share of its credit is one to another question


@dataclass(frozen=True)
class AnswerFit:
    """Whether the answer, taken whole, answers another question better than this one."""

    closer_question: str | None  # the other question it fits best
    closer_text: str
    margin: float  # how much better it fits that one (negative: this question fits better)
    share: float  # 1 when it fits this question; less, down to a floor, the more it fits another
    closer_fit: float = 0.0  # how well it fits that other question, taken whole


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


@dataclass(frozen=True)
class MeaningEvidence:
    """Each point's best piece by meaning, and how well the answer as a whole fits this question."""

    points: dict[str, PointEvidence]
    fit: AnswerFit

    @property
    def elsewhere_text(self) -> str | None:
        """The question this answer seems to answer instead, when it clearly answers another one."""
        return self.fit.closer_text if self.fit.share < ELSEWHERE_SHARE else None


def clause_pattern(breaks: list[str]) -> re.Pattern[str]:
    """Where a sentence starts a new idea (", and", "; ", " because"), longest break first."""
    ordered = sorted(breaks, key=len, reverse=True)
    return re.compile("(?:" + "|".join(re.escape(b) + r"\s+" for b in ordered) + ")", re.IGNORECASE)


def pieces(reading: AnswerReading, clauses: re.Pattern[str], min_words: int) -> list[Piece]:
    """Usable sentences, and the clauses of those that join several ideas."""
    out: list[Piece] = []
    for sentence in reading.sentences:
        if sentence.index not in reading.usable:
            continue
        start, end = sentence.start, sentence.end
        text = reading.text[start:end]
        out.append(Piece(sentence.index, start, end, text))
        cuts = [0, *(m.start() for m in clauses.finditer(text)), len(text)]
        ends = [m.end() for m in clauses.finditer(text)]
        if len(cuts) <= 2:
            continue
        for begin, stop in zip([0, *ends], cuts[1:]):
            part = text[begin:stop]
            if len(part.split()) >= min_words:
                out.append(Piece(sentence.index, start + begin, start + stop, part))
    return out


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.casefold()))


ECHO_SHARE = 0.85  # share of a label's or tip's words a sentence repeats to count as pasted back


def echoed_sentences(question: Question, reading: AnswerReading, share: float = ECHO_SHARE) -> set[int]:
    """Sentences that repeat most words of the question itself or of one of the coach's own labels and
    tips: pasting the coach's words back in a first-person frame makes no point of its own."""
    asked = [part for part in re.split(r"(?<=[.?!])\s+", question.text) if part]
    echoes = [_words(t) for p in question.talking_points for t in (p.label, p.tip)] + [_words(a) for a in asked]
    echoes = [e for e in echoes if len(e) >= 3]
    coach = set().union(*echoes) if echoes else set()
    out = set()
    for sentence in reading.sentences:
        words = _words(reading.text[sentence.start:sentence.end])
        # most of one of the coach's texts is there, and the coach's words are most of the sentence
        # (pasted texts run together into one sentence count too)
        if words and len(coach & words) / len(words) >= share - 0.15 and \
                any(len(e & words) / len(e) >= share for e in echoes):
            out.add(sentence.index)
    return out


@dataclass(frozen=True)
class _QuestionRefs:
    """One question's share of the reference vectors: which columns speak for which point."""

    point_ids: tuple[str, ...]
    columns: tuple[np.ndarray, ...]  # per point: indices into the shared reference matrix
    wrong: tuple[np.ndarray, ...]  # per point: its misconceptions' vectors (possibly none)
    wrong_negated: tuple[tuple[bool, ...], ...]  # per point, per misconception: does it say "not"


class PointMeaning:
    """Reference vectors for every talking point of every question, built once; read-only after."""

    def __init__(self, questions: Mapping[str, Question], encoder: Encoder, settings: Meaning,
                 parts: Mapping[str, Sequence[str]] | None = None) -> None:
        """`parts`: reference phrasings of criterion parts (framing's "toward", say), by name."""
        self.settings = settings
        self._parts = {name: encoder.encode_corpus(list(texts)) for name, texts in (parts or {}).items() if texts}
        self._clauses = clause_pattern(settings.clause_breaks)
        self._negation = re.compile("|".join(
            ("" if "'" in w else r"\b") + re.escape(w) + r"\b" for w in settings.negations), re.IGNORECASE)
        self._encoder = encoder
        owners = [(q.id, p.id) for q in questions.values() for p in q.talking_points
                  for _ in (p.label, p.tip, *p.references)]
        vectors = encoder.encode_corpus([t for q in questions.values() for p in q.talking_points
                                         for t in (p.label, p.tip, *p.references)])
        # each model-answer line also speaks for the point of its question it is closest to
        lines = [(q.id, line) for q in questions.values() for line in q.model_answer]
        line_vectors = encoder.encode_corpus([line for _, line in lines])
        question_of = np.array([q for q, _ in owners])
        for (qid, _), vector in zip(lines, line_vectors):
            mine = np.flatnonzero(question_of[: len(vectors)] == qid)
            owners.append(owners[int(mine[np.argmax(vectors[mine] @ vector)])])
        # the answers to neighbouring questions the bank does not ask, each a group of its own that the
        # whole-answer fit weighs like another question's, and that scores nothing
        near = [(f"{q.id}{NEIGHBOUR_MARK}{n}", neighbour) for q in questions.values()
                for n, neighbour in enumerate(q.neighbours)]
        owners += [(gid, "") for gid, neighbour in near for _ in neighbour.answer]
        near_vectors = encoder.encode_corpus([line for _, neighbour in near for line in neighbour.answer])
        self._vectors = np.vstack([vectors, line_vectors, *([near_vectors] if near else [])])
        question_of = np.array([q for q, _ in owners])
        point_of = np.array([p for _, p in owners])
        # columns grouped by question, so each piece's best match per question is one reduction
        self._question_ids = [*questions, *(gid for gid, _ in near)]
        self._texts = {**{qid: q.text for qid, q in questions.items()}, **{gid: n.text for gid, n in near}}
        self._mine = {gid: question_of == gid for gid in self._question_ids}
        # a neighbour has a few lines where a question has dozens of references, so its best match is lower
        # for the same closeness of subject: its fit is lifted to compare like with like
        self._lift = np.concatenate([np.zeros(len(questions)), np.full(len(near), settings.neighbour_lift)])
        self._by_question = np.argsort(np.array([self._question_ids.index(q) for q in question_of]), kind="stable")
        counts = [int(np.sum(question_of == q)) for q in self._question_ids]
        self._group_starts = np.concatenate([[0], np.cumsum(counts)[:-1]]).astype(np.int64)
        self._refs = {
            q.id: _QuestionRefs(
                point_ids=tuple(p.id for p in q.talking_points),
                columns=tuple(np.flatnonzero((question_of == q.id) & (point_of == p.id)) for p in q.talking_points),
                wrong=tuple(encoder.encode_corpus(p.misconceptions) for p in q.talking_points),
                wrong_negated=tuple(tuple(self._negated(m) for m in p.misconceptions) for p in q.talking_points),
            )
            for q in questions.values()
        }

    def part_spans(self, reading: AnswerReading) -> dict[str, tuple[int, int]]:
        """Per criterion part: the usable sentence, or clause of a long one, that says it in any words,
        when one comes close enough to that part's reference phrasings."""
        said = pieces(reading, self._clauses, self.settings.clause_min_words)
        if not self._parts or not said:
            return {}
        vectors = self._encoder.encode([piece.text for piece in said])
        out = {}
        for name, references in self._parts.items():
            sims = (vectors @ references.T).max(axis=1)
            best = int(np.argmax(sims))
            if sims[best] >= self.settings.part_accept:
                out[name] = (said[best].start, said[best].end)
        return out

    def _negated(self, text: str) -> bool:
        return bool(self._negation.search(text))

    def _wrong_sims(self, vectors: np.ndarray, wrong: np.ndarray, negated: tuple[bool, ...],
                    candidates: list[Piece]) -> np.ndarray:
        """Each piece's closeness to the point's misconceptions. Sentence vectors hardly register "not",
        so a misconception counts only where the piece and it agree on saying "not" or not saying it."""
        if not len(wrong):
            return np.full(len(candidates), -1.0)
        sims = vectors @ wrong.T
        agrees = np.array([[self._negated(p.text) == n for n in negated] for p in candidates])
        best: np.ndarray = np.where(agrees, sims, -1.0).max(axis=1)  # numpy types a reduction's result Any
        return best

    def _fit(self, question_id: str, sims: np.ndarray) -> AnswerFit:
        """How well the answer as a whole fits this question against every other one: the mean, over its
        pieces, of each piece's best match among a question's references."""
        per_question = np.maximum.reduceat(sims[:, self._by_question], self._group_starts, axis=1).mean(axis=0) \
            + self._lift
        own = self._question_ids.index(question_id)
        others = per_question.copy()
        others[own] = -np.inf
        best = int(np.argmax(others))
        margin = float(others[best] - per_question[own])
        s = self.settings
        # a vague answer fits nothing well; only an answer that really makes another question's points moves
        share = 1.0 - (margin - s.fit_margin) / s.fit_span if others[best] >= s.fit_least else 1.0
        closer = self._question_ids[best]
        return AnswerFit(closer, self._texts[closer], margin, float(min(1.0, max(s.fit_floor, share))),
                         float(others[best]))

    def _credit(self, found: dict[str, PointEvidence], piece: Piece, pid: str, similarity: float, wrong: float,
                other: float) -> None:
        """Record what `piece` does for point `pid`: a misconception named, part or all of the point made,
        or nothing (too far from it, or closer to the question the whole answer leans to)."""
        s, was = self.settings, found[pid]
        if wrong >= max(similarity + s.misconception_margin, s.misconception_floor):
            found[pid] = PointEvidence(pid, was.credit, was.piece, was.similarity, was.wrong or piece)
            return
        if similarity < s.least or other > similarity + s.other_question_margin:
            return
        credit = min(1.0, (similarity - s.least) / (s.full - s.least))
        if len(piece.text.split()) < s.naming_words:
            credit = min(credit, 0.5)
        if credit > was.credit:
            found[pid] = PointEvidence(pid, credit, piece, similarity, was.wrong)

    def evidence(self, question: Question, reading: AnswerReading) -> MeaningEvidence:
        """Per point of `question`: the piece that makes it best, and how fully; and how well the whole
        answer fits this question rather than another."""
        s = self.settings
        found = {p.id: PointEvidence(p.id, 0.0, None, 0.0) for p in question.talking_points}
        refs = self._refs.get(question.id)
        candidates = pieces(reading, self._clauses, s.clause_min_words)
        if refs is None or not candidates:
            return MeaningEvidence(found, AnswerFit(None, "", 0.0, 1.0))
        vectors = self._encoder.encode([p.text for p in candidates])
        sims = vectors @ self._vectors.T
        fit = self._fit(question.id, sims)
        # a piece answers another question when it is closer to the question the whole answer leans to
        # than to this one's points; one stray close reference elsewhere among thousands does not count
        # ...and only when the answer really fits that question: what fits nothing well loses nothing to it
        rival = self._mine.get(fit.closer_question or "") if fit.closer_fit >= s.rival_least else None
        # a line or two leans less surely to another question: a piece must be clearly closer to it to go there
        whole = len(reading.text.split()) >= s.fit_min_words
        others = sims[:, rival].max(axis=1) if rival is not None and rival.any() \
            else np.full(len(candidates), -1.0)
        if not whole:
            others = others - s.short_other_slack
        per_point = np.stack([sims[:, cols].max(axis=1) for cols in refs.columns], axis=1)
        wrong = np.stack([self._wrong_sims(vectors, w, negated, candidates)
                          for w, negated in zip(refs.wrong, refs.wrong_negated)], axis=1)
        for row, piece in enumerate(candidates):
            # a piece makes the point it is closest to, and any other it is as good as equally close to
            top = float(per_point[row].max())
            for best in np.flatnonzero(per_point[row] >= top - s.tie_margin):
                self._credit(found, piece, refs.point_ids[best], float(per_point[row, best]),
                             float(wrong[row, best]), float(others[row]))
        if not whole:  # a line or two fits no question as a whole
            fit = AnswerFit(fit.closer_question, fit.closer_text, fit.margin, 1.0, fit.closer_fit)
        return MeaningEvidence(found, fit)
