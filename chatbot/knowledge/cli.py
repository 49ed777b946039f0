"""`flask kb check`: validate the content folder and print its inventory; exit 1 with the reason."""

from __future__ import annotations

from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup

from chatbot.knowledge.errors import KnowledgeError
from chatbot.knowledge.inventory import inventory_lines
from chatbot.knowledge.loader import load_knowledge

kb_cli = AppGroup("kb", help="Work with the role knowledge base.")


@kb_cli.command("check")
def check_command() -> None:
    """Validate data/ (roles, skills, transitions, questions) and print what it holds."""
    try:
        kb = load_knowledge(Path(current_app.config["DATA_DIR"]))
    except KnowledgeError as error:
        raise click.ClickException(str(error)) from error
    click.echo("\n".join(inventory_lines(kb)))
