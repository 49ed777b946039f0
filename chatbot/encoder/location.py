"""Where the encoder keeps what it builds (the int8 model, cached vectors) when no one says otherwise.

The service passes the folder from its settings (`COACH_CACHE_DIR`); the terminal client, tests and
benchmarks use this default, the service's own default.
"""

from __future__ import annotations

from pathlib import Path

from chatbot.config import default_instance_path


def default_cache_dir() -> Path:
    return default_instance_path() / "cache"
