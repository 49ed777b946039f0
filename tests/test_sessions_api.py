"""The "Sessions and transcripts" table of API.md, through the Flask test client, on every backend."""

from __future__ import annotations

import json
import re

ISO_UTC = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|\+00:00)$")
MESSAGE_KEYS = {"id", "seq", "sender", "text", "created_at", "intent", "quick_replies", "question", "feedback"}
DISPLAY_KEYS = {"blocks", "answer_segments", "keeps_question_open"}  # additive: what the page renders (docs/api.md)


def test_creating_a_session_returns_it_with_a_token_and_the_greeting(client):
    response = client.post("/api/sessions")
    assert response.status_code == 201
    body = response.get_json()
    assert set(body["session"]) == {"id", "created_at", "updated_at", "transition", "title"}
    assert ISO_UTC.match(body["session"]["created_at"])
    assert len(body["token"]) >= 32
    opening = body["messages"]
    assert opening and all(m["sender"] == "bot" for m in opening)
    assert [m["seq"] for m in opening] == list(range(1, len(opening) + 1))
    assert set(opening[0]) == MESSAGE_KEYS | DISPLAY_KEYS
    assert opening[-1]["quick_replies"], "the greeting offers what the user can do"


def test_session_takes_a_known_transition_and_rejects_an_unknown_one(client, engine):
    known = engine.transitions()[0]
    ok = client.post("/api/sessions", json={"transition": known})
    assert ok.status_code == 201 and ok.get_json()["session"]["transition"] == known
    bad = client.post("/api/sessions", json={"transition": "astronaut-to-chef"})
    assert bad.status_code == 400
    assert bad.get_json()["error"]["code"] == "unknown_transition"


def test_a_turn_stores_the_user_message_then_the_bot_replies(conversation):
    response = conversation.send("hello")
    assert response.status_code == 200
    messages = response.get_json()["messages"]
    assert messages[0]["sender"] == "user" and messages[0]["text"] == "hello"
    assert messages[0]["intent"] is None
    assert len(messages) >= 2 and all(m["sender"] == "bot" for m in messages[1:])
    assert all(m["intent"] for m in messages[1:])
    first = len(conversation.opening) + 1
    assert [m["seq"] for m in messages] == list(range(first, first + len(messages)))


def test_text_is_trimmed_and_stored_exactly(conversation):
    odd = "  naïve 🙂 مرحبا e\u0301 zero\u200bwidth  "
    sent = conversation.send(odd).get_json()["messages"][0]
    assert sent["text"] == odd.strip()
    stored = conversation.client.get(f"/api/sessions/{conversation.id}", headers=conversation.headers)
    assert stored.get_json()["messages"][len(conversation.opening)]["text"] == odd.strip()


def test_the_same_client_message_id_returns_the_same_turn_and_stores_nothing(conversation, client):
    first = conversation.send("how long does it take?", client_message_id="m-1").get_json()["messages"]
    again = conversation.send("how long does it take?", client_message_id="m-1").get_json()["messages"]
    assert again == first
    stored = client.get(f"/api/sessions/{conversation.id}", headers=conversation.headers).get_json()
    assert len(stored["messages"]) == len(conversation.opening) + len(first)


def test_get_returns_the_whole_conversation_in_order(conversation, client):
    conversation.turn("hi")
    conversation.turn("what is the salary?")
    body = client.get(f"/api/sessions/{conversation.id}", headers=conversation.headers).get_json()
    seqs = [m["seq"] for m in body["messages"]]
    assert seqs == list(range(1, len(seqs) + 1))
    assert [m["text"] for m in body["messages"] if m["sender"] == "user"] == ["hi", "what is the salary?"]
    assert body["session"]["title"].startswith("hi")


def test_a_wrong_or_missing_token_and_an_unknown_session_look_alike(conversation, client, new_conversation):
    other = new_conversation()
    url = f"/api/sessions/{conversation.id}"
    responses = [
        client.get(url),
        client.get(url, headers={"Authorization": "Bearer nope"}),
        client.get(url, headers=other.headers),
        client.get("/api/sessions/does-not-exist", headers=conversation.headers),
        client.post(url + "/messages", json={"text": "hi"}, headers=other.headers),
        client.delete(url, headers=other.headers),
        client.get(url + "/transcript", headers=other.headers),
    ]
    for response in responses:
        assert response.status_code == 404
        assert response.get_json()["error"]["code"] == "not_found"
    assert client.get(url, headers=conversation.headers).status_code == 200


def test_delete_removes_the_session_and_all_its_messages(conversation, client, app):
    conversation.turn("hello")
    assert client.delete(f"/api/sessions/{conversation.id}", headers=conversation.headers).status_code == 204
    assert client.get(f"/api/sessions/{conversation.id}", headers=conversation.headers).status_code == 404
    from chatbot.store.maintenance import count_rows

    with app.app_context():
        assert count_rows() == (0, 0)


def test_transcripts_download_in_three_formats(conversation, client):
    conversation.turn("How long will the move take?")
    url = f"/api/sessions/{conversation.id}/transcript"
    for fmt, mimetype, ending in [("markdown", "text/markdown", ".md"), ("json", "application/json", ".json"),
                                  ("text", "text/plain", ".txt")]:
        response = client.get(f"{url}?format={fmt}", headers=conversation.headers)
        assert response.status_code == 200
        assert response.mimetype == mimetype
        disposition = response.headers["Content-Disposition"]
        assert disposition.startswith("attachment;") and disposition.rstrip('"').endswith(ending)
        body = response.get_data(as_text=True)
        assert "How long will the move take?" in body
    as_json = json.loads(client.get(f"{url}?format=json", headers=conversation.headers).get_data())
    assert [m["seq"] for m in as_json["messages"]] == list(range(1, len(as_json["messages"]) + 1))
    assert client.get(f"{url}?format=pdf", headers=conversation.headers).status_code == 400


def test_markdown_is_the_default_transcript_format(conversation, client):
    response = client.get(f"/api/sessions/{conversation.id}/transcript", headers=conversation.headers)
    assert response.mimetype == "text/markdown"


def test_sessions_survive_an_application_restart(app_factory, client, conversation):
    conversation.turn("hello")
    fresh = app_factory().test_client()
    body = fresh.get(f"/api/sessions/{conversation.id}", headers=conversation.headers).get_json()
    assert [m["text"] for m in body["messages"] if m["sender"] == "user"] == ["hello"]
    follow = fresh.post(f"/api/sessions/{conversation.id}/messages", json={"text": "help"},
                        headers=conversation.headers)
    assert follow.status_code == 200


def test_health_reports_ok_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.get_json() == {"status": "ok"}
