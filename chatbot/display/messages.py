"""What a reader sees of each stored message, worked out once for the API and the pages alike.

`displayed()` adds three fields to API.md Message dicts (the stored fields stay as they are):
`blocks` (the bot's text as parsed blocks), `answer_segments` (the answer a feedback card quotes, cut
around the phrases that earned credit) and `keeps_question_open` (whether the practice question the
user was answering is still open after this message). The page's script only renders these.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, TypedDict

from chatbot.display.markup import Block, blocks

# Bot replies that leave the practice question open: the user may still answer it.
KEEPS_QUESTION_OPEN = frozenset({"hint", "model_answer", "help", "menu"})


class Segment(TypedDict):
    """A piece of the user's answer; `point` names the talking points it was credited for, or is None."""

    text: str
    point: str | None


def _located(answer: str, highlight: Mapping[str, Any]) -> tuple[int, int] | None:
    """Where a highlight sits: its offsets when they match its text, else the text's first occurrence."""
    start, end, text = highlight.get("start"), highlight.get("end"), highlight.get("text") or ""
    if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(answer) \
            and (not text or answer[start:end].casefold() == text.casefold()):
        return start, end
    if text:
        found = answer.casefold().find(text.casefold())
        if found >= 0 and len(answer.casefold()) == len(answer):
            return found, found + len(text)
    return None


def answer_segments(answer: str, highlights: Sequence[Mapping[str, Any]] | None) -> list[Segment]:
    """Split the answer around credited phrases. Overlapping phrases (one stretch of words that made
    two points) become one mark naming both points; unplaceable highlights are left out."""
    spans = sorted(
        (*located, str(highlight.get("point") or ""))
        for highlight in highlights or ()
        if (located := _located(answer, highlight)) is not None
    )
    merged: list[tuple[int, int, list[str]]] = []
    for start, end, point in spans:
        if merged and start < merged[-1][1]:
            last_start, last_end, points = merged[-1]
            merged[-1] = (last_start, max(last_end, end), points + ([point] if point not in points else []))
        else:
            merged.append((start, end, [point]))
    segments: list[Segment] = []
    cursor = 0
    for start, end, points in merged:
        if start > cursor:
            segments.append(Segment(text=answer[cursor:start], point=None))
        segments.append(Segment(text=answer[start:end], point="; ".join(p for p in points if p)))
        cursor = end
    if cursor < len(answer) or not segments:
        segments.append(Segment(text=answer[cursor:], point=None))
    return segments


def without_question(text: str, question: Mapping[str, Any] | None) -> str:
    """The text minus lines that restate the question, which its card already shows."""
    wording = (question or {}).get("text") or ""
    if not wording:
        return text
    return "\n".join(line for line in text.split("\n") if wording not in line)


def keeps_question_open(message: Mapping[str, Any]) -> bool:
    """Whether the question open before this message is still the open one after it.

    The user's own message leaves that to the reply. A new question replaces the old one; hints and
    feedback that asked for a real answer keep it; any other bot reply (feedback, a topic answer, a
    summary) closes it.
    """
    if message.get("sender") != "bot":
        return True
    if message.get("question"):
        return False
    feedback = message.get("feedback")
    if feedback and feedback.get("needs_answer"):
        return True
    return message.get("intent") in KEEPS_QUESTION_OPEN


def text_blocks(message: Mapping[str, Any]) -> list[Block] | None:
    """A bot message's text as blocks; None for the user's, which is shown exactly as typed."""
    if message.get("sender") != "bot":
        return None
    return blocks(without_question(message.get("text") or "", message.get("question")))


def displayed(messages: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The messages with their display fields; feedback quotes the user message before it."""
    result, last_user = [], None
    for message in messages:
        feedback = message.get("feedback")
        segments: list[Segment] | None = None
        if feedback and last_user:
            segments = answer_segments(last_user, feedback.get("highlights"))
        result.append({**message, "blocks": text_blocks(message), "answer_segments": segments,
                       "keeps_question_open": keeps_question_open(message)})
        if message.get("sender") == "user":
            last_user = message.get("text") or ""
    return result


def open_question(messages: Sequence[Mapping[str, Any]]) -> Mapping[str, Any] | None:
    """The practice question the user is answering now, if any: the page's script folds a turn's
    `keeps_question_open` the same way, starting from the question this gives."""
    current: Mapping[str, Any] | None = None
    for message in messages:
        if not keeps_question_open(message):
            current = message.get("question")
    return current
