"""Flask commands, registered by the factory: `flask --app wsgi <group> <command>`."""

from __future__ import annotations

import re
from datetime import timedelta

import click
from flask import Flask
from flask.cli import AppGroup

sessions_cli = AppGroup("sessions", help="Maintain stored conversations.")
kb_cli = AppGroup("kb", help="Work with the role knowledge base.")

UNITS = {"d": "days", "h": "hours", "m": "minutes", "w": "weeks"}


def parse_age(value: str) -> timedelta:
    match = re.fullmatch(r"\s*(\d+)\s*([dhmw])\s*", value)
    if not match:
        raise click.BadParameter("use a number and a unit, for example 90d, 12h or 4w")
    return timedelta(**{UNITS[match.group(2)]: int(match.group(1))})


@sessions_cli.command("purge")
@click.option("--older-than", "older_than", required=True, help="Age such as 90d, 12h, 4w.")
def purge_command(older_than: str) -> None:
    """Remove conversations untouched for longer than the given age, with their messages."""
    from chatbot.store.maintenance import purge_older_than

    removed = purge_older_than(parse_age(older_than))
    click.echo(f"removed {removed} session(s) older than {older_than}")


@kb_cli.command("check")
def check_command() -> None:
    """Validate data/ and intents/, print what they hold, and fail on anything used but never defined
    or defined but never used."""
    from pathlib import Path

    from flask import current_app

    from chatbot.dialogue.content import Content
    from chatbot.audit import audit
    from chatbot.knowledge import inventory_lines
    from chatbot.yamlfiles import ContentError

    try:
        content = Content.load(Path(current_app.config["DATA_DIR"]), Path(current_app.config["INTENTS_DIR"]))
    except ContentError as error:
        raise click.ClickException(str(error)) from error
    click.echo("\n".join(inventory_lines(content.knowledge)))
    findings = audit(content).findings()
    for kind, heading in (("undefined", "used but never defined"), ("unused", "defined but never used")):
        found = [finding for finding in findings if finding.kind == kind]
        click.echo(f"{heading}: {len(found)}")
        click.echo("".join(f"  {finding}\n" for finding in found), nl=False)
    if findings:
        raise click.ClickException(f"{len(findings)} content problem(s); see above")


def register_commands(app: Flask) -> None:
    from chatbot.terminal import chat_command

    app.cli.add_command(sessions_cli)
    app.cli.add_command(kb_cli)
    app.cli.add_command(chat_command)
