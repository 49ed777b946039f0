"""Commands typed as commands ("help", "try again", "practice model serving") resolve before scoring.

The phrases come from each intent's `commands` list; a phrase marked `takes_argument` may be
followed by more words, which the dialogue reads as entities (a skill or category to practise).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from chatbot.nlu.intents import IntentSet
from chatbot.nlu.text import tokens
from chatbot.nlu.known_words import KnownWords


@dataclass(frozen=True)
class CommandHit:
    intent: str
    phrase: tuple[str, ...]
    argument: tuple[str, ...]


@dataclass(frozen=True)
class CommandTable:
    exact: dict[tuple[str, ...], str]
    prefixes: dict[tuple[str, ...], str]
    fillers: frozenset[str]
    vocabulary: KnownWords

    @property
    def longest_prefix(self) -> int:
        return max((len(phrase) for phrase in self.prefixes), default=0)

    @property
    def longest_phrase(self) -> int:
        return max((len(phrase) for phrase in self.exact), default=0)

    @classmethod
    def build(cls, intents: IntentSet) -> CommandTable:
        exact: dict[tuple[str, ...], str] = {}
        prefixes: dict[tuple[str, ...], str] = {}
        fillers = frozenset(intents.lexicon.fillers)
        for intent in intents:
            for command in intent.commands:
                phrase = tuple(w for w in tokens(command, intents.lexicon) if w not in fillers)
                exact[phrase] = intent.name
                if intent.takes_argument:
                    prefixes[phrase] = intent.name
        words = {word for phrase in exact for word in phrase}
        return cls(exact, prefixes, fillers, KnownWords.build(words, intents.lexicon.spelling))

    def lookup(self, words: Sequence[str]) -> CommandHit | None:
        """The command these words spell, allowing one slip per longer word ("hlep", "sumary")."""
        core = [w for w in words if w not in self.fillers]
        if not core:
            return None
        # Only a command's own words can be misspelt into one; the words after them are left as typed,
        # so a long interview answer costs no more to check than a short one.
        head = self.longest_phrase
        corrected = tuple(c.word for c in self.vocabulary.corrections(core[:head])) + tuple(core[head:])
        for candidate in dict.fromkeys((tuple(core), corrected)):
            hit = self._find(candidate)
            if hit is not None:
                return hit
        return None

    def _find(self, words: tuple[str, ...]) -> CommandHit | None:
        name = self.exact.get(words)
        if name is not None:
            return CommandHit(name, words, ())
        for size in range(min(len(words) - 1, self.longest_prefix), 0, -1):
            name = self.prefixes.get(words[:size])
            if name is not None:
                return CommandHit(name, words[:size], words[size:])
        return None
