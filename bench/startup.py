"""Start-up: importing the engine and loading and validating the knowledge base, intents and rubric.

Each sample runs in a fresh interpreter (`python -m bench.startup` prints one JSON line), so nothing
is already imported or cached; the parent takes the median of several.
"""

from __future__ import annotations

import json
import statistics
import time
from typing import Any


def child() -> dict[str, float]:
    start = time.perf_counter_ns()
    from chatbot.dialogue import Engine

    imported = time.perf_counter_ns()
    from bench import DATA_DIR, INTENTS_DIR

    Engine.load(DATA_DIR, INTENTS_DIR)
    loaded = time.perf_counter_ns()
    return {"import_ms": (imported - start) / 1e6, "load_ms": (loaded - imported) / 1e6,
            "total_ms": (loaded - start) / 1e6}


def measure(samples: int = 5) -> dict[str, Any]:
    from bench.child import run_module

    runs = []
    for _ in range(samples):
        began = time.perf_counter_ns()
        run = run_module("bench.startup")
        run["process_ms"] = (time.perf_counter_ns() - began) / 1e6
        runs.append(run)
    return {key: round(statistics.median(r[key] for r in runs), 1)
            for key in ("import_ms", "load_ms", "total_ms", "process_ms")} | {"samples": samples}


if __name__ == "__main__":
    print(json.dumps(child()))
