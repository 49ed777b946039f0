"""Cut an answer into sentences of word tokens that keep their character offsets into the original text.

Everything downstream (cue matching, fluency rules, highlights) works on these tokens, so offsets stay
traceable to what the user typed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

# A word: letters or digits, optionally joined by hyphens, apostrophes, slashes or inner dots/commas
# ("trade-off", "don't", "TensorFlow/PyTorch", "3.5", "1,000", "e.g").
_WORD = re.compile(r"[^\W_]+(?:[-'’/.,][^\W_]+)*")
_COMPOUND_JOINERS = re.compile(r"[-/]")
_STOPS = ".!?…"
_BULLETS = "-*•·–—"

Stem = Callable[[Sequence[str]], list[str]]


@dataclass(frozen=True, slots=True)
class Token:
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
    lead: str  # text just before the first token (bullets, quotes)

    @property
    def start(self) -> int:
        return self.tokens[0].start

    @property
    def end(self) -> int:
        return self.tokens[-1].end


def fold(word: str) -> str:
    """Lower-case form used for word lists: case-folded, curly apostrophes made straight."""
    return word.casefold().replace("’", "'")


def respell(word: str, suffixes: Sequence[tuple[str, str]], min_len: int) -> str:
    """Map British suffixes to American ones so "optimise" and "optimize" meet (applied to both sides)."""
    if len(word) < min_len:
        return word
    for old, new in suffixes:
        if word.endswith(old):
            return word[: len(word) - len(old)] + new
    return word


def tokenise(text: str, stem: Stem, normalise: Callable[[str], str]) -> list[Token]:
    """Find the words of `text` with offsets; each distinct word form is normalised and stemmed once."""
    found = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]
    forms: dict[str, str] = {}
    lows: list[str] = []
    pieces: list[list[tuple[int, int, str]]] = []
    for word, start, _ in found:
        low = fold(word)
        lows.append(low)
        if low not in forms:
            forms[low] = normalise(_plain(low))
        parts = _split_compound(word, low, start)
        for _, _, piece in parts:
            if piece not in forms:
                forms[piece] = normalise(_plain(piece))
        pieces.append(parts)
    keys = list(forms)
    stems = dict(zip(keys, stem([forms[k] for k in keys]), strict=True))
    return [
        Token(
            text=word,
            start=start,
            end=end,
            low=low,
            stem=stems[low],
            parts=tuple((s, e, stems[p]) for s, e, p in parts),
            titled=len(word) > 1 and word[0].isupper() and not word[1:].isupper(),
        )
        for (word, start, end), low, parts in zip(found, lows, pieces, strict=True)
    ]


def _plain(word: str) -> str:
    """Drop apostrophes and inner dots so "model's" stems like "model" and "e.g" like "eg"."""
    head = word.split("'", 1)[0]
    return head.replace(".", "").replace(",", "")


def _split_compound(word: str, low: str, start: int) -> list[tuple[int, int, str]]:
    """Pieces of "trade-off" or "TensorFlow/PyTorch" with their offsets; a plain word is one piece."""
    if "-" not in word and "/" not in word:
        return [(start, start + len(word), low)]
    pieces = []
    offset = 0
    for chunk in _COMPOUND_JOINERS.split(word):
        pieces.append((start + offset, start + offset + len(chunk), fold(chunk)))
        offset += len(chunk) + 1
    return [p for p in pieces if p[2]]


def split_sentences(text: str, tokens: list[Token], abbreviations: frozenset[str]) -> list[Sentence]:
    """Group tokens into sentences at stop punctuation, blank lines, bullets and capitalised new lines."""
    sentences: list[Sentence] = []
    current: list[Token] = []
    gaps: list[str] = []
    lead = text[: tokens[0].start] if tokens else ""
    for i, token in enumerate(tokens):
        current.append(token)
        if i + 1 == len(tokens):
            break
        nxt = tokens[i + 1]
        gap = text[token.end : nxt.start]
        if _is_boundary(token, gap, nxt, abbreviations):
            sentences.append(Sentence(len(sentences), tuple(current), tuple(gaps), lead))
            current, gaps, lead = [], [], gap
        else:
            gaps.append(gap)
    if current:
        sentences.append(Sentence(len(sentences), tuple(current), tuple(gaps), lead))
    return sentences


def _is_boundary(token: Token, gap: str, nxt: Token, abbreviations: frozenset[str]) -> bool:
    """A stop followed by space ends a sentence; a lone line break only does when the next line looks new."""
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
