"""Hostile and unusual input: odd text is kept byte for byte; broken input gets a clean 4xx, never a 500.

Runs on every backend (SQLite, and PostgreSQL when TEST_DATABASE_URL is set) through the Flask test
client; one test sends an oversized chunked body to the real server, where no Content-Length helps.
"""

from __future__ import annotations

import json
import socket

import pytest

from tests.reliability import stored
from tests.servers import running_server

UNUSUAL_TEXTS = {
    "emoji": "👩🏽‍💻 moving from DS to MLE 🚀🇬🇧 — feeling 😅 about it",
    "arabic": "أريد أن أصبح مهندس تعلم آلي في المملكة المتحدة",
    "hebrew with bidi marks": "אני רוצה לעבור ל\u200f-MLE \u202eevil\u202c done",
    "combining marks": "e\u0301 n\u0303 a\u0308 Z\u0351\u0352\u0357\u0301a\u0302\u0303l\u0304"
                       "\u0305g\u0306o\u0307",
    "zero-width characters": "\u200bzero\u200bwidth\u200cnon\u200djoiner\u2060word\ufeffjoiner",
    "astral and cjk": "机器学习工程师 𝔐𝔏𝔈 𓀀 한국어 हिन्दी",
    "controls and separators": "line one\r\nline two\ttab \x1b[31mred\x1b[0m\u2028next\u2029para\x7f",
    "markup and sql": "<script>alert('x')</script> '; DROP TABLE messages; -- {{7*7}} ${jndi:x}",
    "noncharacters": "edge \ufffe \uffff \U0010ffff end",
    "long ascii word": "a" * 4000,
    "long emoji word": "😀" * 4000,
    "long combining word": "e\u0301" * 2000,
}


def _stored_count(conversation) -> int:
    body = conversation.client.get(f"/api/sessions/{conversation.id}", headers=conversation.headers)
    return len(body.get_json()["messages"])


@pytest.mark.parametrize("text", UNUSUAL_TEXTS.values(), ids=UNUSUAL_TEXTS.keys())
def test_unusual_text_is_stored_and_returned_byte_for_byte(conversation, database_url, text):
    response = conversation.send(text, client_message_id="odd-1")
    assert response.status_code == 200, response.get_json()
    messages = response.get_json()["messages"]
    assert messages[0]["text"].encode("utf-8") == text.encode("utf-8")
    assert any(m["sender"] == "bot" and m["text"] for m in messages[1:])

    url = f"/api/sessions/{conversation.id}"
    again = conversation.client.get(url, headers=conversation.headers).get_json()["messages"]
    assert again[messages[0]["seq"] - 1]["text"].encode("utf-8") == text.encode("utf-8")
    download = conversation.client.get(f"{url}/transcript?format=json", headers=conversation.headers)
    as_json = json.loads(download.get_data().decode("utf-8"))
    assert text in [m["text"] for m in as_json["messages"]]
    in_database = [m["text"] for m in stored.messages(database_url, conversation.id) if m["sender"] == "user"]
    assert in_database == [text]


def test_the_longest_text_in_four_byte_characters_fits_sent_raw_or_escaped(conversation):
    text = "🦄" * 4000
    raw = json.dumps({"text": text}, ensure_ascii=False).encode("utf-8")
    escaped = json.dumps({"text": text + " "}).encode("ascii")  # \ud83e\udd84 pairs, 48 KB
    for body in (raw, escaped):
        response = conversation.client.post(f"/api/sessions/{conversation.id}/messages", data=body,
                                            content_type="application/json", headers=conversation.headers)
        assert response.status_code == 200
        assert response.get_json()["messages"][0]["text"] == text


