"""The machine a run happened on, so figures can be compared only with figures from the same kind of box."""

from __future__ import annotations

import os
import platform
import sqlite3
import subprocess
import sys
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path
from typing import Any

PACKAGES = (
    "flask", "flask-sqlalchemy", "sqlalchemy", "flask-limiter", "gunicorn", "psycopg", "pydantic", "pyyaml",
    "rapidfuzz", "snowballstemmer", "pystemmer", "pyinstrument",
)


def _proc_field(path: str, key: str) -> str | None:
    try:
        for line in Path(path).read_text().splitlines():
            name, _, value = line.partition(":")
            if name.strip() == key:
                return value.strip()
    except OSError:
        return None
    return None


def package_versions() -> dict[str, str]:
    versions = {}
    for name in PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def wrk_version() -> str:
    try:
        done = subprocess.run(["wrk", "-v"], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return "not installed"
    first = (done.stdout or done.stderr).strip().splitlines()
    return first[0] if first else "unknown"


def describe() -> dict[str, Any]:
    """CPU, cores, memory, interpreter, package versions and the date of the run."""
    mem_kb = _proc_field("/proc/meminfo", "MemTotal") or "0 kB"
    return {
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": _proc_field("/proc/cpuinfo", "model name") or platform.processor() or "unknown",
        "cores": os.cpu_count(),
        "usable_cores": len(os.sched_getaffinity(0)),
        "memory_gib": round(int(mem_kb.split()[0]) / 1024 / 1024, 1),
        "os": f"{platform.system()} {platform.release()}",
        "python": f"{platform.python_implementation()} {sys.version.split()[0]}",
        "sqlite": sqlite3.sqlite_version,
        "wrk": wrk_version(),
        "load_average_at_start": tuple(round(x, 2) for x in os.getloadavg()),
        "packages": package_versions(),
    }
