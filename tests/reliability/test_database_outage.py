"""The database going away and coming back, simulated by a TCP proxy between the service and PostgreSQL.

The machine's PostgreSQL server is never touched: each test gets a throwaway database and reaches it
through a proxy it controls. While the database is away, turns and /healthz answer 503 with the JSON
error `database_unavailable` (never a hang or a 500); nothing half-done is stored; and the service
recovers by itself, without a restart, once the database is back.

SQLite has no counterpart: it is a file opened in-process, with no server or connection to lose
(see docs/reliability.md).
"""

from __future__ import annotations

import os
import signal
import time

import pytest
import requests
from sqlalchemy.engine import URL

from tests.reliability import stored
from tests.reliability.gunicorn_faults import FAULT_HOOK, MARKER, wait_for_paused_worker
from tests.reliability.live import create_session, in_background, post_turn, stored_messages
from tests.reliability.tcp_proxy import TcpProxy, tcp_proxy
from tests.servers import health_status, running_server

pytestmark = pytest.mark.slow

RECOVERY_BOUND = 15.0  # seconds allowed for the service to notice the database is back
LEAKS = ("Traceback", "psycopg", "OperationalError", "sqlalchemy", "5432", "postgres", "127.0.0.1")


def through(proxy: TcpProxy, database: URL) -> str:
    return database.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)


def upstream(database: URL) -> tuple[str, int]:
    return database.host or "127.0.0.1", database.port or 5432


def assert_unavailable(response: requests.Response) -> None:
    assert response.status_code == 503, response.text
    assert response.headers["Content-Type"].startswith("application/json")
    body = response.json()
    assert body["error"]["code"] == "database_unavailable"
    assert not any(leak in response.text for leak in LEAKS), response.text


def wait_until_healthy(base: str, bound: float = RECOVERY_BOUND) -> float:
    started = time.monotonic()
    while time.monotonic() - started < bound:
        if health_status(base) == 200:
            return time.monotonic() - started
        time.sleep(0.2)
    raise AssertionError(f"the service did not recover within {bound:.0f}s of the database coming back")


def test_connections_cut_under_the_pool_are_replaced_without_an_error(fresh_postgres, tmp_path):
    with tcp_proxy(upstream(fresh_postgres)) as proxy, \
            running_server(through(proxy, fresh_postgres), workers=2, log_dir=tmp_path) as server:
        http = requests.Session()
        live = create_session(http, server.url)
        for n in range(6):  # every worker's pool holds a connection
            assert post_turn(http, live, f"hello {n}").status_code == 200
        proxy.drop()  # as a database restart would do
        for n in range(6):
            response = post_turn(http, live, f"still there? {n}")
            assert response.status_code == 200, response.text
        assert health_status(server.url) == 200


def test_a_refusing_database_gets_503_json_and_the_service_recovers_alone(fresh_postgres, tmp_path):
    with tcp_proxy(upstream(fresh_postgres)) as proxy, \
            running_server(through(proxy, fresh_postgres), workers=2, log_dir=tmp_path) as server:
        http = requests.Session()
        live = create_session(http, server.url)
        assert post_turn(http, live, "hello", "turn-1").status_code == 200

        proxy.refuse()
        health = http.get(f"{server.url}/healthz")
        assert_unavailable(health)
        assert health.json()["status"] == "unavailable"
        assert_unavailable(post_turn(http, live, "how long does it take?", "turn-2"))
        assert_unavailable(http.post(f"{server.url}/api/sessions"))
        assert_unavailable(http.get(f"{server.url}/api/sessions/{live.id}", headers=live.headers))

        # a worker replaced during the outage must boot without the database, not bring the server down
        victim = server.ready_workers()[0]
        os.kill(victim, signal.SIGKILL)
        server.wait_for_workers(exclude=[victim])
        assert server.process.poll() is None, server.log()
        assert_unavailable(post_turn(http, live, "how long does it take?", "turn-2"))

        proxy.restore()
        wait_until_healthy(server.url)
        for n in range(6):  # every worker is back, the replacement included
            assert post_turn(http, live, f"and now? {n}", f"after-{n}").status_code == 200
        retried = post_turn(http, live, "how long does it take?", "turn-2")
        assert retried.status_code == 200
        texts = [m["text"] for m in stored_messages(http, live) if m["sender"] == "user"]
        assert texts.count("how long does it take?") == 1
    assert stored.integrity_problems(fresh_postgres.render_as_string(hide_password=False)) == []


def test_a_turn_cut_off_before_its_commit_stores_nothing_and_the_retry_lands_once(fresh_postgres, tmp_path):
    pid_file = tmp_path / "paused.pid"
    env = {"TEST_WORKER_INIT": FAULT_HOOK, "FAULT_MARKER": MARKER, "FAULT_PID_FILE": str(pid_file),
           "FAULT_PAUSE": "1.5"}
    database = fresh_postgres.render_as_string(hide_password=False)
    with tcp_proxy(upstream(fresh_postgres)) as proxy, \
            running_server(through(proxy, fresh_postgres), workers=2, env=env, log_dir=tmp_path) as server:
        http = requests.Session()
        live = create_session(http, server.url)
        assert post_turn(http, live, "hello", "turn-1").status_code == 200
        before = stored.messages(database, live.id)

        text = f"{MARKER} what salary could I expect?"
        finish = in_background(post_turn, requests.Session(), live, text, "turn-2")
        wait_for_paused_worker(pid_file)
        proxy.refuse()  # the turn's rows are flushed but not committed
        outcome = finish()
        assert "value" in outcome, outcome
        assert_unavailable(outcome["value"])
        assert stored.messages(database, live.id) == before

        proxy.restore()
        wait_until_healthy(server.url)
        retried = post_turn(http, live, text, "turn-2")
        assert retried.status_code == 200, retried.text
        assert retried.json()["messages"][0]["seq"] == len(before) + 1
        assert post_turn(http, live, text, "turn-2").json()["messages"] == retried.json()["messages"]
    after = stored.messages(database, live.id)
    assert [m["text"] for m in after if m["sender"] == "user"] == ["hello", text]
    assert stored.integrity_problems(database) == []


def test_a_silent_database_is_reported_503_not_left_hanging(fresh_postgres, tmp_path):
    with tcp_proxy(upstream(fresh_postgres)) as proxy, \
            running_server(through(proxy, fresh_postgres), workers=2, log_dir=tmp_path) as server:
        http = requests.Session()
        live = create_session(http, server.url)
        proxy.silence()  # connections are accepted and never answered, like a host that vanished
        # Without a connect timeout the worker would wait until gunicorn kills it (an HTML 500).
        assert_unavailable(post_turn(http, live, "hello", "turn-1", timeout=60))
        assert health_status(server.url, timeout=60) == 503

        proxy.restore()
        wait_until_healthy(server.url)
        assert post_turn(http, live, "hello", "turn-1").status_code == 200
        assert server.process.poll() is None


def test_a_service_started_while_its_database_is_down_serves_once_it_is_back(fresh_postgres, tmp_path):
    with tcp_proxy(upstream(fresh_postgres)) as proxy:
        proxy.refuse()
        with running_server(through(proxy, fresh_postgres), workers=2, log_dir=tmp_path,
                            health=(503,)) as server:
            assert_unavailable(requests.post(f"{server.url}/api/sessions"))
            proxy.restore()
            wait_until_healthy(server.url)
            http = requests.Session()
            live = create_session(http, server.url)  # the schema is created on first use
            response = post_turn(http, live, "hello")
            assert response.status_code == 200, response.text
