"""Chat with the engine in a terminal: the same turns as the web, with no server and no database."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import click

from chatbot.config import CONTENT_ROOT
from chatbot.dialogue.engine import Engine
from chatbot.dialogue.session import LocalConversation
from chatbot.dialogue.turns import Reply, State

PROMPT = "> "
QUICK_REPLY = "[{}]"

ReadLine = Callable[[], str | None]  # None at end of input
Write = Callable[[str], None]


def render(reply: Reply) -> str:
    """A bot message as plain text, quick replies on a line of their own."""
    lines = [reply.text]
    if reply.quick_replies:
        lines.append(" ".join(QUICK_REPLY.format(choice) for choice in reply.quick_replies))
    return "\n".join(lines) + "\n"


def run_terminal(engine: Engine, read_line: ReadLine, write: Write, transition: str | None = None) -> State:
    """Open a conversation and answer each line until input ends; returns the final state (for tests)."""
    conversation = LocalConversation.start(engine, transition)
    for reply in conversation.replies:
        write(render(reply))
    while (line := read_line()) is not None:
        if not line.strip():
            continue
        conversation.say(line.strip())
        for reply in conversation.replies:
            write(render(reply))
    return conversation.state


def _stdin_line() -> str | None:
    try:
        return input(PROMPT)
    except EOFError:
        return None


@click.command("chat")
@click.option("--transition", default=None, help="Transition id (default: the knowledge base's default).")
@click.option("--data-dir", envvar="COACH_DATA_DIR", default=CONTENT_ROOT / "data",
              type=click.Path(file_okay=False, path_type=Path), show_default=True)
@click.option("--intents-dir", envvar="COACH_INTENTS_DIR", default=CONTENT_ROOT / "intents",
              type=click.Path(file_okay=False, path_type=Path), show_default=True)
def chat_command(transition: str | None, data_dir: Path, intents_dir: Path) -> None:
    """Chat with the coach in this terminal (Ctrl-D to leave)."""
    engine = Engine.load(data_dir, intents_dir)
    if transition is not None and transition not in engine.transitions():
        choices = ", ".join(engine.transitions())
        raise click.BadParameter(f"choose one of: {choices}", param_hint="--transition")
    run_terminal(engine, _stdin_line, click.echo, transition)
