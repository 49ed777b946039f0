"""A reply the script adds to the page looks exactly like the same reply rendered by the server after a
reload: every shared case of tests/fixtures/reply_display.yaml, and the practice question above the box.
The server sends each reply's display fields; these tests prove the two renderings of them agree."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from browser.actions import assert_same_structure, message_structure, send
from playwright.sync_api import expect

from chatbot.dialogue.turns import Reply

pytestmark = pytest.mark.browser

CASES = yaml.safe_load((Path(__file__).parent.parent / "fixtures" / "reply_display.yaml").read_text(encoding="utf-8"))
ANSWER = ("I would put the model behind FastAPI, package it with Docker and watch drift "
          "so it keeps serving 2000 requests a second.")


def feedback(highlights: list[dict[str, Any]]) -> dict[str, Any]:
    return {"question_id": "serve-a-model", "score": 50, "criteria": [],
            "talking_points": {"covered": [], "missed": []}, "tips": [], "highlights": highlights}


def test_every_shared_case_looks_the_same_built_by_the_script_and_rendered_by_the_server(page, live_server):
    engine = live_server.app.extensions["coach_engine"]
    page.goto(live_server.url)
    for case in CASES["blocks"]:
        engine.say_next(Reply(case["text"], "timeline"))
        send(page, "tell me")
    send(page, "practice")
    for case in CASES["answers"]:
        engine.say_next(Reply("Scored.", "practice_feedback", feedback=feedback(case["highlights"])))
        send(page, case["answer"])
    marks = sum(segment["point"] is not None for case in CASES["answers"] for segment in case["segments"])
    expect(page.locator("#messages .answer mark")).to_have_count(marks)
    expect(page.locator("#messages table")).to_have_count(2)
    built = message_structure(page)
    page.reload()
    assert_same_structure(built, message_structure(page))


BANNER = """(banner) => banner.hidden ? null : {
  category: banner.querySelector('[data-slot="category"]').textContent.trim(),
  text: banner.querySelector('[data-slot="text"]').textContent.trim(),
  skills: [...banner.querySelectorAll('[data-slot="skills"] li')].map((li) => li.textContent.trim()),
  placeholder: document.getElementById("chat-input").placeholder,
}"""


def test_the_open_question_after_each_turn_is_the_one_the_server_shows_after_a_reload(page, live_server):
    engine = live_server.app.extensions["coach_engine"]
    steps: list[tuple[str, Reply | None, bool]] = [
        ("practice", None, True),
        ("hint please", Reply("Think about where it runs.", "hint"), True),
        ("no idea", None, True),  # too short to score: the question waits for a real answer
        (ANSWER, None, False),
        ("help", Reply("Type practice for a question.", "help"), False),
        ("practice", None, True),
        ("how long does the switch take?", None, False),
    ]
    page.goto(live_server.url)
    for text, reply, is_open in steps:
        if reply:
            engine.say_next(reply)
        send(page, text)
        live = page.locator("#practice-banner").evaluate(BANNER)
        assert (live is not None) == is_open, text
        page.reload()
        assert page.locator("#practice-banner").evaluate(BANNER) == live, text
