"""The line of a long answer that answers a narrow question: "2 pages or 1?" is answered by one line of
the CV advice, which should come first instead of sixth."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from chatbot.encoder.protocol import Encoder


def lead_line(encoder: Encoder, asked: Sequence[str], lines: Sequence[str], floor: float, lead: float) -> int | None:
    """The index of the line that alone answers the question: at least `floor` close to a question part,
    and `lead` closer than every other line (a broad question, near several lines, keeps the order)."""
    if len(lines) < 3 or not asked:
        return None
    sims = (encoder.encode(list(lines)) @ encoder.encode(list(asked)).T).max(axis=1)
    order = np.argsort(-sims)
    best, second = int(order[0]), float(sims[order[1]])
    if best == 0 or sims[best] < floor or sims[best] - second < lead:
        return None
    return best
