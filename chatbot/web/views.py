"""What the templates need beyond the stored messages: display fields, suggestions, names, scores.

These are read-only views over API.md Message dicts; the page never decides what the coach says.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from chatbot.display import displayed, open_question

__all__ = ["message_views", "open_question", "practice_summary", "quick_replies", "skill_names"]


def message_views(messages: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The messages with the very display fields the API sends, so a page rendered here and a reply
    the script added from the API show the same structure."""
    return displayed(messages)


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
