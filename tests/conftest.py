"""Shared fixtures: the engine (loaded once), an app per backend, clients and a turn() helper.

Persistence and API tests run on SQLite always, and on PostgreSQL too when TEST_DATABASE_URL is set:
a throwaway database is created for the run and dropped at the end.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from tests.databases import PG_ENV, throwaway_postgres

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
INTENTS_DIR = ROOT / "intents"


def backends() -> list[str]:
    return ["sqlite", "postgresql"] if os.environ.get(PG_ENV) else ["sqlite"]


@pytest.fixture(scope="session")
def engine():
    """The real dialogue engine over the shipped content, loaded once per run."""
    from chatbot.dialogue import Engine

    return Engine.load(DATA_DIR, INTENTS_DIR)


@pytest.fixture(scope="session")
def knowledge(engine):
    return engine.knowledge


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A database of its own for this run, on the server TEST_DATABASE_URL points at."""
    with throwaway_postgres("coach_test") as url:
        yield url.render_as_string(hide_password=False)


def _database_url(request, backend: str, tmp_path: Path) -> str:
    if backend == "sqlite":
        return f"sqlite:///{tmp_path / 'coach.sqlite3'}"
    url = request.getfixturevalue("postgres_url")
    _empty_postgres(url)
    return url


@pytest.fixture(params=backends())
def database_url(request, tmp_path) -> str:
    return _database_url(request, request.param, tmp_path)


@pytest.fixture(params=["memory", *backends()])
def conversations(request, engine, tmp_path):
    """The conversation service on each store: memory, and the app's database on every backend."""
    from chatbot.conversations import Conversations
    from chatbot.store import MemoryStore

    if request.param == "memory":
        yield Conversations(engine, MemoryStore())
        return
    from chatbot import create_app
    from chatbot.conversations.current import coach_conversations
    from chatbot.extensions import db

    app = create_app(app_config(_database_url(request, request.param, tmp_path), engine))
    with app.app_context():
        yield coach_conversations()
        db.engine.dispose()


def _empty_postgres(url: str) -> None:
    """Each test starts from empty tables; the schema itself is kept between tests."""
    eng = create_engine(url)
    with eng.begin() as connection:
        exists = connection.execute(text("SELECT to_regclass('public.messages')")).scalar()
        if exists:
            connection.execute(text("TRUNCATE messages, conversations RESTART IDENTITY CASCADE"))
    eng.dispose()


def app_config(database_url: str, engine, **overrides: Any) -> dict[str, Any]:
    return {
        "TESTING": True,
        "SQLALCHEMY_DATABASE_URI": database_url,
        "SQLALCHEMY_ENGINE_OPTIONS": _engine_options(database_url),
        "RATELIMIT_ENABLED": False,
        "ENGINE": engine,
        "SECRET_KEY": "test-secret",
        **overrides,
    }


def _engine_options(url: str) -> dict[str, Any]:
    from chatbot.config import engine_options

    return engine_options(url)


@pytest.fixture
def app_factory(database_url, engine):
    """Build an app on this test's database with extra config; disposes its pool afterwards."""
    from chatbot import create_app
    from chatbot.extensions import db

    made = []

    def make(**overrides: Any):
        app = create_app(app_config(database_url, engine, **overrides))
        made.append(app)
        return app

    yield make
    for app in made:
        with app.app_context():
            db.engine.dispose()


@pytest.fixture
def app(app_factory):
    return app_factory()


@pytest.fixture
def web_app(database_url):
    """An app whose engine follows a short script, so page tests do not depend on content wording."""
    from browser.scripted import dispose, scripted_app

    app = scripted_app(database_url)
    yield app
    dispose(app)


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@dataclass
class Conversation:
    """A session created through the API, with a turn() helper that returns the bot's replies."""

    client: Any
    id: str
    token: str
    opening: list[dict[str, Any]]
    transcript: list[dict[str, Any]] = field(default_factory=list)

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    def send(self, text: str, **extra: Any):
        return self.client.post(f"/api/sessions/{self.id}/messages", json={"text": text, **extra},
                                headers=self.headers)

    def turn(self, text: str) -> list[dict[str, Any]]:
        response = self.send(text)
        assert response.status_code == 200, response.get_json()
        messages = response.get_json()["messages"]
        self.transcript.extend(messages)
        return [m for m in messages if m["sender"] == "bot"]

    def reply(self, text: str) -> dict[str, Any]:
        """The last bot message of a turn (where questions and feedback appear)."""
        return self.turn(text)[-1]


@pytest.fixture
def conversation(client) -> Conversation:
    response = client.post("/api/sessions")
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    return Conversation(client, body["session"]["id"], body["token"], body["messages"], list(body["messages"]))


@pytest.fixture
def new_conversation(client):
    def make(**body: Any) -> Conversation:
        response = client.post("/api/sessions", json=body) if body else client.post("/api/sessions")
        assert response.status_code == 201, response.get_json()
        data = response.get_json()
        return Conversation(client, data["session"]["id"], data["token"], data["messages"], list(data["messages"]))

    return make
