"""Where the encoder keeps what it builds (the int8 model, cached vectors): one folder, set once."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent.parent


def default_cache_dir() -> Path:
    """`COACH_CACHE_DIR`, else the project's instance folder, which the service already owns."""
    return Path(os.environ.get("COACH_CACHE_DIR") or PROJECT_ROOT / "instance" / "cache")
