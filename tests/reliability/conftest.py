"""Fixtures for the reliability tests: throwaway PostgreSQL databases of their own."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url

PG_ENV = "TEST_DATABASE_URL"


@pytest.fixture
def fresh_postgres() -> Iterator[URL]:
    """An empty database (no schema yet) on the TEST_DATABASE_URL server, dropped afterwards."""
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip("TEST_DATABASE_URL is not set")
    url = make_url(base)
    name = f"coach_rel_{uuid.uuid4().hex[:10]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield url.set(database=name)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
