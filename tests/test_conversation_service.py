"""The conversation service behaves the same on every store: the database (each backend) and memory."""

from __future__ import annotations

from typing import Any

import pytest

from chatbot.conversations import Conversations
from chatbot.errors import ApiError
from chatbot.store import Access, MemoryStore


def opened(service: Conversations, browser_key: str | None = None) -> tuple[str, Access]:
    made = service.open(None, browser_key)
    assert made.messages and all(m["sender"] == "bot" for m in made.messages)
    return made.session["id"], Access(token=made.token)


def test_a_turn_stores_the_message_and_replies_in_order(conversations):
    service = conversations
    session_id, access = opened(conversations)
    turn = service.turn(session_id, access, "  how long does the move take?  ")
    assert turn[0]["sender"] == "user" and turn[0]["text"] == "how long does the move take?"
    assert len(turn) > 1 and all(m["sender"] == "bot" for m in turn[1:])
    session, messages = service.read(session_id, access)
    assert [m["seq"] for m in messages] == list(range(1, len(messages) + 1))
    assert messages[-len(turn):] == turn
    assert session["title"] == "how long does the move take?"


def test_a_retry_returns_the_stored_turn_and_adds_nothing(conversations):
    service = conversations
    session_id, access = opened(conversations)
    first = service.turn(session_id, access, "what do ML engineers earn?", "retry-1")
    again = service.turn(session_id, access, "what do ML engineers earn?", "retry-1")
    assert again == first
    assert len(service.read(session_id, access)[1]) == len(first) + 1  # the opening greeting, then one turn


def test_someone_else_cannot_read_write_or_delete(conversations):
    service = conversations
    session_id, _access = opened(conversations)
    stranger = Access(token="not-the-token")
    for attempt in (lambda: service.read(session_id, stranger),
                    lambda: service.turn(session_id, stranger, "hello"),
                    lambda: service.delete(session_id, stranger)):
        with pytest.raises(ApiError) as caught:
            attempt()
        assert caught.value.status == 404


@pytest.mark.parametrize("text, code", [("   ", "invalid_text"), ("x" * 4001, "text_too_long"), (None, "invalid_text")])
def test_bad_text_is_refused_and_changes_nothing(conversations, text, code):
    service = conversations
    session_id, access = opened(conversations)
    before = service.read(session_id, access)
    with pytest.raises(ApiError) as caught:
        service.turn(session_id, access, text)
    assert caught.value.code == code
    assert service.read(session_id, access) == before


def test_deleted_conversations_are_gone(conversations):
    service = conversations
    session_id, access = opened(conversations)
    service.delete(session_id, access)
    with pytest.raises(ApiError):
        service.read(session_id, access)


def test_a_browser_lists_its_own_conversations_newest_first_with_scores(conversations):
    service = conversations
    mine_first, mine = opened(conversations, browser_key="browser-a")
    mine_second, _ = opened(conversations, browser_key="browser-a")
    opened(conversations, browser_key="browser-b")
    service.turn(mine_first, mine, "practice")
    listed = service.listed("browser-a")
    assert [row["id"] for row in listed] == [mine_first, mine_second]
    assert listed[0]["message_count"] > listed[1]["message_count"]
    assert service.listed(None) == []


class Interleaving:
    """An engine whose first answer is slow enough for another turn to land before the lock is taken."""

    def __init__(self, real: Any, service_ref: list[Conversations], session: tuple[str, Access]) -> None:
        self.real, self.service_ref, self.session, self.calls = real, service_ref, session, 0

    @property
    def knowledge(self) -> Any:
        return self.real.knowledge

    def transitions(self) -> list[str]:
        return self.real.transitions()

    def open(self, transition: str | None) -> Any:
        return self.real.open(transition)

    def respond(self, state: dict[str, Any], text: str) -> Any:
        self.calls += 1
        if self.calls == 1:  # while this turn is "thinking", another one is stored
            self.service_ref[0].turn(*self.session, "I'm on 60k")
        return self.real.respond(state, text)


def test_a_turn_that_lost_a_race_is_worked_out_again_from_the_newer_state(engine):
    store = MemoryStore()
    plain = Conversations(engine, store)
    session = opened(plain)
    racing = Interleaving(engine, [plain], session)
    service = Conversations(racing, store)
    turn = service.turn(*session, "what do you know about me")
    assert racing.calls == 2  # its own first try, then its redo under the lock from the newer state
    assert "£60,000" in " ".join(m["text"] for m in turn[1:])
    messages = service.read(*session)[1]
    assert [m["text"] for m in messages if m["sender"] == "user"] == ["I'm on 60k", "what do you know about me"]


def test_a_failing_turn_stores_nothing(engine):
    store = MemoryStore()
    service = Conversations(engine, store)
    session = opened(service)
    before = service.read(*session)

    class Failing(Interleaving):
        def respond(self, state: dict[str, Any], text: str) -> Any:
            self.calls += 1
            if self.calls == 1:
                service.turn(*self.session, "hello")
                return self.real.respond(state, text)
            raise RuntimeError("the engine failed under the lock")

    failing = Conversations(Failing(engine, [service], session), store)
    with pytest.raises(RuntimeError):
        failing.turn(*session, "what do ML engineers earn?")
    after = service.read(*session)[1]
    assert len(after) > len(before[1])  # the other turn is kept
    assert "what do ML engineers earn?" not in [m["text"] for m in after]
