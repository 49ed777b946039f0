"""The one place that begins and commits: every store function runs inside `transaction()`."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from flask import current_app
from sqlalchemy import Select
from sqlalchemy.orm import Session

from chatbot.extensions import db
from chatbot.store.schema import SCHEMA_PENDING, ensure_schema
from chatbot.store.sqlite import READ_ONLY


@contextmanager
def transaction(read_only: bool = False, glance: bool = False) -> Iterator[Session]:
    """One unit of work. `read_only` ones skip SQLite's write lock, so they never queue behind turns.

    A `glance` is a read whose every value is checked again under the lock before anything is written
    (a turn's snapshot): on PostgreSQL it runs without BEGIN and COMMIT, one round trip per statement."""
    if current_app.extensions.get(SCHEMA_PENDING):  # the database was away when this worker started
        ensure_schema(db.engine)
    session = db.session()
    if session.in_transaction():
        # Only a stray read can have opened one (nothing outside the store writes); end it so this
        # unit of work starts from a clean, current snapshot.
        session.rollback()
    with session.begin():
        if read_only or glance:
            options: dict[str, Any] = {READ_ONLY: True}
            if glance and db.engine.dialect.name == "postgresql":
                options["isolation_level"] = "AUTOCOMMIT"
            session.connection(execution_options=options)
        yield session


def locking(statement: Select[Any]) -> Select[Any]:
    """Row lock on PostgreSQL (SQLite's BEGIN IMMEDIATE already serialises writers), and values read
    afresh even when this session already holds the row from an earlier transaction."""
    statement = statement.execution_options(populate_existing=True)
    if db.engine.dialect.name == "postgresql":
        return statement.with_for_update()
    return statement
