"""Numbers people use to pick and to rate: "the second one", "#3", "4 out of 5", "three"."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from chatbot.nlu.entity_words import EntityWords

_SLASH = re.compile(r"(\d+)\s*/\s*(\d+)")


def _alternation(options: Sequence[str]) -> str:
    return "|".join(sorted((re.escape(o) for o in options), key=len, reverse=True))


@dataclass(frozen=True)
class NumberReader:
    words: EntityWords
    marker: re.Pattern[str] | None
    scale: re.Pattern[str] | None
    lead: re.Pattern[str] | None = None

    @classmethod
    def build(cls, words: EntityWords) -> NumberReader:
        number = rf"(\d+|{_alternation(list(words.number_words))})" if words.number_words else r"(\d+)"
        marker = scale = lead = None
        if words.rating_leads:
            # a figure that counts something else ("about 3 months") rates nothing
            units = _alternation(words.counted_units) if words.counted_units else "/"
            leads = _alternation(words.rating_leads)
            lead = re.compile(rf"\b(?:{leads})\s+{number}(?:ish)?\b(?!\s*(?:{units})\b)")
        if words.ordinal_markers:
            marker = re.compile(rf"(?:{_alternation(words.ordinal_markers)})\s*{number}\b")
        if words.scale_markers:
            scale = re.compile(rf"\b{number}\s*(?:{_alternation(words.scale_markers)})\s*(\d+)\b")
        return cls(words, marker, scale, lead)

    def value(self, token: str) -> int | None:
        """A digit string or a number word; "3ish" and "three-ish" are that number, roughly."""
        if token.endswith("ish") and len(token) > 3:
            token = token[:-3].rstrip("-")
        if token.isdigit():
            return int(token)
        return self.words.number_words.get(token)

    def ordinal(self, folded: str, tokens: Sequence[str]) -> int | None:
        """An explicit pick ("number 3", "#2") anywhere; an ordinal word only in a short reply."""
        if self.marker is not None:
            hit = self.marker.search(folded)
            if hit is not None:
                return self.value(hit.group(1))
        if len(tokens) > self.words.short_reply_words:
            return None
        for index, token in enumerate(tokens):
            after = tokens[index + 1] if index + 1 < len(tokens) else None
            # "first offer. negotiate or accept?" speaks of a first something, not of the first item shown
            picks = after is None or not self.words.ordinal_nouns or after in self.words.ordinal_nouns \
                or after in self.words.ordinal_markers
            if token in self.words.ordinal_words and picks:
                return self.words.ordinal_words[token]
        return None

    def rating(self, folded: str, tokens: Sequence[str]) -> int | None:
        """A 1-to-max rating: "3/5" or "4 out of 5" anywhere; a lone number only in a short reply
        that is not picking an item ("step 3")."""
        top = self.words.rating_max
        explicit = _SLASH.search(folded) or (self.scale.search(folded) if self.scale else None)
        if explicit is not None:
            given, out_of = self.value(explicit.group(1)), int(explicit.group(2))
            if given is None or out_of < 1 or given > out_of:
                return None
            return max(1, min(top, round(given * top / out_of)))
        led = self.lead.search(folded) if self.lead else None
        if led is not None:  # "I'd put myself around a 3, I'm comfortable but not an expert"
            given = self.value(led.group(1))
            if given is not None and 0 <= given <= top:
                return max(1, given)
        if len(tokens) > self.words.short_reply_words:
            return None
        if self.marker is not None and self.marker.search(folded):
            return None  # "step 3" picks an item; it does not rate anything
        numbers = [n for n in (self._number(tokens, i) for i in range(len(tokens))) if n is not None]
        if len(numbers) == 1 and 0 <= numbers[0] <= top:
            return max(1, numbers[0])  # "feature stores 0": none at all is the bottom of the scale
        return None

    def _number(self, tokens: Sequence[str], i: int) -> int | None:
        """The number a token stands for, unless it is a word like "one" used as a pronoun."""
        token = tokens[i]
        if token in self.words.pronoun_numbers and i > 0:
            before = tokens[i - 1]
            if before in self.words.pronoun_after or before in self.words.ordinal_words:
                return None
        return self.value(token)
