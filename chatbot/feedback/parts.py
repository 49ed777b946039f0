"""Criteria made of named parts (STAR steps, kinds of evidence): which parts show, and where."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from chatbot.feedback.lexicon import CompiledPart
from chatbot.feedback.reading import AnswerReading
from chatbot.feedback.result import TipOption, Verdict
from chatbot.feedback.signals import Signals, Span
from chatbot.feedback.spec import PartComments
from chatbot.feedback.wording import Writer


def parts_verdict(
    parts: Sequence[CompiledPart],
    reading: AnswerReading,
    signals: Signals,
    comments: PartComments,
    writer: Writer,
    lead: str | None = None,
    said: Mapping[str, Span] | None = None,
) -> Verdict:
    """Weighted share of the parts found; the comment quotes each found part and names the missing.
    `said`: the sentence that makes a part in other words, by the part's id, for when its phrases miss it
    ("At a recipe app, I'd built..." sets the scene without any of the situation's phrases)."""
    total = sum(p.weight for p in parts)
    found: list[str] = []
    missing: list[CompiledPart] = []
    earned = 0.0
    for part in parts:
        span = locate(part, reading, signals) or (said or {}).get(part.id)
        if span is None:
            missing.append(part)
        else:
            earned += part.weight
            found.append(writer.item(part.label, writer.quote_span(reading.text, span)))
    notes = [lead] if lead else []
    if found:
        notes.append(comments.found.format(items=writer.items(found)))
        if missing:
            notes.append(comments.missing.format(items=writer.items([p.label for p in missing])))
    else:
        notes.append(comments.none.format(items=writer.items([p.label for p in missing])))
    tips = tuple(TipOption(p.tip, p.weight / total) for p in missing)
    return Verdict(earned / total, tuple(notes), tips)


def said_for(said: Mapping[str, Span] | None, criterion: str) -> dict[str, Span]:
    """One criterion's parts found by meaning, by part id, out of every criterion's ("structure.task")."""
    prefix = f"{criterion}."
    return {key.removeprefix(prefix): span for key, span in (said or {}).items() if key.startswith(prefix)}


def locate(part: CompiledPart, reading: AnswerReading, signals: Signals) -> Span | None:
    """The earliest place in a usable sentence where the part shows, by phrase or by detector."""
    found: list[Span] = []
    hit = reading.first_usable(part.phrases)
    if hit is not None:
        found.append((hit.start, hit.end))
    if part.detector is not None:
        span = signals.first(part.detector)
        if span is not None:
            found.append(span)
    return min(found) if found else None
