"""Where the questions are in a message: a story first and the question last, or two questions at once.

Each question part is read on its own, so the person who explains carefully is answered like the
person who asks in five words, and "how long does it take, and what does it pay?" gets both answers.
The words that open, lead into and join questions are data (data/responses/cues/dialogue.yaml).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from chatbot.nlu.text import normalise

_SENTENCES = re.compile(r"(?<=[.!?])\s+|\n+")
_SEPARATORS = re.compile(r"[,;:?]\s*|\s+[+&]\s+|\s+(?=\w)")  # "... ml pipelines + what does a mid level mle make"
MAX_QUESTIONS = 3
MIN_WORDS = 3  # a shorter piece ("if not") belongs to the question before it
MIN_GAP = 8  # characters: a question is not split right after it starts


@dataclass(frozen=True)
class QuestionSplitter:
    starts: frozenset[str]  # a sentence or clause opening with one of these asks something
    lead_ins: frozenset[str]  # "so", "ok", "honestly": may come before the opening word
    joiners: frozenset[str]  # "and", "also": may join a second question to the first
    speakers: frozenset[str] = frozenset()  # "i", "i'm": after a comma, a statement about the asker starts
    subordinators: frozenset[str] = frozenset()  # "when I change, ...?": a clause of the question that follows

    @classmethod
    def of(cls, starts: Iterable[str], lead_ins: Iterable[str], joiners: Iterable[str],
           speakers: Iterable[str] = (), subordinators: Iterable[str] = ()) -> QuestionSplitter:
        return cls(frozenset(starts), frozenset(map(normalise, lead_ins)), frozenset(map(normalise, joiners)),
                   frozenset(map(normalise, speakers)), frozenset(map(normalise, subordinators)))

    def opens_question(self, text: str, skip: frozenset[str] = frozenset()) -> bool:
        """Whether the text opens with a question word, after any of `skip` ("quick question", "so")."""
        words = normalise(text).split()
        leads = sorted((lead.split() for lead in skip), key=len, reverse=True)
        while words:
            lead = next((lead for lead in leads if lead and words[: len(lead)] == lead), None)
            if lead is None:
                break
            words = words[len(lead):]
        return bool(words) and words[0] in self.starts

    def is_question(self, sentence: str) -> bool:
        return "?" in sentence or self.opens_question(sentence, self.lead_ins)

    def asks(self, text: str, max_words: int) -> bool:
        """The message asks something rather than answers: short, and its questions carry it, or it opens
        with one ("whats a feature store even? we never had one"); a long answer with one rhetorical
        question does not, nor does one opened by a lone word ("Honestly? I'm bored of slide decks...")."""
        said = sentences(text)
        words = sum(len(s.split()) for s in said)
        asked = sum(len(s.split()) for s in said if self.is_question(s))
        opens_with_question = bool(said) and self.is_question(said[0]) and words <= max_words * 2 \
            and (len(said[0].split()) > 1 or len(said) == 1)
        return 0 < words <= max_words * 3 and (asked * 2 >= words or opens_with_question)

    def parts(self, text: str) -> list[str]:
        """The message's questions in order (the last three), each as the words that ask it; a message
        with no recognisable question is its own single part."""
        found: list[str] = []
        for sentence in sentences(text):
            if not self.is_question(sentence):
                continue
            pieces = self._joined_subordinates(self._clauses(sentence))
            # "I only have 4 hours a week, how long will it take?": the statement is not a question
            pieces = [p for p in pieces if self.is_question(p)] or pieces
            for piece in pieces:
                if len(piece.split()) >= MIN_WORDS or not found:
                    found.append(piece)
                else:
                    found[-1] = f"{found[-1]} {piece}"
        return found[-MAX_QUESTIONS:] if found else [text.strip()]

    def _joined_subordinates(self, pieces: list[str]) -> list[str]:
        """"When I change, I will lose money?": a clause opening with "when", "if" or the like and the person
        ("when I change") sets the scene of the question after it, so it stays part of that question."""
        out: list[str] = []
        for piece in pieces:
            if out and self._sets_scene(out[-1]):
                out[-1] = f"{out[-1]}, {piece}"
            else:
                out.append(piece)
        return out

    def _sets_scene(self, piece: str) -> bool:
        words = normalise(piece).split()
        return len(words) >= 2 and words[0] in self.subordinators and words[1] in self.speakers \
            and not piece.rstrip().endswith("?")

    def _clauses(self, sentence: str) -> list[str]:
        """Split where a new question starts: after a separator ("..., and what does it pay?"), or after a
        joining word without one ("how long does it take and do I need a masters")."""
        cuts = [0]
        for sep in _SEPARATORS.finditer(sentence):
            rest = sentence[sep.end():]
            if not rest or sep.end() - cuts[-1] < MIN_GAP:
                continue
            first = normalise(rest).split()[:1]
            joined = sep.group().strip() != "" or (bool(first) and first[0] in self.joiners)
            if joined and self.opens_question(rest, self.joiners | self.lead_ins):
                cuts.append(sep.end())
            elif sep.group().strip() and first and first[0] in self.speakers:
                cuts.append(sep.end())  # "what I need to learn, I am good with sklearn but ...": a statement
        cuts.append(len(sentence))
        pieces = (sentence[a:b].strip(" ,;+&") for a, b in zip(cuts, cuts[1:]))
        return [p for p in pieces if p.strip(" ,;?+&")]


def sentences(text: str) -> list[str]:
    return [part.strip() for part in _SENTENCES.split(text) if part and part.strip()]


_CLAUSE_BREAK = re.compile(r"[,;:]\s+")


def clauses(text: str) -> list[str]:
    """The text cut at commas, semicolons and colons."""
    return [part for part in _CLAUSE_BREAK.split(text.strip()) if part.strip()]


def sentence_clauses(text: str) -> list[str]:
    """The message's sentences, and their clauses: where a request or a step may stand on its own."""
    return [part for sentence in sentences(text) for part in clauses(sentence)]
