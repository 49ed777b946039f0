"""The matcher's tuning knobs in one place, so an experiment changes data, not code."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class MatchSettings:
    """Tuning knobs, chosen on the intents' examples and a development set, never on held-out data."""

    blend: float = 0.6  # share of coverage in the score; the rest is nearest-examples similarity
    neighbours: int = 2  # similarity is the mean over this many closest examples of an intent
    accept: float = 0.3  # lowest score that may be answered
    accept_without_domain: float = 0.5  # the same for a message that never names the move
    coverage_without_domain: float = 0.6  # ...which must also be mostly explained by the intent's words
    margin: float = 0.02  # lead over the runner-up needed to answer
    min_evidence: float = 1.2  # weight of matched words, role and skill names aside, needed to answer
    max_unknown: float = 0.3  # highest unknown ratio answered in a message that never names the move
    max_unknown_in_domain: float = 0.7  # the same once it names the move ("MLE", "data scientist")
    slip_cost: float = 1.0  # a corrected word keeps 1 - slip_cost * edits / length of its trust
    context_weight: float = 0.5  # share of weight kept by the sentences before the question itself
    alternatives: int = 3
    alternative_floor: float = 0.25
