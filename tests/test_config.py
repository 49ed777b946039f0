"""Configuration from the environment: laptop defaults, secrets required in production."""

from __future__ import annotations

from pathlib import Path

import pytest

from chatbot.config import ConfigError, Settings


def test_defaults_use_sqlite_under_instance_and_rate_limits_on(tmp_path):
    settings = Settings.from_env({}, tmp_path / "instance")
    assert settings.database_url == f"sqlite:///{tmp_path / 'instance' / 'coach.sqlite3'}"
    assert settings.ratelimit_enabled is True
    assert settings.ratelimit_storage_uri == "memory://"
    assert not settings.production


@pytest.mark.parametrize("variable", ["FLASK_ENV", "APP_ENV"])
def test_production_requires_a_secret_key(variable):
    with pytest.raises(ConfigError, match="SECRET_KEY"):
        Settings.from_env({variable: "production"}, Path("instance"))
    settings = Settings.from_env({variable: "production", "SECRET_KEY": "s3cret"}, Path("instance"))
    assert settings.production and settings.flask_config()["SESSION_COOKIE_SECURE"] is True


def test_environment_overrides_are_read():
    env = {"DATABASE_URL": "postgresql+psycopg://u@h/db", "RATELIMIT_ENABLED": "false",
           "RATELIMIT_STORAGE_URI": "redis://127.0.0.1:6379/0"}
    settings = Settings.from_env(env, Path("instance"))
    assert settings.database_url == env["DATABASE_URL"]
    assert settings.ratelimit_enabled is False
    assert settings.flask_config()["RATELIMIT_STORAGE_URI"] == env["RATELIMIT_STORAGE_URI"]
    assert settings.flask_config()["SQLALCHEMY_ENGINE_OPTIONS"]["pool_pre_ping"] is True
