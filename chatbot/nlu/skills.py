"""Spotting skills by the names and aliases the knowledge base gives them, typos forgiven.

Multi-word names match on stems ("feature store" = "feature stores"); single words match on the
word itself, plural or not, so "planning" (a skill alias) is not read into "plan".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from chatbot.nlu.text import tokens
from chatbot.nlu.known_words import KnownWords, stem_all

MIN_ENTITY_TYPO_LENGTH = 5


class SkillLike(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def aliases(self) -> Sequence[str]: ...


def single_key(word: str) -> str:
    """A word without its plural ending, so "containers" finds "container"."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def names_of(skill: SkillLike, separators: Iterable[str]) -> list[str]:
    """The skill's name, its aliases, and the parts of its name users type on their own."""
    words = [re.escape(s) if not s.isalpha() else rf"\b{re.escape(s)}\b" for s in separators]
    parts = re.split("|".join(words), skill.name.casefold()) if words else []
    return [skill.name, *skill.aliases, *(p for p in parts if p.strip())]


@dataclass(frozen=True)
class SkillSpotter:
    multi: dict[tuple[str, ...], str]
    single: dict[str, str]
    longest: int
    vocabulary: KnownWords
    protected: frozenset[str]

    @classmethod
    def build(
        cls, skills: Mapping[str, SkillLike], separators: Iterable[str], protected: Iterable[str]
    ) -> SkillSpotter:
        separators = list(separators)
        multi: dict[tuple[str, ...], str] = {}
        single: dict[str, str] = {}
        vocabulary_words: set[str] = set()
        for skill_id, skill in skills.items():
            for name in names_of(skill, separators):
                words = tokens(name)
                vocabulary_words.update(w for w in words if len(w) >= MIN_ENTITY_TYPO_LENGTH)
                if len(words) == 1:
                    single.setdefault(single_key(words[0]), skill_id)
                elif words:
                    multi.setdefault(tuple(stem_all(words)), skill_id)
        longest = max((len(k) for k in multi), default=1)
        return cls(multi, single, longest, KnownWords.build(vocabulary_words), frozenset(protected))

    def find(self, words: Sequence[str]) -> tuple[str, ...]:
        """Skill ids in the order they are mentioned, each once."""
        words = self._corrected(words)
        stems = stem_all(words)
        found: list[str] = []
        i = 0
        while i < len(words):
            size, skill = self._at(words, stems, i)
            if skill is not None and skill not in found:
                found.append(skill)
            i += size
        return tuple(found)

    def _at(self, words: Sequence[str], stems: Sequence[str], i: int) -> tuple[int, str | None]:
        for size in range(min(self.longest, len(words) - i), 1, -1):
            skill = self.multi.get(tuple(stems[i : i + size]))
            if skill is not None:
                return size, skill
        return 1, self.single.get(single_key(words[i]))

    def _corrected(self, words: Sequence[str]) -> list[str]:
        """Correct only long words that are neither skill words nor ordinary words the bot knows."""
        out: list[str] = []
        for word in words:
            if len(word) < MIN_ENTITY_TYPO_LENGTH or word in self.protected or word in self.vocabulary.words:
                out.append(word)
                continue
            out.append(self.vocabulary.corrections([word])[0].word)
        return out
