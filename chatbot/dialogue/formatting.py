"""Filters the response templates use, so figures read the same way in every answer."""

from __future__ import annotations

from collections.abc import Iterable
from types import MappingProxyType
from typing import TypeVar

from chatbot.knowledge.models import Range, SalaryBand

CURRENCY_SIGNS = MappingProxyType({"GBP": "£"})
UNIT_SUFFIXES = MappingProxyType({"times": "x"})
MONEY_RANGE = "\u2013"  # an en dash between amounts, as UK salary guides print them

T = TypeVar("T")


def money(band: SalaryBand | None, currency: str = "GBP") -> str:
    """A salary band as a person writes it: "£34,000", en dash, "£48,000"; open-ended bands end with "+"."""
    if band is None:
        return ""
    sign = CURRENCY_SIGNS.get(currency, "")
    low, high = f"{sign}{band.min:,}", f"{sign}{band.max:,}"
    text = low if band.min == band.max else f"{low}{MONEY_RANGE}{high}"
    return f"{text}+" if band.open_ended else text


def pounds(amount: float) -> str:
    """One amount of money as a person writes it: "£62,000"."""
    return f"£{abs(int(round(amount))):,}"


def duration(span: Range | None) -> str:
    """A range of time or count, as "6-12 months", "2-3x" or "3 months" when both ends agree."""
    if span is None:
        return ""
    figures = str(span.min) if span.min == span.max else f"{span.min}-{span.max}"
    suffix = UNIT_SUFFIXES.get(span.unit)
    if suffix:
        return f"{figures}{suffix}"
    unit = span.unit[:-1] if span.min == span.max == 1 else span.unit
    return f"{figures} {unit}"


def _label(item: object) -> str:
    if isinstance(item, str):
        return item
    return str(getattr(item, "name", None) or getattr(item, "title", None) or item)


def names(items: Iterable[object], conjunction: str = "and") -> str:
    """Join the names (or plain strings) of items into an English list: "a, b and c"."""
    words = [_label(item) for item in items]
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {conjunction} {words[-1]}"


def lower_first(text: str) -> str:
    """Lower-case the first letter so a sentence fragment can continue a sentence."""
    return text[:1].lower() + text[1:] if text else text


def by_id(items: Iterable[T], wanted: str) -> T | None:
    """The element with this id, or None: lets a template name a knowledge-base entry it builds on."""
    return next((item for item in items if getattr(item, "id", None) == wanted), None)


FILTERS = MappingProxyType({"by_id": by_id, "money": money, "pounds": pounds, "duration": duration, "names": names,
                            "lower_first": lower_first})
