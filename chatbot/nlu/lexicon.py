"""The word-level knowledge the matcher leans on: spelling variants, abbreviations, stopwords.

Kept as data (intents/_lexicon.yaml) so a content author can teach the bot new slang without code.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cached_property

from pydantic import BaseModel, ConfigDict, Field, field_validator


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
    spelling: dict[str, str] = {}  # one canonical spelling per word (practise -> practice)
    synonyms: dict[str, str] = {}  # phrase -> canonical phrase (mle -> machine learning engineer)
    stopwords: list[str] = Field(default_factory=list)
    fillers: list[str] = Field(default_factory=list)  # chatty words that say nothing ("lol", "guys")
    domain: list[str] = Field(default_factory=list)  # words that show a message is about the career move

    @field_validator("spelling", "synonyms", "contractions")
    @classmethod
    def _lowercase_keys(cls, value: dict[str, str]) -> dict[str, str]:
        bad = [key for key in value if key != key.lower()]
        if bad:
            raise ValueError(f"keys must be lower case: {', '.join(bad)}")
        return value

    @cached_property
    def ignorable(self) -> frozenset[str]:
        """Words that never count as evidence for or against an intent."""
        return frozenset(self.stopwords) | frozenset(self.fillers)

    @cached_property
    def compiled_patterns(self) -> tuple[tuple[re.Pattern[str], str], ...]:
        return tuple((re.compile(p.pattern), p.replace) for p in self.patterns)

    @cached_property
    def phrase_table(self) -> dict[tuple[str, ...], tuple[str, ...]]:
        """Token-tuple rewrites from spelling and synonyms; synonyms win when both name a phrase."""
        table: dict[tuple[str, ...], tuple[str, ...]] = {}
        for source in (self.spelling, self.synonyms):
            for key, value in source.items():
                table[tuple(key.split())] = tuple(value.split())
        return table

    @cached_property
    def longest_phrase(self) -> int:
        return max((len(key) for key in self.phrase_table), default=1)

    def rewrite(self, tokens: Sequence[str]) -> list[str]:
        """Replace known phrases, longest first, scanning left to right once (no re-expansion)."""
        table, longest = self.phrase_table, self.longest_phrase
        out: list[str] = []
        i = 0
        while i < len(tokens):
            for size in range(min(longest, len(tokens) - i), 0, -1):
                replacement = table.get(tuple(tokens[i : i + size]))
                if replacement is not None:
                    out.extend(replacement)
                    i += size
                    break
            else:
                out.append(tokens[i])
                i += 1
        return out
