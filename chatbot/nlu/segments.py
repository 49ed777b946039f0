"""Where the questions are in a message: a story first and the question last, or two questions at once.

Each question part is read on its own, so the person who explains carefully is answered like the
person who asks in five words, and "how long does it take, and what does it pay?" gets both answers.
"""

from __future__ import annotations

import re

_SENTENCES = re.compile(r"(?<=[.!?])\s+|\n+")
_QUESTION_START = re.compile(
    r"^(?:so|and|but|also|ok|okay|anyway|basically|honestly|realistically|plus)?[\s,]*"
    r"(?:how|what|whats|what's|which|why|when|where|who|whom|whose|is|are|am|do|does|did|can|could|"
    r"should|shall|would|will|may|might|have|has|any|wat|wht|hw|shud|cud|wud)\b",
    re.IGNORECASE,
)
# A second question joined to the first: ", and what ...", "? also how ...", " or should I ..."
_JOINED = re.compile(
    r"(?:,|;|\?)\s*(?:and|also|plus|or|but)?\s*(?=(?:how|what|what's|whats|which|why|when|where|who|is|are|do|does|"
    r"can|could|should|would|will)\b)",
    re.IGNORECASE,
)
MAX_QUESTIONS = 3
MIN_WORDS = 3


def sentences(text: str) -> list[str]:
    return [part.strip() for part in _SENTENCES.split(text) if part and part.strip()]


def is_question(sentence: str) -> bool:
    return "?" in sentence or bool(_QUESTION_START.match(sentence.strip()))


def question_parts(text: str) -> list[str]:
    """The message's questions in order (at most three), each as the words that ask it; a message
    with no recognisable question is its own single part."""
    parts: list[str] = []
    for sentence in sentences(text):
        if not is_question(sentence):
            continue
        pieces = [p.strip(" ,;") for p in _JOINED.split(sentence) if p and p.strip(" ,;?")]
        for piece in pieces:
            if len(piece.split()) >= MIN_WORDS or not parts:
                parts.append(piece)
            else:
                parts[-1] = f"{parts[-1]} {piece}"
    return parts[-MAX_QUESTIONS:] if parts else [text.strip()]


def background(text: str) -> str:
    """Everything that is not a question: where people say who they are."""
    return " ".join(s for s in sentences(text) if not is_question(s))
