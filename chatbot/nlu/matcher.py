"""Deciding what a message means, or admitting that it is not understood.

A confident wrong answer costs more than a fallback, so a match must clear an absolute score,
lead its runner-up by a margin, and rest on enough informative words.
"""

from __future__ import annotations

from dataclasses import dataclass

from chatbot.nlu.commands import CommandTable
from chatbot.nlu.index import IntentIndex
from chatbot.nlu.intents import IntentSet
from chatbot.nlu.scoring import Reading, Scored, Settings, exact_example, read, score_all
from chatbot.nlu.text import normalise, tokens

EXACT_CONFIDENCE = 1.0


@dataclass(frozen=True)
class IntentMatch:
    """The verdict on one message, with the words that drove it and the runners-up."""

    name: str | None
    confidence: float
    cues: tuple[str, ...] = ()
    alternatives: tuple[tuple[str, float], ...] = ()


class Matcher:
    """Built once from an intent set; `match` is read-only and safe to call from many threads."""

    def __init__(self, intents: IntentSet, settings: Settings | None = None) -> None:
        self.intents = intents
        self.settings = settings or Settings()
        self.index = IntentIndex.build(intents)
        self.commands = CommandTable.build(intents)
        self._domain = frozenset(intents.lexicon.domain)

    def normalise(self, text: str) -> str:
        """The message as the matcher sees it, with this intent set's lexicon applied."""
        return normalise(text, self.intents.lexicon)

    def match(self, text: str) -> IntentMatch:
        words = tokens(text, self.intents.lexicon)
        command = self.commands.lookup(words)
        if command is not None:
            return IntentMatch(command.intent, EXACT_CONFIDENCE, command.phrase)
        reading = self._read(words)
        return self._decide(reading, score_all(reading, self.index, self.settings))

    def explain(self, text: str) -> tuple[Reading, list[Scored]]:
        """The weighted words and every candidate's score breakdown, for debugging and tuning."""
        reading = self._read(tokens(text, self.intents.lexicon))
        return reading, score_all(reading, self.index, self.settings)

    def _read(self, words: list[str]) -> Reading:
        lexicon = self.intents.lexicon
        content = [w for w in words if w not in lexicon.ignorable]
        return read(self.index.vocabulary.read(content), self.index, self.settings, self._domain)

    def _decide(self, reading: Reading, scored: list[Scored]) -> IntentMatch:
        if not scored:
            return IntentMatch(None, 0.0)
        names = self.index.names
        exact = exact_example(reading, self.index)
        best = scored[0]
        if exact is not None and exact != best.intent:
            best = next(s for s in scored if s.intent == exact)
        others = [s for s in scored if s.intent != best.intent]
        runner_up = others[0].score if others else 0.0
        alternatives = tuple(
            (names[s.intent], round(s.score, 3))
            for s in scored[: self.settings.alternatives + 1]
            if s.score >= self.settings.alternative_floor and s is not best
        )[: self.settings.alternatives]
        cues = tuple(word for word, _ in best.contributions)
        if exact is not None or self._confident(best, runner_up, reading):
            confidence = EXACT_CONFIDENCE if exact is not None else round(best.score, 3)
            return IntentMatch(names[best.intent], confidence, cues, alternatives)
        top = ((names[best.intent], round(best.score, 3)),) if best.score >= self.settings.alternative_floor else ()
        return IntentMatch(None, round(best.score, 3), cues, (top + alternatives)[: self.settings.alternatives])

    def _confident(self, best: Scored, runner_up: float, reading: Reading) -> bool:
        s = self.settings
        unknown_limit = s.max_unknown_in_domain if reading.in_domain else s.max_unknown
        return (
            reading.unknown_ratio <= unknown_limit
            and best.score >= s.accept
            and best.score - runner_up >= s.margin
            and best.evidence >= s.min_evidence
        )
