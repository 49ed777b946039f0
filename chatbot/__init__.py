"""The interview coach service: create_app() wires configuration, extensions and blueprints.

The web stack is imported inside create_app(), so importing an engine package (chatbot.dialogue,
chatbot.nlu, ...) from a test, the terminal or a benchmark does not pay for Flask's extensions.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from flask import Flask


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    from flask import Flask

    from chatbot.config import CONTENT_ROOT, Settings, default_instance_path

    app = Flask(
        __name__,
        instance_path=str(default_instance_path()),
        template_folder=str(CONTENT_ROOT / "templates"),
    )
    settings = Settings.from_env(os.environ, Path(app.instance_path))
    app.config.from_mapping(settings.flask_config())
    app.config.from_mapping(config or {})

    _init_extensions(app)
    _load_engine(app)
    _register_blueprints(app)
    _register_commands(app)

    if app.config.get("AUTO_MIGRATE", True):
        from chatbot.extensions import db
        from chatbot.store.schema import ensure_schema

        with app.app_context():
            ensure_schema(db.engine)
    return app


def _init_extensions(app: Flask) -> None:
    from chatbot.extensions import csrf, db, limiter, migrate
    from chatbot.store.schema import MIGRATIONS_DIR
    from chatbot.store.sqlite import configure_sqlite

    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    db.init_app(app)
    with app.app_context():
        configure_sqlite(db.engine)
    migrate.init_app(app, db, directory=str(MIGRATIONS_DIR))
    limiter.init_app(app)
    csrf.init_app(app)


def _load_engine(app: Flask) -> None:
    """Content is loaded and validated once; invalid content stops the start with the file and field."""
    from chatbot.conversations import Conversations
    from chatbot.conversations.current import EXTENSION as CONVERSATIONS
    from chatbot.store.sql import SqlStore

    engine = app.config.get("ENGINE")
    if engine is None:
        from chatbot.audit import checked_engine
        from chatbot.encoder import SentenceEncoder

        encoder = SentenceEncoder.load(Path(app.config["CACHE_DIR"]))
        engine = checked_engine(Path(app.config["DATA_DIR"]), Path(app.config["INTENTS_DIR"]), encoder)
    app.extensions["coach_engine"] = engine
    app.extensions[CONVERSATIONS] = Conversations(engine, SqlStore())


def _register_blueprints(app: Flask) -> None:
    from chatbot import api, health, web
    from chatbot.errors import register_error_handlers
    from chatbot.extensions import csrf
    from chatbot.security import add_security_headers

    csrf.exempt(api.bp)  # the API checks CSRF itself, and only for cookie-authenticated writes
    app.register_blueprint(api.bp)
    app.register_blueprint(health.bp)
    app.register_blueprint(web.bp)
    register_error_handlers(app, html_renderer=web.render_error)
    add_security_headers(app)


def _register_commands(app: Flask) -> None:
    from chatbot.cli import register_commands

    register_commands(app)
