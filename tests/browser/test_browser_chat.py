"""The chat page in a real browser, with the script on: a whole conversation through the JSON API."""

from __future__ import annotations

import re

import pytest
from browser.actions import assert_same_structure, bot_messages, message_structure, send, type_message, user_texts
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

ANSWER = ("I would put the model behind FastAPI, package it with Docker and watch drift "
          "so it keeps serving 2000 requests a second.")


def test_whole_conversation_from_greeting_to_summary(page, live_server):
    page.goto(live_server.url)
    expect(bot_messages(page)).to_have_count(1)
    expect(bot_messages(page).first).to_contain_text("Machine Learning Engineering")

    type_message(page, "how long does the switch take?")
    expect(bot_messages(page)).to_have_count(2)
    reply = bot_messages(page).last
    expect(reply.locator("ol > li")).to_have_count(3)
    expect(reply.locator("strong")).to_have_text("6-12 months")
    expect(page.locator("#chat-input")).to_have_value("")

    page.locator("button.quick-reply", has_text="Practice").click()
    question = bot_messages(page).last.locator(".question-card")
    expect(question).to_contain_text("How would you serve a model to thousands of users?")
    expect(question.locator(".chip")).to_contain_text(["Technical", "Model serving", "Kubernetes and Docker"])
    banner = page.locator("#practice-banner")
    expect(banner).to_be_visible()
    expect(banner).to_contain_text("How would you serve a model")

    type_message(page, ANSWER)
    card = bot_messages(page).last.locator(".feedback")
    expect(card).to_be_visible()
    expect(card.locator(".score__meter")).to_have_attribute("value", re.compile(r"^\d+$"))
    score = int(card.locator(".score__number").inner_text())
    assert card.locator(".score__meter").evaluate("m => m.value") == score == 100
    expect(card.locator(".criterion")).to_have_count(2)
    expect(card.locator(".criterion").first).to_contain_text("Relevance")
    expect(card.locator(".criterion").first).to_contain_text("60/60")
    expect(card.locator(".answer mark")).to_have_text(["FastAPI", "Docker", "drift"])
    expect(card.locator(".answer")).to_have_text(ANSWER)
    expect(card.locator("[data-slot='covered'] li")).to_have_count(3)
    expect(card.locator(".tips li")).to_have_count(2)
    expect(banner).to_be_hidden()

    page.locator("button.quick-reply", has_text="Try again").click()
    expect(banner).to_be_visible()
    type_message(page, "I would use FastAPI.")
    retry_card = bot_messages(page).last.locator(".feedback")
    expect(retry_card.locator(".change")).to_be_visible()
    expect(retry_card.locator(".change__delta")).to_have_text(re.compile(r"^−\d+$"))
    expect(retry_card.locator(".change")).to_contain_text("100")

    type_message(page, "summary")
    table = bot_messages(page).last.locator("table")
    expect(table.locator("thead th")).to_have_text(["Question", "Attempts", "Best score"])
    expect(table.locator("tbody tr")).to_have_count(1)
    expect(table.locator("tbody tr").first).to_contain_text("2")
    expect(table.locator("tbody tr").first).to_contain_text("100/100")


def test_each_turn_is_stored_once_and_survives_a_reload(page, live_server):
    page.goto(live_server.url)
    type_message(page, "how long does the switch take?")
    expect(bot_messages(page)).to_have_count(2)
    page.reload()
    expect(user_texts(page)).to_have_text(["how long does the switch take?"])
    expect(bot_messages(page)).to_have_count(2)


def test_markup_in_a_message_is_shown_as_text_and_runs_nothing(page, live_server):
    hostile = '<script>window.__x=1</script><img src=x onerror="window.__y=1"> **bold?**'
    page.goto(live_server.url)
    send(page, hostile)  # the turn is stored before the page is reloaded
    user = page.locator("#messages [data-sender='user']").last
    expect(user).to_contain_text(hostile)
    page.reload()
    expect(page.locator("#messages [data-sender='user']").last).to_contain_text(hostile)
    assert page.evaluate("() => [window.__x, window.__y]") == [None, None]
    assert page.locator("#messages img").count() == 0
    assert page.locator("#messages script").count() == 0


