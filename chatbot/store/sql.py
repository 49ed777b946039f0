"""The database store: each primitive is one transaction, and a turn's write holds the row's lock."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Select, delete, select
from sqlalchemy.orm import Session

from chatbot.store.access import Access
from chatbot.store.interface import Found, MessageDraft, NewConversation, Record, Snapshot, practice_scores
from chatbot.store.models import Conversation, Message, utcnow
from chatbot.store.records import summary_record
from chatbot.store.tokens import hash_secret, is_public_id, new_public_id
from chatbot.store.transaction import locking, transaction
from chatbot.store.views import message_json, session_json


def _add(db_session: Session, row: Conversation, draft: MessageDraft, turn: int | None) -> Message:
    """Append with the next seq; callers hold the conversation's lock so seq stays gapless.

    Linked by key rather than through the relationship, so a turn never loads the whole history.
    """
    row.last_seq += 1
    message = Message(conversation_pk=row.pk, seq=row.last_seq, turn=turn or row.last_seq, sender=draft.sender,
                      text=draft.text, intent=draft.intent, payload=draft.payload,
                      client_message_id=draft.client_message_id, created_at=utcnow())
    db_session.add(message)
    return message


def _find(db_session: Session, query: Select[Any], public_id: str,
          access: Access) -> Conversation | None:
    """Another client's conversation and a missing one look the same."""
    if not is_public_id(public_id):
        return None
    row: Conversation | None = db_session.scalar(query.where(Conversation.public_id == public_id))
    if row is None or not access.allows(row.token_hash, row.browser_hash):
        return None
    return row


def _stored_turn(db_session: Session, conversation_pk: int, client_message_id: str | None) -> list[Record] | None:
    """The turn this client message id already started, if any (a retry)."""
    if client_message_id is None:
        return None
    user = db_session.scalar(select(Message).where(
        Message.conversation_pk == conversation_pk, Message.client_message_id == client_message_id))
    if user is None:
        return None
    turn = db_session.scalars(select(Message).where(
        Message.conversation_pk == conversation_pk, Message.turn == user.seq).order_by(Message.seq)).all()
    return [message_json(m) for m in turn]


class LockedRow:
    """A conversation row read under its lock inside the turn's write transaction."""

    def __init__(self, db_session: Session, row: Conversation) -> None:
        self._db = db_session
        self._row = row

    @property
    def seq(self) -> int:
        return self._row.last_seq

    @property
    def state(self) -> dict[str, Any]:
        return self._row.state

    def stored_turn(self, client_message_id: str | None) -> list[Record] | None:
        return _stored_turn(self._db, self._row.pk, client_message_id)

    def append_turn(self, user: MessageDraft, replies: Sequence[MessageDraft], state: dict[str, Any],
                    title: str) -> list[Record]:
        row = self._row
        if row.updated_at == row.created_at:  # only turns move updated_at: this is the first one
            row.title = title
        said = _add(self._db, row, user, None)
        answered = [_add(self._db, row, reply, said.seq) for reply in replies]
        row.state = state
        row.updated_at = utcnow()
        self._db.flush()
        return [message_json(m) for m in [said, *answered]]


class SqlStore:
    """Conversations in the app's database (SQLite or PostgreSQL), through `transaction()`."""

    def create(self, new: NewConversation, replies: Sequence[MessageDraft]) -> Found:
        with transaction() as db_session:
            now = utcnow()
            row = Conversation(
                public_id=new_public_id(), token_hash=hash_secret(new.token),
                browser_hash=hash_secret(new.browser_key) if new.browser_key else None,
                transition=new.transition, title=new.title, state=new.state, last_seq=0,
                created_at=now, updated_at=now,
            )
            db_session.add(row)
            db_session.flush()
            messages = [_add(db_session, row, reply, 1) for reply in replies]
            db_session.flush()
            return session_json(row), [message_json(m) for m in messages]

    def snapshot(self, public_id: str, access: Access, client_message_id: str | None) -> Snapshot | None:
        """Only the columns a turn starts from, read as plain values: no row object is built or tracked."""
        if not is_public_id(public_id):
            return None
        columns = (Conversation.pk, Conversation.last_seq, Conversation.state, Conversation.token_hash,
                   Conversation.browser_hash)
        with transaction(read_only=True) as db_session:
            row = db_session.execute(select(*columns).where(Conversation.public_id == public_id)).first()
            if row is None or not access.allows(row.token_hash, row.browser_hash):
                return None
            return Snapshot(row.last_seq, row.state, _stored_turn(db_session, row.pk, client_message_id))

    @contextmanager
    def locked(self, public_id: str, access: Access) -> Iterator[LockedRow | None]:
        with transaction() as db_session:
            row = _find(db_session, locking(select(Conversation)), public_id, access)
            yield None if row is None else LockedRow(db_session, row)

    def read(self, public_id: str, access: Access) -> Found | None:
        with transaction(read_only=True) as db_session:
            row = _find(db_session, select(Conversation), public_id, access)
            if row is None:
                return None
            return session_json(row), [message_json(m) for m in row.messages]

    def delete(self, public_id: str, access: Access) -> bool:
        with transaction() as db_session:
            row = _find(db_session, select(Conversation), public_id, access)
            if row is None:
                return False
            db_session.execute(delete(Message).where(Message.conversation_pk == row.pk))
            db_session.delete(row)
            return True

    def list_for_browser(self, browser_key: str | None, limit: int = 200) -> list[Record]:
        """This browser's conversations, newest first, with message counts and practice scores."""
        if not browser_key:
            return []
        with transaction(read_only=True) as db_session:
            rows = db_session.scalars(
                select(Conversation).where(Conversation.browser_hash == hash_secret(browser_key))
                .order_by(Conversation.updated_at.desc()).limit(limit)
            ).all()
            listed = []
            for row in rows:
                messages = [message_json(m) for m in row.messages]
                listed.append(summary_record(session_json(row), len(messages), practice_scores(messages)))
            return listed
