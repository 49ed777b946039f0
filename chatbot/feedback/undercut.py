"""Sentences that take an answer back: "I haven't built one yet", "not sure", "I'm a perfectionist".

Sentence similarity hears the topic in them and would credit a point, yet an interviewer hears the
opposite of evidence. They earn no talking-point credit, and the feedback quotes them and says why.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from chatbot.feedback.reading import AnswerReading


def undercut_pattern(patterns: Sequence[str]) -> re.Pattern[str] | None:
    """One case-insensitive pattern for the rubric's list, or None when it is empty."""
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE) if patterns else None


def undercut_sentences(reading: AnswerReading, pattern: re.Pattern[str] | None) -> tuple[int, ...]:
    """Usable sentences that say the candidate has not done it, shrug, or wave the question away."""
    if pattern is None:
        return ()
    return tuple(s.index for s in reading.sentences
                 if s.index in reading.usable and pattern.search(reading.text[s.start:s.end]))
