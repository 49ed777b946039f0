"""A worker hook for fault tests: turns pause inside their transaction, where a fault hurts most.

The pause comes after the turn's messages are inserted and before the commit, whichever way the store
writes them (Core statements or an ORM flush both execute an INSERT on the connection). Two uses:
- FAULT_MARKER (with FAULT_PID_FILE, FAULT_PAUSE seconds, default 30): the first turn whose text
  carries the marker pauses and its worker writes its pid to the file, so the test knows which
  process to kill or when to cut the database; later marked turns (the client's retry) go through.
- FAULT_PAUSE_EVERY_TURN (seconds): every turn pauses that long, so a worker killed at random is
  almost certainly in the middle of one.
Installed with TEST_WORKER_INIT=tests.reliability.gunicorn_faults:install (see gunicorn_conf.py).
"""

from __future__ import annotations

import os
import time
from pathlib import Path

FAULT_HOOK = "tests.reliability.gunicorn_faults:install"  # the value for TEST_WORKER_INIT
MARKER = "[pause-here]"


def install(worker) -> None:
    marker = os.environ.get("FAULT_MARKER")
    every_turn = float(os.environ.get("FAULT_PAUSE_EVERY_TURN", "0"))
    if not marker and not every_turn:
        return
    from sqlalchemy import Insert, event
    from sqlalchemy.engine import Engine

    @event.listens_for(Engine, "after_execute")
    def _pause_inside_the_turn(_connection, statement, multiparams, params, _options, _result) -> None:
        if not isinstance(statement, Insert) or statement.table.name != "messages":
            return
        rows = list(multiparams or []) or [params or {}]
        said = [row.get("text", "") for row in rows if row.get("sender") == "user"]
        if not said:
            return
        if every_turn:
            time.sleep(every_turn)
        if marker and any(marker in text for text in said) and _claim_pause():
            time.sleep(float(os.environ.get("FAULT_PAUSE", "30")))


def _claim_pause() -> bool:
    """Only the first marked turn pauses: the pid file is created exclusively, then filled."""
    try:
        handle = os.open(os.environ["FAULT_PID_FILE"], os.O_CREAT | os.O_EXCL | os.O_WRONLY)
    except FileExistsError:
        return False
    with os.fdopen(handle, "w") as out:
        out.write(str(os.getpid()))
    return True


def wait_for_paused_worker(pid_file: Path, timeout: float = 30.0) -> int:
    """Test side: the pid of the worker now paused inside the marked turn."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        content = pid_file.read_text().strip() if pid_file.exists() else ""
        if content:
            return int(content)
        time.sleep(0.05)
    raise AssertionError("no worker paused inside the marked turn")