REFUSED_BODIES = {
    "escaped nul": (b'{"text": "a\\u0000b"}', "invalid_text"),
    "raw nul in a string": (b'{"text": "a\x00b"}', "invalid_json"),
    "raw nul after the object": (b'{"text": "ab"}\x00', "invalid_json"),
    "lone high surrogate": (b'{"text": "\\ud800"}', "invalid_text"),
    "lone low surrogate": (b'{"text": "x\\udfff y"}', "invalid_text"),
    "reversed surrogate pair": (b'{"text": "\\udc00\\ud800"}', "invalid_text"),
    "surrogate in client_message_id": (b'{"text": "hi", "client_message_id": "\\ud800"}', "invalid_text"),
    "invalid byte": (b'{"text": "\xff"}', "invalid_encoding"),
    "overlong encoding": (b'{"text": "\xc0\xaf"}', "invalid_encoding"),
    "encoded surrogate": (b'{"text": "\xed\xa0\x80"}', "invalid_encoding"),
    "truncated sequence": (b'{"text": "\xe2\x82"}', "invalid_encoding"),
    "latin-1 text": ('{"text": "caf\u00e9"}'.encode("latin-1"), "invalid_encoding"),
    "utf-16 body": ('{"text": "hi"}'.encode("utf-16"), "invalid_encoding"),
    "byte order mark": (b'\xef\xbb\xbf{"text": "hi"}', "invalid_json"),
    "deeply nested arrays": (b"[" * 30000 + b"]" * 30000, "invalid_json"),
    "deeply nested text": (b'{"text": ' + b"[" * 30000 + b"]" * 30000 + b"}", "invalid_json"),
    "deeply nested objects": (b'{"a":' * 10000 + b"1" + b"}" * 10000, "invalid_json"),
    "number too long to read": (b'{"text": "hi", "n": ' + b"9" * 5000 + b"}", "invalid_json"),
    "text as a number": (b'{"text": 1e999}', "invalid_text"),
    "not a json object": (b'"just a string"', "invalid_json"),
    "truncated json": (b'{"text": "hi"', "invalid_json"),
}


@pytest.mark.parametrize("body, code", REFUSED_BODIES.values(), ids=REFUSED_BODIES.keys())
def test_broken_bodies_are_refused_with_400_and_store_nothing(conversation, body, code):
    before = _stored_count(conversation)
    response = conversation.client.post(f"/api/sessions/{conversation.id}/messages", data=body,
                                        content_type="application/json", headers=conversation.headers)
    assert response.status_code == 400
    assert response.get_json()["error"]["code"] == code
    assert _stored_count(conversation) == before


@pytest.mark.parametrize("path, body", [
    ("/api/sessions", b'{"transition": "\\ud800"}'),
    ("/api/sessions", b'{"transition": "a\\u0000"}'),
    ("/api/feedback", b'{"question_id": "x", "answer": "\\udfff"}'),
    ("/api/feedback", b'{"question_id": "x", "answer": "\xfe"}'),
])
def test_other_endpoints_refuse_broken_text_with_400(client, path, body):
    response = client.post(path, data=body, content_type="application/json")
    assert response.status_code == 400
    assert set(response.get_json()["error"]) == {"code", "message"}


def test_a_body_over_64_kib_is_413_and_one_just_under_is_read(conversation):
    url = f"/api/sessions/{conversation.id}/messages"
    padding = 64 * 1024 - len(b'{"text": "hi", "pad": ""}')
    fits = json.dumps({"text": "hi", "pad": "p" * padding}).encode()
    assert len(fits) == 64 * 1024
    assert conversation.client.post(url, data=fits, content_type="application/json",
                                    headers=conversation.headers).status_code == 200
    over = conversation.client.post(url, data=fits + b" ", content_type="application/json",
                                    headers=conversation.headers)
    assert over.status_code == 413 and over.get_json()["error"]["code"] == "too_large"


@pytest.mark.parametrize("content_type", [
    "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
    "application/xml", "text/html", "application/octet-stream", "",
])
def test_bodies_that_are_not_json_are_415(conversation, content_type):
    before = _stored_count(conversation)
    response = conversation.client.post(f"/api/sessions/{conversation.id}/messages", data=b'{"text": "hi"}',
                                        content_type=content_type or None, headers=conversation.headers)
    assert response.status_code == 415
    assert response.get_json()["error"]["code"] == "unsupported_media_type"
    assert _stored_count(conversation) == before


