"""Alembic environment: uses the connection it is handed at start-up, or the Flask app's engine."""

from __future__ import annotations

from alembic import context

from chatbot.extensions import db
from chatbot.store import models  # noqa: F401  (registers the tables on the metadata)

config = context.config


def run(connection) -> None:
    context.configure(connection=connection, target_metadata=db.metadata, render_as_batch=True,
                      compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


def main() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        run(connection)
        return
    from flask import current_app

    with current_app.extensions["migrate"].db.engine.begin() as own_connection:
        run(own_connection)


main()
