"""The chat page through the Flask test client: the no-JavaScript form flow, CSRF, escaping, cards."""

from __future__ import annotations

import re

import pytest
from browser.client import Browser
from browser.dom import Element, parse

ANSWER = "I would put it behind FastAPI, in Docker, and watch drift at 500 requests a second."


@pytest.fixture
def browser(web_app) -> Browser:
    return Browser(web_app)


def texts(elements: list[Element]) -> list[str]:
    return [" ".join(e.text.split()) for e in elements]


def test_the_chat_page_has_the_stable_hooks_and_opens_with_the_greeting(browser):
    page = browser.page()
    form = page.find("form", id="chat-form")
    assert form.attrs["method"] == "post"
    assert form.find("textarea", id="chat-input").attrs["name"] == "text"
    assert form.find("input", name="csrf_token").attrs["value"]
    messages = page.find("ol", id="messages").find_all("li", cls="message")
    assert [m.attrs["data-sender"] for m in messages] == ["bot"]
    assert "Machine Learning Engineering" in messages[0].text
    quick = page.find("form", id="quick-replies")
    assert texts(quick.find_all("button", cls="quick-reply")) == ["Timeline", "Practice", "Summary"]


def test_a_plain_form_post_runs_a_turn_and_redirects_to_it(browser):
    response = browser.say("how long does the switch take?")
    assert response.status_code == 303
    assert response.headers["Location"].endswith("/#m-2")
    messages = browser.messages()
    assert [m.attrs["data-sender"] for m in messages] == ["bot", "user", "bot"]
    assert "6-12 months" in messages[-1].text
    assert messages[-1].find("ol").find("li").text == "Ship one model behind an API."


def test_quick_replies_are_submit_buttons_of_a_form_that_posts_the_text(browser):
    form = browser.page().find("form", id="quick-replies")
    assert form.attrs["method"] == "post" and form.find("input", name="csrf_token")
    button = form.find("button", cls="quick-reply")
    assert (button.attrs["type"], button.attrs["name"], button.attrs["value"]) == ("submit", "text", "Timeline")
    fields = {i.attrs["name"]: i.attrs["value"] for i in form.find_all("input")}
    browser.client.post(form.attrs["action"], data={**fields, "text": button.attrs["value"]})
    assert browser.messages()[1].text.strip().endswith("Timeline")


def test_a_form_post_without_the_csrf_token_is_refused_and_stores_nothing(browser):
    browser.page()
    response = browser.client.post("/", data={"text": "hello"})
    assert response.status_code == 400
    assert "expired" in response.get_data(as_text=True)
    forged = browser.client.post("/", data={"text": "hello", "csrf_token": "forged"})
    assert forged.status_code == 400
    assert [m.attrs["data-sender"] for m in browser.messages()] == ["bot"]


def test_the_api_takes_the_page_cookie_only_with_the_csrf_header(browser):
    page = browser.page()
    url = page.find("main", id="main").attrs["data-messages-url"]
    token = page.find("meta", name="csrf-token").attrs["content"]
    refused = browser.client.post(url, json={"text": "hello"})
    assert refused.status_code == 400
    accepted = browser.client.post(url, json={"text": "hello"}, headers={"X-CSRFToken": token})
    assert accepted.status_code == 200
    assert [m["sender"] for m in accepted.get_json()["messages"]] == ["user", "bot"]


def test_a_resubmitted_form_is_stored_once(browser):
    fields = browser.form_fields()
    first = browser.client.post("/", data={**fields, "text": "how long does the switch take?"})
    again = browser.client.post("/", data={**fields, "text": "how long does the switch take?"})
    assert first.headers["Location"] == again.headers["Location"]
    assert len(browser.messages()) == 3


@pytest.mark.parametrize("text", ["", "   \n  ", "x" * 4001])
def test_empty_or_too_long_text_is_refused_and_the_draft_kept(browser, text):
    response = browser.say(text)
    assert response.status_code == 400
    page = parse(response.get_data(as_text=True))
    assert page.find("p", id="chat-error").text
    textarea = page.find("textarea", id="chat-input")
    assert textarea.attrs["aria-invalid"] == "true"
    assert textarea.text == text
    assert len(browser.messages()) == 1


def test_markup_in_a_message_is_escaped_wherever_the_page_shows_it(browser):
    hostile = '<script>window.__x=1</script><img src=x onerror="window.__y=1">'
    browser.say(hostile)
    html = browser.client.get("/").get_data(as_text=True)
    assert "<script>window.__x" not in html and "<img src=x" not in html
    assert "&lt;script&gt;window.__x=1&lt;/script&gt;" in html
    assert browser.messages()[1].text.strip().endswith(hostile)
    transcript = browser.client.get(f"/sessions/{browser.session_id()}").get_data(as_text=True)
    assert "<script>window.__x" not in transcript and "&lt;img src=x" in transcript


