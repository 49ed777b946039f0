"""Turns sent at once to one session are serialised: nothing lost, duplicated or misnumbered."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

THREADS = 6
TURNS_EACH = 5


def _send_all(app, session_id: str, token: str, worker: int) -> list[list[dict]]:
    client = app.test_client()
    results = []
    for n in range(TURNS_EACH):
        cmid = f"w{worker}-t{n}"
        body = {"text": f"message {n} from worker {worker}", "client_message_id": cmid}
        headers = {"Authorization": f"Bearer {token}"}
        response = client.post(f"/api/sessions/{session_id}/messages", json=body, headers=headers)
        assert response.status_code == 200, response.get_data(as_text=True)
        results.append(response.get_json()["messages"])
        if n % 2 == 0:  # a retry of the same turn, racing the other workers' new turns
            again = client.post(f"/api/sessions/{session_id}/messages", json=body, headers=headers)
            assert again.get_json()["messages"] == results[-1]
    return results


def test_concurrent_turns_on_one_session_are_stored_once_and_in_order(app, conversation):
    with ThreadPoolExecutor(THREADS) as pool:
        futures = [pool.submit(_send_all, app, conversation.id, conversation.token, w) for w in range(THREADS)]
        answered = [f.result() for f in futures]

    body = app.test_client().get(f"/api/sessions/{conversation.id}", headers=conversation.headers).get_json()
    messages = body["messages"]
    assert [m["seq"] for m in messages] == list(range(1, len(messages) + 1))

    user_texts = [m["text"] for m in messages if m["sender"] == "user"]
    expected = {f"message {n} from worker {w}" for w in range(THREADS) for n in range(TURNS_EACH)}
    assert len(user_texts) == len(expected) and set(user_texts) == expected

    # each turn is contiguous: its user message, then its bot replies, before the next turn starts
    for turn in (t for worker in answered for t in worker):
        seqs = [m["seq"] for m in turn]
        assert seqs == list(range(seqs[0], seqs[0] + len(seqs)))
        assert turn[0]["sender"] == "user" and all(m["sender"] == "bot" for m in turn[1:])

    # every worker saw its own turns in the order it sent them
    for worker_turns in answered:
        starts = [t[0]["seq"] for t in worker_turns]
        assert starts == sorted(starts)
