"""Throwaway databases for one run: a SQLite file in a temporary folder, or bench_<random> on PostgreSQL.

The shared PostgreSQL server is only ever asked to create and drop our own databases.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

POSTGRES_ENV = "BENCH_POSTGRES_URL"
POSTGRES_DEFAULT = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"


def postgres_admin_url() -> str:
    return os.environ.get(POSTGRES_ENV) or POSTGRES_DEFAULT


def postgres_version() -> str | None:
    """The server's version string, or None when no server answers (the PostgreSQL runs are skipped)."""
    engine = create_engine(postgres_admin_url())
    try:
        with engine.connect() as connection:
            return connection.execute(text("SHOW server_version")).scalar()
    except SQLAlchemyError:
        return None
    finally:
        engine.dispose()


@contextmanager
def throwaway(backend: str, folder: Path) -> Iterator[str]:
    """A fresh, empty database URL for `backend` ("sqlite" or "postgresql"), removed afterwards."""
    if backend == "sqlite":
        path = folder / f"bench_{secrets.token_hex(4)}.sqlite3"
        try:
            yield f"sqlite:///{path}"
        finally:
            for leftover in folder.glob(path.name + "*"):
                leftover.unlink(missing_ok=True)
        return
    admin_url = make_url(postgres_admin_url())
    name = f"bench_{secrets.token_hex(6)}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield admin_url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