def test_a_failed_send_shows_not_sent_and_its_retry_is_stored_once(page, live_server, problems):
    page.goto(live_server.url)
    url = re.compile(r".*/api/sessions/[^/]+/messages$")

    def lose_the_answer(route):
        route.fetch()  # the server stores the turn, but the browser never hears back
        route.abort()

    page.route(url, lose_the_answer)
    type_message(page, "how long does the switch take?")
    pending = page.locator(".message--failed")
    expect(pending).to_contain_text("Not sent")
    expect(page.locator("#send-button")).to_be_enabled()
    type_message(page, "another message")
    expect(page.locator("#send-status")).to_contain_text("Retry it first")
    problems.expect("net::ERR_FAILED")

    page.unroute(url)
    pending.locator("button.retry").click()
    expect(page.locator(".message--failed")).to_have_count(0)
    expect(user_texts(page)).to_have_text(["how long does the switch take?"])
    expect(bot_messages(page)).to_have_count(2)
    page.reload()
    expect(page.locator("#messages [data-sender='user']")).to_have_count(1)
    expect(bot_messages(page)).to_have_count(2)


def test_the_send_button_is_disabled_and_a_typing_indicator_shows_while_a_turn_is_in_flight(page, live_server):
    page.goto(live_server.url)
    release = []
    url = re.compile(r".*/api/sessions/[^/]+/messages$")
    page.route(url, lambda route: release.append(route))
    type_message(page, "how long does the switch take?")
    expect(page.locator("#typing")).to_be_visible()
    expect(page.locator("#send-button")).to_be_disabled()
    expect(page.locator(".message--pending")).to_contain_text("Sending")
    while not release:
        page.wait_for_timeout(20)
    release[0].continue_()
    expect(page.locator("#typing")).to_be_hidden()
    expect(page.locator("#send-button")).to_be_enabled()
    expect(bot_messages(page)).to_have_count(2)


def test_new_bot_messages_are_announced_in_the_live_region(page, live_server):
    page.goto(live_server.url)
    type_message(page, "how long does the switch take?")
    expect(page.locator("#live")).to_contain_text("6-12 months")
    expect(page.locator("#live")).to_have_attribute("aria-live", "polite")


def test_the_character_counter_tracks_the_limit(page, live_server):
    page.goto(live_server.url)
    counter = page.locator("#chat-counter")
    expect(counter).to_have_text("0")
    page.locator("#chat-input").fill("hello")
    expect(counter).to_have_text("5")
    page.locator("#chat-input").fill("x" * 5000)
    expect(counter).to_have_text("5,000")  # never cut: the counter shows how far over the text is
    expect(page.locator(".counter")).to_have_class(re.compile("counter--over"))


def test_messages_built_by_the_script_match_the_server_rendered_ones(page, live_server):
    page.goto(live_server.url)
    for text in ["how long does the switch take?", "practice", "no idea", "Just FastAPI, nothing more.",
                 "try again", ANSWER, "summary", "<b>markup</b> & **stars**"]:
        type_message(page, text)
        expect(page.locator("#typing")).to_be_hidden()
    built = message_structure(page)
    page.reload()
    rendered = message_structure(page)
    assert len(built) == len(rendered) == 17
    assert_same_structure(built, rendered)


def test_an_unsent_message_survives_a_reload_and_its_retry_is_not_shown_twice(page, live_server, problems):
    page.goto(live_server.url)
    url = re.compile(r".*/api/sessions/[^/]+/messages$")

    def lose_the_answer(route):
        route.fetch()
        route.abort()

    page.route(url, lose_the_answer)
    type_message(page, "how long does the switch take?")
    expect(page.locator(".message--failed")).to_be_visible()
    problems.expect("net::ERR_FAILED")
    page.unroute(url)

    page.reload()
    expect(user_texts(page)).to_have_text(["how long does the switch take?", "how long does the switch take?"])
    expect(page.locator(".message--failed")).to_be_visible()
    page.locator(".message--failed button.retry").click()
    expect(page.locator(".message--failed")).to_have_count(0)
    expect(user_texts(page)).to_have_text(["how long does the switch take?"])
    expect(bot_messages(page)).to_have_count(2)
