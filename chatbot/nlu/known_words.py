"""Stems and spelling correction against the words the intents actually use.

A word is corrected only when its stem is unknown, it has at least four letters, and a known word
lies within a small edit distance; so "slary" becomes "salary" but "weather" never becomes a topic.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import snowballstemmer
from rapidfuzz import process
from rapidfuzz.distance import OSA

MIN_TYPO_LENGTH = 4
LONG_WORD = 9  # from this length two slips are forgiven, below it one


def stem_all(words: Iterable[str]) -> list[str]:
    """English Snowball stems; a stemmer per call keeps this safe to share between threads."""
    stemmer = snowballstemmer.stemmer("english")
    return [stemmer.stemWord(word) for word in words]


@dataclass(frozen=True)
class Correction:
    """How one message word was read: its stem, and the known word it was corrected to, if any."""

    word: str
    stem: str
    known: bool
    corrected_from: str | None = None
    edits: int = 0


@dataclass(frozen=True)
class KnownWords:
    """Known words and their stems, bucketed by length so a correction looks at few candidates."""

    words: frozenset[str]
    stems: dict[str, str] = field(repr=False)
    by_length: dict[int, tuple[str, ...]] = field(repr=False)
    known_stems: frozenset[str] = field(repr=False)
    variants: dict[str, str] = field(repr=False)  # other spellings a slip may be closest to

    @classmethod
    def build(cls, words: Iterable[str], variants: Mapping[str, str] | None = None) -> KnownWords:
        """`variants` maps spellings such as "practise" to the known word ("practice"), so that
        "practse" is corrected by way of the spelling it is nearest to."""
        unique = sorted(set(words))
        stems = dict(zip(unique, stem_all(unique), strict=True))
        reachable = {k: v for k, v in (variants or {}).items() if v in stems and " " not in k}
        buckets: dict[int, list[str]] = {}
        for word in [*unique, *reachable]:
            buckets.setdefault(len(word), []).append(word)
        return cls(
            frozenset(unique),
            stems,
            {size: tuple(group) for size, group in buckets.items()},
            frozenset(stems.values()),
            reachable,
        )

    def corrections(self, words: Iterable[str]) -> list[Correction]:
        """Stem each word, correcting unknown ones when a close known word exists."""
        words = list(words)
        fresh = [word for word in words if word not in self.stems]
        fresh_stems = dict(zip(fresh, stem_all(fresh), strict=True))
        out: list[Correction] = []
        for word in words:
            stem = self.stems.get(word) or fresh_stems[word]
            if stem in self.known_stems:
                out.append(Correction(word, stem, known=True))
            else:
                out.append(self._correct(word, stem))
        return out

    def _correct(self, word: str, stem: str) -> Correction:
        if len(word) < MIN_TYPO_LENGTH or not word.isalpha():
            return Correction(word, stem, known=False)
        limit = 2 if len(word) >= LONG_WORD else 1
        sizes = range(len(word) - limit, len(word) + limit + 1)
        candidates = [w for size in sizes for w in self.by_length.get(size, ())]
        best = _closest(word, candidates, limit)
        if best is None:
            return Correction(word, stem, known=False)
        target, edits = best
        target = self.variants.get(target, target)
        return Correction(target, self.stems[target], known=True, corrected_from=word, edits=edits)


def _plausible(word: str, target: str) -> bool:
    """Short words only count as slips of words with the same first letter; four-letter words
    only as swapped keys ("hlep"), since "pint" is not "point"."""
    if len(word) <= 5 and target[0] != word[0]:
        return False
    return len(word) != MIN_TYPO_LENGTH or sorted(target) == sorted(word)


def _closest(word: str, candidates: list[str], limit: int) -> tuple[str, int] | None:
    """The nearest plausible candidate within `limit` edits; ties prefer swapped letters, then
    the same first letter, then the same length."""
    found = process.extract(word, candidates, scorer=OSA.distance, score_cutoff=limit, limit=None)
    letters = sorted(word)

    def preference(hit: tuple[str, float, int]) -> tuple[float, bool, bool, int, str]:
        target, edits = hit[0], hit[1]
        return edits, sorted(target) != letters, target[0] != word[0], abs(len(target) - len(word)), target

    # two slips that include the first letter are another word ("reworking" is not "networking")
    ranked = sorted((hit for hit in found if _plausible(word, hit[0]) and (hit[1] < 2 or hit[0][0] == word[0])),
                    key=preference)
    if not ranked:
        return None
    target, edits, _ = ranked[0]
    return target, int(edits)
