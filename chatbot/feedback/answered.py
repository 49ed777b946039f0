"""Is there an answer to assess at all? Empty, one-word, keyboard-mash or "I don't know" replies are not."""

from __future__ import annotations

import re

from chatbot.feedback.lexicon import RubricLexicon
from chatbot.feedback.reading import AnswerReading
from chatbot.feedback.relevance import PointResult
from chatbot.feedback.spec_reading import Limits

_VOWEL = re.compile("[aeiouy]")
_CLUSTER = re.compile("[b-df-hj-np-tv-xz]{5}")  # "qwrtz": no English word strings five consonants together
_DIGIT = re.compile(r"\d")


def needs_answer(
    reading: AnswerReading, points: list[PointResult], lexicon: RubricLexicon, limits: Limits
) -> bool:
    """True when there is nothing to assess: too few words, or no real sentence and nothing on topic.

    One real sentence that makes a point is enough to count as an answer, so adding a sentence can only
    end the request.
    """
    tokens = reading.tokens
    if len(tokens) < limits.min_answer_words or len({t.stem for t in tokens}) < limits.min_distinct_words:
        return True
    short = len(tokens) <= limits.non_answer_max_words
    if short and not any(p.earned for p in points) and any(reading.find(p, 0) for p in lexicon.non_answers):
        return True  # "not sure what to say here": a nudge and the hint, not a zero with the whole rubric
    if reading.usable:
        return False
    looks = {low: _wordlike(low) for low in {t.low for t in tokens}}
    if sum(looks[t.low] for t in tokens) / len(tokens) < limits.min_wordlike_share:
        return True
    if len(tokens) >= limits.answer_words:
        return False  # a real attempt, in any English, that misses the points is scored, not waved away
    return not any(p.earned or p.unusable for p in points)


def _wordlike(word: str) -> bool:
    """Digits, or letters with a vowel and no long consonant cluster; other scripts count as words."""
    if _DIGIT.search(word) or not word.isascii():
        return any(c.isalnum() for c in word)
    return bool(_VOWEL.search(word)) and not _CLUSTER.search(word)
