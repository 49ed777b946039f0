"""What a person does on the chat page, as Playwright steps that wait for the page to answer."""

from __future__ import annotations

from playwright.sync_api import expect

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def bot_messages(page):
    return page.locator("#messages [data-sender='bot']")


def user_texts(page):
    return page.locator("#messages [data-sender='user'] .message__text")


def ready(page) -> None:
    """The chat script has taken over the form (before that, Enter would only add a new line)."""
    expect(page.locator("#chat-form[data-enhanced]")).to_have_count(1)


def type_message(page, text: str) -> None:
    ready(page)
    page.locator("#chat-input").fill(text)
    page.locator("#chat-input").press("Enter")


def send(page, text: str) -> None:
    """Send a message and wait for the bot's reply to appear."""
    ready(page)
    count = bot_messages(page).count()
    type_message(page, text)
    expect(bot_messages(page)).to_have_count(count + 1)
