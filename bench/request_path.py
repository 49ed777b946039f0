"""The request path in process: service and floor turns one at a time through Flask's test client.

No concurrency, no sockets, no load generator: what one turn costs each app on the same database,
which sets the HTTP ratio in plain numbers (and is what the HTTP profile runs).
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.corpus import Corpus
from bench.databases import throwaway
from bench.timing import summarise

Item = tuple[tuple[str, dict[str, str]], str]  # ((turn path, headers), text)
STEP = "bench_step"  # where the replaying engine keeps its place in the recorded conversation


@dataclass(frozen=True)
class Routes:
    create: str
    turn: str  # with "{id}"


SERVICE = Routes("/api/sessions", "/api/sessions/{id}/messages")
FLOOR = Routes("/sessions", "/sessions/{id}/messages")


@contextmanager
def environment(**values: str) -> Iterator[None]:
    """Set environment variables for an app factory, then put back what was there."""
    saved = {key: os.environ.get(key) for key in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


@dataclass(frozen=True)
class StandIn:
    """What the service asks of an engine besides turns, answered by the real one."""

    real: Any

    @property
    def knowledge(self) -> Any:
        return self.real.knowledge

    def transitions(self) -> list[str]:
        return self.real.transitions()


@dataclass(frozen=True)
class EchoEngine(StandIn):
    """The real engine's knowledge and opening, but every turn answered by echoing the text.

    Served by the real service, it isolates what the service's own layers (API, store, its tables)
    cost beyond the floor, apart from what understanding and composing replies cost.
    """

    def open(self, transition: str | None):
        return self.real.open(transition)

    def respond(self, state: dict[str, Any], text: str):
        from chatbot.dialogue import Reply, Turn

        minimal = {"v": state.get("v", 1), "transition": state.get("transition")}
        return Turn(minimal, (Reply(text, "fallback"),))


@dataclass(frozen=True)
class ReplayEngine(StandIn):
    """The real engine's replies and states for the conversation, recorded once and handed back in turn.

    The service then stores exactly what it stores for real, without composing anything: the
    difference from the real service is the engine's own time, and from the echo, the weight of what
    the engine returns (replies, feedback, state) on its way through the store and the database.
    """

    turns: tuple[Any, ...]

    @classmethod
    def record(cls, real: Any, conversation: list[str]) -> ReplayEngine:
        state, turns = real.open(None).state, []
        for text in conversation:
            turn = real.respond(state, text)
            turns.append(turn)
            state = turn.state
        return cls(real, tuple(turns))

    def open(self, transition: str | None):
        opening = self.real.open(transition)
        return type(opening)({**opening.state, STEP: 0}, opening.replies)

    def respond(self, state: dict[str, Any], text: str):
        step = int(state.get(STEP, 0))
        recorded = self.turns[step % len(self.turns)]
        return type(recorded)({**recorded.state, STEP: step + 1}, recorded.replies)


@contextmanager
def apps(backend: str, conversation: list[str]) -> Iterator[dict[str, Any]]:
    """The service, the service replaying recorded turns, the service with an echoing engine, and the
    floor, each on its own throwaway `backend` database; their pools are closed afterwards."""
    from chatbot import create_app
    from chatbot.dialogue import Engine
    from chatbot.extensions import db as service_db

    from bench import DATA_DIR, INTENTS_DIR
    from bench.floor_app import create_app as create_floor, create_schema, db as floor_db

    engine = Engine.load(DATA_DIR, INTENTS_DIR)
    engines = {"service": engine, "replay": ReplayEngine.record(engine, conversation),
               "echo": EchoEngine(engine)}
    with tempfile.TemporaryDirectory(prefix="bench-inprocess-") as tmp, ExitStack() as stack:
        urls = {name: stack.enter_context(throwaway(backend, Path(tmp))) for name in [*engines, "floor"]}
        made = {}
        for name, chosen in engines.items():
            with environment(DATABASE_URL=urls[name], RATELIMIT_ENABLED="false"):
                made[name] = (create_app({"ENGINE": chosen}), service_db)
        create_schema(urls["floor"])
        made["floor"] = (create_floor(urls["floor"]), floor_db)
        try:
            yield {name: app for name, (app, _) in made.items()}
        finally:
            for app, db in made.values():
                with app.app_context():
                    db.engine.dispose()


def turn_inputs(client, routes: Routes, conversation: list[str], turns: int) -> list[Item]:
    """`turns` turns walking the conversation, a fresh session for each pass through it."""
    sessions = []
    for _ in range(turns // len(conversation) + 1):
        created = client.post(routes.create, json={}).get_json()
        sessions.append((routes.turn.format(id=created["session"]["id"]),
                         {"Authorization": f"Bearer {created['token']}"}))
    return [(sessions[n // len(conversation)], conversation[n % len(conversation)]) for n in range(turns)]


def poster(client):
    def post(item: Item) -> None:
        (path, headers), text = item
        response = client.post(path, json={"text": text}, headers=headers)
        if response.status_code != 200:
            raise RuntimeError(f"{path} answered {response.status_code}")

    return post


def _timed(post, items: list[Item]) -> list[int]:
    samples = []
    for item in items:
        start = time.perf_counter_ns()
        post(item)
        samples.append(time.perf_counter_ns() - start)
    return samples


def measure(backend: str, corpus: Corpus, turns: int, rounds: int = 2) -> dict[str, Any]:
    """Per-turn cost of the service, its replaying and echoing variants, and the floor, in alternating
    blocks so drift falls on all of them."""
    conversation = corpus.conversation()
    samples: dict[str, list[int]] = {"service": [], "replay": [], "echo": [], "floor": []}
    with apps(backend, conversation) as made:
        clients = {name: (made[name].test_client(), FLOOR if name == "floor" else SERVICE)
                   for name in samples}
        for name, (client, routes) in clients.items():  # warm-up
            _timed(poster(client), turn_inputs(client, routes, conversation, len(conversation)))
        for _ in range(rounds):
            for name, (client, routes) in clients.items():
                samples[name] += _timed(poster(client), turn_inputs(client, routes, conversation, turns))
    return {name: summarise(values).to_dict() for name, values in samples.items()}
