"""The real service under gunicorn on a free loopback port, for tests and benchmarks.

    with running_server(database_url, workers=4) as server:
        requests.get(server.url + "/healthz")
        server.worker_pids()  # the master's children, e.g. to kill one

Rate limits are off unless `env` turns them on (loopback load would trip them). Gunicorn binds port 0
and the port it got is read back from its log, so two servers never race for the same port. Each worker
logs when its app has loaded (reliability/gunicorn_conf.py), so start-up waits for every worker, and
`env={"TEST_WORKER_INIT": "module:function"}` runs one more hook in each worker (fault injection).
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUNICORN_CONF = ROOT / "tests" / "reliability" / "gunicorn_conf.py"
LISTENING = re.compile(r"Listening at: http://127\.0\.0\.1:(\d+)")
READY = re.compile(r"Worker ready: pid (\d+)")
START_TIMEOUT = 90.0


class ServerError(RuntimeError):
    """The server did not start or stop as expected; the message carries the end of its log."""


@dataclass
class Server:
    process: subprocess.Popen
    log_path: Path
    workers: int
    port: int = 0

    @property
    def pid(self) -> int:
        return self.process.pid

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def log(self, tail: int = 4000) -> str:
        try:
            return self.log_path.read_text(encoding="utf-8", errors="replace")[-tail:]
        except FileNotFoundError:
            return ""

    def worker_pids(self) -> list[int]:
        """The master's live children: gunicorn's workers (found through /proc, no extra packages)."""
        children: set[int] = set()
        for task in Path(f"/proc/{self.pid}/task").glob("*"):
            try:
                children.update(int(p) for p in (task / "children").read_text().split())
            except (FileNotFoundError, ProcessLookupError):
                continue
        return sorted(pid for pid in children if _alive(pid))

    def ready_workers(self) -> list[int]:
        """Live workers whose app has loaded (they said so in the log)."""
        ready = {int(pid) for pid in READY.findall(self.log(tail=10**7))}
        return [pid for pid in self.worker_pids() if pid in ready]

    def wait_for_workers(self, count: int | None = None, exclude: Sequence[int] = (),
                         timeout: float = START_TIMEOUT) -> list[int]:
        """Wait until `count` workers (all by default) are ready, none of them in `exclude` (a killed one)."""
        wanted = self.workers if count is None else count
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise ServerError(f"gunicorn exited with {self.process.returncode}\n{self.log()}")
            pids = [pid for pid in self.ready_workers() if pid not in exclude]
            if len(pids) >= wanted:
                return pids
            time.sleep(0.1)
        raise ServerError(f"{wanted} workers were not ready in {timeout:.0f}s\n{self.log()}")

    def wait_healthy(self, timeout: float = START_TIMEOUT, statuses: Sequence[int] = (200,)) -> int:
        """Wait for /healthz to answer one of `statuses` (200 by default); returns the status seen."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise ServerError(f"gunicorn exited with {self.process.returncode}\n{self.log()}")
            status = health_status(self.url) if self.port else None
            if status in statuses:
                return status
            self.port = self.port or _read_port(self.log_path)
            time.sleep(0.1)
        raise ServerError(f"/healthz did not answer {list(statuses)} in {timeout:.0f}s\n{self.log()}")

    def stop(self, timeout: float = 15.0) -> None:
        """SIGTERM for a graceful stop; SIGKILL to the process group if it does not go in time."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                pass
        try:
            os.killpg(self.process.pid, signal.SIGKILL)  # the group is this server's alone
        except ProcessLookupError:
            pass
        self.process.wait(timeout)


def health_status(url: str, timeout: float = 2.0) -> int | None:
    try:
        with urllib.request.urlopen(url + "/healthz", timeout=timeout) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except (OSError, urllib.error.URLError):
        return None


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return False
    return state != "Z"


def _read_port(log_path: Path) -> int:
    try:
        match = LISTENING.search(log_path.read_text(encoding="utf-8", errors="replace"))
    except FileNotFoundError:
        return 0
    return int(match.group(1)) if match else 0


def server_env(database_url: str, env: Mapping[str, str] | None = None) -> dict[str, str]:
    merged = {**os.environ, "DATABASE_URL": database_url, "RATELIMIT_ENABLED": "false",
              "PYTHONUNBUFFERED": "1"}
    merged.update(env or {})
    return merged


def start_server(database_url: str, workers: int = 4, env: Mapping[str, str] | None = None,
                 gunicorn_args: Sequence[str] = (), log_dir: Path | None = None,
                 timeout: float = START_TIMEOUT, health: Sequence[int] = (200,)) -> Server:
    """Start `gunicorn wsgi:app`; return once every worker is ready and /healthz answers a `health` status.

    Pass health=(200, 503) to start a server while its database is meant to be down.
    """
    log_dir = Path(log_dir or tempfile.mkdtemp(prefix="coach-server-"))
    log_path = log_dir / "gunicorn.log"
    command = [sys.executable, "-m", "gunicorn", "wsgi:app", "--bind", "127.0.0.1:0",
               "--workers", str(workers), "--graceful-timeout", "5", "--log-level", "info",
               "--error-logfile", "-", "--config", str(GUNICORN_CONF),
               "--no-control-socket", *gunicorn_args]  # servers side by side must not share one socket
    with open(log_path, "wb") as log:
        process = subprocess.Popen(command, cwd=ROOT, env=server_env(database_url, env), stdout=log,
                                   stderr=subprocess.STDOUT, start_new_session=True)
    server = Server(process, log_path, workers)
    try:
        server.wait_healthy(timeout, health)
        server.wait_for_workers(timeout=timeout)
    except BaseException:
        server.stop()
        raise
    return server


@contextmanager
def running_server(database_url: str, workers: int = 4, env: Mapping[str, str] | None = None,
                   gunicorn_args: Sequence[str] = (), log_dir: Path | None = None,
                   timeout: float = START_TIMEOUT, health: Sequence[int] = (200,)) -> Iterator[Server]:
    server = start_server(database_url, workers, env, gunicorn_args, log_dir, timeout, health)
    try:
        yield server
    finally:
        server.stop()
