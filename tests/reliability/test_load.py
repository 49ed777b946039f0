"""Under concurrent load on several gunicorn workers, every turn is stored exactly once, in order.

40 sessions × 12 turns from 16 concurrent clients against 4 workers, on SQLite and (when
TEST_DATABASE_URL is set) PostgreSQL. The figures of the run are written to docs/reliability.md.
"""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime

import pytest
import requests

from tests.reliability import stored
from tests.reliability.figures import LoadFigures, percentile, record
from tests.reliability.live import LiveSession, create_session, post_turn, stored_messages
from tests.servers import running_server

SESSIONS = 40
CLIENTS = 16
WORKERS = 4


def script(index: int) -> list[str]:
    """Twelve turns through topics, a practice answer and its retry; tagged so a mix-up would show."""
    tag = f"session {index}"
    return [
        f"hello, this is {tag}",
        "how long does the move usually take?",
        "what salary could I expect in the UK?",
        "practice",
        (f"For {tag}: I would version the data, train in a pipeline, serve the model behind an API and "
         "watch for drift."),
        "try again",
        (f"For {tag}: first I check the data, package the model in Docker, release it behind a canary and "
         "monitor latency and drift, then report the trade-offs to the team."),
        "next",
        "skip",
        "assess my skills",
        "summary",
        f"menu please ({tag})",
    ]


@dataclass
class SessionRun:
    live: LiveSession
    sent: list[str]
    latencies_ms: list[float] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def run_session(base: str, index: int) -> SessionRun:
    http = requests.Session()
    live = create_session(http, base)
    run = SessionRun(live, script(index))
    next_seq = len(live.opening) + 1
    for n, text in enumerate(run.sent):
        started = time.perf_counter()
        response = post_turn(http, live, text, f"s{index}-t{n}")
        run.latencies_ms.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            run.problems.append(f"turn {n}: {response.status_code} {response.text[:200]}")
            return run
        messages = response.json()["messages"]
        seqs = [m["seq"] for m in messages]
        if seqs != list(range(next_seq, next_seq + len(messages))):
            run.problems.append(f"turn {n}: seq {seqs}, expected to start at {next_seq}")
        if messages[0]["sender"] != "user" or messages[0]["text"] != text:
            run.problems.append(f"turn {n}: the first message is not this turn's user message")
        if len(messages) < 2 or any(m["sender"] != "bot" for m in messages[1:]):
            run.problems.append(f"turn {n}: no bot reply after the user message")
        live.received.extend(messages)
        next_seq = seqs[-1] + 1
    return run


def check_transcripts(base: str, runs: list[SessionRun]) -> list[str]:
    """What each client received is exactly what is stored: nothing lost, doubled, reordered or mixed."""
    problems = []
    http = requests.Session()
    for run in runs:
        transcript = stored_messages(http, run.live)
        if transcript != run.live.opening + run.live.received:
            problems.append(f"{run.live.id}: stored transcript differs from the turns the client received")
        user_texts = [m["text"] for m in transcript if m["sender"] == "user"]
        if user_texts != run.sent:
            problems.append(f"{run.live.id}: stored user messages are not exactly the ones sent, in order")
    return problems


@pytest.mark.slow
def test_concurrent_sessions_store_every_turn_once_and_in_order(database_url, request, tmp_path):
    backend = request.node.callspec.params["database_url"]
    with running_server(database_url, workers=WORKERS, log_dir=tmp_path) as server:
        started = time.perf_counter()
        with ThreadPoolExecutor(CLIENTS) as pool:
            runs = list(pool.map(lambda i: run_session(server.url, i), range(SESSIONS)))
        elapsed = time.perf_counter() - started
        problems = [f"{run.live.id}: {p}" for run in runs for p in run.problems]
        problems += check_transcripts(server.url, runs)

    assert problems == [], "\n".join(problems[:20])
    assert stored.integrity_problems(database_url) == []
    turns = SESSIONS * len(script(0))
    conversations, messages = stored.counts(database_url)
    assert conversations == SESSIONS
    assert messages == sum(len(run.live.opening) + len(run.live.received) for run in runs)

    latencies = [ms for run in runs for ms in run.latencies_ms]
    figures = LoadFigures(
        backend=backend, run_at=datetime.now(UTC).strftime("%Y-%m-%d %H:%M"), sessions=SESSIONS,
        turns_each=len(script(0)), clients=CLIENTS, workers=WORKERS, turns_per_second=turns / elapsed,
        p50_ms=percentile(latencies, 0.50), p99_ms=percentile(latencies, 0.99), max_ms=max(latencies),
        errors=0,
    )
    assert len(latencies) == turns
    record(figures)  # figures are recorded, never asserted: speed belongs to the benchmarks
