"""Remember what users say about themselves ("I'm a data scientist", "I already know docker")."""

from __future__ import annotations

import re
from collections.abc import Callable

from chatbot.dialogue.cues import Cues
from chatbot.dialogue.state import Profile
from chatbot.knowledge import Knowledge
from chatbot.nlu import Entities, normalise

Extract = Callable[[str], Entities]
NUMBER = r"(\d{1,2})"


def _has_phrase(text: str, phrases: list[str]) -> bool:
    padded = f" {text} "
    return any(f" {normalise(phrase)} " in padded for phrase in phrases if normalise(phrase))


def _clauses(text: str, cues: Cues) -> list[str]:
    """Split where negation stops: "I know python but not docker" is two claims."""
    pattern = "|".join(re.escape(b) if not b.isalpha() else rf"\b{re.escape(b)}\b" for b in cues.clause_breaks)
    return [part for part in re.split(pattern, text.casefold()) if part.strip()]


def _role(kb: Knowledge, text: str) -> str | None:
    """The role named in the message, longest name first so "ml engineer" beats "engineer"."""
    names = [(normalise(alias), role.id) for role in kb.roles.values() for alias in [role.name, *role.aliases]]
    for name, role_id in sorted(names, key=lambda pair: -len(pair[0])):
        if name and f" {name} " in f" {text} ":
            return role_id
    return None


def _years(text: str, cues: Cues) -> int | None:
    units = "|".join(re.escape(normalise(word)) for word in cues.years)
    found = re.search(rf"\b{NUMBER}\s*(?:\+\s*)?(?:{units})\b", text)
    return int(found.group(1)) if found else None


def _merge(items: list[str], added: set[str], removed: set[str]) -> list[str]:
    kept = [item for item in items if item not in removed]
    return kept + sorted(added - set(kept))


def learn(profile: Profile, text: str, kb: Knowledge, cues: Cues, extract: Extract) -> Profile:
    """A new profile with whatever this message says about the user; unchanged if it says nothing."""
    plain = normalise(text)
    if not _has_phrase(plain, cues.self_reference):
        return profile
    known: set[str] = set()
    lacking: set[str] = set()
    for clause in _clauses(text, cues):
        skills = set(extract(clause).skills)
        (lacking if _has_phrase(normalise(clause), cues.negation) else known).update(skills)
    entities = extract(text)
    ratings = dict(profile.ratings)
    if entities.rating is not None and len(entities.skills) == 1:
        ratings[entities.skills[0]] = entities.rating
    role = _role(kb, plain)
    return profile.model_copy(update={
        "current_role": role if role in kb.roles else profile.current_role,
        "years": _years(plain, cues) or profile.years,
        "known_skills": _merge(profile.known_skills, known, lacking),
        "lacking_skills": _merge(profile.lacking_skills, lacking, known),
        "ratings": ratings,
    })
