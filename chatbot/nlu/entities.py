"""Entities: the skills, categories, levels, picks, ratings and yes/no answers inside a message."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from chatbot.nlu.entity_words import Agreement
from chatbot.nlu.intents import IntentSet
from chatbot.nlu.phrases import PhraseTable
from chatbot.nlu.scales import NumberReader
from chatbot.nlu.skills import SkillLike, SkillSpotter
from chatbot.nlu.text import fold_accents, tokens



class KnowledgeLike(Protocol):
    @property
    def skills(self) -> Mapping[str, SkillLike]: ...


@dataclass(frozen=True)
class Entities:
    """What a message names, each kind in order of mention; None where the message says nothing."""

    skills: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    levels: tuple[str, ...] = ()
    ordinal: int | None = None
    rating: int | None = None
    agreement: Agreement | None = None


V = TypeVar("V", bound=str)


def _table(groups: Mapping[V, list[str]]) -> PhraseTable[V]:
    return PhraseTable.of((tuple(tokens(phrase)), value) for value, phrases in groups.items() for phrase in phrases)


def _unique(values: Sequence[V]) -> tuple[V, ...]:
    return tuple(dict.fromkeys(values))


@dataclass(frozen=True)
class EntityExtractor:
    """Everything needed to read entities, prepared once for a knowledge base and intent set."""

    skills: SkillSpotter
    categories: PhraseTable[str]
    levels: PhraseTable[str]
    agreement: PhraseTable[Agreement]
    soft_hedges: PhraseTable[Agreement]
    agreement_priority: tuple[Agreement, ...]
    numbers: NumberReader
    category_negators: frozenset[str] = frozenset()

    @classmethod
    def build(cls, kb: KnowledgeLike, intents: IntentSet) -> EntityExtractor:
        words = intents.entity_words
        lexicon = intents.lexicon
        protected = {*lexicon.ignorable, *lexicon.spelling, *lexicon.spelling.values(), *words.protected_words}
        return cls(
            skills=SkillSpotter.build(kb.skills, words.skill_name_separators, protected),
            categories=_table(words.categories),
            levels=_table(words.levels),
            agreement=_table(words.agreement),
            soft_hedges=_table({"some": words.soft_hedges}),
            agreement_priority=tuple(words.agreement_priority),
            numbers=NumberReader.build(words),
            category_negators=frozenset(words.category_negators),
        )

    def extract(self, text: str) -> Entities:
        """Read every kind of entity from one message; never raises on any text."""
        folded = fold_accents(text)
        words = tokens(text)
        agreements = set(self.agreement.find(words))
        if "yes" not in agreements:
            agreements.update(self.soft_hedges.find(words))
        return Entities(
            skills=self.skills.find(words),
            categories=_unique(self.categories.find(self._unturned(words))),
            levels=_unique(self.levels.find(words)),
            ordinal=self.numbers.ordinal(folded, words),
            rating=self.numbers.rating(folded, words),
            agreement=next((a for a in self.agreement_priority if a in agreements), None),
        )

    def _unturned(self, words: Sequence[str]) -> list[str]:
        """The words without those a negator turns around: "non-technical people" names no technical question."""
        return [word for index, word in enumerate(words)
                if not (index and words[index - 1] in self.category_negators) and word not in self.category_negators]


def extract_entities(text: str, kb: KnowledgeLike, intents: IntentSet) -> Entities:
    """Convenience form of EntityExtractor; an engine answering many turns should build one once."""
    return EntityExtractor.build(kb, intents).extract(text)
