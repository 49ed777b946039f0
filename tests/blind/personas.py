"""Running the blind persona scripts through the HTTP API, turn by turn, and checking what each turn
must show (tests/blind/personas_*.yaml). Shared by the regression test and the evaluation command."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class TurnResult:
    persona: str
    index: int
    user: str
    expect: str
    replies: list[dict[str, Any]]
    failed: list[str] = field(default_factory=list)
    status: int = 200

    @property
    def ok(self) -> bool:
        return not self.failed


def _check(checks: dict[str, Any], status: int, replies: list[dict[str, Any]], stored: str | None,
           sent: str, previous_question: str | None) -> list[str]:
    failed = []
    if checks.get("rejected"):
        return [] if status == 400 else [f"rejected: status {status}"]
    if status != 200:
        return [f"status {status}"]
    if stored != sent.strip() and stored != sent:
        failed.append("user text not stored as sent")
    text = " ".join(r["text"] for r in replies).casefold()
    has_feedback = any(r.get("feedback") for r in replies)
    has_question = any(r.get("question") for r in replies)
    if "feedback" in checks and checks["feedback"] != has_feedback:
        failed.append(f"feedback {has_feedback}")
    if "question" in checks and checks["question"] != has_question:
        failed.append(f"question {has_question}")
    if checks.get("understood") and any(r.get("intent") == "fallback" for r in replies):
        failed.append("fell back")
    if checks.get("same_question"):
        ids = [r["feedback"]["question_id"] for r in replies if r.get("feedback")]
        if not ids or ids[-1] != previous_question:
            failed.append("not the same question")
    if checks.get("mentions_any") and not any(w.casefold() in text for w in checks["mentions_any"]):
        failed.append("mentions none of " + ", ".join(checks["mentions_any"][:4]))
    hits = [w for w in checks.get("mentions_none") or [] if w.casefold() in text]
    if hits:
        failed.append("mentions " + ", ".join(hits))
    return failed


def run_persona(client: Any, persona: dict[str, Any]) -> list[TurnResult]:
    created = client.post("/api/sessions", json={})
    body = created.get_json()
    sid, auth = body["session"]["id"], {"Authorization": f"Bearer {body['token']}"}
    results, last_question = [], None
    for index, turn in enumerate(persona["turns"]):
        sent = turn["user"]
        response = client.post(f"/api/sessions/{sid}/messages", json={"text": sent}, headers=auth)
        payload = response.get_json() or {}
        messages = payload.get("messages") or []
        stored = next((m["text"] for m in messages if m["sender"] == "user"), None)
        replies = [m for m in messages if m["sender"] == "bot"]
        checks = turn.get("checks") or {}
        failed = _check(checks, response.status_code, replies, stored, sent, last_question)
        results.append(TurnResult(persona["name"], index, sent, turn.get("expect", ""), replies, failed,
                                  response.status_code))
        # the question last scored or asked: a turn that asks a new one moves it on
        ids = [r["feedback"]["question_id"] for r in replies if r.get("feedback")]
        ids += [r["question"]["id"] for r in replies if isinstance(r.get("question"), dict) and r["question"].get("id")]
        last_question = ids[-1] if ids else last_question
    return results
