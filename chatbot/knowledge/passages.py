"""The knowledge base as short passages, each labelled with the part of the guide it comes from.

Questions no intent covers ("do Kaggle medals help?", "MLOps or ML engineering?") are answered by the
passage closest in meaning; the label lets the reply say where in the guide the answer sits.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from chatbot.knowledge.base import Knowledge

MIN_CHARS = 40  # shorter strings are labels or figures, not answers


@dataclass(frozen=True)
class Passage:
    section: str  # the guide's part, as a person reads it ("CV advice")
    text: str


def _item_texts(item: Mapping[str, Any]) -> list[str] | None:
    """An advice item, FAQ, plan step or activity as readable passages: its gist, then each action
    on its own under the same heading, so a question about one action finds that action."""
    if "question" in item and "answer" in item:
        return [f"{item['question']} {item['answer']}"]
    title = item.get("title")
    body = item.get("detail") or item.get("summary")
    if title and body:
        when = (item.get("timeframe") or {}).get("label")
        head = f"{title} ({when})" if when else str(title)
        return [f"{head}: {body}", *(f"{head}: {action}" for action in item.get("actions") or [])]
    return None


def _walk(value: Any, key: str, out: list[tuple[str, str]]) -> None:
    if isinstance(value, Mapping):
        texts = _item_texts(value)
        if texts is not None:
            out.extend((key, text) for text in texts)
            return
        for name, child in value.items():
            _walk(child, f"{key}.{name}", out)
    elif isinstance(value, list):
        if value and all(isinstance(child, str) and len(child) < MIN_CHARS for child in value):
            out.append((key, ", ".join(value)))  # a list of names (platforms, certificates) reads as one
            return
        for child in value:
            _walk(child, key, out)
    elif isinstance(value, str) and len(value) >= MIN_CHARS:
        out.append((key, value))


def passages(knowledge: Knowledge, transition_id: str, sections: Mapping[str, str | None]) -> list[Passage]:
    """Every passage of one move: its transition guide, its two roles and the skills they use.

    `sections` names each top-level part of the guide for people (data/responses); a part without a
    name is left out, so internal fields never reach a reply, and so is a field named there with no
    label (a template sentence that only makes sense filled in for one person)."""
    out, seen = [], set()
    for key, text in _keyed_texts(knowledge, transition_id):
        top = key.split(".")[0]
        name = sections.get(top)
        prefixes = [".".join(key.split(".")[:n]) for n in range(2, key.count(".") + 2)]
        if any(prefix in sections and not sections[prefix] for prefix in prefixes):
            continue
        if key != top and sections.get(key):
            text = f"{sections[key]}: {text}"  # a field named on its own says what its list is
        if name and text not in seen:
            seen.add(text)
            out.append(Passage(name.format(skill=_skill_name(knowledge, key), role=_role_name(knowledge, key)), text))
    return out


def guide_parts(knowledge: Knowledge) -> set[str]:
    """Every part of any move's guide that `sections` can name: "cv", "interview.strong_opening", ..."""
    keys = {key for move in knowledge.transitions for key, _ in _keyed_texts(knowledge, move)}
    return {".".join(key.split(".")[:n]) for key in keys for n in range(1, key.count(".") + 2)}


def _keyed_texts(knowledge: Knowledge, transition_id: str) -> list[tuple[str, str]]:
    """The move's texts, each with the dotted key of the part it sits in ("cv.tips", "skills.sql")."""
    transition = knowledge.transitions[transition_id]
    found: list[tuple[str, str]] = []
    for key, value in transition.model_dump().items():
        _walk(value, key, found)
    for role_id in (transition.from_role, transition.to_role):
        role = knowledge.roles[role_id]
        for activity in role.day_to_day:
            found.append((f"day_to_day.{role_id}", f"{activity.title}: {activity.detail}"))
    for skill in knowledge.skills.values():
        parts = [skill.description, *skill.usage.values(), *skill.build_evidence, skill.interview_bar or ""]
        found.extend((f"skills.{skill.id}", f"{skill.name}: {part}") for part in parts if len(part) >= MIN_CHARS)
    return found


def _skill_name(knowledge: Knowledge, key: str) -> str:
    skill = knowledge.skills.get(key.split(".", 1)[-1])
    return skill.name if skill else ""


def _role_name(knowledge: Knowledge, key: str) -> str:
    role = knowledge.roles.get(key.split(".", 1)[-1])
    return role.name if role else ""
