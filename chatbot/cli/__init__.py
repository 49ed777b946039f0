"""Flask commands, registered by the factory: `flask --app wsgi <group> <command>`.

The command line is an entry point beside the API and the page: `chat` runs the conversation service
in the terminal, `kb check` checks the content, `sessions purge` keeps the database lean."""

from __future__ import annotations

from flask import Flask

from chatbot.cli.chat import chat_command
from chatbot.cli.content import kb_cli
from chatbot.cli.maintenance import sessions_cli

__all__ = ["chat_command", "kb_cli", "register_commands", "sessions_cli"]


def register_commands(app: Flask) -> None:
    app.cli.add_command(sessions_cli)
    app.cli.add_command(kb_cli)
    app.cli.add_command(chat_command)
