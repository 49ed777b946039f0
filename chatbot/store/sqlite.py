"""SQLite tuning: WAL, foreign keys, and write-locking transactions so concurrent turns queue, not fail."""

from __future__ import annotations

from sqlalchemy import event
from sqlalchemy.engine import Engine

READ_ONLY = "coach_read_only"  # execution option: a transaction that only reads need not take the lock


def configure_sqlite(engine: Engine) -> None:
    """Take the write lock when a transaction begins (BEGIN IMMEDIATE).

    A deferred transaction that reads and then writes can fail with "database is locked" without
    waiting when another writer got in between; taking the lock up front makes turns queue instead.
    """
    if engine.dialect.name != "sqlite":
        return

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None  # let the events below own BEGIN/COMMIT
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:
        read_only = connection.get_execution_options().get(READ_ONLY, False)
        connection.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")
