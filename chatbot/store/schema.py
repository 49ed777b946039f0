"""Bringing a database to the current schema on start-up, safely when several workers start at once."""

from __future__ import annotations

import fcntl
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from flask import current_app, has_app_context
from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import OperationalError

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"
ADVISORY_LOCK_ID = 7_318_042_611  # any constant shared by every worker of this service
SCHEMA_PENDING = "coach_schema_pending"  # app.extensions flag: migrations still to run on first use
log = logging.getLogger(__name__)


def alembic_config(connection: Connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


@contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _sqlite_file(engine: Engine) -> Path | None:
    database = engine.url.database
    return Path(database) if database and database != ":memory:" else None


def ensure_schema(engine: Engine) -> bool:
    """Run pending migrations under a lock, so racing workers apply each one exactly once.

    Inside an app, an unreachable database does not stop the start: gunicorn shuts the whole server
    down when one worker fails to boot, so a worker replaced during an outage would take the service
    with it. The app starts instead, answers 503 meanwhile, and its first transaction migrates.
    Returns whether the schema is current.
    """
    try:
        _migrate(engine)
    except OperationalError as error:
        if not has_app_context():
            raise
        log.error("database unreachable at start; migrations deferred to first use: %s", error.orig)
        current_app.extensions[SCHEMA_PENDING] = True
        return False
    if has_app_context():
        current_app.extensions.pop(SCHEMA_PENDING, None)
    return True


def _migrate(engine: Engine) -> None:
    if engine.dialect.name == "postgresql":
        with engine.connect() as connection:
            connection.execute(text("SELECT pg_advisory_lock(:id)"), {"id": ADVISORY_LOCK_ID})
            connection.commit()  # the lock belongs to the connection and outlives this transaction
            try:
                with connection.begin():
                    command.upgrade(alembic_config(connection), "head")
            finally:
                connection.execute(text("SELECT pg_advisory_unlock(:id)"), {"id": ADVISORY_LOCK_ID})
                connection.commit()
        return
    database = _sqlite_file(engine)
    if database is not None:
        database.parent.mkdir(parents=True, exist_ok=True)
        with _file_lock(database.with_name(database.name + ".migrate-lock")):
            _upgrade(engine)
    else:
        _upgrade(engine)


def _upgrade(engine: Engine) -> None:
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "head")
