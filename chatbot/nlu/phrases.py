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

    def find(self, words: Sequence[str]) -> list[V]:
        found: list[V] = []
        i = 0
        while i < len(words):
            for size in range(min(self.longest, len(words) - i), 0, -1):
                value = self.table.get(tuple(words[i : i + size]))
                if value is not None:
                    found.append(value)
                    i += size
                    break
            else:
                i += 1
        return found
