"""A small HTTP client for the running service that retries the way a careful client would."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import requests

TIMEOUT = 60
RETRYABLE_STATUS = {502, 503, 504}
# A worker dying mid-request cuts the connection before or during the response.
CUT_OFF = (requests.ConnectionError, requests.exceptions.ChunkedEncodingError)


@dataclass
class LiveSession:
    base: str
    id: str
    token: str
    opening: list[dict[str, Any]]
    failed_attempts: int = 0
    received: list[dict[str, Any]] = field(default_factory=list)

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    @property
    def messages_url(self) -> str:
        return f"{self.base}/api/sessions/{self.id}/messages"


def create_session(http: requests.Session, base: str, attempts: int = 1, pause: float = 0.25) -> LiveSession:
    """A new session; with attempts > 1 a cut-off creation is tried again (leaving at most an unused one)."""
    for attempt in range(1, attempts + 1):
        try:
            response = http.post(f"{base}/api/sessions", timeout=TIMEOUT)
        except CUT_OFF:
            if attempt == attempts:
                raise
            time.sleep(pause)
            continue
        assert response.status_code == 201, response.text
        body = response.json()
        return LiveSession(base, body["session"]["id"], body["token"], body["messages"])
    raise AssertionError("unreachable")


def post_turn(http: requests.Session, session: LiveSession, text: str,
              client_message_id: str | None = None, timeout: float = TIMEOUT) -> requests.Response:
    body: dict[str, Any] = {"text": text}
    if client_message_id is not None:
        body["client_message_id"] = client_message_id
    return http.post(session.messages_url, json=body, headers=session.headers, timeout=timeout)


def send_until_stored(http: requests.Session, session: LiveSession, text: str, client_message_id: str,
                      attempts: int = 8, pause: float = 0.25) -> list[dict[str, Any]]:
    """Send one turn, retrying with the same client_message_id after a dropped connection or a 503."""
    for _ in range(attempts):
        try:
            response = post_turn(http, session, text, client_message_id)
        except CUT_OFF:
            session.failed_attempts += 1
            time.sleep(pause)
            continue
        if response.status_code in RETRYABLE_STATUS:
            session.failed_attempts += 1
            time.sleep(pause)
            continue
        assert response.status_code == 200, response.text
        messages = response.json()["messages"]
        session.received.extend(messages)
        return messages
    raise AssertionError(f"turn {client_message_id!r} was not stored after {attempts} attempts")


def stored_messages(http: requests.Session, session: LiveSession) -> list[dict[str, Any]]:
    response = http.get(f"{session.base}/api/sessions/{session.id}", headers=session.headers, timeout=TIMEOUT)
    assert response.status_code == 200, response.text
    return response.json()["messages"]


def in_background(target: Callable[..., Any], *args: Any) -> Callable[[], dict[str, Any]]:
    """Run target(*args) in a thread; the returned function waits for it and gives
    {"value": result} or {"error": exception}, since the outcome under test may be a cut connection."""
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            outcome["value"] = target(*args)
        except requests.RequestException as error:
            outcome["error"] = error

    thread = threading.Thread(target=run, daemon=True)
    thread.start()

    def join(timeout: float = 60.0) -> dict[str, Any]:
        thread.join(timeout)
        assert not thread.is_alive(), "the request never finished"
        return outcome

    return join
