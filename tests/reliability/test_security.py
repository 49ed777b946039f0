"""Security: unguessable tokens kept only as hashes, sessions invisible to strangers, safe cookies,
protective headers on every response, and nothing internal in any error."""

from __future__ import annotations

import hashlib
import re

import pytest
from flask import Flask
from sqlalchemy import text as sql
from sqlalchemy.exc import IntegrityError

from chatbot.conversations.credentials import browser_key
from chatbot.config import ConfigError
from tests.conftest import app_config
from tests.reliability import stored

URLSAFE = re.compile(r"^[A-Za-z0-9_-]+$")


def test_tokens_come_from_the_secrets_module(client, monkeypatch):
    from chatbot.store import tokens

    drawn: dict[str, int] = {}
    real = tokens.secrets.token_urlsafe

    def spy(nbytes=None):
        value = real(nbytes)
        drawn[value] = nbytes
        return value

    monkeypatch.setattr(tokens.secrets, "token_urlsafe", spy)
    body = client.post("/api/sessions").get_json()
    assert drawn.get(body["token"]) == 32, "the bearer token is 32 bytes from secrets.token_urlsafe"
    assert body["session"]["id"] in drawn


def test_tokens_and_ids_are_long_random_and_distinct(client):
    bodies = [client.post("/api/sessions").get_json() for _ in range(20)]
    tokens = [b["token"] for b in bodies]
    ids = [b["session"]["id"] for b in bodies]
    assert len(set(tokens)) == len(tokens) and len(set(ids)) == len(ids)
    assert all(len(t) >= 43 and URLSAFE.match(t) for t in tokens)  # 32 bytes, base64url
    assert all(len(i) >= 22 and URLSAFE.match(i) for i in ids)  # 16 bytes
    assert not set(tokens) & set(ids)


def test_the_database_holds_only_a_hash_of_the_token(conversation, database_url):
    conversation.turn(f"my token is not {conversation.id}")
    token = conversation.token
    row = stored.conversation(database_url, conversation.id)
    assert row["token_hash"] == hashlib.sha256(token.encode()).hexdigest()
    with stored.connect(database_url) as connection:
        for table in ("conversations", "messages"):
            for record in connection.execute(sql(f"SELECT * FROM {table}")).mappings():
                assert not any(token in str(value) for value in record.values()), f"raw token in {table}"


def test_tokens_are_compared_in_constant_time(conversation, monkeypatch):
    from chatbot.store import tokens

    calls = []
    real = tokens.hmac.compare_digest

    def spy(a, b):
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(tokens.hmac, "compare_digest", spy)
    url = f"/api/sessions/{conversation.id}"
    assert conversation.client.get(url, headers=conversation.headers).status_code == 200
    assert conversation.client.get(url, headers={"Authorization": "Bearer wrong"}).status_code == 404
    assert len(calls) >= 2


def test_someone_elses_session_is_404_with_your_token_or_none(conversation, new_conversation, client,
                                                              database_url):
    stranger = new_conversation()
    url = f"/api/sessions/{conversation.id}"
    unknown = client.get("/api/sessions/AAAAAAAAAAAAAAAAAAAAAA", headers=conversation.headers)
    attempts = {
        "read": lambda h: client.get(url, headers=h),
        "markdown": lambda h: client.get(url + "/transcript", headers=h),
        "json transcript": lambda h: client.get(url + "/transcript?format=json", headers=h),
        "text transcript": lambda h: client.get(url + "/transcript?format=text", headers=h),
        "turn": lambda h: client.post(url + "/messages", json={"text": "hi"}, headers=h),
        "delete": lambda h: client.delete(url, headers=h),
    }
    before = stored.messages(database_url, conversation.id)
    for name, attempt in attempts.items():
        for headers in (stranger.headers, {}, {"Authorization": f"Bearer {conversation.token}x"}):
            response = attempt(headers)
            assert response.status_code == 404, name
            assert response.get_json() == unknown.get_json(), f"{name}: a stranger can tell it exists"
    assert stored.messages(database_url, conversation.id) == before
    assert client.get(url, headers=conversation.headers).status_code == 200


def _cookie_app(app_factory, **overrides) -> Flask:
    app = app_factory(**overrides)

    @app.get("/test-only/bind-browser")
    def _bind():  # the call the web page makes when a browser starts its first session
        browser_key(create=True)
        return "", 204

    return app


def _cookie(app: Flask) -> str:
    response = app.test_client().get("/test-only/bind-browser")
    cookies = response.headers.getlist("Set-Cookie")
    assert cookies, "binding a browser sets a cookie"
    return cookies[0]


def test_the_browser_cookie_is_httponly_and_samesite_lax(app_factory):
    cookie = _cookie(_cookie_app(app_factory))
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert "Secure" not in cookie  # plain http on a laptop must still work


