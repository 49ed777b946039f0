"""Fixtures for the reliability tests: throwaway PostgreSQL databases of their own."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy.engine import URL

from tests.databases import throwaway_postgres


@pytest.fixture
def fresh_postgres() -> Iterator[URL]:
    """An empty database (no schema yet) on the TEST_DATABASE_URL server, dropped afterwards."""
    with throwaway_postgres("coach_rel") as url:
        yield url
