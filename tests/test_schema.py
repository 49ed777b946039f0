"""The schema is managed by migrations: created on first start, and by `flask db upgrade`."""

from __future__ import annotations

from sqlalchemy import create_engine, inspect

from tests.conftest import app_config


def test_first_start_creates_the_schema(database_url, app):
    tables = set(inspect(create_engine(database_url)).get_table_names())
    assert {"conversations", "messages", "alembic_version"} <= tables


def test_db_upgrade_command_is_idempotent_on_a_current_database(runner):
    result = runner.invoke(args=["db", "upgrade"])
    assert result.exit_code == 0, result.output


def test_db_upgrade_builds_a_fresh_sqlite_file(tmp_path, engine):
    from chatbot import create_app

    url = f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
    app = create_app(app_config(url, engine, AUTO_MIGRATE=False))
    assert "conversations" not in inspect(create_engine(url)).get_table_names()
    result = app.test_cli_runner().invoke(args=["db", "upgrade"])
    assert result.exit_code == 0, result.output
    assert {"conversations", "messages"} <= set(inspect(create_engine(url)).get_table_names())


def test_sqlite_runs_in_wal_mode_with_foreign_keys(tmp_path, engine):
    from chatbot import create_app
    from chatbot.extensions import db

    url = f"sqlite:///{tmp_path / 'pragmas.sqlite3'}"
    app = create_app(app_config(url, engine))
    with app.app_context(), db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
