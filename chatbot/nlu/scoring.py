"""Scoring a message against the intents through the index.

Which intent a message means blends coverage (how much of the known words' weight an intent
explains) with nearest-examples similarity (how close the message is to that intent's closest
examples). Only intents that share a word with the message are touched.
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from operator import itemgetter

from chatbot.nlu.index import IntentIndex
from chatbot.nlu.reading import MessageReading, WeightedTerm
from chatbot.nlu.settings import MatchSettings

CANDIDATE_SLACK = 4  # intents scored in full beyond the alternatives a fallback offers


@dataclass(frozen=True)
class Scored:
    """One intent's score for a message, with the words that earned it (for explaining a match)."""

    intent: int
    score: float
    coverage: float
    similarity: float
    evidence: float
    contributions: tuple[tuple[str, float], ...]


def score_all(
    reading: MessageReading, index: IntentIndex, settings: MatchSettings, include: int | None = None
) -> list[Scored]:
    """Score the likeliest intents for the message's known words, best first.

    Every intent sharing a stem gets a cheap running total; only the leaders on coverage or on
    example similarity (plus `include`, an intent the caller needs regardless) are scored in full.
    """
    known = reading.known
    total = sum(t.weight for t in known)
    if total == 0:
        return []
    norm = math.sqrt(sum(t.weight**2 for t in known))
    covered: dict[int, float] = defaultdict(float)
    dots: dict[int, float] = defaultdict(float)
    for term in known:
        mass = term.weight * term.trust
        for intent, strength in index.term_intents.get(term.stem, ()):
            covered[intent] += mass * strength
        for example in index.examples.term_examples.get(term.stem, ()):
            dots[example] += term.weight * mass
    candidates = _candidates(covered, dots, index, settings)
    if include is not None and include in covered:
        candidates.add(include)
    closest: dict[int, list[float]] = defaultdict(list)
    examples = index.examples
    for example, dot in dots.items():
        intent = examples.example_intent[example]
        if intent in candidates:
            closest[intent].append(dot / (norm * examples.example_norm[example]))
    scored = [
        _full_score(intent, covered[intent] / total, closest[intent], known, index, settings)
        for intent in candidates
    ]
    return sorted(scored, key=lambda s: (-s.score, s.intent))


def _candidates(
    covered: dict[int, float], dots: dict[int, float], index: IntentIndex, settings: MatchSettings
) -> set[int]:
    """Intents leading on coverage, and owners of the examples nearest the message."""
    size = settings.alternatives + CANDIDATE_SLACK
    leaders = {intent for intent, _ in heapq.nlargest(size, covered.items(), key=itemgetter(1))}
    examples = index.examples
    nearest = heapq.nlargest(size * settings.neighbours, dots, key=lambda e: dots[e] / examples.example_norm[e])
    owners = {examples.example_intent[example] for example in nearest}
    return leaders | (owners & covered.keys())


def _full_score(
    intent: int,
    coverage: float,
    similarities: list[float],
    known: Sequence[WeightedTerm],
    index: IntentIndex,
    settings: MatchSettings,
) -> Scored:
    """Blend coverage with the mean of the closest examples, and list each word's contribution."""
    similarity = sum(heapq.nlargest(settings.neighbours, similarities)) / settings.neighbours
    strengths = index.intent_terms[intent]
    parts = [(t.word, t.weight * t.trust * strengths[t.stem]) for t in known if t.stem in strengths]
    return Scored(
        intent=intent,
        score=settings.blend * coverage + (1 - settings.blend) * similarity,
        coverage=coverage,
        similarity=similarity,
        evidence=sum(mass for _, mass in parts),
        contributions=tuple(sorted(parts, key=lambda p: -p[1])),
    )
