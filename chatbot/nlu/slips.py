"""Slips of the keyboard mended before a message is read.

"how do i lern system desing for ML intervews" should read as "how do i learn system design for ML
interviews" for every tier: the word matcher, whose phrase table needs "system design" whole, and the
sentence encoder, which reads "desing" as noise. A word is mended only when it is no English word, no
word the coach's content or lexicon uses, and one clear slip away from a word the content uses (two for
long words), starting with the same letter; so tool names and slang stay as typed ("kaggle" is never
"haggle", "mlops" never "mops") and an ordinary word is never turned into a topic.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Container, Iterable
from dataclasses import dataclass, field
from importlib import resources

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import OSA

MIN_LENGTH = 4  # shorter words are too often other words ("wat", "irl")
LONG_WORD = 8  # from this length two slips are mended, below it one
_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")


class EnglishWords:
    """Membership in a large word list, kept as a sorted array of the words' hashes (about 1.3 MB
    where a set of the strings would take about 18): only ever asked "is this a word?"."""

    def __init__(self, words: Iterable[str]) -> None:
        self._hashes = np.unique(np.fromiter((hash(w) for w in words), dtype=np.int64))

    def __contains__(self, word: object) -> bool:
        key = hash(word)
        at = int(np.searchsorted(self._hashes, key))
        return at < len(self._hashes) and int(self._hashes[at]) == key

    def __len__(self) -> int:
        return len(self._hashes)


def english_words() -> EnglishWords:
    """The English word list of the pinned spelling package (word frequencies from a public corpus):
    what counts as a real word, so that only misspellings are ever mended."""
    raw = (resources.files("spellchecker") / "resources" / "en.json.gz").read_bytes()
    return EnglishWords(json.loads(gzip.decompress(raw)))


@dataclass(frozen=True)
class SlipCorrector:
    """Mends misspelt words into the words the content uses; read-only once built."""

    targets: frozenset[str]  # words a slip may be mended into
    known: frozenset[str] = field(repr=False)  # words never mended: the targets and the lexicon's own
    english: Container[str] = field(repr=False)  # nor any English word
    by_length: dict[int, tuple[str, ...]] = field(repr=False)

    @classmethod
    def build(cls, targets: Iterable[str], protected: Iterable[str],
              english: Container[str]) -> SlipCorrector:
        words = frozenset(w.casefold() for w in targets if w.isalpha() and len(w) >= MIN_LENGTH - 1)
        buckets: dict[int, list[str]] = {}
        for word in sorted(words):
            buckets.setdefault(len(word), []).append(word)
        known = words | frozenset(w.casefold() for w in protected)
        return cls(words, known, english, {size: tuple(group) for size, group in buckets.items()})

    def correct(self, text: str) -> str:
        """The text with each clear slip mended; everything else (case, punctuation, spacing) as typed."""
        return _WORD.sub(lambda found: self._mend(found.group(0)), text)

    def mended(self, word: str) -> str | None:
        """The word a slip stands for, or None when `word` is no clear slip of a content word."""
        folded = word.casefold()
        if len(folded) < MIN_LENGTH or "'" in folded or folded in self.known or folded in self.english:
            return None
        limit = 2 if len(folded) >= LONG_WORD else 1
        sizes = range(len(folded) - limit, len(folded) + limit + 1)
        candidates = [w for size in sizes for w in self.by_length.get(size, ())]
        found = process.extract(folded, candidates, scorer=OSA.distance, score_cutoff=limit, limit=None)
        # the first letter is rarely the slip, unless two letters swapped ("lenght" but also "elarn")
        plausible = [(target, int(edits)) for target, edits, _ in found
                     if (target[0] == folded[0] or (edits == 1 and sorted(target) == sorted(folded)))
                     and _plausible(folded, target)]
        if not plausible:
            return None
        best = min(edits for _, edits in plausible)
        closest = sorted({target for target, edits in plausible if edits == best})
        # two content words equally close ("enginers": engineers, engines) is no clear slip, unless
        # only one keeps the letters the word has
        if len(closest) > 1:
            letters = sorted(folded)
            same = [t for t in closest if sorted(t) == letters or set(folded) <= set(t)]
            closest = same if len(same) == 1 else closest
        return closest[0] if len(closest) == 1 else None

    def _mend(self, word: str) -> str:
        mended = self.mended(word)
        return word if mended is None else mended


def _plausible(word: str, target: str) -> bool:
    """A four-letter word is a slip only of a longer word or by swapped letters ("lern" is "learn",
    but "manc" is not "many")."""
    return len(word) > MIN_LENGTH or len(target) > len(word) or sorted(target) == sorted(word)
