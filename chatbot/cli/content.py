"""`flask kb check`: the knowledge base and intents validated, with what is used but never defined and
what is defined but never used."""

from __future__ import annotations

from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup

kb_cli = AppGroup("kb", help="Work with the role knowledge base.")


@kb_cli.command("check")
def check_command() -> None:
    """Validate data/ and intents/, print what they hold, and fail on anything used but never defined
    or defined but never used."""
    from chatbot.audit import audit
    from chatbot.dialogue.content import Content
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
