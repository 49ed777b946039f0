"""Cut an answer into sentences of word tokens that keep their character offsets into the original text.

Everything downstream (cue matching, fluency rules, highlights) works on these tokens, so offsets stay
traceable to what the user typed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

# A word: letters or digits, optionally joined by hyphens, apostrophes, slashes or inner dots/commas
# ("trade-off", "don't", "TensorFlow/PyTorch", "3.5", "1,000", "e.g").
_WORD = re.compile(r"[^\W_]+(?:[-'’/.,][^\W_]+)*")  # noqa: RUF001 - the curly apostrophe is meant
_COMPOUND_JOINERS = re.compile(r"[-/]")
_STOPS = ".!?…"
_BULLETS = "-*•·–—"  # noqa: RUF001 - dashes used as bullets

Stem = Callable[[Sequence[str]], list[str]]
StemForms = Callable[[set[str]], Mapping[str, str]]


class Token(NamedTuple):
    """One word of the answer. `low` drives word classes, `stem` and `parts` drive cue matching."""

    text: str
    start: int
    end: int
    low: str
    stem: str
    parts: tuple[tuple[int, int, str], ...]  # (start, end, stem) of each piece of a compound word
    titled: bool  # "The", "We": a capitalised word of two or more letters


@dataclass(frozen=True, slots=True)
class Sentence:
    """A run of tokens between sentence boundaries; `gaps[i]` is the text between token i and i+1."""

    index: int
    tokens: tuple[Token, ...]
    gaps: tuple[str, ...]
    tail: str  # text after the last token up to the next sentence: its stop (".", "?") and spacing

    @property
    def start(self) -> int:
        return self.tokens[0].start

    @property
    def end(self) -> int:
        return self.tokens[-1].end


def fold_case(word: str) -> str:
    """Lower-case form used for word lists: case-folded, curly apostrophes made straight, accents kept."""
    low = word.casefold()
    return low.replace("’", "'") if "’" in low else low  # noqa: RUF001 - curly apostrophe to straight


class Respeller:
    """Maps British suffixes to American ones so "optimise" and "optimize" meet (applied to both sides)."""

    def __init__(self, suffixes: Sequence[tuple[str, str]], min_len: int) -> None:
        self._table = dict(suffixes)
        longest_first = sorted(self._table, key=len, reverse=True)
        self._ending = (
            re.compile("(?:" + "|".join(re.escape(s) for s in longest_first) + ")$") if suffixes else None
        )
        self._min_len = min_len

    def __call__(self, word: str) -> str:
        if self._ending is None or len(word) < self._min_len:
            return word
        found = self._ending.search(word)
        return word if found is None else word[: found.start()] + self._table[found.group()]


def tokenise(text: str, stems: StemForms) -> list[Token]:
    """Find the words of `text` with offsets; `stems` maps each distinct folded form to its stem."""
    found: list[tuple[str, int, int, str, list[tuple[int, int, str]] | None]] = []
    forms: set[str] = set()
    for match in _WORD.finditer(text):
        word = match.group()
        start, end = match.span()
        low = fold_case(word)
        forms.add(low)
        parts = None
        if "-" in word or "/" in word:
            parts = _split_compound(word, start)
            forms.update(piece for _, _, piece in parts)
        found.append((word, start, end, low, parts))
    stem = stems(forms)
    tokens = []
    for word, start, end, low, parts in found:
        whole = stem[low]
        cut = ((start, end, whole),) if parts is None else tuple((s, e, stem[p]) for s, e, p in parts)
        titled = len(word) > 1 and word[0].isupper() and not word[1:].isupper()
        tokens.append(Token(word, start, end, low, whole, cut, titled))
    return tokens


def plain(word: str) -> str:
    """Drop a possessive and inner dots so "model's" stems like "model" and "e.g" like "eg";
    contractions ("i'd", "don't") stay whole, since "I'd" is not "I"."""
    if word.endswith("'s"):
        word = word[:-2]
    return word.replace(".", "").replace(",", "")


def _split_compound(word: str, start: int) -> list[tuple[int, int, str]]:
    """Pieces of "trade-off" or "TensorFlow/PyTorch" with their offsets."""
    pieces = []
    offset = 0
    for chunk in _COMPOUND_JOINERS.split(word):
        pieces.append((start + offset, start + offset + len(chunk), fold_case(chunk)))
        offset += len(chunk) + 1
    return [p for p in pieces if p[2]] or [(start, start + len(word), fold_case(word))]


def split_sentences(text: str, tokens: list[Token], abbreviations: frozenset[str]) -> list[Sentence]:
    """Group tokens into sentences at stop punctuation, blank lines, bullets and capitalised new lines."""
    sentences: list[Sentence] = []
    current: list[Token] = []
    gaps: list[str] = []
    for i, token in enumerate(tokens):
        current.append(token)
        if i + 1 == len(tokens):
            sentences.append(Sentence(len(sentences), tuple(current), tuple(gaps), text[token.end :]))
            break
        nxt = tokens[i + 1]
        gap = text[token.end : nxt.start]
        # "1. " at the start of a line numbers a point; it is not a sentence of its own
        marker = len(current) == 1 and token.text.isdigit() and len(token.text) <= 2 \
            and gap.strip() in {".", ")"}
        if gap != " " and not marker and _is_boundary(token, gap, nxt, abbreviations):
            sentences.append(Sentence(len(sentences), tuple(current), tuple(gaps), gap))
            current, gaps = [], []
        else:
            gaps.append(gap)
    return sentences


def _is_boundary(token: Token, gap: str, nxt: Token, abbreviations: frozenset[str]) -> bool:
    """A stop followed by space ends a sentence; a lone line break only does when the next line looks new."""
    if gap == " ":
        return False
    stripped = gap.strip()
    if any(c in _STOPS for c in stripped) and gap[-1:].isspace():
        return not (stripped.startswith(".") and token.low in abbreviations)
    if "\n" not in gap and "\r" not in gap:
        return False
    after_break = gap.replace("\r", "\n").rsplit("\n", 1)[1]
    blank_line = gap.replace("\r", "\n").count("\n") > 1
    bullet = any(c in _BULLETS for c in after_break)
    fresh = nxt.text[:1].isupper() or nxt.text[:1].isdigit()
    return blank_line or bullet or fresh
