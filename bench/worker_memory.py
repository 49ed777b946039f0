"""Memory of one worker: a fresh process builds the app, serves a few hundred turns, reports its RSS.

`python -m bench.worker_memory TURNS` runs the worker side and prints one JSON line; turns go through
Flask's test client to a throwaway SQLite database, so every layer a real worker holds is loaded.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

SESSION_LENGTH = 18  # turns per session before the worker opens another


def rss_mb(pid: int | str = "self", field: str = "VmRSS") -> float | None:
    """Resident memory in MiB from /proc/<pid>/status, or None if the process is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def child(turns: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="bench-memory-") as tmp:
        os.environ.update({"DATABASE_URL": f"sqlite:///{Path(tmp) / 'coach.sqlite3'}",
                           "RATELIMIT_ENABLED": "false"})
        started = time.perf_counter_ns()
        from chatbot import create_app

        app = create_app()
        app_ms = (time.perf_counter_ns() - started) / 1e6
        after_app = rss_mb()
        from bench.corpus import Corpus

        conversation = Corpus.load().conversation()
        client = app.test_client()
        headers: dict[str, str] = {}
        path = ""
        for n in range(turns):
            if n % SESSION_LENGTH == 0:
                created = client.post("/api/sessions", json={}).get_json()
                headers = {"Authorization": f"Bearer {created['token']}"}
                path = f"/api/sessions/{created['session']['id']}/messages"
            response = client.post(path, json={"text": conversation[n % len(conversation)]}, headers=headers)
            if response.status_code != 200:
                raise RuntimeError(f"turn {n} answered {response.status_code}: "
                                   f"{response.get_data(as_text=True)}")
        return {"create_app_ms": round(app_ms, 1), "rss_after_create_app_mb": after_app,
                "rss_after_turns_mb": rss_mb(), "peak_rss_mb": rss_mb(field="VmHWM"), "turns": turns}


def measure(turns: int = 300) -> dict[str, Any]:
    from bench.child import run_module

    return run_module("bench.worker_memory", str(turns), timeout=600)


if __name__ == "__main__":
    print(json.dumps(child(int(sys.argv[1]))))
