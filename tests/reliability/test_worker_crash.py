"""A gunicorn worker killed with SIGKILL in the middle of turns loses nothing and doubles nothing.

The turn it was running is stored entirely or not at all; the client's retry with the same
client_message_id is stored exactly once; the other workers keep answering and the master replaces
the dead one.
"""

from __future__ import annotations

import os
import random
import signal
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from tests.reliability import stored
from tests.reliability.gunicorn_faults import FAULT_HOOK, MARKER, wait_for_paused_worker
from tests.reliability.live import (
    CUT_OFF,
    create_session,
    in_background,
    post_turn,
    send_until_stored,
    stored_messages,
)
from tests.servers import health_status, running_server

MARKED_TEXT = f"{MARKER} what salary could I expect?"


@pytest.mark.slow
def test_a_worker_killed_inside_a_turn_stores_nothing_and_the_retry_lands_once(database_url, tmp_path):
    pid_file = tmp_path / "paused.pid"
    env = {"TEST_WORKER_INIT": FAULT_HOOK, "FAULT_MARKER": MARKER, "FAULT_PID_FILE": str(pid_file)}
    with running_server(database_url, workers=2, env=env, log_dir=tmp_path) as server:
        http = requests.Session()
        victim, bystander = create_session(http, server.url), create_session(http, server.url)
        send_until_stored(http, victim, "hello", "turn-1")
        send_until_stored(http, victim, "how long does the move take?", "turn-2")
        before = stored.messages(database_url, victim.id)
        state_before = stored.conversation(database_url, victim.id)["state"]

        text = MARKED_TEXT
        finish = in_background(post_turn, requests.Session(), victim, text, "turn-3")
        paused = wait_for_paused_worker(pid_file)
        assert paused in server.worker_pids()
        assert stored.messages(database_url, victim.id) == before, "an unfinished turn is visible"

        os.kill(paused, signal.SIGKILL)
        outcome = finish()
        assert isinstance(outcome.get("error"), CUT_OFF), outcome

        assert stored.messages(database_url, victim.id) == before, "a half-stored turn survived the kill"
        assert stored.conversation(database_url, victim.id)["state"] == state_before
        assert post_turn(http, bystander, "hello").status_code == 200, "the service stopped answering"
        assert health_status(server.url) == 200
        server.wait_for_workers(exclude=[paused])

        retried = post_turn(http, victim, text, "turn-3")
        assert retried.status_code == 200, retried.text
        turn = retried.json()["messages"]
        assert turn[0]["text"] == text and turn[0]["seq"] == len(before) + 1
        again = post_turn(http, victim, text, "turn-3")
        assert again.status_code == 200 and again.json()["messages"] == turn

        transcript = stored_messages(http, victim)
        assert transcript == victim.opening + victim.received + turn
        assert [m["text"] for m in transcript if m["sender"] == "user"].count(text) == 1
    assert stored.integrity_problems(database_url) == []


KILLS = 4
LOAD_SESSIONS = 12
LOAD_TURNS = 10
TURN_PAUSE = "0.05"  # every turn lingers in its transaction, so a kill at random lands mid-turn


def chatter(base: str, index: int):
    """One client's session: ten turns, each retried with its client_message_id until stored."""
    http = requests.Session()
    live = create_session(http, base, attempts=10)
    sent = [f"question {n} from client {index}: how long does the move take?" for n in range(LOAD_TURNS)]
    for n, text in enumerate(sent):
        send_until_stored(http, live, text, f"c{index}-t{n}", attempts=10)
    return live, sent


@pytest.mark.slow
def test_workers_killed_under_load_lose_and_double_nothing(database_url, tmp_path):
    env = {"TEST_WORKER_INIT": FAULT_HOOK, "FAULT_PAUSE_EVERY_TURN": TURN_PAUSE}
    with running_server(database_url, workers=4, env=env, log_dir=tmp_path) as server:
        killed = []
        with ThreadPoolExecutor(8) as pool:
            futures = [pool.submit(chatter, server.url, i) for i in range(LOAD_SESSIONS)]
            time.sleep(0.5)
            for _ in range(KILLS):
                killed.append(random.choice(server.wait_for_workers(count=1, exclude=killed)))
                os.kill(killed[-1], signal.SIGKILL)
                time.sleep(0.3)
            results = [future.result() for future in futures]

        http = requests.Session()
        for live, sent in results:
            transcript = stored_messages(http, live)
            assert transcript == live.opening + live.received
            assert [m["text"] for m in transcript if m["sender"] == "user"] == sent
        assert health_status(server.url) == 200
        server.wait_for_workers(exclude=killed)

    assert sum(live.failed_attempts for live, _ in results) >= 1, "no kill landed on a request in flight"
    assert stored.integrity_problems(database_url) == []
