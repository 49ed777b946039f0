"""Saved sessions through the Flask test client: isolation between browsers, transcripts, downloads,
delete with a confirm step, and resume."""

from __future__ import annotations

import json

import pytest
from browser.client import Browser
from browser.dom import parse


@pytest.fixture
def alice(web_app) -> Browser:
    return Browser(web_app)


@pytest.fixture
def bob(web_app) -> Browser:
    return Browser(web_app)


def cards(browser: Browser):
    return browser.page("/sessions").find_all("li", cls="session-card")


def test_each_browser_lists_only_its_own_sessions(alice, bob):
    alice.say("how long does the switch take?")
    bob.say("practice")
    assert [c.find("h2").text for c in cards(alice)] == ["how long does the switch take?"]
    assert [c.find("h2").text for c in cards(bob)] == ["practice"]


def test_a_browser_that_never_chatted_sees_an_empty_list(bob):
    page = bob.page("/sessions")
    assert page.find_all("li", cls="session-card") == []
    assert "No saved sessions yet" in page.find("div", cls="empty").text


def test_the_list_shows_messages_and_best_and_latest_practice_scores(alice):
    alice.say("practice")
    alice.say("FastAPI in Docker with drift monitoring, 300 replicas.")
    alice.say("try again")
    alice.say("Only FastAPI here.")
    card = cards(alice)[0]
    assert "9 messages" in " ".join(card.text.split())
    stats = {s.find("dt").text: s.find("dd").text for s in card.find_all("div", cls="stat")}
    assert stats == {"Best": "100", "Latest": "30", "Answers": "2"}
    assert card.find("span", cls="badge").text == "Current"


def test_another_browsers_session_answers_404_everywhere(alice, bob):
    alice.say("how long does the switch take?")
    session_id = alice.session_id()
    token = bob.csrf()
    for path in [f"/sessions/{session_id}", f"/sessions/{session_id}/delete",
                 f"/sessions/{session_id}/download/markdown"]:
        assert bob.client.get(path).status_code == 404, path
    assert bob.client.post(f"/sessions/{session_id}/delete", data={"csrf_token": token}).status_code == 404
    assert bob.client.post(f"/sessions/{session_id}/resume", data={"csrf_token": token}).status_code == 404
    assert alice.client.get(f"/sessions/{session_id}").status_code == 200


def test_the_transcript_page_uses_the_message_partials_and_offers_downloads(alice):
    alice.say("practice")
    alice.say("FastAPI in Docker with drift monitoring, 300 replicas.")
    page = alice.page(f"/sessions/{alice.session_id()}")
    messages = page.find("ol", id="messages").find_all("li", cls="message")
    assert [m.attrs["data-sender"] for m in messages] == ["bot", "user", "bot", "user", "bot"]
    assert messages[-1].find("meter", cls="score__meter").attrs["value"] == "100"
    assert [m.text for m in messages[-1].find_all("mark")] == ["FastAPI", "Docker", "drift", "monitoring"]
    links = [a.attrs["data-format"] for a in page.find("div", cls="downloads").find_all("a")]
    assert links == ["markdown", "json", "text"]
    assert page.find("link", media="print") is not None


@pytest.mark.parametrize("fmt, mimetype", [("markdown", "text/markdown"), ("json", "application/json"),
                                           ("text", "text/plain")])
def test_downloads_come_as_attachments_with_the_whole_conversation(alice, fmt, mimetype):
    alice.say("how long does the switch take?")
    response = alice.client.get(f"/sessions/{alice.session_id()}/download/{fmt}")
    assert response.status_code == 200
    assert response.mimetype == mimetype
    assert response.headers["Content-Disposition"].startswith("attachment;")
    body = response.get_data(as_text=True)
    assert "how long does the switch take?" in body and "6-12 months" in body
    if fmt == "json":
        assert len(json.loads(body)["messages"]) == 3


def test_an_unknown_download_format_is_a_400_page(alice):
    alice.say("hello there")
    response = alice.client.get(f"/sessions/{alice.session_id()}/download/pdf")
    assert response.status_code == 400 and response.mimetype == "text/html"


def test_delete_shows_a_confirmation_first_and_deletes_only_on_a_protected_post(alice):
    alice.say("how long does the switch take?")
    session_id = alice.session_id()
    confirm = alice.page(f"/sessions/{session_id}/delete")
    form = confirm.find("form", action=f"/sessions/{session_id}/delete")
    assert form.attrs["method"] == "post" and form.find("input", name="csrf_token")
    assert len(cards(alice)) == 1, "showing the confirmation deletes nothing"

    refused = alice.client.post(f"/sessions/{session_id}/delete")
    assert refused.status_code == 400
    assert len(cards(alice)) == 1

    token = form.find("input", name="csrf_token").attrs["value"]
    done = alice.client.post(f"/sessions/{session_id}/delete", data={"csrf_token": token})
    assert done.status_code == 303 and done.headers["Location"].endswith("/sessions")
    listing = alice.page("/sessions")
    assert "deleted" in listing.find("p", cls="notice").text
    assert listing.find_all("li", cls="session-card") == []
    assert alice.client.get(f"/sessions/{session_id}").status_code == 404


def test_after_deleting_the_current_conversation_the_chat_starts_a_new_one(alice):
    alice.say("how long does the switch take?")
    session_id = alice.session_id()
    alice.client.post(f"/sessions/{session_id}/delete", data={"csrf_token": alice.csrf()})
    assert alice.session_id() != session_id
    assert [m.attrs["data-sender"] for m in alice.messages()] == ["bot"]


def test_resume_makes_a_saved_conversation_current(alice):
    alice.say("how long does the switch take?")
    older = alice.session_id()
    alice.client.post("/new", data={"csrf_token": alice.csrf()})
    assert alice.session_id() != older
    response = alice.client.post(f"/sessions/{older}/resume", data={"csrf_token": alice.csrf()})
    assert response.status_code == 303
    assert alice.session_id() == older
    assert "how long does the switch take?" in alice.messages()[1].text


def test_a_session_title_with_markup_is_escaped_in_the_list_and_transcript(alice):
    alice.say("<b onmouseover=alert(1)>hi</b>")
    for path in ["/sessions", f"/sessions/{alice.session_id()}"]:
        html = alice.client.get(path).get_data(as_text=True)
        assert "<b onmouseover" not in html
        assert "&lt;b onmouseover=alert(1)&gt;hi&lt;/b&gt;" in html
    assert parse(alice.client.get("/sessions").get_data(as_text=True)).find("h2", cls="session-card__title").text \
        == "<b onmouseover=alert(1)>hi</b>"