@pytest.mark.parametrize("variable", ["APP_ENV", "FLASK_ENV"])
def test_production_cookies_are_secure_and_the_secret_comes_from_the_environment(
        database_url, engine, monkeypatch, variable):
    from chatbot import create_app

    monkeypatch.setenv(variable, "production")
    monkeypatch.setenv("SECRET_KEY", "a-production-secret-from-the-environment")
    config = {k: v for k, v in app_config(database_url, engine).items() if k != "SECRET_KEY"}
    app = create_app({**config, "TESTING": False})

    @app.get("/test-only/bind-browser")
    def _bind():
        browser_key(create=True)
        return "", 204

    assert app.config["SECRET_KEY"] == "a-production-secret-from-the-environment"
    assert not app.debug
    cookie = _cookie(app)
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert "max-age" in app.test_client().get("/healthz").headers["Strict-Transport-Security"]


@pytest.mark.parametrize("variable", ["APP_ENV", "FLASK_ENV"])
def test_production_refuses_to_start_without_a_secret_key(database_url, engine, monkeypatch, variable):
    from chatbot import create_app

    monkeypatch.setenv(variable, "production")
    monkeypatch.delenv("SECRET_KEY", raising=False)
    config = {k: v for k, v in app_config(database_url, engine).items() if k != "SECRET_KEY"}
    with pytest.raises(ConfigError, match="SECRET_KEY"):
        create_app(config)


def _errors_app(app_factory) -> Flask:
    app = app_factory(TESTING=False, PROPAGATE_EXCEPTIONS=False)

    @app.get("/api/test-only/crash")
    def _crash():
        raise RuntimeError("secret detail: password=hunter2 at /srv/coach/chatbot/store/turns.py")

    @app.get("/api/test-only/integrity")
    def _integrity():
        raise IntegrityError("INSERT INTO messages VALUES (secret)", {"token": "hunter2"},
                             Exception("dup key"))

    @app.get("/test-only/page-crash")
    def _page_crash():
        raise KeyError("hunter2")

    return app


LEAKS = ("Traceback", "hunter2", "RuntimeError", "IntegrityError", "KeyError", "INSERT", ".py", "File \"")


@pytest.mark.parametrize("path", ["/api/test-only/crash", "/api/test-only/integrity"])
def test_internal_errors_answer_a_generic_json_error(app_factory, path):
    response = _errors_app(app_factory).test_client().get(path)
    assert response.status_code == 500
    assert response.get_json() == {"error": {"code": "internal_error",
                                             "message": response.get_json()["error"]["message"]}}
    assert not any(leak in response.get_data(as_text=True) for leak in LEAKS)


def test_internal_errors_on_pages_reveal_nothing(app_factory):
    response = _errors_app(app_factory).test_client().get("/test-only/page-crash")
    assert response.status_code == 500
    assert not any(leak in response.get_data(as_text=True) for leak in LEAKS)


def _assert_protective_headers(response, what: str) -> None:
    headers = response.headers
    csp = headers.get("Content-Security-Policy", "")
    for directive in ("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'"):
        assert directive in csp, what
    assert headers.get("X-Content-Type-Options") == "nosniff", what
    assert headers.get("Referrer-Policy") in {"same-origin", "no-referrer", "strict-origin-when-cross-origin"}, \
        what
    assert headers.get("X-Frame-Options") == "DENY", what


def test_every_kind_of_response_carries_the_protective_headers(app_factory, conversation):
    app = _errors_app(app_factory)
    client = app.test_client()
    created = client.post("/api/sessions").get_json()
    auth = {"Authorization": f"Bearer {created['token']}"}
    sid = created["session"]["id"]
    responses = {
        "page": client.get("/"),
        "health": client.get("/healthz"),
        "created": client.post("/api/sessions"),
        "turn": client.post(f"/api/sessions/{sid}/messages", json={"text": "hi"}, headers=auth),
        "read": client.get(f"/api/sessions/{sid}", headers=auth),
        "download": client.get(f"/api/sessions/{sid}/transcript", headers=auth),
        "questions": client.get("/api/questions"),
        "openapi": client.get("/api/openapi.yaml"),
        "bad request": client.post(f"/api/sessions/{sid}/messages", json={"text": ""}, headers=auth),
        "not found": client.get("/api/sessions/nope"),
        "page not found": client.get("/no-such-page"),
        "wrong method": client.put("/api/sessions"),
        "too large": client.post("/api/sessions", data=b"x" * 70000, content_type="application/json"),
        "not json": client.post("/api/sessions", data=b"x", content_type="text/plain"),
        "internal error": client.get("/api/test-only/crash"),
        "deleted": client.delete(f"/api/sessions/{sid}", headers=auth),
    }
    assert responses["deleted"].status_code == 204
    for what, response in responses.items():
        _assert_protective_headers(response, what)
