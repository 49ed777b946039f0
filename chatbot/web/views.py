"""What the templates need beyond the stored messages: parsed text, highlighted answers, the open question.

These are read-only views over API.md Message dicts; the page never decides what the coach says.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from chatbot.web.markup import Block, blocks

# Bot replies that leave the practice question open: the user may still answer it.
KEEPS_QUESTION_OPEN = {"hint", "model_answer", "help", "menu"}


@dataclass(frozen=True)
class Segment:
    """A piece of the user's answer; `point` names the talking point it was credited for, if any."""

    text: str
    point: str | None = None


@dataclass(frozen=True)
class MessageView:
    message: Mapping[str, Any]
    blocks: list[Block]  # bot text only: what the user typed is shown exactly as typed
    answer: list[Segment] = field(default_factory=list)  # the answer the feedback is about, highlighted


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
    merged: list[list[Any]] = []
    for start, end, point in spans:
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
            merged[-1][2] += [point] if point not in merged[-1][2] else []
        else:
            merged.append([start, end, [point]])
    segments, cursor = [], 0
    for start, end, points in merged:
        if start > cursor:
            segments.append(Segment(answer[cursor:start]))
        segments.append(Segment(answer[start:end], "; ".join(p for p in points if p)))
        cursor = end
    if cursor < len(answer) or not segments:
        segments.append(Segment(answer[cursor:]))
    return segments


def without_question(text: str, question: Mapping[str, Any] | None) -> str:
    """The text minus lines that restate the question, which its card already shows."""
    wording = (question or {}).get("text") or ""
    if not wording:
        return text
    return "\n".join(line for line in text.split("\n") if wording not in line)


def message_views(messages: Sequence[Mapping[str, Any]]) -> list[MessageView]:
    """Each message with its text parsed; feedback carries the user's answer it refers to."""
    views, last_user = [], ""
    for message in messages:
        feedback = message.get("feedback")
        answer = answer_segments(last_user, feedback.get("highlights")) if feedback and last_user else []
        text = without_question(message.get("text") or "", message.get("question"))
        parsed = blocks(text) if message.get("sender") == "bot" else []
        views.append(MessageView(message, parsed, answer))
        if message.get("sender") == "user":
            last_user = message.get("text") or ""
    return views


def open_question(messages: Sequence[Mapping[str, Any]]) -> Mapping[str, Any] | None:
    """The practice question the user is answering now, if any.

    The latest question stays open through hints and through feedback that asked for a real answer;
    any other bot reply (feedback, a topic answer, a summary) closes it.
    """
    for message in reversed(messages):
        if message.get("sender") != "bot":
            continue
        if message.get("question"):
            return message["question"]
        feedback = message.get("feedback")
        if feedback and feedback.get("needs_answer"):
            continue
        if message.get("intent") in KEEPS_QUESTION_OPEN:
            continue
        return None
    return None


def quick_replies(messages: Sequence[Mapping[str, Any]]) -> list[str]:
    """The suggestions of the latest turn: only the last bot message's, and only if it is last."""
    if messages and messages[-1].get("sender") == "bot":
        return list(messages[-1].get("quick_replies") or [])
    return []


def skill_names(knowledge: Any) -> dict[str, str]:
    """Display names of skills, from the knowledge base when it is loaded."""
    skills = getattr(knowledge, "skills", None) or {}
    return {skill_id: skill.name for skill_id, skill in skills.items()}


def practice_summary(scores: Sequence[int]) -> dict[str, int] | None:
    """Best and latest practice score of a saved session, and how many answers were scored."""
    if not scores:
        return None
    return {"best": max(scores), "latest": scores[-1], "count": len(scores)}
