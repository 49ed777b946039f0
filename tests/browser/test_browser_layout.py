"""Layout and keyboard use: a phone-sized screen without sideways scrolling, sending without a mouse,
the practice timer, and pages that keep to the content security policy."""

from __future__ import annotations

import re

import pytest
from browser.actions import PHONE, bot_messages, ready, send, user_texts
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

LONG_WORD = "supercalifragilistic" * 12


def no_sideways_scroll(page) -> bool:
    return page.evaluate(
        "() => document.scrollingElement.scrollWidth <= document.scrollingElement.clientWidth")


def test_a_phone_screen_never_scrolls_sideways(new_page, live_server):
    page = new_page(viewport=PHONE)
    page.goto(live_server.url)
    assert no_sideways_scroll(page)
    send(page, "how long does the switch take?")
    send(page, "practice")
    send(page, f"FastAPI and Docker with drift monitoring at 900 requests a second {LONG_WORD}")
    send(page, "summary")
    expect(page.locator("#messages table")).to_be_visible()
    assert no_sideways_scroll(page)
    for path in ["/sessions"]:
        page.goto(live_server.url + path)
        assert no_sideways_scroll(page), path
    page.locator(".session-card__title a").click()
    page.wait_for_url(re.compile(r"/sessions/[^/]+$"))
    page.wait_for_load_state("load")  # measured before the stylesheet applies, any long word overflows
    assert no_sideways_scroll(page)
    page.locator("a", has_text="Delete").click()
    assert no_sideways_scroll(page)


def test_keyboard_only_sending_enter_sends_and_shift_enter_adds_a_line(page, live_server):
    page.goto(live_server.url)
    ready(page)
    page.keyboard.press("Tab")
    expect(page.locator(".skip-link")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#chat-input")).to_be_focused()
    page.keyboard.type("first line")
    page.keyboard.press("Shift+Enter")
    page.keyboard.type("second line")
    expect(page.locator("#chat-input")).to_have_value("first line\nsecond line")
    page.keyboard.press("Enter")
    expect(user_texts(page)).to_have_text(["first line\nsecond line"])
    expect(bot_messages(page)).to_have_count(2)
    expect(page.locator("#chat-input")).to_be_focused()
    expect(page.locator("#chat-input")).to_have_value("")


def test_quick_replies_are_reachable_and_usable_by_keyboard(page, live_server):
    page.goto(live_server.url)
    ready(page)
    page.locator("button.quick-reply").first.focus()
    page.keyboard.press("Enter")
    expect(user_texts(page)).to_have_text(["Timeline"])
    expect(bot_messages(page)).to_have_count(2)


def test_focus_is_visible_on_controls(page, live_server):
    page.goto(live_server.url)
    page.locator("button.quick-reply").first.focus()
    outline = page.locator("button.quick-reply").first.evaluate("node => getComputedStyle(node).outlineStyle")
    assert outline == "solid"


def test_the_practice_timer_counts_two_minutes_and_can_be_stopped(page, live_server):
    page.clock.install()
    page.goto(live_server.url)
    send(page, "practice")
    timer = page.locator("#practice-banner .timer")
    expect(timer).to_be_visible()
    clock = timer.locator("[role='timer']")
    expect(clock).to_contain_text("2:00")
    timer.locator("button").click()
    expect(page.locator("#live")).to_contain_text("two minutes")
    page.clock.run_for(61_000)
    expect(clock).to_contain_text("0:59")
    expect(page.locator("#live")).to_contain_text("One minute left")
    page.clock.run_for(60_000)
    expect(clock).to_contain_text("0:00")
    expect(timer).to_have_class(re.compile("timer--done"))
    expect(timer.locator("button")).to_have_text("Restart timer")
    timer.locator("button").click()
    page.clock.run_for(5_000)
    timer.locator("button").click()
    expect(clock).to_contain_text("2:00")
    expect(timer.locator("button")).to_have_text("Start timer")


def test_pages_load_no_inline_code_and_trigger_no_policy_violations(page, live_server):
    """The fixture fails the test on any console error, which is where CSP violations are reported."""
    for path in ["/", "/sessions"]:
        response = page.goto(live_server.url + path)
        assert "script-src 'self'" in response.headers["content-security-policy"]
        assert page.locator("script:not([src])").count() == 0
        assert page.locator("[style]").count() == 0
    page.goto(live_server.url)
    send(page, "practice")
    send(page, "FastAPI in Docker, 20 replicas.")
    expect(page.locator(".feedback")).to_be_visible()
