"""Phrases compiled to stem patterns, and an index that finds them in order inside one sentence.

Matching on stems in order (with a small gap) accepts "deployed the model behind a canary" for
"canary deploy"-style cues written in other words' forms, while shuffled words break the order.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from rapidfuzz.distance import Levenshtein

from chatbot.feedback.text import Sentence, Token

Variant = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Phrase:
    """A cue as written in the content, with every stem sequence that counts as saying it."""

    text: str
    variants: tuple[Variant, ...]
    heads: frozenset[str]  # first stems of the variants: the phrase can only occur where one of these does


@dataclass(frozen=True, slots=True)
class Hit:
    """Where a phrase was found: its sentence, character span and the stream positions it used."""

    phrase: Phrase
    sentence: int
    start: int
    end: int
    positions: tuple[int, ...]


class PlacedStem(NamedTuple):
    """One entry of the match stream: a word, or one piece of a compound word."""

    stem: str
    start: int
    end: int
    sentence: int
    token: int  # index of the whole token within its sentence


@dataclass(frozen=True)
class Fuzz:
    """How many typos a stem of a given length may carry and still count."""

    one_edit_len: int
    two_edits_len: int

    def allowed(self, stem: str) -> int:
        if len(stem) >= self.two_edits_len:
            return 2
        return 1 if len(stem) >= self.one_edit_len else 0


class PhraseCompiler:
    """Turns content phrases into stem variants, applying synonyms and compound spellings."""

    def __init__(
        self,
        tokenise: Callable[[str], list[Token]],
        stem_one: Callable[[str], str],
        ignored: frozenset[str],
        synonyms: Sequence[Sequence[str]],
        max_variants: int,
    ) -> None:
        self._tokenise = tokenise
        self._stem_one = stem_one
        self._ignored = ignored
        self._max = max_variants
        self._groups = [[g for g in (self._base(m, True)[0] for m in group) if g] for group in synonyms]

    def compile(self, text: str, loose: bool = False) -> Phrase:
        """`loose` drops determiners, so a cue "the offline store" also matches "an offline store"."""
        variants = self._base(text, loose)
        for group in self._groups:
            variants = _substitute(variants, group, self._max)
        kept = tuple(dict.fromkeys(v for v in variants if v))
        return Phrase(text, kept, frozenset(v[0] for v in kept))

    def _base(self, text: str, loose: bool) -> list[Variant]:
        """The phrase's stems, plus a variant with each compound joined ("trade-off" -> "tradeoff")."""
        tokens = self._tokenise(text)
        if loose:
            tokens = [t for t in tokens if t.low not in self._ignored] or tokens
        split: list[str] = [p[2] for t in tokens for p in t.parts]
        joined: list[str] = []
        for t in tokens:
            if len(t.parts) > 1:
                joined.append(self._stem_one("".join(c for c in t.low if c.isalnum())))
            else:
                joined.extend(p[2] for p in t.parts)
        return list(dict.fromkeys([tuple(split), tuple(joined)]))


def _substitute(variants: list[Variant], group: list[Variant], limit: int) -> list[Variant]:
    """Add variants where one synonym of the group stands in for another.

    A multi-word cue never shrinks to a single word this way ("response time" does not become
    "latency"), so a broad single word cannot sneak in through a synonym.
    """
    out = list(variants)
    for variant in variants:
        for member in group:
            at = _find_run(variant, member)
            if at < 0:
                continue
            for other in group:
                swapped = variant[:at] + other + variant[at + len(member) :]
                if other != member and len(out) < limit and len(swapped) >= min(len(variant), 2):
                    out.append(swapped)
    return list(dict.fromkeys(out))


def _find_run(seq: Variant, run: Variant) -> int:
    for i in range(len(seq) - len(run) + 1):
        if seq[i : i + len(run)] == run:
            return i
    return -1


class StemIndex:
    """Positions of every stem in an answer; stems close to a cue word (a typo) also count as it."""

    def __init__(self, sentences: Sequence[Sentence], vocabulary: frozenset[str], fuzz: Fuzz) -> None:
        self.stream: list[PlacedStem] = [
            PlacedStem(stem, start, end, s.index, ti)
            for s in sentences
            for ti, tok in enumerate(s.tokens)
            for start, end, stem in tok.parts
        ]
        self._at: dict[str, list[int]] = {}
        self._keys = self._at.keys()
        near = _near_words(vocabulary, fuzz, {p.stem for p in self.stream})
        for pos, piece in enumerate(self.stream):
            self._at.setdefault(piece.stem, []).append(pos)
            for target in near.get(piece.stem, ()):
                self._at.setdefault(target, []).append(pos)

    def find(self, phrase: Phrase, max_gap: int) -> list[Hit]:
        """Every occurrence of any variant, each word after the first at most `max_gap` words later."""
        if self._keys.isdisjoint(phrase.heads):
            return []
        hits: dict[tuple[int, int], Hit] = {}
        for variant in phrase.variants:
            for positions in self._occurrences(variant, max_gap):
                first, last = self.stream[positions[0]], self.stream[positions[-1]]
                hits.setdefault(
                    (first.start, last.end),
                    Hit(phrase, first.sentence, first.start, last.end, positions),
                )
        return sorted(hits.values(), key=lambda h: h.start)

    def _occurrences(self, variant: Variant, max_gap: int) -> Iterable[tuple[int, ...]]:
        for begin in self._at.get(variant[0], ()):
            sentence = self.stream[begin].sentence
            positions = [begin]
            for stem in variant[1:]:
                nxt = self._next(stem, positions[-1], max_gap, sentence)
                if nxt is None:
                    break
                positions.append(nxt)
            else:
                yield tuple(positions)

    def _next(self, stem: str, after: int, max_gap: int, sentence: int) -> int | None:
        where = self._at.get(stem)
        if not where:
            return None
        i = bisect_right(where, after)
        if i < len(where) and where[i] <= after + 1 + max_gap and self.stream[where[i]].sentence == sentence:
            return where[i]
        return None


def _near_words(vocabulary: frozenset[str], fuzz: Fuzz, seen: set[str]) -> dict[str, list[str]]:
    """For each answer stem not in the vocabulary, the cue stems it could be a typo of."""
    by_letter: dict[str, list[str]] = {}
    for word in vocabulary:
        if fuzz.allowed(word) and not word.isdigit():
            by_letter.setdefault(word[0], []).append(word)
    near: dict[str, list[str]] = {}
    for stem in seen:
        edits = fuzz.allowed(stem)
        if not edits or stem in vocabulary or any(c.isdigit() for c in stem):
            continue
        found = [
            word
            for word in by_letter.get(stem[0], ())
            if abs(len(word) - len(stem)) <= edits
            and Levenshtein.distance(stem, word, score_cutoff=edits) <= edits
        ]
        if found:
            near[stem] = found
    return near
