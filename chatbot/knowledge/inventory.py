"""A short, plain-text census of a loaded knowledge base, so an author sees at a glance what they changed."""

from __future__ import annotations

from collections import Counter

from chatbot.knowledge.base import Knowledge


def question_counts(kb: Knowledge) -> tuple[Counter[str], Counter[str]]:
    """Questions per skill id and per category; skills without questions count zero rather than vanish."""
    per_skill: Counter[str] = Counter(dict.fromkeys(kb.skills, 0))
    per_category: Counter[str] = Counter()
    for question in kb.questions.values():
        per_skill.update(question.skills)
        per_category[question.category] += 1
    return per_skill, per_category


def inventory_lines(kb: Knowledge) -> list[str]:
    """The census as lines: roles, skills, transitions with derived skills, then the question bank."""
    lines = [f"roles: {len(kb.roles)}"]
    lines += [f"  {role.id} ({len(role.skills)} skills)" for role in kb.roles.values()]
    lines.append(f"skills: {len(kb.skills)}")
    lines += [f"  {skill.id} [{skill.kind}]" for skill in kb.skills.values()]
    lines.append(f"transitions: {len(kb.transitions)} (default: {kb.default_transition})")
    for move_id, move in kb.transitions.items():
        lines.append(f"  {move_id} ({len(move.plan)} plan steps)")
        lines.append("    transferable: " + ", ".join(s.id for s in kb.transferable(move_id)))
        lines.append("    gaps: " + ", ".join(s.id for s in kb.gaps(move_id)))
    per_skill, per_category = question_counts(kb)
    lines.append(f"questions: {len(kb.questions)}")
    lines.append("  per category:")
    lines += [f"    {name}: {count}" for name, count in sorted(per_category.items())]
    lines.append("  per skill:")
    lines += [f"    {name}: {count}" for name, count in per_skill.items()]
    return lines
