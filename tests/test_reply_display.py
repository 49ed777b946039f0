"""How the server displays a reply, through the API and the page: parsed text blocks, the highlighted
answer and the open practice question. The page's script renders these fields and decides nothing,
so what is pinned here is what every reader of a reply sees."""

from __future__ import annotations

import json
from functools import reduce
from pathlib import Path
from typing import Any

import pytest
import yaml
from browser.client import Browser

from chatbot.dialogue.turns import Reply

CASES = yaml.safe_load((Path(__file__).parent / "fixtures" / "reply_display.yaml").read_text(encoding="utf-8"))
QUESTION = {"id": "serve-a-model", "text": "How would you serve a model to thousands of users?",
            "category": "technical", "skills": ["model-serving"]}
ANSWER = "I would put it behind FastAPI, in Docker, and watch drift at 500 requests a second."


def feedback(**fields: Any) -> dict[str, Any]:
    """A Feedback object of API.md, with whatever a case needs on top."""
    return {"question_id": QUESTION["id"], "score": 50, "criteria": [],
            "talking_points": {"covered": [], "missed": []}, "tips": [], **fields}


class Page:
    """One browser on the page, also calling the API the way the page's script does (cookie + CSRF)."""

    def __init__(self, app):
        self.browser = Browser(app)
        self.engine = app.extensions["coach_engine"]
        self.id = self.browser.session_id()
        self.csrf = self.browser.csrf("/")

    def turn(self, text: str, *replies: Reply) -> list[dict[str, Any]]:
        """The messages of one turn as the API returns them; `replies` replace the script's, if given."""
        if replies:
            self.engine.say_next(*replies)
        response = self.browser.client.post(f"/api/sessions/{self.id}/messages", json={"text": text},
                                            headers={"X-CSRFToken": self.csrf})
        assert response.status_code == 200, response.get_json()
        return response.get_json()["messages"]

    def history(self) -> list[dict[str, Any]]:
        return self.browser.client.get(f"/api/sessions/{self.id}").get_json()["messages"]

    def banner_question(self) -> dict[str, Any] | None:
        """The question the server-rendered page shows above the message box, or None when it is hidden."""
        banner = self.browser.page().find("section", id="practice-banner")
        return None if "hidden" in banner.attrs else json.loads(banner.attrs["data-question"] or "null")


@pytest.fixture
def page(web_app) -> Page:
    return Page(web_app)


@pytest.mark.parametrize("case", CASES["blocks"], ids=lambda case: case["name"])
def test_a_bot_reply_comes_with_its_text_as_blocks(page, case):
    (user, bot) = page.turn("tell me", Reply(case["text"], "timeline"))
    assert bot["blocks"] == case["blocks"]
    assert user["blocks"] is None, "what the user typed is shown exactly as typed"
    assert user["text"] == "tell me" and bot["text"] == case["text"], "the stored fields are unchanged"
    assert page.history()[-1]["blocks"] == case["blocks"], "a reload shows what the turn showed"


@pytest.mark.parametrize("case", CASES["answers"], ids=lambda case: case["name"])
def test_feedback_quotes_the_answer_cut_around_the_phrases_that_earned_credit(page, case):
    page.turn("practice")
    (user, bot) = page.turn(case["answer"], Reply("Scored.", "practice_feedback",
                                                  feedback=feedback(highlights=case["highlights"])))
    assert bot["answer_segments"] == case["segments"]
    assert "".join(segment["text"] for segment in bot["answer_segments"]) == user["text"]
    assert page.history()[-1]["answer_segments"] == case["segments"]


def test_only_feedback_quotes_an_answer(page):
    for message in [*page.turn("practice"), *page.turn(ANSWER), *page.turn("summary")]:
        assert (message["answer_segments"] is not None) == (message["feedback"] is not None)


def test_a_line_restating_the_asked_question_is_left_to_its_card(page):
    text = f"Here it comes.\nQuestion 1 (technical): {QUESTION['text']}"
    (_user, bot) = page.turn("practice", Reply(text, "practice_question", question=QUESTION))
    assert bot["blocks"] == [{"kind": "paragraph", "lines": [[{"text": "Here it comes.", "style": ""}]]}]
    assert bot["text"] == text
    card = page.browser.messages()[-1]
    assert QUESTION["text"] not in card.find("div", cls="message__text").text
    assert QUESTION["text"] in card.find("div", cls="question-card").text


def open_after(messages: list[dict[str, Any]], current: dict[str, Any] | None) -> dict[str, Any] | None:
    """What a client does with a turn (docs/api.md): keep the open question or take the message's own."""
    return reduce(lambda open_, m: open_ if m["keeps_question_open"] else m["question"], messages, current)


def test_the_open_question_follows_the_turns_and_the_page_shows_the_same_one(page):
    hint = Reply("Think about where it runs.", "hint")
    help_ = Reply("Type practice for a question.", "help")
    steps: list[tuple[str, tuple[Reply, ...], bool]] = [
        ("practice", (), True),  # asked
        ("hint please", (hint,), True),  # a hint keeps it open
        ("no idea", (), True),  # too short to score: still waiting for a real answer
        (ANSWER, (), False),  # scored: closed
        ("help", (help_,), False),  # help keeps what was open, which is nothing
        ("practice", (), True),
        ("how long does the switch take?", (), False),  # a topic answer moves on
    ]
    opened = None
    for text, replies, is_open in steps:
        opened = open_after(page.turn(text, *replies), opened)
        assert (opened is not None) == is_open, text
        assert page.banner_question() == opened, text
        assert open_after(page.history(), None) == opened, text
