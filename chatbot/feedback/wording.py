"""Fill the rubric's templates: quote a phrase of the answer, join items into a readable list."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from chatbot.feedback.spec import Wording


@dataclass(frozen=True)
class Writer:
    """Writes quotations and lists in the rubric's style (its quote marks, ellipsis and list joiners)."""

    style: Wording

    def quote(self, text: str) -> str:
        """A short quotation of the answer, whitespace collapsed, cut with an ellipsis if long."""
        flat = " ".join(text.split())
        limit = self.style.quote_max_chars
        if len(flat) > limit:
            flat = flat[:limit].rstrip() + self.style.ellipsis
        return self.style.quote.format(text=flat)

    def quote_span(self, answer: str, span: tuple[int, int]) -> str:
        return self.quote(answer[span[0] : span[1]])

    def item(self, label: str, quoted: str) -> str:
        return self.style.item.format(label=label, quote=quoted)

    def items(self, parts: Sequence[str]) -> str:
        """ "a", "a and b", "a, b and c"."""
        if len(parts) <= 1:
            return "".join(parts)
        return self.style.join.join(parts[:-1]) + self.style.join_last + parts[-1]

    def gate(self, gate: float) -> str:
        return self.style.gate_note.format(percent=round(gate * 100))
