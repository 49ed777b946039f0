"""`flask chat`: the coach in a terminal, through the conversation service on a store in memory."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import click

from chatbot.audit import checked_engine
from chatbot.config import CONTENT_ROOT
from chatbot.conversations import Conversations
from chatbot.store import Access, MemoryStore, Record

PROMPT = "> "
QUICK_REPLY = "[{}]"

ReadLine = Callable[[], str | None]  # None at end of input
Write = Callable[[str], None]


def render(message: Record) -> str:
    """A bot message as plain text, quick replies on a line of their own."""
    lines = [message["text"]]
    if message["quick_replies"]:
        lines.append(" ".join(QUICK_REPLY.format(choice) for choice in message["quick_replies"]))
    return "\n".join(lines) + "\n"


def run_terminal(conversations: Conversations, read_line: ReadLine, write: Write,
                 transition: str | None = None) -> list[Record]:
    """Open a conversation and answer each line until input ends; returns every stored message (for tests)."""
    opened = conversations.open(transition)
    access = Access(token=opened.token)
    for message in opened.messages:
        write(render(message))
    while (line := read_line()) is not None:
        if not line.strip():
            continue
        for message in conversations.turn(opened.session["id"], access, line)[1:]:
            write(render(message))
    return conversations.read(opened.session["id"], access)[1]


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
    engine = checked_engine(data_dir, intents_dir)
    if transition is not None and transition not in engine.transitions():
        choices = ", ".join(engine.transitions())
        raise click.BadParameter(f"choose one of: {choices}", param_hint="--transition")
    run_terminal(Conversations(engine, MemoryStore()), _stdin_line, click.echo, transition)
