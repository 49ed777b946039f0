"""Scoring a message against every intent at once through the index.

Two questions are kept apart. Is the message about this subject at all? That is the share of its
informative weight carried by words no intent knows (the unknown ratio). Which intent is it? That
blends coverage (how much of the known words' weight an intent explains) with best-example
similarity (how close the message is to the nearest single example).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from chatbot.nlu.index import IntentIndex
from chatbot.nlu.vocabulary import Correction


@dataclass(frozen=True)
class Settings:
    """Tuning knobs, chosen on the intents' examples and a development set, never on held-out data."""

    blend: float = 0.5  # share of coverage in the score; the rest is best-example similarity
    accept: float = 0.5  # lowest score that may be answered
    margin: float = 0.08  # lead over the runner-up needed to answer
    min_evidence: float = 1.2  # summed weight of matched words needed (domain words alone fall short)
    max_unknown: float = 0.3  # highest unknown ratio answered in a message that never names the move
    max_unknown_in_domain: float = 0.6  # the same once it names the move ("MLE", "data scientist")
    slip_cost: float = 2.0  # a corrected word keeps 1 - slip_cost * edits / length of its trust
    alternatives: int = 3
    alternative_floor: float = 0.25


@dataclass(frozen=True)
class Term:
    """One distinct message stem with its weight and how far it can be trusted as evidence."""

    word: str
    stem: str
    weight: float
    trust: float  # 0 for words no intent knows
    phrase: bool = False  # a word pair: evidence for an intent, but not counted in the unknown ratio


@dataclass(frozen=True)
class Reading:
    """A message as weighted terms, plus how much of it is in words the intents never use."""

    terms: tuple[Term, ...]
    unknown_ratio: float
    in_domain: bool

    @property
    def known(self) -> tuple[Term, ...]:
        return tuple(t for t in self.terms if t.trust > 0)


@dataclass(frozen=True)
class Scored:
    intent: int
    score: float
    coverage: float
    similarity: float
    evidence: float
    contributions: tuple[tuple[str, float], ...]


def read(corrections: Sequence[Correction], index: IntentIndex, settings: Settings, domain: frozenset[str]) -> Reading:
    """Weight each distinct stem (IDF if known, the top IDF if not) and measure the unknown share."""
    terms: dict[str, Term] = {}
    for c in corrections:
        if c.stem in terms:
            continue
        if c.known and c.stem in index.idf:
            trust = max(0.0, 1 - settings.slip_cost * c.edits / len(c.corrected_from or c.word))
            terms[c.stem] = Term(c.word, c.stem, index.idf[c.stem], trust)
        else:
            terms[c.stem] = Term(c.word, c.stem, index.unknown_idf, 0.0)
    words = list(terms.values())
    total = sum(t.weight for t in words)
    unknown = sum(t.weight * (1 - t.trust) for t in words)
    in_domain = any(t.trust > 0 and t.word in domain for t in words)
    return Reading(tuple(words) + _phrases(corrections, terms, index, settings), unknown / total if total else 0.0, in_domain)


def _phrases(
    corrections: Sequence[Correction], terms: dict[str, Term], index: IntentIndex, settings: Settings
) -> tuple[Term, ...]:
    """Known word pairs of the message, each trusted as much as its weaker word."""
    found: dict[str, Term] = {}
    for a, b in zip(corrections, corrections[1:]):
        pair = f"{a.stem} {b.stem}"
        if a.stem != b.stem and pair in index.idf and pair not in found:
            trust = min(terms[a.stem].trust, terms[b.stem].trust)
            found[pair] = Term(f"{a.word} {b.word}", pair, index.idf[pair], trust, phrase=True)
    return tuple(found.values())


def score_all(reading: Reading, index: IntentIndex, settings: Settings) -> list[Scored]:
    """Score every intent that shares a stem with the message's known words, best first."""
    known = reading.known
    total = sum(t.weight for t in known)
    if total == 0:
        return []
    norm = math.sqrt(sum(t.weight**2 for t in known))
    covered: dict[int, float] = defaultdict(float)
    parts: dict[int, list[tuple[str, float]]] = defaultdict(list)
    dots: dict[int, float] = defaultdict(float)
    for term in known:
        mass = term.weight * term.trust
        for intent, strength in index.term_intents.get(term.stem, ()):
            covered[intent] += mass * strength
            parts[intent].append((term.word, mass * strength))
        for example in index.term_examples.get(term.stem, ()):
            dots[example] += term.weight * mass
    similarity: dict[int, float] = defaultdict(float)
    for example, dot in dots.items():
        intent = index.example_intent[example]
        similarity[intent] = max(similarity[intent], dot / (norm * index.example_norm[example]))
    scored = [
        Scored(
            intent=intent,
            score=settings.blend * mass / total + (1 - settings.blend) * similarity[intent],
            coverage=mass / total,
            similarity=similarity[intent],
            evidence=mass,
            contributions=tuple(sorted(parts[intent], key=lambda p: -p[1])),
        )
        for intent, mass in covered.items()
    ]
    return sorted(scored, key=lambda s: (-s.score, s.intent))


def exact_example(reading: Reading, index: IntentIndex) -> int | None:
    """The one intent owning an example with exactly these stems, if the message is that example."""
    words = [t for t in reading.terms if not t.phrase]
    if not words or any(t.trust < 1 for t in words):
        return None
    owners = index.exact.get(frozenset(t.stem for t in words))
    if owners is None or len(owners) != 1:
        return None
    return next(iter(owners))
