"""Conversations in a process's memory, behind the same interface as the database.

The terminal client, the benchmarks and fast tests run their turns through the conversation service
on this store, so every entry point takes the same path. State goes through JSON on the way in and
out, as the database would hand it back, so nothing works here that would not work behind the API.
"""

from __future__ import annotations

import copy
import itertools
import json
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from chatbot.store.access import Access
from chatbot.store.interface import Found, MessageDraft, NewConversation, Record, Snapshot, practice_scores
from chatbot.store.records import message_record, session_record, summary_record, utcnow
from chatbot.store.tokens import hash_secret, is_public_id, new_public_id


def as_stored(state: dict[str, Any]) -> dict[str, Any]:
    """The state after a trip through JSON, as a database returns it."""
    loaded: dict[str, Any] = json.loads(json.dumps(state))
    return loaded


@dataclass
class _Stored:
    public_id: str
    token_hash: str
    browser_hash: str | None
    transition: str
    title: str
    state: dict[str, Any]
    created_at: datetime
    updated_at: datetime
    messages: list[Record] = field(default_factory=list)
    turn_of: dict[int, int] = field(default_factory=dict)  # message seq -> seq of the user message that began its turn
    client_ids: dict[str, int] = field(default_factory=dict)  # client message id -> its seq

    @property
    def seq(self) -> int:
        return len(self.messages)

    def session(self) -> Record:
        return session_record(self.public_id, self.created_at, self.updated_at, self.transition, self.title)


class _Locked:
    def __init__(self, stored: _Stored, next_id: Iterator[int]) -> None:
        self._stored = stored
        self._next_id = next_id

    @property
    def seq(self) -> int:
        return self._stored.seq

    @property
    def state(self) -> dict[str, Any]:
        return as_stored(self._stored.state)

    def stored_turn(self, client_message_id: str | None) -> list[Record] | None:
        return _stored_turn(self._stored, client_message_id)

    def append_turn(self, user: MessageDraft, replies: Sequence[MessageDraft], state: dict[str, Any],
                    title: str) -> list[Record]:
        stored = self._stored
        if stored.updated_at == stored.created_at:
            stored.title = title
        said = _append(stored, user, None, self._next_id)
        answered = [_append(stored, reply, said["seq"], self._next_id) for reply in replies]
        stored.state = as_stored(state)
        stored.updated_at = utcnow()
        return copy.deepcopy([said, *answered])


def _append(stored: _Stored, draft: MessageDraft, turn: int | None, next_id: Iterator[int]) -> Record:
    seq = stored.seq + 1
    message = message_record(next(next_id), seq, draft.sender, draft.text, utcnow(), draft.intent,
                             as_stored(draft.payload))
    stored.messages.append(message)
    stored.turn_of[seq] = turn or seq
    if draft.client_message_id is not None:
        stored.client_ids[draft.client_message_id] = seq
    return message


def _stored_turn(stored: _Stored, client_message_id: str | None) -> list[Record] | None:
    if client_message_id is None or client_message_id not in stored.client_ids:
        return None
    start = stored.client_ids[client_message_id]
    return copy.deepcopy([m for m in stored.messages if stored.turn_of[m["seq"]] == start])


class MemoryStore:
    """One lock for the whole store: turns on any conversation write one after another, as on SQLite."""

    def __init__(self) -> None:
        self._conversations: dict[str, _Stored] = {}
        self._lock = threading.RLock()
        self._next_id = itertools.count(1)

    def _find(self, public_id: str, access: Access) -> _Stored | None:
        if not is_public_id(public_id):
            return None
        stored = self._conversations.get(public_id)
        if stored is None or not access.allows(stored.token_hash, stored.browser_hash):
            return None
        return stored

    def create(self, new: NewConversation, replies: Sequence[MessageDraft]) -> Found:
        now = utcnow()
        stored = _Stored(new_public_id(), hash_secret(new.token),
                         hash_secret(new.browser_key) if new.browser_key else None,
                         new.transition, new.title, as_stored(new.state), now, now)
        with self._lock:
            messages = [_append(stored, reply, 1, self._next_id) for reply in replies]
            self._conversations[stored.public_id] = stored
            return stored.session(), copy.deepcopy(messages)

    def snapshot(self, public_id: str, access: Access, client_message_id: str | None) -> Snapshot | None:
        with self._lock:
            stored = self._find(public_id, access)
            if stored is None:
                return None
            return Snapshot(stored.seq, as_stored(stored.state), _stored_turn(stored, client_message_id))

    @contextmanager
    def locked(self, public_id: str, access: Access) -> Iterator[_Locked | None]:
        with self._lock:
            stored = self._find(public_id, access)
            if stored is None:
                yield None
                return
            before = copy.deepcopy(stored)
            try:
                yield _Locked(stored, self._next_id)
            except BaseException:
                self._conversations[public_id] = before  # all or nothing, as a rolled-back transaction
                raise

    def read(self, public_id: str, access: Access) -> Found | None:
        with self._lock:
            stored = self._find(public_id, access)
            if stored is None:
                return None
            return stored.session(), copy.deepcopy(stored.messages)

    def delete(self, public_id: str, access: Access) -> bool:
        with self._lock:
            if self._find(public_id, access) is None:
                return False
            del self._conversations[public_id]
            return True

    def list_for_browser(self, browser_key: str | None, limit: int = 200) -> list[Record]:
        if not browser_key:
            return []
        with self._lock:
            mine = [s for s in self._conversations.values() if s.browser_hash == hash_secret(browser_key)]
            mine.sort(key=lambda s: s.updated_at, reverse=True)
            return [summary_record(s.session(), len(s.messages), practice_scores(s.messages)) for s in mine[:limit]]
