"""Remember what users say about themselves ("I'm a data scientist", "I already know docker")."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from chatbot.dialogue.cues import Cues
from chatbot.dialogue.state import Profile
from chatbot.knowledge import Knowledge
from chatbot.nlu import Entities, normalise

Extract = Callable[[str], Entities]
NUMBER = r"(\d{1,2})"


def _has_phrase(text: str, phrases: list[str]) -> bool:
    """`phrases` come normalised from Cues; `text` is a normalised message or clause."""
    padded = f" {text} "
    return any(f" {phrase} " in padded for phrase in phrases)


def _clauses(text: str, cues: Cues) -> list[str]:
    """Split where a claim ends: "I know python but not docker" holds two claims."""
    breaks = (re.escape(b) if not b.isalpha() else rf"\b{re.escape(b)}\b" for b in cues.clause_breaks)
    return [part for part in re.split("|".join(breaks), text.casefold()) if normalise(part)]


def _role(kb: Knowledge, text: str, cues: Cues) -> str | None:
    """The role named straight after "I'm a" or "I work as": people say what they are that way."""
    padded = f" {text} "
    for claim in cues.role_claims:
        for role in kb.roles.values():
            for alias in (normalise(name) for name in [role.name, *role.aliases]):
                if claim and alias and f" {claim} {alias} " in padded:
                    return role.id
    return None


def _years(text: str, cues: Cues) -> int | None:
    units = "|".join(re.escape(word) for word in cues.years)
    found = re.search(rf"\b{NUMBER}\s*(?:\+\s*)?(?:{units})\b", text)
    return int(found.group(1)) if found else None


@dataclass
class Claims:
    """What one message claims, clause by clause."""

    role: str | None = None
    years: int | None = None
    known: set[str] = field(default_factory=set)
    lacking: set[str] = field(default_factory=set)
    ratings: dict[str, int] = field(default_factory=dict)
    asks: bool = False  # some clause is a question, so the message wants an answer, not an acknowledgement


def _read_claims(text: str, kb: Knowledge, cues: Cues, extract: Extract) -> Claims:
    """A clause is a claim once the user has started talking about themselves, unless it asks something."""
    claims, speaking = Claims(), False
    for clause in _clauses(text, cues):
        plain = normalise(clause)
        speaking = speaking or _has_phrase(plain, cues.self_reference)
        opening = plain.split()[0] if plain else ""
        if opening in cues.question_starts:
            claims.asks = True
        if not speaking or opening in cues.question_starts:
            continue
        entities = extract(clause)
        years = _years(plain, cues)
        claims.role = claims.role or _role(kb, plain, cues)
        claims.years = claims.years or years
        (claims.lacking if _has_phrase(plain, cues.negation) else claims.known).update(entities.skills)
        if entities.rating is not None and len(entities.skills) == 1 and years is None:
            claims.ratings[entities.skills[0]] = entities.rating
    return claims


def _merge(items: list[str], added: set[str], removed: set[str]) -> list[str]:
    kept = [item for item in items if item not in removed]
    return kept + sorted(added - set(kept))


@dataclass(frozen=True)
class Learned:
    profile: Profile
    statement: bool  # the message told us something and asked nothing: acknowledge it


def learn(profile: Profile, text: str, kb: Knowledge, cues: Cues, extract: Extract) -> Learned:
    """A new profile with whatever this message says about the user; equal to the old one if nothing."""
    claims = _read_claims(text, kb, cues, extract)
    updated = profile.model_copy(update={
        "current_role": claims.role or profile.current_role,
        "years": claims.years or profile.years,
        "known_skills": _merge(profile.known_skills, claims.known, claims.lacking),
        "lacking_skills": _merge(profile.lacking_skills, claims.lacking, claims.known),
        "ratings": {**profile.ratings, **claims.ratings},
    })
    asks = claims.asks or "?" in text or _has_phrase(normalise(text), cues.question_words)
    return Learned(updated, updated != profile and not asks)