def test_the_practice_question_is_shown_above_the_message_box_until_answered(browser):
    browser.say("practice")
    page = browser.page()
    banner = page.find("section", id="practice-banner")
    assert "hidden" not in banner.attrs
    assert "How would you serve a model" in banner.text
    assert texts(banner.find_all("li", cls="chip")) == ["Model serving", "Kubernetes and Docker"]
    assert page.find("textarea", id="chat-input").attrs["placeholder"].startswith("Type your answer")
    card = browser.messages()[-1].find("div", cls="question-card")
    assert "Technical" in card.text
    browser.say(ANSWER)
    assert "hidden" in browser.page().find("section", id="practice-banner").attrs


def test_the_feedback_card_shows_score_criteria_points_highlights_and_tips(browser):
    browser.say("practice")
    browser.say(ANSWER)
    card = browser.messages()[-1].find("section", cls="feedback")
    meter = card.find("meter", cls="score__meter")
    assert (meter.attrs["min"], meter.attrs["max"], meter.attrs["value"]) == ("0", "100", "100")
    assert card.find("span", cls="score__number").text == "100"
    criteria = card.find_all("li", cls="criterion")
    assert texts(criteria[0].find_all("span", cls="criterion__label")) == ["Relevance"]
    assert criteria[0].find("meter").attrs["value"] == "60" and criteria[0].find("meter").attrs["max"] == "60"
    assert "Talking points you made." in criteria[0].text
    assert texts(card.find("ul", data_slot="covered").find_all("li")) == [
        "Puts the model behind an API", "Packages it in a container", "Monitors it in production"]
    answer = card.find("blockquote", cls="answer")
    assert answer.text == ANSWER
    marks = answer.find_all("mark")
    assert [m.text for m in marks] == ["FastAPI", "Docker", "drift"]
    assert marks[0].attrs["data-point"] == "Puts the model behind an API"
    assert len(card.find("ul", cls="tips").find_all("li")) == 2
    assert "hidden" in card.find("p", data_slot="change").attrs


def test_a_retry_shows_the_change_since_the_last_attempt(browser):
    browser.say("practice")
    browser.say("I would use FastAPI and nothing else here.")
    browser.say("try again")
    browser.say(ANSWER)
    card = browser.messages()[-1].find("section", cls="feedback")
    change = card.find("p", data_slot="change")
    assert "hidden" not in change.attrs and "change--up" in change.classes
    assert card.find("span", data_slot="delta").text == "+70"
    assert card.find("span", data_slot="previous").text == "30"
    assert "Packages it in a container" in card.find("p", data_slot="newly").text


def test_a_too_short_answer_asks_for_more_without_a_score(browser):
    browser.say("practice")
    browser.say("no idea")
    card = browser.messages()[-1].find("section", cls="feedback")
    assert "feedback--needs-answer" in card.classes
    assert "hidden" in card.find("div", data_section="score").attrs
    assert "hidden" in card.find("div", data_section="criteria").attrs
    assert "too short" in card.find("p", data_slot="summary").text
    assert "hidden" not in browser.page().find("section", id="practice-banner").attrs


def test_a_summary_table_is_rendered_as_an_html_table(browser):
    browser.say("practice")
    browser.say(ANSWER)
    browser.say("summary")
    table = browser.messages()[-1].find("table")
    assert texts(table.find("thead").find_all("th")) == ["Question", "Attempts", "Best score"]
    rows = table.find("tbody").find_all("tr")
    assert len(rows) == 1
    assert rows[0].find("th").attrs["scope"] == "row"
    assert texts(rows[0].find_all("td")) == ["1", "100/100"]
    assert "|" not in browser.messages()[-1].find("div", cls="message__text").text


def test_new_conversation_starts_afresh_but_reuses_one_not_yet_written_in(browser):
    first = browser.session_id()
    token = browser.form_fields()["csrf_token"]
    browser.client.post("/new", data={"csrf_token": token})
    assert browser.session_id() == first
    browser.say("how long does the switch take?")
    browser.client.post("/new", data={"csrf_token": token})
    assert browser.session_id() != first
    assert [m.attrs["data-sender"] for m in browser.messages()] == ["bot"]


def test_pages_carry_no_inline_script_style_or_event_handler(browser):
    browser.say("practice")
    browser.say(ANSWER)
    for path in ["/", "/sessions", f"/sessions/{browser.session_id()}", f"/sessions/{browser.session_id()}/delete"]:
        html = browser.client.get(path).get_data(as_text=True)
        assert not re.search(r"<script(?![^>]*\bsrc=)", html), path
        assert not re.search(r"\sstyle=", html), path
        assert not re.search(r"\son[a-z]+=", html), path
        assert "<style" not in html, path


def test_pages_are_never_cached_and_carry_the_security_policy(browser):
    response = browser.client.get("/")
    assert response.headers["Cache-Control"] == "no-store"
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]


def test_an_unknown_address_answers_an_html_404_page(browser):
    response = browser.client.get("/no-such-page")
    assert response.status_code == 404
    assert response.mimetype == "text/html"
    assert parse(response.get_data(as_text=True)).find("div", cls="error-page").attrs["data-status"] == "404"
