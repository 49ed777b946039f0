"""Deciding what a message means, or admitting that it is not understood.

A confident wrong answer costs more than a fallback, so a match must clear an absolute score,
lead its runner-up by a margin, and rest on enough informative words.
"""

from __future__ import annotations

from dataclasses import dataclass

from chatbot.nlu.commands import CommandTable
from chatbot.nlu.index import IntentIndex
from chatbot.nlu.intents import IntentSet
from chatbot.nlu.reading import MessageReading, exact_example, weigh_terms
from chatbot.nlu.scoring import Scored, score_all
from chatbot.nlu.settings import MatchSettings
from chatbot.nlu.text import normalise, split_question, tokens

EXACT_CONFIDENCE = 1.0


@dataclass(frozen=True)
class IntentMatch:
    """The verdict on one message, with the words of it that drove the verdict and the runners-up."""

    name: str | None
    confidence: float
    matched_words: tuple[str, ...] = ()
    alternatives: tuple[tuple[str, float], ...] = ()


class Matcher:
    """Built once from an intent set; `match` is read-only and safe to call from many threads."""

    def __init__(self, intents: IntentSet, settings: MatchSettings | None = None) -> None:
        self.intents = intents
        self.settings = settings or MatchSettings()
        self.index = IntentIndex.build(intents)
        self.commands = CommandTable.build(intents)
        self._domain = frozenset(intents.lexicon.domain)
        self._move = intents.lexicon.move
        by_name = {intent.name: intent for intent in intents}
        self._named_by = [frozenset(by_name[name].named_by) for name in self.index.names]
        cues = {cue for intent in intents for cue in intent.cues}
        self._keywords = frozenset(
            words[0] for words in (tokens(cue, intents.lexicon) for cue in cues) if len(words) == 1
        )

    def normalise(self, text: str) -> str:
        """The message as the matcher sees it, with this intent set's lexicon applied."""
        return normalise(text, self.intents.lexicon)

    def command(self, text: str) -> IntentMatch | None:
        """The exact command phrase the message opens with, if any: the cheap check a caller that
        expects free text (an interview answer) makes before paying for a full match."""
        command = self.commands.lookup(tokens(text, self.intents.lexicon))
        return None if command is None else IntentMatch(command.intent, EXACT_CONFIDENCE, command.phrase)

    def match(self, text: str) -> IntentMatch:
        command = self.command(text)
        if command is not None:
            return command
        reading = self._read_message(text)
        exact = exact_example(reading, self.index)
        if exact is not None and len(reading.terms) == 1 and self._everyday_words(text):
            exact = None  # "do you remember where i live" is not "where were we", nor "is 60 a pass?" "pass"
        return self._decide(reading, score_all(reading, self.index, self.settings, exact), exact)

    def explain(self, text: str) -> tuple[MessageReading, list[Scored]]:
        """The weighted words and the leading candidates' score breakdowns, for debugging and tuning."""
        reading = self._read_message(text)
        return reading, score_all(reading, self.index, self.settings)

    def _read_message(self, text: str) -> MessageReading:
        """Background sentences first, then the question, so the reading can weigh them apart."""
        background, question = split_question(text)
        before = self._content(tokens(background, self.intents.lexicon))
        content = before + self._content(tokens(question, self.intents.lexicon))
        corrected = self.index.vocabulary.corrections(content)
        return weigh_terms(corrected, self.index, self.settings, self._move, len(before))

    def _everyday_words(self, text: str) -> bool:
        """Whether the message holds words the reading set aside that still say something: everyday words
        ("remember", "live") or figures ("is 60 a pass?")."""
        general = frozenset(self.intents.lexicon.general)
        return any(w in general or w.isdigit() for w in tokens(text, self.intents.lexicon))

    def _content(self, words: list[str]) -> list[str]:
        lexicon = self.intents.lexicon
        return [w for w in words if w not in lexicon.ignorable and not w.isdigit()]

    def _decide(self, reading: MessageReading, scored: list[Scored], exact: int | None) -> IntentMatch:
        if not scored:
            return IntentMatch(None, 0.0)
        names = self.index.names
        best = scored[0]
        if exact is not None:
            best = next((s for s in scored if s.intent == exact), best)
        others = [s for s in scored if s.intent != best.intent]
        runner_up = others[0].score if others else 0.0
        alternatives = tuple(
            (names[s.intent], round(s.score, 3))
            for s in scored[: self.settings.alternatives + 1]
            if s.score >= self.settings.alternative_floor and s is not best
        )[: self.settings.alternatives]
        matched = tuple(word for word, _ in best.contributions)
        if exact is not None or self._confident(best, runner_up, reading):
            confidence = EXACT_CONFIDENCE if exact is not None else round(best.score, 3)
            return IntentMatch(names[best.intent], confidence, matched, alternatives)
        top = ((names[best.intent], round(best.score, 3)),) if best.score >= self.settings.alternative_floor else ()
        return IntentMatch(None, round(best.score, 3), matched, (top + alternatives)[: self.settings.alternatives])

    def _confident(self, best: Scored, runner_up: float, reading: MessageReading) -> bool:
        s = self.settings
        unknown_limit = s.max_unknown_in_domain if reading.in_domain else s.max_unknown
        accept = s.accept if reading.in_domain else s.accept_without_domain
        coverage = 0.0 if reading.in_domain else s.coverage_without_domain
        return (
            self._enough_words(reading)
            and reading.unknown_ratio <= unknown_limit
            and best.score >= accept
            and best.coverage >= coverage
            and best.score - runner_up >= s.margin
            and self._topical_evidence(best) >= s.min_evidence
        )

    def _topical_evidence(self, best: Scored) -> float:
        """Weight matched by words other than the role and skill names, which alone name no topic,
        except for an intent those names do name (a skill's own definition)."""
        own = self._named_by[best.intent]
        return sum(mass for word, mass in best.contributions if word not in self._domain or word in own)

    def _enough_words(self, reading: MessageReading) -> bool:
        """A lone word off the subject must be a one-word cue as written: "salary" is, "trains" is not
        (nor "coffee", which only cues in "coffee chat")."""
        words = [t for t in reading.known if not t.phrase]
        return reading.in_domain or len(words) != 1 or words[0].word in self._keywords
