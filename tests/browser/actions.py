"""What a person does and sees on the chat page, as Playwright steps that wait for the page to answer."""

from __future__ import annotations

import difflib
import json

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


STRUCTURE = """(selector) => {
  const walk = (node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const text = node.textContent.replace(/\\s+/g, " ").trim();
      return text ? [text] : [];
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return [];
    if (node.tagName === "TIME") return [["TIME"]];
    const attrs = [...node.attributes]
      .filter((a) => !["id", "datetime", "title"].includes(a.name))
      .map((a) => `${a.name}=${a.name === "class" ? a.value.split(/\\s+/).sort().join(" ") : a.value}`)
      .sort();
    return [[node.tagName, attrs, [...node.childNodes].flatMap(walk)]];
  };
  return [...document.querySelectorAll(selector)].map(walk);
}"""


def message_structure(page, selector: str = "#messages > li") -> list:
    """Each message as nested [tag, attributes, children], leaving out ids, times and spacing: the same
    reply built by the script and rendered by the server must give the same value."""
    return page.evaluate(STRUCTURE, selector)


def assert_same_structure(built: list, rendered: list) -> None:
    """The script's messages and the server's, one by one, with a readable diff of the first that differs."""
    assert len(built) == len(rendered), (len(built), len(rendered))
    for index, (mine, theirs) in enumerate(zip(built, rendered)):
        diff = "\n".join(difflib.unified_diff(json.dumps(theirs, indent=1).splitlines(),
                                              json.dumps(mine, indent=1).splitlines(), "server", "script", lineterm=""))
        assert mine == theirs, f"message {index + 1} differs:\n{diff}"