WRONG_METHODS = [
    ("PUT", "/api/sessions"), ("GET", "/api/sessions"), ("PATCH", "/api/sessions/{id}"),
    ("PUT", "/api/sessions/{id}"), ("POST", "/api/sessions/{id}"), ("GET", "/api/sessions/{id}/messages"),
    ("DELETE", "/api/sessions/{id}/messages"), ("POST", "/api/sessions/{id}/transcript"),
    ("POST", "/api/questions"), ("DELETE", "/api/questions"), ("GET", "/api/feedback"),
    ("POST", "/healthz"), ("TRACE", "/api/sessions/{id}"), ("POST", "/api/openapi.json"),
]


@pytest.mark.parametrize("method, path", WRONG_METHODS)
def test_wrong_methods_are_405_with_allow(conversation, method, path):
    response = conversation.client.open(path.format(id=conversation.id), method=method,
                                        headers=conversation.headers, json={"text": "hi"})
    assert response.status_code == 405
    assert response.get_json()["error"]["code"] == "method_not_allowed"
    assert method not in response.headers["Allow"] and response.headers["Allow"]


@pytest.mark.parametrize("query", [
    "format=%00", "format=" + "x" * 5000, "format=%ff%fe", "format=markdown&format=pdf",
])
def test_odd_transcript_queries_are_clean(conversation, query):
    response = conversation.client.get(f"/api/sessions/{conversation.id}/transcript?{query}",
                                       headers=conversation.headers)
    assert response.status_code in {200, 400}
    if response.status_code == 400:
        assert response.get_json()["error"]["code"] == "invalid_format"


@pytest.mark.parametrize("query", ["category=%00", "category=%ff", "skill=%ED%A0%80", "skill=" + "s" * 5000,
                                   "category=technical&skill=nope"])
def test_odd_question_filters_are_400(client, query):
    response = client.get(f"/api/questions?{query}")
    assert response.status_code == 400
    assert response.get_json()["error"]["code"] in {"unknown_category", "unknown_skill"}


@pytest.mark.parametrize("session_id", ["%00", "x" * 5000, "%F0%9F%92%A5", "..%2F..%2Fetc", "%ED%A0%80",
                                        "1%20OR%201=1"])
def test_odd_session_ids_are_404(client, conversation, session_id):
    for path in (f"/api/sessions/{session_id}", f"/api/sessions/{session_id}/transcript"):
        response = client.get(path, headers=conversation.headers)
        assert response.status_code == 404
        assert response.get_json()["error"]["code"] == "not_found"


@pytest.mark.parametrize("authorization", ["Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "Bearer é\u00ff",
                                           "Bearer " + "t" * 10000, "bearer\t", "Bearer a b c"])
def test_odd_authorization_headers_are_404(conversation, authorization):
    response = conversation.client.get(f"/api/sessions/{conversation.id}",
                                       headers={"Authorization": authorization})
    assert response.status_code == 404
    assert response.get_json()["error"]["code"] == "not_found"


def _raw_request(port: int, payload: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(payload)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


@pytest.mark.slow
def test_chunked_bodies_on_the_wire_are_held_to_the_same_limit(tmp_path):
    with running_server(f"sqlite:///{tmp_path / 'wire.sqlite3'}", workers=1, log_dir=tmp_path) as server:
        piece = b"x" * 8192
        chunk = f"{len(piece):x}\r\n".encode() + piece + b"\r\n"
        head = (b"POST /api/sessions HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                b"Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
        answer = _raw_request(server.port, head + chunk * 10 + b"0\r\n\r\n")
        status_line, _, rest = answer.partition(b"\r\n")
        assert b" 413 " in status_line, answer[:300]
        assert b'"too_large"' in rest
        small = b'{"transition": null}'
        accepted = _raw_request(server.port, head + f"{len(small):x}\r\n".encode() + small + b"\r\n0\r\n\r\n")
        assert accepted.startswith(b"HTTP/1.1 201"), accepted[:300]
        health = _raw_request(server.port, b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        assert health.startswith(b"HTTP/1.1 200")
