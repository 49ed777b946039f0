"""Running a bench module in a fresh interpreter and reading the one JSON line it prints last."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any

from bench import ROOT


def run_module(module: str, *args: str, timeout: float = 300) -> dict[str, Any]:
    """`python -m module args...` from the project root; its stderr tail explains a failure."""
    done = subprocess.run([sys.executable, "-m", module, *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=timeout, env={**os.environ, "FLASK_ENV": "", "APP_ENV": ""})
    if done.returncode != 0:
        tail = done.stderr.strip().splitlines()[-1:] or [f"exit status {done.returncode}"]
        raise RuntimeError(f"python -m {module} failed: {tail[0]}")
    return json.loads(done.stdout.strip().splitlines()[-1])
