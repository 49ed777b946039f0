"""Bad input gets a clear JSON error with the right status, stores nothing, and never a 500."""

from __future__ import annotations

import pytest


def _stored(conversation) -> int:
    body = conversation.client.get(f"/api/sessions/{conversation.id}", headers=conversation.headers).get_json()
    return len(body["messages"])


@pytest.mark.parametrize("body, code", [
    ({"text": ""}, "invalid_text"),
    ({"text": "   \n\t "}, "invalid_text"),
    ({"text": 42}, "invalid_text"),
    ({"text": None}, "invalid_text"),
    ({"text": ["hi"]}, "invalid_text"),
    ({}, "invalid_text"),
    ({"text": "x" * 4001}, "text_too_long"),
    ({"text": "nul\u0000byte"}, "invalid_text"),
    ({"text": "hi", "client_message_id": ""}, "invalid_client_message_id"),
    ({"text": "hi", "client_message_id": "x" * 65}, "invalid_client_message_id"),
    ({"text": "hi", "client_message_id": 7}, "invalid_client_message_id"),
])
def test_invalid_message_bodies_are_refused_and_nothing_is_stored(conversation, body, code):
    before = _stored(conversation)
    response = conversation.client.post(f"/api/sessions/{conversation.id}/messages", json=body,
                                        headers=conversation.headers)
    assert response.status_code == 400
    error = response.get_json()["error"]
    assert error["code"] == code and error["message"].endswith(".")
    assert _stored(conversation) == before


def test_text_of_exactly_the_limit_is_accepted(conversation):
    assert conversation.send("y" * 4000).status_code == 200


@pytest.mark.parametrize("data, content_type, status, code", [
    ("not json", "application/json", 400, "invalid_json"),
    ("[1, 2]", "application/json", 400, "invalid_json"),
    ('"text"', "application/json", 400, "invalid_json"),
    ("text=hi", "application/x-www-form-urlencoded", 415, "unsupported_media_type"),
    ('{"text": "hi"}', "text/plain", 415, "unsupported_media_type"),
    (b'{"text": "\xff\xfe"}', "application/json", 400, "invalid_encoding"),
    ("[" * 100000 + "]" * 100000, "application/json", 413, "too_large"),
    ('{"a":' * 5000 + "1" + "}" * 5000, "application/json", 400, "invalid_json"),
])
def test_malformed_bodies_are_refused(conversation, data, content_type, status, code):
    before = _stored(conversation)
    response = conversation.client.post(f"/api/sessions/{conversation.id}/messages", data=data,
                                        content_type=content_type, headers=conversation.headers)
    assert response.status_code == status
    assert response.get_json()["error"]["code"] == code
    assert _stored(conversation) == before


def test_oversized_body_is_413(conversation):
    response = conversation.client.post(f"/api/sessions/{conversation.id}/messages",
                                        json={"text": "z" * (70 * 1024)}, headers=conversation.headers)
    assert response.status_code == 413
    assert response.get_json()["error"]["code"] == "too_large"


def test_wrong_method_and_unknown_route_answer_json(client, conversation):
    wrong = client.put(f"/api/sessions/{conversation.id}", headers=conversation.headers)
    assert wrong.status_code == 405 and wrong.get_json()["error"]["code"] == "method_not_allowed"
    missing = client.get("/api/nothing-here")
    assert missing.status_code == 404 and missing.get_json()["error"]["code"] == "not_found"


def test_session_creation_rejects_a_transition_of_the_wrong_type(client):
    response = client.post("/api/sessions", json={"transition": 5})
    assert response.status_code == 400
    assert response.get_json()["error"]["code"] == "invalid_field"


def test_session_creation_with_a_non_json_body_is_415(client):
    response = client.post("/api/sessions", data="transition=x", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 415
