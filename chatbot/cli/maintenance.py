"""`flask sessions purge`: retention on the stored conversations."""

from __future__ import annotations

import re
from datetime import timedelta

import click
from flask.cli import AppGroup

sessions_cli = AppGroup("sessions", help="Maintain stored conversations.")

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
