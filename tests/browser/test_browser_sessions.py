"""Saved sessions in a real browser: the list, a transcript, a download, delete with confirmation."""

from __future__ import annotations

import json

import pytest
from browser.actions import send
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_the_list_shows_title_messages_and_practice_scores_and_opens_the_transcript(page, live_server):
    page.goto(live_server.url)
    send(page, "how long does the switch take?")
    send(page, "practice")
    send(page, "I would serve it with FastAPI in Docker for 500 users.")
    page.locator(".site-nav a", has_text="Saved sessions").click()

    card = page.locator(".session-card")
    expect(card).to_have_count(1)
    expect(card.locator(".session-card__title")).to_have_text("how long does the switch take?")
    expect(card).to_contain_text("7 messages")
    expect(card.locator(".stat", has_text="Best")).to_contain_text("80")
    expect(card.locator(".stat", has_text="Answers")).to_contain_text("1")

    card.locator(".session-card__title a").click()
    expect(page.locator("h1")).to_have_text("how long does the switch take?")
    expect(page.locator("#messages [data-sender='user']")).to_have_count(3)
    expect(page.locator("#messages .feedback .score__meter")).to_have_attribute("value", "80")
    expect(page.locator("#messages .feedback mark")).to_have_text(["FastAPI", "Docker"])


@pytest.mark.parametrize("label, fmt", [("Markdown", "markdown"), ("JSON", "json"), ("Plain text", "text")])
def test_a_transcript_downloads_in_each_format(page, live_server, tmp_path, label, fmt):
    page.goto(live_server.url)
    send(page, "how long does the switch take?")
    page.goto(f"{live_server.url}/sessions")
    page.locator(".session-card__title a").click()
    with page.expect_download() as info:
        page.locator(".downloads a", has_text=label).click()
    download = info.value
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    body = saved.read_text(encoding="utf-8")
    assert download.suggested_filename.startswith("interview-coach-")
    assert "how long does the switch take?" in body
    assert "6-12 months" in body
    if fmt == "json":
        assert [m["sender"] for m in json.loads(body)["messages"]] == ["bot", "user", "bot"]


def test_delete_asks_first_and_then_removes_the_conversation(page, live_server, problems):
    page.goto(live_server.url)
    send(page, "how long does the switch take?")
    page.goto(f"{live_server.url}/sessions")
    page.locator(".session-card__title a").click()
    transcript_url = page.url

    page.locator("a", has_text="Delete").click()
    expect(page.locator("h1")).to_have_text("Delete this conversation?")
    page.locator("a", has_text="Keep it").click()
    expect(page).to_have_url(transcript_url)

    page.locator("a", has_text="Delete").click()
    page.locator("#confirm-delete").click()
    expect(page.locator(".notice")).to_contain_text("deleted")
    expect(page.locator(".session-card")).to_have_count(0)
    assert page.goto(transcript_url).status == 404
    problems.expect("404")

    page.goto(live_server.url)
    expect(page.locator("#messages [data-sender='user']")).to_have_count(0)


def test_another_browser_cannot_see_the_sessions_or_open_a_transcript(new_page, live_server, problems):
    mine = new_page()
    mine.goto(live_server.url)
    send(mine, "how long does the switch take?")
    mine.goto(f"{live_server.url}/sessions")
    mine.locator(".session-card__title a").click()
    transcript_url = mine.url

    theirs = new_page()
    theirs.goto(f"{live_server.url}/sessions")
    expect(theirs.locator(".session-card")).to_have_count(0)
    response = theirs.goto(transcript_url)
    assert response.status == 404
    expect(theirs.locator("h1")).to_contain_text("couldn’t find")
    problems.expect("404")


def test_resume_makes_a_saved_conversation_current_again(page, live_server):
    page.goto(live_server.url)
    send(page, "how long does the switch take?")
    page.locator("button", has_text="New conversation").click()
    expect(page.locator("#messages [data-sender='user']")).to_have_count(0)
    send(page, "practice")

    page.goto(f"{live_server.url}/sessions")
    expect(page.locator(".session-card")).to_have_count(2)
    older = page.locator(".session-card", has_text="how long does the switch take?")
    older.locator("button", has_text="Resume").click()
    expect(page.locator("#messages [data-sender='user'] .message__text")).to_have_text(["how long does the switch take?"])
