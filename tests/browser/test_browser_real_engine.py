"""A whole conversation with the shipped engine: whatever it says, the page shows it faithfully."""

from __future__ import annotations

import pytest
from browser.actions import bot_messages, send
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

ANSWER = ("For example, in my last role I built and deployed a churn model to production with Docker. "
          "I simplified the results for the marketing director with one chart, checked they understood, "
          "and the campaign they changed lifted retention by 5%.")


def stored_messages(page, server) -> list[dict]:
    session_id = page.locator("#main").get_attribute("data-session-id")
    response = page.request.get(f"{server.url}/api/sessions/{session_id}")
    assert response.ok
    return response.json()["messages"]


def credited_spans(answer: str, highlights: list[dict]) -> list[str]:
    """What the page marks: each credited phrase, with overlapping ones (two points, one phrase) joined."""
    spans: list[list[int]] = []
    for start, end in sorted((h["start"], h["end"]) for h in highlights):
        if spans and start <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], end)
        else:
            spans.append([start, end])
    return [answer[start:end] for start, end in spans]


def test_a_whole_conversation_with_the_real_engine(page, real_server):
    page.goto(real_server.url)
    expect(bot_messages(page)).to_have_count(1)
    expect(page.locator("button.quick-reply").first).to_be_visible()

    send(page, "how long does the switch take?")
    expect(bot_messages(page).last).not_to_have_attribute("data-intent", "fallback")

    count = bot_messages(page).count()
    page.locator("button.quick-reply").first.click()
    expect(bot_messages(page)).to_have_count(count + 1)

    send(page, "practice")
    expect(bot_messages(page).last.locator(".question-card")).to_be_visible()
    expect(page.locator("#practice-banner")).to_be_visible()

    send(page, ANSWER)
    card = bot_messages(page).last.locator(".feedback")
    expect(card).to_be_visible()
    score = int(card.locator(".score__number").inner_text())
    assert card.locator(".score__meter").evaluate("m => m.value") == score
    expect(card.locator(".criterion").first).to_be_visible()
    criteria = card.locator(".criterion__score").all_inner_texts()
    assert sum(int(text.split("/")[0]) for text in criteria) == score
    feedback = stored_messages(page, real_server)[-1]["feedback"]
    assert card.locator(".answer mark").all_inner_texts() == credited_spans(ANSWER.strip(), feedback["highlights"])

    send(page, "try again")
    expect(page.locator("#practice-banner")).to_be_visible()
    send(page, ANSWER + " I would do it again the same way.")
    expect(bot_messages(page).last.locator(".feedback .change")).to_be_visible()

    send(page, "summary")
    expect(bot_messages(page).last.locator("table").first).to_be_visible()
    expect(bot_messages(page).last.locator("table").first.locator("tbody tr").first).to_be_visible()
