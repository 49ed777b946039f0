"""Rate limits (Flask-Limiter): per client address and per session, configurable, counted in memory or
in Redis; an exceeded limit answers 429 with Retry-After and the JSON error shape.

The Redis tests use TEST_REDIS_URL (default redis://127.0.0.1:6379/15, a database kept for tests). They
are skipped when Redis does not answer, except in CI (CI=true), where that is a failure.
"""

from __future__ import annotations

import os
import random
import time
import uuid

import pytest
import requests

from tests.reliability.live import create_session, post_turn
from tests.reliability.tcp_proxy import tcp_proxy
from tests.servers import running_server

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def redis_or_skip() -> str:
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.RedisError as error:
        if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
            pytest.fail(f"Redis at {REDIS_URL} is required in CI: {error}")
        pytest.skip(f"Redis at {REDIS_URL} does not answer")
    return REDIS_URL


@pytest.fixture(params=["memory", "redis"])
def storage_uri(request) -> str:
    return "memory://" if request.param == "memory" else redis_or_skip()


@pytest.fixture
def limited(app_factory, storage_uri):
    """An app with rate limits on, counted in the storage under test."""

    def make(per_client: str = "1000 per minute", per_session: str = "1000 per minute"):
        return app_factory(RATELIMIT_ENABLED=True, RATELIMIT_STORAGE_URI=storage_uri,
                           RATELIMIT_DEFAULT=per_client, RATELIMIT_SESSION=per_session)

    return make


def an_address() -> str:
    """A client address of this test alone, so counters left in Redis by other runs never interfere."""
    return "10.{}.{}.{}".format(*random.sample(range(1, 255), 3))


def assert_rate_limited(response, window: int = 60) -> None:
    assert response.status_code == 429
    assert response.get_json()["error"]["code"] == "rate_limited"
    assert set(response.get_json()["error"]) == {"code", "message"}
    retry_after = int(response.headers["Retry-After"])
    assert 0 <= retry_after <= window
    assert response.headers.get("X-Content-Type-Options") == "nosniff"


def test_a_client_over_its_limit_gets_429_while_others_go_on(limited):
    client = limited(per_client="5 per minute").test_client()
    me, someone_else = an_address(), an_address()
    for _ in range(5):
        assert client.get("/api/questions", environ_base={"REMOTE_ADDR": me}).status_code == 200
    assert_rate_limited(client.get("/api/questions", environ_base={"REMOTE_ADDR": me}))
    assert client.get("/api/questions", environ_base={"REMOTE_ADDR": someone_else}).status_code == 200


def test_turns_over_the_session_limit_get_429_and_store_nothing(limited):
    client = limited(per_session="3 per minute").test_client()
    env = {"REMOTE_ADDR": an_address()}
    created = [client.post("/api/sessions", environ_base=env).get_json() for _ in range(2)]
    (busy, auth), (calm, calm_auth) = [(c["session"]["id"], {"Authorization": f"Bearer {c['token']}"})
                                       for c in created]
    for n in range(3):
        response = client.post(f"/api/sessions/{busy}/messages", json={"text": f"hi {n}"}, headers=auth,
                               environ_base=env)
        assert response.status_code == 200
    read = client.get(f"/api/sessions/{busy}", headers=auth, environ_base=env)
    stored_before = len(read.get_json()["messages"])
    assert_rate_limited(client.post(f"/api/sessions/{busy}/messages", json={"text": "more"}, headers=auth,
                                    environ_base=env))
    # keyed by the session, not the address: moving elsewhere does not help
    assert_rate_limited(client.post(f"/api/sessions/{busy}/messages", json={"text": "more"}, headers=auth,
                                    environ_base={"REMOTE_ADDR": an_address()}))
    after = client.get(f"/api/sessions/{busy}", headers=auth, environ_base=env).get_json()["messages"]
    assert len(after) == stored_before
    assert client.post(f"/api/sessions/{calm}/messages", json={"text": "hi"}, headers=calm_auth,
                       environ_base=env).status_code == 200


