"""Reading a message as weighted terms: which words the intents know, and how much they weigh.

Whether a message is about this subject at all is decided here, as the share of its informative
weight carried by words no intent knows (the unknown ratio).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from chatbot.nlu.index import IntentIndex
from chatbot.nlu.settings import MatchSettings
from chatbot.nlu.known_words import Correction


@dataclass(frozen=True)
class WeightedTerm:
    """One distinct message stem with its weight and how far it can be trusted as evidence."""

    word: str
    stem: str
    weight: float
    trust: float  # 0 for words no intent knows
    phrase: bool = False  # a word pair: evidence for an intent, but not counted in the unknown ratio


@dataclass(frozen=True)
class MessageReading:
    """A message as weighted terms, plus how much of it is in words the intents never use."""

    terms: tuple[WeightedTerm, ...]
    unknown_ratio: float
    in_domain: bool

    @property
    def known(self) -> tuple[WeightedTerm, ...]:
        return tuple(t for t in self.terms if t.trust > 0)


def weigh_terms(
    corrections: Sequence[Correction],
    index: IntentIndex,
    settings: MatchSettings,
    move: frozenset[str],
    lead: int = 0,
) -> MessageReading:
    """Weight each distinct stem (IDF if known, the top IDF if not) and measure the unknown share.

    The first `lead` words are the background a user gives before asking ("I've got two kids...
    how long does it take?"): they weigh `settings.context_weight` of a word in the question itself.
    """
    terms: dict[str, WeightedTerm] = {}
    for position, c in enumerate(corrections):
        share = settings.context_weight if position < lead else 1.0
        if c.known and c.stem in index.idf:
            trust = max(0.0, 1 - settings.slip_cost * c.edits / len(c.corrected_from or c.word))
            term = WeightedTerm(c.word, c.stem, index.idf[c.stem] * share, trust)
        else:
            term = WeightedTerm(c.word, c.stem, index.unknown_idf * share, 0.0)
        if c.stem not in terms or term.weight > terms[c.stem].weight:
            terms[c.stem] = term
    words = list(terms.values())
    total = sum(t.weight for t in words)
    unknown = sum(t.weight * (1 - t.trust) for t in words)
    in_domain = any(t.trust > 0 and t.word in move for t in words)
    ratio = unknown / total if total else 0.0
    return MessageReading(tuple(words) + _phrases(corrections, terms, index), ratio, in_domain)


def _phrases(
    corrections: Sequence[Correction], terms: dict[str, WeightedTerm], index: IntentIndex
) -> tuple[WeightedTerm, ...]:
    """Known word pairs of the message, each trusted as much as its weaker word."""
    found: dict[str, WeightedTerm] = {}
    for a, b in zip(corrections, corrections[1:]):
        pair = f"{a.stem} {b.stem}"
        if a.stem != b.stem and pair in index.idf and pair not in found:
            trust = min(terms[a.stem].trust, terms[b.stem].trust)
            found[pair] = WeightedTerm(f"{a.word} {b.word}", pair, index.idf[pair], trust, phrase=True)
    return tuple(found.values())


def exact_example(reading: MessageReading, index: IntentIndex) -> int | None:
    """The one intent owning an example with exactly these stems, if the message is that example."""
    words = [t for t in reading.terms if not t.phrase]
    if not words or any(t.trust == 0 for t in words):
        return None
    owners = index.examples.exact.get(frozenset(t.stem for t in words))
    if owners is None or len(owners) != 1:
        return None
    return next(iter(owners))
