"""Timing many calls of one function: warm up first, then per-call nanoseconds, median and p99."""

from __future__ import annotations

import itertools
import math
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class Stats:
    """Per-call times in microseconds; `calls` says how many samples stand behind them."""

    calls: int
    median_us: float
    p99_us: float
    mean_us: float
    min_us: float

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def percentile(sorted_values: Sequence[float], fraction: float) -> float:
    """Nearest-rank percentile of an already sorted sequence."""
    if not sorted_values:
        raise ValueError("no samples")
    rank = min(len(sorted_values), max(1, math.ceil(fraction * len(sorted_values)))) - 1
    return sorted_values[rank]


def summarise(samples_ns: Sequence[int]) -> Stats:
    ordered = sorted(samples_ns)
    return Stats(
        calls=len(ordered),
        median_us=statistics.median(ordered) / 1000,
        p99_us=percentile(ordered, 0.99) / 1000,
        mean_us=statistics.fmean(ordered) / 1000,
        min_us=ordered[0] / 1000,
    )


def time_calls(call: Callable[[Any], object], inputs: Sequence[Any], calls: int, warmup: int) -> Stats:
    """Call `call(x)` cycling through `inputs`: `warmup` untimed calls, then `calls` timed ones.

    Each call is timed on its own with perf_counter_ns, so the p99 shows the slow inputs rather than
    being averaged away.
    """
    cycle = itertools.cycle(inputs)
    for _ in range(warmup):
        call(next(cycle))
    samples: list[int] = []
    clock = time.perf_counter_ns
    for _ in range(calls):
        item = next(cycle)
        start = clock()
        call(item)
        samples.append(clock() - start)
    return summarise(samples)
