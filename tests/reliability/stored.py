"""Reading the database directly, as an auditor would, to check what the service left behind."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Connection
from sqlalchemy.pool import NullPool


@contextmanager
def connect(url: str) -> Iterator[Connection]:
    """A connection of its own (no pool), so nothing lingers once the check is done."""
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as connection:
            yield connection
    finally:
        engine.dispose()


def empty_tables(url: str) -> None:
    """A clean slate on a shared PostgreSQL test database (the schema itself stays)."""
    with connect(url) as connection:
        if connection.execute(text("SELECT to_regclass('public.messages')")).scalar():
            connection.execute(text("TRUNCATE messages, conversations RESTART IDENTITY CASCADE"))
            connection.commit()


def conversation(url: str, public_id: str) -> dict[str, Any] | None:
    with connect(url) as connection:
        row = connection.execute(text(
            "SELECT pk, public_id, token_hash, last_seq, state, updated_at FROM conversations "
            "WHERE public_id = :id"), {"id": public_id}).mappings().first()
        return dict(row) if row else None


def messages(url: str, public_id: str) -> list[dict[str, Any]]:
    """Every stored message of one conversation, in seq order."""
    with connect(url) as connection:
        rows = connection.execute(text(
            "SELECT m.seq, m.turn, m.sender, m.text, m.client_message_id FROM messages m "
            "JOIN conversations c ON c.pk = m.conversation_pk WHERE c.public_id = :id ORDER BY m.seq"),
            {"id": public_id}).mappings().all()
        return [dict(row) for row in rows]


def counts(url: str) -> tuple[int, int]:
    with connect(url) as connection:
        return (connection.execute(text("SELECT count(*) FROM conversations")).scalar_one(),
                connection.execute(text("SELECT count(*) FROM messages")).scalar_one())


def integrity_problems(url: str) -> list[str]:
    """Every way the stored conversations break the turn invariants; empty when all hold.

    Per conversation: seq runs 1..last_seq without gaps; a user message opens its own turn; every bot
    message belongs to the latest user message before it (or to the opening turn); a client message
    id appears at most once.
    """
    problems: list[str] = []
    with connect(url) as connection:
        heads = connection.execute(text("SELECT pk, public_id, last_seq FROM conversations")).all()
        rows = connection.execute(text(
            "SELECT conversation_pk, seq, turn, sender, client_message_id FROM messages "
            "ORDER BY conversation_pk, seq")).all()
    by_conversation: dict[int, list[Any]] = {}
    for row in rows:
        by_conversation.setdefault(row.conversation_pk, []).append(row)
    for pk, public_id, last_seq in heads:
        problems.extend(f"{public_id}: {p}" for p in _turn_problems(by_conversation.pop(pk, []), last_seq))
    problems.extend(f"messages without a conversation (pk {pk})" for pk in by_conversation)
    return problems


def _turn_problems(rows: list[Any], last_seq: int) -> list[str]:
    problems = []
    seqs = [row.seq for row in rows]
    if seqs != list(range(1, last_seq + 1)):
        problems.append(f"seq {seqs} is not 1..{last_seq}")
    current_turn = 1
    for row in rows:
        if row.sender == "user":
            current_turn = row.seq
            if row.turn != row.seq:
                problems.append(f"user message {row.seq} is filed under turn {row.turn}")
        elif row.turn != current_turn:
            problems.append(f"bot message {row.seq} is filed under turn {row.turn}, not {current_turn}")
    ids = [row.client_message_id for row in rows if row.client_message_id is not None]
    if len(ids) != len(set(ids)):
        problems.append("a client_message_id is stored twice")
    return problems
