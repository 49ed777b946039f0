"""Turns over HTTP: the service and the floor app side by side under gunicorn, driven by wrk.

For each database, both apps run at once on their own throwaway databases; wrk runs alternate
service, floor, service, floor... so drift on a shared machine falls on both alike. Every wrk run
uses fresh sessions, one per connection (wrk -tN -cN with bench/turn.lua).
"""

from __future__ import annotations

import json
import statistics
import subprocess
import tempfile
import urllib.request
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from bench import BENCH_DIR
from bench.databases import throwaway
from bench.floor_app import create_schema
from bench.request_path import FLOOR, SERVICE, Routes
from bench.servers import Server, gunicorn
from bench.worker_memory import rss_mb

LUA_SCRIPT = BENCH_DIR / "turn.lua"
SERVICE_APP = "wsgi:app"
FLOOR_APP = "bench.floor_app:create_app()"


@dataclass(frozen=True)
class Plan:
    connections: tuple[int, ...] = (16, 64)
    duration_s: int = 10
    repeats: int = 2
    warmup_s: int = 3


@dataclass(frozen=True)
class Target:
    """A running app and its routes: how to open a session and where its turns go."""

    server: Server
    routes: Routes


@dataclass(frozen=True)
class WrkRun:
    app: str
    connections: int
    repeat: int
    requests: int
    seconds: float
    errors: int
    rps: float
    p50_ms: float
    p90_ms: float
    p99_ms: float


def _post_json(url: str, body: dict[str, Any]) -> dict[str, Any]:
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


def open_sessions(target: Target, count: int, folder: Path) -> Path:
    """Create `count` sessions and write the "<turn path>\\t<token>" lines wrk reads."""
    lines = []
    for _ in range(count):
        created = _post_json(target.server.url + target.routes.create, {})
        lines.append(f"{target.routes.turn.format(id=created['session']['id'])}\t{created['token']}")
    path = folder / f"sessions-{target.server.name}.tsv"
    path.write_text("\n".join(lines) + "\n")
    return path


def write_bodies(texts: Sequence[str], folder: Path) -> Path:
    path = folder / "bodies.jsonl"
    path.write_text("".join(json.dumps({"text": text}) + "\n" for text in texts))
    return path


def wrk(url: str, connections: int, seconds: int, sessions: Path, bodies: Path) -> dict[str, Any]:
    command = ["wrk", f"-t{connections}", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s",
               "-s", str(LUA_SCRIPT), url]
    env = {"BENCH_SESSIONS": str(sessions), "BENCH_BODIES": str(bodies), "PATH": "/usr/bin:/bin"}
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=seconds + 60, check=True)
    for line in done.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line.removeprefix("RESULT "))
    raise RuntimeError(f"wrk printed no result:\n{done.stdout}\n{done.stderr}")


def measured_run(target: Target, app: str, connections: int, repeat: int, plan: Plan,
                 bodies: Path, folder: Path) -> WrkRun:
    sessions = open_sessions(target, connections, folder)
    raw = wrk(target.server.url, connections, plan.duration_s, sessions, bodies)
    seconds = raw["duration_us"] / 1e6
    latency = raw["latency_us"]
    return WrkRun(app=app, connections=connections, repeat=repeat, requests=raw["requests"],
                  seconds=round(seconds, 2), errors=sum(raw["errors"].values()),
                  rps=raw["requests"] / seconds, p50_ms=latency["p50"] / 1000,
                  p90_ms=latency["p90"] / 1000, p99_ms=latency["p99"] / 1000)


def summarise(runs: list[WrkRun], connections: int) -> dict[str, Any]:
    """Medians over repeats; the ratio is taken per adjacent pair, then the median of the pairs."""
    def of(app: str) -> list[WrkRun]:
        return [r for r in runs if r.app == app and r.connections == connections]

    service, floor = of("service"), of("floor")
    pairs = [s.rps / f.rps for s, f in zip(service, floor) if f.rps > 0]
    return {
        "connections": connections,
        **{app: {"rps": statistics.median(r.rps for r in group),
                 "p50_ms": statistics.median(r.p50_ms for r in group),
                 "p99_ms": statistics.median(r.p99_ms for r in group),
                 "errors": sum(r.errors for r in group)}
           for app, group in (("service", service), ("floor", floor))},
        "throughput_ratio": statistics.median(pairs) if pairs else None,
        "pair_ratios": pairs,
    }


def _worker_rss(server: Server) -> list[float]:
    return [mb for mb in (rss_mb(pid) for pid in server.worker_pids()) if mb is not None]


def run_backend(backend: str, plan: Plan, texts: Sequence[str], log_dir: Path) -> dict[str, Any]:
    """Both apps on `backend`, alternating wrk runs at every connection count."""
    with tempfile.TemporaryDirectory(prefix="bench-http-") as tmp, \
            throwaway(backend, Path(tmp)) as service_db, throwaway(backend, Path(tmp)) as floor_db:
        folder = Path(tmp)
        create_schema(floor_db)
        bodies = write_bodies(texts, folder)
        service_env = {"DATABASE_URL": service_db, "RATELIMIT_ENABLED": "false",
                       "FLASK_ENV": "", "APP_ENV": ""}
        with gunicorn(f"service-{backend}", SERVICE_APP, service_env, log_dir) as service_server, \
                gunicorn(f"floor-{backend}", FLOOR_APP, {"DATABASE_URL": floor_db}, log_dir) as floor_server:
            targets = {"service": Target(service_server, SERVICE), "floor": Target(floor_server, FLOOR)}
            for app, target in targets.items():  # warm every worker: imports, pools, caches
                wrk(target.server.url, plan.connections[0], plan.warmup_s,
                    open_sessions(target, plan.connections[0], folder), bodies)
            runs = [
                measured_run(targets[app], app, connections, repeat, plan, bodies, folder)
                for connections in plan.connections
                for repeat in range(plan.repeats)
                for app in ("service", "floor")
            ]
            rss = {app: _worker_rss(target.server) for app, target in targets.items()}
    return {
        "backend": backend,
        "runs": [asdict(r) for r in runs],
        "summary": [summarise(runs, c) for c in plan.connections],
        "worker_rss_mb": rss,
    }
