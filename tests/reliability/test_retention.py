"""Retention: `flask sessions purge --older-than 90d` removes old sessions with every message, and
deleting a session leaves nothing of it behind."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import text as sql
from sqlalchemy import update

from chatbot.store.models import Conversation, utcnow
from tests.reliability import stored


def backdate(database_url: str, session_id: str, days: int) -> None:
    """Age a session through the model's own column types, as if it had been left alone for `days`."""
    table = Conversation.__table__
    when = utcnow() - timedelta(days=days)
    with stored.connect(database_url) as connection:
        connection.execute(update(table).where(table.c.public_id == session_id)
                           .values(updated_at=when, created_at=when))
        connection.commit()


def test_purge_removes_sessions_untouched_for_longer_than_the_age(runner, new_conversation, database_url):
    old, borderline, recent = new_conversation(), new_conversation(), new_conversation()
    for conversation in (old, borderline, recent):
        conversation.turn("how long does the move take?")
    backdate(database_url, old.id, 120)
    backdate(database_url, borderline.id, 89)

    result = runner.invoke(args=["sessions", "purge", "--older-than", "90d"])
    assert result.exit_code == 0, result.output
    assert "removed 1 session" in result.output

    assert stored.conversation(database_url, old.id) is None
    assert stored.messages(database_url, old.id) == []
    for kept in (borderline, recent):
        assert len(stored.messages(database_url, kept.id)) == len(kept.transcript)
    assert old.client.get(f"/api/sessions/{old.id}", headers=old.headers).status_code == 404
    assert stored.counts(database_url)[1] == len(borderline.transcript) + len(recent.transcript)
    assert stored.integrity_problems(database_url) == []


def test_a_session_in_use_is_not_purged(runner, conversation, database_url):
    backdate(database_url, conversation.id, 200)
    conversation.turn("hello again")  # a new turn counts as use
    result = runner.invoke(args=["sessions", "purge", "--older-than", "90d"])
    assert result.exit_code == 0 and "removed 0 session" in result.output
    assert stored.conversation(database_url, conversation.id) is not None


@pytest.mark.parametrize("age", ["90", "soon", "-5d", "90x", ""])
def test_purge_refuses_an_unreadable_age_and_removes_nothing(runner, conversation, database_url, age):
    backdate(database_url, conversation.id, 400)
    result = runner.invoke(args=["sessions", "purge", "--older-than", age])
    assert result.exit_code != 0
    assert stored.conversation(database_url, conversation.id) is not None


def test_deleting_a_session_removes_everything_about_it_and_nothing_else(new_conversation, database_url,
                                                                         client):
    doomed, neighbour = new_conversation(), new_conversation()
    for conversation in (doomed, neighbour):
        conversation.turn("practice")
        conversation.turn("I would package the model in Docker and serve it behind an API.")
    pk = stored.conversation(database_url, doomed.id)["pk"]

    assert client.delete(f"/api/sessions/{doomed.id}", headers=doomed.headers).status_code == 204

    with stored.connect(database_url) as connection:
        assert connection.execute(sql("SELECT count(*) FROM messages WHERE conversation_pk = :pk"),
                                  {"pk": pk}).scalar_one() == 0
        rows = connection.execute(sql("SELECT public_id, token_hash FROM conversations")).all()
    assert [r.public_id for r in rows] == [neighbour.id]
    for path in ("", "/transcript", "/transcript?format=json"):
        assert client.get(f"/api/sessions/{doomed.id}{path}", headers=doomed.headers).status_code == 404
    assert client.post(f"/api/sessions/{doomed.id}/messages", json={"text": "hi"},
                       headers=doomed.headers).status_code == 404
    assert client.delete(f"/api/sessions/{doomed.id}", headers=doomed.headers).status_code == 404
    assert len(stored.messages(database_url, neighbour.id)) == len(neighbour.transcript)
