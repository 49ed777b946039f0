"""The "Sessions and transcripts" table of API.md over real HTTP, under gunicorn with four workers.

Requests are spread over the workers by the kernel, so each call may land on a different process:
this checks that the state really lives with the session in the database.
"""

from __future__ import annotations

import pytest
import requests

from tests.servers import running_server

pytestmark = pytest.mark.slow


@pytest.fixture
def server(database_url):
    with running_server(database_url, workers=4) as running:
        yield running


def test_the_session_table_of_the_contract_over_http(server):
    base = server.url
    assert requests.get(f"{base}/healthz", timeout=10).json() == {"status": "ok"}

    created = requests.post(f"{base}/api/sessions", timeout=10)
    assert created.status_code == 201
    body = created.json()
    sid, headers = body["session"]["id"], {"Authorization": f"Bearer {body['token']}"}
    seq = len(body["messages"])

    texts = ["hi", "how long does the move take?", "what about salary?", "practice", "skip", "menu"]
    for n, text in enumerate(texts):
        turn = requests.post(f"{base}/api/sessions/{sid}/messages", json={"text": text, "client_message_id": f"c{n}"},
                             headers=headers, timeout=10)
        assert turn.status_code == 200, turn.text
        messages = turn.json()["messages"]
        assert messages[0]["text"] == text and messages[0]["seq"] == seq + 1
        seq = messages[-1]["seq"]
        retry = requests.post(f"{base}/api/sessions/{sid}/messages", json={"text": text, "client_message_id": f"c{n}"},
                              headers=headers, timeout=10)
        assert retry.json()["messages"] == messages

    whole = requests.get(f"{base}/api/sessions/{sid}", headers=headers, timeout=10).json()
    assert [m["seq"] for m in whole["messages"]] == list(range(1, seq + 1))
    assert [m["text"] for m in whole["messages"] if m["sender"] == "user"] == texts

    for fmt in ("markdown", "json", "text"):
        download = requests.get(f"{base}/api/sessions/{sid}/transcript", params={"format": fmt}, headers=headers,
                                timeout=10)
        assert download.status_code == 200
        assert download.headers["Content-Disposition"].startswith("attachment;")
        assert "how long does the move take?" in download.text

    assert requests.get(f"{base}/api/sessions/{sid}", timeout=10).status_code == 404
    assert requests.delete(f"{base}/api/sessions/{sid}", headers=headers, timeout=10).status_code == 204
    gone = requests.get(f"{base}/api/sessions/{sid}", headers=headers, timeout=10)
    assert gone.status_code == 404 and gone.json()["error"]["code"] == "not_found"
