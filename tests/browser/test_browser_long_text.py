"""A message longer than the limit (4,000 characters after trimming) is never cut: pasted into the box it
stays whole, a warning says how much to remove, nothing is sent until it fits, and then it is sent whole.

The paste is a real one (clipboard, then Ctrl+V), which a `maxlength` on the box would have cut silently.
"""

from __future__ import annotations

import re

import pytest
from browser.actions import bot_messages, ready, user_texts
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

LIMIT = 4000
QUESTION = "So, after all that, which should I learn first: Kubernetes or model serving?"
CLIPBOARD = ["clipboard-read", "clipboard-write"]
MESSAGES_API = re.compile(r".*/api/sessions/[^/]+/messages$")


def long_paste(length: int = 5000) -> str:
    """`length` characters of background, over several lines, whose last line is the question."""
    line = "I have spent six years building forecasting models in pandas and scikit-learn for retail.\n"
    room = length - len(QUESTION)
    text = (line * (room // len(line) + 1))[:room] + QUESTION
    assert len(text) == len(text.strip()) == length and "\n" in text
    return text


def paste(page, text: str) -> None:
    """Put `text` on the clipboard and paste it into the message box with the keyboard."""
    page.evaluate("text => navigator.clipboard.writeText(text)", text)
    page.locator("#chat-input").focus()
    page.keyboard.press("ControlOrMeta+V")


def delete_first(page, count: int) -> None:
    """Select the first `count` characters of the box and delete them, as a person would."""
    box = page.locator("#chat-input")
    box.evaluate("(node, count) => { node.focus(); node.setSelectionRange(0, count); }", count)
    page.keyboard.press("Delete")


def shown_text(node) -> str:
    """A message's text exactly as the page holds it (to_have_text would fold the line breaks)."""
    return node.evaluate("node => node.textContent")


@pytest.fixture
def page(new_page):
    return new_page(permissions=CLIPBOARD)


def test_a_long_paste_is_kept_whole_refused_and_sent_whole_once_shortened(page, live_server):
    posts = []
    page.on("request", lambda request: MESSAGES_API.match(request.url) and posts.append(request.url))
    page.goto(live_server.url)
    ready(page)
    box, warning, counter = page.locator("#chat-input"), page.locator("#chat-limit"), page.locator("#chat-counter")
    send_button = page.locator("#send-button")
    expect(page.locator(".counter")).to_have_text("0 / 4,000 characters")
    expect(page.locator(".counter")).to_be_visible()

    text = long_paste(5000)
    paste(page, text)

    # Nothing is cut: the box holds the whole paste, question included.
    expect(box).to_have_value(text)
    assert box.input_value().endswith(QUESTION)
    expect(counter).to_have_text("5,000")
    expect(page.locator(".counter")).to_have_class(re.compile(r"\bcounter--over\b"))
    expected = "Your message is 5,000 characters; the limit is 4,000. Shorten it by 1,000 to send."
    expect(warning).to_be_visible()
    expect(warning).to_have_text(expected)
    expect(send_button).to_be_disabled()
    # A screen reader hears it: announced once, and part of the box's description with the counter.
    expect(page.locator("#live")).to_contain_text(expected)
    expect(box).to_have_attribute("aria-invalid", "true")
    expect(box).to_have_accessible_description(re.compile(r"Shorten it by 1,000 to send\..*5,000 / 4,000 characters"))

    # Enter and a scripted submit are both refused: nothing is sent, nothing is lost.
    box.press("Enter")
    page.locator("#chat-form").evaluate("form => form.requestSubmit()")
    page.wait_for_timeout(300)
    expect(page.locator("#messages [data-sender='user']")).to_have_count(0)
    expect(page.locator("#messages .message--pending")).to_have_count(0)
    assert posts == []
    expect(box).to_have_value(text)
    expect(box).to_be_focused()

    # Shortened to one character under the limit, keeping the question at the end.
    delete_first(page, 1001)
    shortened = text[1001:].strip()
    expect(box).to_have_value(text[1001:])
    expect(warning).to_be_hidden()
    expect(warning).to_have_text("")
    expect(counter).to_have_text(f"{len(shortened):,}")
    expect(page.locator(".counter")).not_to_have_class(re.compile(r"\bcounter--over\b"))
    expect(send_button).to_be_enabled()
    expect(box).not_to_have_attribute("aria-invalid", "true")
    expect(page.locator("#live")).to_contain_text("fits the limit")

    box.press("Enter")
    expect(bot_messages(page)).to_have_count(2)
    expect(user_texts(page)).to_have_count(1)
    assert shown_text(user_texts(page).first) == shortened
    assert shown_text(user_texts(page).first).endswith(QUESTION)
    expect(box).to_have_value("")
    expect(counter).to_have_text("0")
    assert len(posts) == 1

    # Stored whole, too: the server-rendered page shows the same text after a reload.
    page.reload()
    expect(user_texts(page)).to_have_count(1)
    assert shown_text(user_texts(page).first) == shortened


def test_the_limit_counts_as_the_server_does_after_trimming_and_by_character(page, live_server):
    page.goto(live_server.url)
    ready(page)
    box, warning = page.locator("#chat-input"), page.locator("#chat-limit")
    send_button = page.locator("#send-button")

    # Exactly 4,000 characters once the spaces around them are trimmed: it fits.
    exact = "  \n" + "y" * (LIMIT - 1) + "?" + "\n  "
    paste(page, exact)
    expect(page.locator("#chat-counter")).to_have_text("4,000")
    expect(warning).to_be_hidden()
    expect(send_button).to_be_enabled()

    # One more character and it does not; the warning names the one to remove.
    box.fill("")
    paste(page, "y" * LIMIT + "!")
    expect(warning).to_have_text("Your message is 4,001 characters; the limit is 4,000. Shorten it by 1 to send.")
    expect(send_button).to_be_disabled()
    page.keyboard.press("Backspace")
    expect(warning).to_be_hidden()

    # An emoji is one character to the server (though two UTF-16 units): 3,999 + 1 fits and is stored.
    emoji = "z" * (LIMIT - 1) + "🚀"
    box.fill("")
    paste(page, emoji)
    expect(page.locator("#chat-counter")).to_have_text("4,000")
    expect(send_button).to_be_enabled()
    box.press("Enter")
    expect(bot_messages(page)).to_have_count(2)
    assert shown_text(user_texts(page).first) == emoji


def test_an_over_long_message_keeps_the_send_button_off_after_another_turn(page, live_server):
    """A quick reply sent while the box is over the limit must not switch Send back on."""
    page.goto(live_server.url)
    ready(page)
    text = long_paste(4500)
    paste(page, text)
    expect(page.locator("#send-button")).to_be_disabled()
    page.locator("button.quick-reply").first.click()
    expect(bot_messages(page)).to_have_count(2)
    expect(page.locator("#typing")).to_be_hidden()
    expect(page.locator("#send-button")).to_be_disabled()
    expect(page.locator("#chat-input")).to_have_value(text)
    expect(page.locator("#chat-limit")).to_contain_text("Shorten it by 500 to send.")


def test_without_javascript_an_over_long_post_keeps_the_text_and_says_how_much_to_remove(new_page, live_server,
                                                                                         problems):
    page = new_page(java_script_enabled=False, permissions=CLIPBOARD)
    page.goto(live_server.url)
    expect(page.locator(".composer__hint[data-no-js]")).to_have_text("Up to 4,000 characters.")
    # One line, so the browser's CRLF line breaks in a form post do not change the count.
    text = "y" * (5133 - len(QUESTION) - 1) + " " + QUESTION
    assert len(text) == 5133
    paste(page, text)
    expect(page.locator("#chat-input")).to_have_value(text)
    page.locator("#send-button").click()

    error = page.locator("#chat-error")
    expect(error).to_be_visible()
    expect(error).to_contain_text("Your message is 5,133 characters; the limit is 4,000. Shorten it by 1,133 to send.")
    expect(page.locator("#chat-input")).to_have_value(text)
    expect(page.locator("#chat-input")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#messages [data-sender='user']")).to_have_count(0)
    problems.expect("400")

    shortened = text[1133:]  # exactly at the limit
    page.locator("#chat-input").fill(shortened)
    page.locator("#send-button").click()
    expect(page.locator("#chat-error")).to_have_count(0)
    expect(user_texts(page)).to_have_count(1)
    assert shown_text(user_texts(page).first) == shortened
    assert shown_text(user_texts(page).first).endswith(QUESTION)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_over_limit_warning_passes_the_accessibility_audit(new_page, live_server, scheme):
    axe = pytest.importorskip("axe_playwright_python.sync_playwright")
    page = new_page(color_scheme=scheme, permissions=CLIPBOARD)
    page.goto(live_server.url)
    ready(page)
    paste(page, long_paste(5000))
    expect(page.locator("#chat-limit")).to_be_visible()
    results = axe.Axe().run(page, options={"runOnly": ["wcag2a", "wcag2aa", "wcag21aa", "best-practice"]})
    violations = [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in results.response["violations"]]
    assert violations == []
