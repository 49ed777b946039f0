"""The word-level knowledge the matcher leans on: spelling variants, abbreviations, stopwords.

Kept as data (intents/_lexicon.yaml) so a content author can teach the bot new slang without code.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cached_property

from pydantic import BaseModel, ConfigDict, Field, field_validator

from chatbot.nlu.phrases import PhraseTable


class Pattern(BaseModel):
    """A regular expression rewrite for shapes a word list cannot hold ("50k", "£60,000")."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    pattern: str
    replace: str

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, value: str) -> str:
        try:
            re.compile(value)
        except re.error as exc:
            raise ValueError(f"not a valid regular expression: {exc}") from exc
        return value


class Lexicon(BaseModel):
    """Rewrites applied to every message before matching, in the order the fields are listed."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    symbols: dict[str, str] = {}  # characters that carry meaning ("£" -> salary)
    contractions: dict[str, str] = {}  # "what's" -> "what is"
    patterns: list[Pattern] = []
    shorthand: dict[str, str] = {}  # forum and phone typing written out ("shud" -> should)
    spelling: dict[str, str] = {}  # one canonical spelling per word (practise -> practice)
    synonyms: dict[str, str] = {}  # phrase -> canonical phrase (mle -> machine learning engineer)
    stopwords: list[str] = Field(default_factory=list)
    fillers: list[str] = Field(default_factory=list)  # chatty words that say nothing ("lol", "guys")
    general: list[str] = Field(default_factory=list)  # everyday words that never decide a topic ("gave")
    domain: list[str] = Field(default_factory=list)  # words that show a message is about the career move
    # Domain words that do not prove a message is about this move: tool names pick no topic either,
    # but "pandas KeyError" is a coding question, so a message naming only tools is judged strictly.
    loose_domain: list[str] = Field(default_factory=list)

    @field_validator("spelling", "synonyms", "contractions", "shorthand")
    @classmethod
    def _lowercase_keys(cls, value: dict[str, str]) -> dict[str, str]:
        bad = [key for key in value if key != key.lower()]
        if bad:
            raise ValueError(f"keys must be lower case: {', '.join(bad)}")
        return value

    @cached_property
    def ignorable(self) -> frozenset[str]:
        """Words that never count as evidence for or against an intent."""
        return frozenset(self.stopwords) | frozenset(self.fillers) | frozenset(self.general)

    @cached_property
    def move(self) -> frozenset[str]:
        """The domain words that on their own show a message is about the career move."""
        return frozenset(self.domain) - frozenset(self.loose_domain)

    @cached_property
    def compiled_patterns(self) -> tuple[tuple[re.Pattern[str], str], ...]:
        return tuple((re.compile(p.pattern), p.replace) for p in self.patterns)

    @cached_property
    def spelling_table(self) -> PhraseTable[tuple[str, ...]]:
        return PhraseTable.of((tuple(k.split()), tuple(v.split())) for k, v in self.spelling.items())

    @cached_property
    def synonym_table(self) -> PhraseTable[tuple[str, ...]]:
        """Shorthand and synonyms in one pass; a synonym wins where both name a phrase ("k8s")."""
        merged = {**self.shorthand, **self.synonyms}
        return PhraseTable.of((tuple(k.split()), tuple(v.split())) for k, v in merged.items())

    @cached_property
    def _shorthand_pattern(self) -> re.Pattern[str] | None:
        if not self.shorthand:
            return None
        keys = sorted(self.shorthand, key=len, reverse=True)
        return re.compile(r"(?<![\w/'])(" + "|".join(map(re.escape, keys)) + r")(?![\w/'])", re.IGNORECASE)

    def plain(self, text: str) -> str:
        """The message as typed, with its shorthand written out: what the sentence encoder reads."""
        pattern = self._shorthand_pattern
        if pattern is None:
            return text
        written = pattern.sub(lambda found: self.shorthand[found.group(0).casefold()], text)
        return re.sub(r"[ \t]+(?=[.,!?])|(?<=[ \t])[ \t]+", "", written).strip()

    def rewrite(self, tokens: Sequence[str]) -> list[str]:
        """Spelling first, then synonyms, so "inference optimisation" can reach its synonym."""
        return self.synonym_table.rewrite(self.spelling_table.rewrite(tokens))
