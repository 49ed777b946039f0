"""The chat with JavaScript switched off: plain form posts, server-rendered pages, nothing lost."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


@pytest.fixture
def page(new_page):
    return new_page(java_script_enabled=False)


def test_the_form_posts_and_quick_replies_are_submit_buttons(page, live_server):
    page.goto(live_server.url)
    expect(page.locator("#chat-form")).to_have_attribute("method", "post")
    page.locator("#chat-input").fill("how long does the switch take?")
    page.locator("#send-button").click()
    expect(page.locator("#messages [data-sender='user'] .message__text")).to_have_text(["how long does the switch take?"])
    expect(page.locator("#messages [data-sender='bot']").last.locator("ol li")).to_have_count(3)

    page.locator("button.quick-reply", has_text="Practice").click()
    expect(page.locator("#messages [data-sender='bot']").last.locator(".question-card")).to_be_visible()
    expect(page.locator("#practice-banner")).to_be_visible()
    expect(page.locator("#practice-banner .timer")).to_be_hidden()

    page.locator("#chat-input").fill("FastAPI behind a load balancer, shipped in Docker, 300 pods.")
    page.locator("#send-button").click()
    card = page.locator("#messages [data-sender='bot']").last.locator(".feedback")
    expect(card.locator(".score__meter")).to_be_visible()
    expect(card.locator(".criterion")).to_have_count(2)
    expect(card.locator("mark")).to_have_text(["FastAPI", "Docker"])

    page.locator("button.quick-reply", has_text="Summary").click()
    expect(page.locator("#messages [data-sender='bot']").last.locator("table tbody tr")).to_have_count(1)


def test_an_empty_message_is_refused_with_a_visible_error(page, live_server, problems):
    page.goto(live_server.url)
    page.locator("#chat-input").fill("   ")
    page.locator("#chat-input").evaluate("node => node.removeAttribute('required')")
    page.locator("#send-button").click()
    expect(page.locator("#chat-error")).to_be_visible()
    expect(page.locator("#messages [data-sender='user']")).to_have_count(0)
    problems.expect("400")
