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


def import_costs(module: str = "chatbot.dialogue", top: int = 10) -> list[tuple[str, float]]:
    """Cumulative import time (ms) of each top-level package that `import module` pulls in, largest first.

    From `python -X importtime` in a fresh interpreter; the project's own package is split one level
    down, so `chatbot` (its __init__) and `chatbot.dialogue` show apart.
    """
    import subprocess
    import sys

    from bench import ROOT

    done = subprocess.run([sys.executable, "-X", "importtime", "-c", f"import {module}"], cwd=ROOT,
                          capture_output=True, text=True, check=True, timeout=120)
    costs: dict[str, float] = {}
    for line in done.stderr.splitlines():
        fields = line.removeprefix("import time:").split("|")
        if len(fields) != 3 or not fields[1].strip().isdigit():
            continue
        name = fields[2].strip()
        top_level = name.split(".")[0]
        key = ".".join(name.split(".")[:2]) if top_level == "chatbot" else top_level
        if key == name:  # the package itself, whose cumulative time includes its submodules
            costs[key] = max(costs.get(key, 0.0), int(fields[1]) / 1000)
    return sorted(((k, round(v, 1)) for k, v in costs.items()), key=lambda kv: -kv[1])[:top]


if __name__ == "__main__":
    print(json.dumps(child()))
