"""Finding known phrases in a token sequence: longest first, left to right, never overlapping."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

V = TypeVar("V")


@dataclass(frozen=True)
class PhraseTable(Generic[V]):
    """Maps token tuples to values; `find` returns the values in the order they occur."""

    table: dict[tuple[str, ...], V]
    longest: int

    @classmethod
    def of(cls, pairs: Iterable[tuple[tuple[str, ...], V]]) -> PhraseTable[V]:
        table: dict[tuple[str, ...], V] = {}
        for key, value in pairs:
            if key:
                table.setdefault(key, value)
        return cls(table, max((len(k) for k in table), default=1))

    def _at(self, words: Sequence[str], i: int) -> tuple[int, V | None]:
        """The longest phrase starting at position i, as (its length, its value)."""
        for size in range(min(self.longest, len(words) - i), 0, -1):
            value = self.table.get(tuple(words[i : i + size]))
            if value is not None:
                return size, value
        return 1, None

    def find(self, words: Sequence[str]) -> list[V]:
        """The values of the phrases present, in order of appearance."""
        found: list[V] = []
        i = 0
        while i < len(words):
            size, value = self._at(words, i)
            if value is not None:
                found.append(value)
            i += size
        return found

    def rewrite(self: PhraseTable[tuple[str, ...]], words: Sequence[str]) -> list[str]:
        """Replace each phrase by its value, leaving other words; one pass, so no re-expansion."""
        out: list[str] = []
        i = 0
        while i < len(words):
            size, value = self._at(words, i)
            out.extend(value if value is not None else words[i : i + 1])
            i += size
        return out
