"""Settings read from the environment in one place: laptop defaults, secrets required only in production."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = PACKAGE_DIR.parent  # the checkout, when running from one; content is found via CONTENT_ROOT
#: The folder inside the package where a built wheel carries the repository's data/, intents/,
#: templates/ and docs/openapi.yaml (setup.py copies them there); a checkout has no such folder.
BUNDLE = "_content"
DEV_SECRET = "dev-only-secret-change-me"


def content_root(package_dir: Path = PACKAGE_DIR) -> Path:
    """The folder holding data/, intents/, templates/ and docs/: the package's own copy when it was
    installed from a wheel, else the checkout it sits in (a plain or editable checkout has no copy)."""
    bundled = package_dir / BUNDLE
    return bundled if bundled.is_dir() else package_dir.parent


def default_instance_path(package_dir: Path = PACKAGE_DIR, prefix: str = sys.prefix) -> Path:
    """Where the SQLite database and the encoder's cache go by default. A checkout keeps them in its own
    instance/; an installed package must not write into site-packages, so it follows Flask's convention
    for installed applications: <environment prefix>/var/chatbot-instance."""
    if (package_dir / BUNDLE).is_dir():
        return Path(prefix) / "var" / "chatbot-instance"
    return package_dir.parent / "instance"


CONTENT_ROOT = content_root()


class ConfigError(RuntimeError):
    """Raised at start-up so a misconfigured service refuses to run instead of running unsafely."""


def _flag(value: str | None, default: bool) -> bool:
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def is_production(env: Mapping[str, str]) -> bool:
    return "production" in {env.get("FLASK_ENV", "").lower(), env.get("APP_ENV", "").lower()}


def default_database_url(instance_path: Path) -> str:
    return f"sqlite:///{instance_path / 'coach.sqlite3'}"


@dataclass(frozen=True)
class Settings:
    database_url: str
    secret_key: str
    production: bool
    ratelimit_enabled: bool
    ratelimit_storage_uri: str
    ratelimit_default: str
    ratelimit_session: str
    data_dir: Path
    intents_dir: Path
    cache_dir: Path

    @classmethod
    def from_env(cls, env: Mapping[str, str], instance_path: Path) -> Settings:
        production = is_production(env)
        secret = env.get("SECRET_KEY", "")
        if production and not secret:
            raise ConfigError("SECRET_KEY must be set when FLASK_ENV or APP_ENV is 'production'.")
        return cls(
            database_url=env.get("DATABASE_URL") or default_database_url(instance_path),
            secret_key=secret or DEV_SECRET,
            production=production,
            ratelimit_enabled=_flag(env.get("RATELIMIT_ENABLED"), True),
            ratelimit_storage_uri=env.get("RATELIMIT_STORAGE_URI") or "memory://",
            ratelimit_default=env.get("RATELIMIT_DEFAULT") or "300 per minute",
            ratelimit_session=env.get("RATELIMIT_SESSION") or "60 per minute",
            data_dir=Path(env.get("COACH_DATA_DIR") or CONTENT_ROOT / "data"),
            intents_dir=Path(env.get("COACH_INTENTS_DIR") or CONTENT_ROOT / "intents"),
            cache_dir=Path(env.get("COACH_CACHE_DIR") or instance_path / "cache"),
        )

    def flask_config(self) -> dict[str, Any]:
        """The Flask/extension keys these settings map onto."""
        return {
            "SQLALCHEMY_DATABASE_URI": self.database_url,
            "SQLALCHEMY_ENGINE_OPTIONS": engine_options(self.database_url),
            "SECRET_KEY": self.secret_key,
            "PRODUCTION": self.production,
            "RATELIMIT_ENABLED": self.ratelimit_enabled,
            "RATELIMIT_STORAGE_URI": self.ratelimit_storage_uri,
            "RATELIMIT_DEFAULT": self.ratelimit_default,
            "RATELIMIT_SESSION": self.ratelimit_session,
            "RATELIMIT_HEADERS_ENABLED": True,
            # Redis away: count in this process's memory and keep serving, rather than fail every request.
            "RATELIMIT_IN_MEMORY_FALLBACK_ENABLED": True,
            "DATA_DIR": self.data_dir,
            "INTENTS_DIR": self.intents_dir,
            "CACHE_DIR": self.cache_dir,
            "MAX_CONTENT_LENGTH": 64 * 1024,
            "SESSION_COOKIE_HTTPONLY": True,
            "SESSION_COOKIE_SAMESITE": "Lax",
            "SESSION_COOKIE_SECURE": self.production,
            "WTF_CSRF_TIME_LIMIT": None,
        }


PG_CONNECT_TIMEOUT = 5  # seconds; a database host that stops answering is a 503, not a hung worker


def engine_options(url: str) -> dict[str, Any]:
    """Pool settings per backend: SQLite waits on its lock; PostgreSQL checks connections before use
    and gives up connecting after a few seconds rather than waiting for the host forever."""
    if url.startswith("sqlite"):
        return {"connect_args": {"timeout": 30, "check_same_thread": False}}
    return {"pool_pre_ping": True, "pool_size": 5, "max_overflow": 5, "pool_timeout": 10,
            "connect_args": {"connect_timeout": PG_CONNECT_TIMEOUT}}
