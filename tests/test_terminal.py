"""The terminal client runs the same conversation, through the conversation service, with injected input and output."""

from __future__ import annotations

from click.testing import CliRunner

from chatbot.conversations import Conversations
from chatbot.store import MemoryStore
from chatbot.cli.chat import chat_command, run_terminal


def scripted(lines):
    queue = list(lines)
    return lambda: queue.pop(0) if queue else None


def test_terminal_greets_answers_and_stops_at_end_of_input(engine):
    written: list[str] = []
    messages = run_terminal(Conversations(engine, MemoryStore()), scripted(["practice", "", "stop"]), written.append)
    assert [m["sender"] for m in messages] == ["bot", "user", "bot", "user", "bot"]
    assert len(written) == 3
    assert "[Practice]" in written[0]
    asked = messages[2]["question"]
    assert asked is not None and engine.knowledge.questions[asked["id"]].text in written[1]
    assert messages[4]["question"] is None  # "stop" left practice


def test_chat_command_runs_from_the_command_line():
    result = CliRunner().invoke(chat_command, [], input="help\n")
    assert result.exit_code == 0, result.output
    assert "[Menu]" in result.output


def test_chat_command_refuses_an_unknown_transition():
    result = CliRunner().invoke(chat_command, ["--transition", "nope-to-nothing"])
    assert result.exit_code != 0
    assert "--transition" in result.output