def test_turns_count_toward_the_client_limit_too(limited):
    """Opening many sessions must not multiply a client's allowance (the client limit is per endpoint)."""
    client = limited(per_client="3 per minute").test_client()
    env = {"REMOTE_ADDR": an_address()}
    created = [client.post("/api/sessions", environ_base=env).get_json() for _ in range(3)]
    statuses = []
    for n in range(6):
        target = created[n % 3]
        statuses.append(client.post(f"/api/sessions/{target['session']['id']}/messages", json={"text": "hi"},
                                    headers={"Authorization": f"Bearer {target['token']}"},
                                    environ_base=env).status_code)
    assert statuses == [200, 200, 200, 429, 429, 429]


def test_limits_off_means_no_429(app_factory):
    client = app_factory(RATELIMIT_ENABLED=False, RATELIMIT_DEFAULT="2 per minute").test_client()
    assert all(client.get("/api/questions").status_code == 200 for _ in range(6))


def test_health_checks_are_never_limited(limited):
    client = limited(per_client="2 per minute").test_client()
    env = {"REMOTE_ADDR": an_address()}
    assert all(client.get("/healthz", environ_base=env).status_code == 200 for _ in range(6))


def test_redis_holds_the_counters(app_factory):
    import redis

    redis_uri = redis_or_skip()
    app = app_factory(RATELIMIT_ENABLED=True, RATELIMIT_STORAGE_URI=redis_uri,
                      RATELIMIT_DEFAULT="50 per minute")
    address = an_address()
    app.test_client().get("/api/questions", environ_base={"REMOTE_ADDR": address})
    assert redis.Redis.from_url(redis_uri).keys(f"*{address}*"), "the request was not counted in Redis"


def test_the_api_keeps_answering_and_limiting_while_redis_is_away(app_factory):
    import redis

    target = redis.Redis.from_url(redis_or_skip())
    where = target.connection_pool.connection_kwargs
    with tcp_proxy((where["host"], where["port"])) as proxy:
        through_proxy = f"redis://127.0.0.1:{proxy.port}/{where.get('db', 0)}"
        client = app_factory(RATELIMIT_ENABLED=True, RATELIMIT_STORAGE_URI=through_proxy,
                             RATELIMIT_DEFAULT="4 per minute").test_client()
        before, during, after = an_address(), an_address(), an_address()
        assert client.get("/api/questions", environ_base={"REMOTE_ADDR": before}).status_code == 200
        assert target.keys(f"*{before}*")

        proxy.refuse()
        statuses = [client.get("/api/questions", environ_base={"REMOTE_ADDR": during}).status_code
                    for _ in range(5)]
        assert statuses == [200, 200, 200, 200, 429], "limits are counted in memory meanwhile"

        proxy.restore()
        deadline = time.monotonic() + 15  # the limiter looks for Redis again after a short back-off
        while not target.keys(f"*{after}*") and time.monotonic() < deadline:
            assert client.get("/api/questions", environ_base={"REMOTE_ADDR": after}).status_code in {200, 429}
            time.sleep(0.5)
        assert target.keys(f"*{after}*"), "counting did not go back to Redis"


@pytest.mark.slow
def test_one_session_limit_holds_across_workers_through_redis(tmp_path):
    """Two gunicorn workers count one session's turns together, so the limit is exact, not per worker."""
    redis_uri = redis_or_skip()
    env = {"RATELIMIT_ENABLED": "true", "RATELIMIT_STORAGE_URI": redis_uri,
           "RATELIMIT_SESSION": "4 per minute", "RATELIMIT_DEFAULT": "1000 per minute"}
    with running_server(f"sqlite:///{tmp_path / 'limits.sqlite3'}", workers=2, env=env,
                        log_dir=tmp_path) as server:
        http = requests.Session()
        live = create_session(http, server.url)
        statuses = [post_turn(http, live, f"turn {n}", f"{uuid.uuid4()}").status_code for n in range(8)]
        assert statuses == [200] * 4 + [429] * 4
        limited_response = post_turn(http, live, "again")
        assert limited_response.json()["error"]["code"] == "rate_limited"
        assert int(limited_response.headers["Retry-After"]) <= 60
