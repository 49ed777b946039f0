"""A short, plain-text census of a loaded knowledge base, so an author sees at a glance what they changed,
and what it defines that nothing uses."""

from __future__ import annotations

from collections import Counter

from chatbot.knowledge.base import Knowledge
from chatbot.yamlfiles import Finding


def question_counts(kb: Knowledge) -> tuple[Counter[str], Counter[str]]:
    """Questions per skill id and per category; skills and categories without questions count zero rather
    than vanish."""
    per_skill: Counter[str] = Counter(dict.fromkeys(kb.skills, 0))
    per_category: Counter[str] = Counter(dict.fromkeys(kb.categories, 0))
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
    lines.append("levels: " + ", ".join(kb.levels))
    lines.append(f"transitions: {len(kb.transitions)} (default: {kb.default_transition})")
    for move_id, move in kb.transitions.items():
        lines.append(f"  {move_id} ({len(move.plan)} plan steps)")
        lines.append("    transferable: " + ", ".join(s.id for s in kb.transferable(move_id)))
        lines.append("    gaps: " + ", ".join(s.id for s in kb.gaps(move_id)))
    per_skill, per_category = question_counts(kb)
    lines.append(f"questions: {len(kb.questions)}")
    lines.append("  per category:")
    lines += [f"    {name}: {count}" for name, count in per_category.items()]
    lines.append("  per skill:")
    lines += [f"    {name}: {count}" for name, count in per_skill.items()]
    return lines


def unused_knowledge(kb: Knowledge, vocabulary_file: str, skills_file: str,
                     roles_folder: str) -> list[Finding]:
    """What the knowledge base defines that nothing uses: a role no move joins, a skill no role of a move,
    plan step or question names, a category without questions, a level no salary band is set at."""
    found: list[Finding] = []
    joined = {role for move in kb.transitions.values() for role in (move.from_role, move.to_role)}
    for role_id in kb.roles:
        if role_id not in joined:
            found.append(Finding("unused", f"{roles_folder}/{role_id}.yaml", "id",
                                 f"role '{role_id}' is in no transition"))
    named = {skill for role in joined for skill in kb.roles[role].skills}
    named |= {skill for move in kb.transitions.values() for step in move.plan for skill in step.skills}
    named |= {skill for question in kb.questions.values() for skill in question.skills}
    for index, skill_id in enumerate(kb.skills):
        if skill_id not in named:
            problem = f"skill '{skill_id}' is named by no role of a transition, plan step or question"
            found.append(Finding("unused", skills_file, f"[{index}]", problem))
    _, per_category = question_counts(kb)
    for index, category in enumerate(kb.categories):
        if not per_category[category]:
            found.append(Finding("unused", vocabulary_file, f"categories[{index}]",
                                 f"category '{category}' has no questions"))
    banded = {level for role in kb.roles.values() for level in role.salary.bands}
    banded |= {stage.band for move in kb.transitions.values() for stage in move.salary.stages}
    for index, level in enumerate(kb.levels):
        if level not in banded:
            found.append(Finding("unused", vocabulary_file, f"levels[{index}]",
                                 f"level '{level}' has no salary band in any role"))
    return found
