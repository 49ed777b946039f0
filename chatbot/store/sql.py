"""The database store: each primitive is one transaction, and a turn's write holds the row's lock."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Row, Select, bindparam, delete, insert, select, update
from sqlalchemy.orm import Session

from chatbot.store.access import Access
from chatbot.store.interface import Found, MessageDraft, NewConversation, Record, Snapshot, practice_scores
from chatbot.store.models import Conversation, Message, utcnow
from chatbot.store.records import message_record, summary_record
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


CONVERSATIONS = Conversation.__table__
MESSAGES = Message.__table__
# What a turn reads of its conversation: plain columns, so no row object is built or tracked.
TURN_COLUMNS = (CONVERSATIONS.c.pk, CONVERSATIONS.c.last_seq, CONVERSATIONS.c.state, CONVERSATIONS.c.title,
                CONVERSATIONS.c.created_at, CONVERSATIONS.c.updated_at, CONVERSATIONS.c.token_hash,
                CONVERSATIONS.c.browser_hash)
MESSAGE_COLUMNS = (MESSAGES.c.pk, MESSAGES.c.seq, MESSAGES.c.sender, MESSAGES.c.text, MESSAGES.c.created_at,
                   MESSAGES.c.intent, MESSAGES.c.payload)

# A turn's statements, built once: only their parameters change from turn to turn.
READ_TURN = select(*TURN_COLUMNS).where(CONVERSATIONS.c.public_id == bindparam("public_id"))
RETRIED = select(MESSAGES.c.seq).where(MESSAGES.c.conversation_pk == bindparam("conversation_pk"),
                                       MESSAGES.c.client_message_id == bindparam("client_message_id"))
TURN_MESSAGES = select(*MESSAGE_COLUMNS).where(
    MESSAGES.c.conversation_pk == bindparam("conversation_pk"), MESSAGES.c.turn == bindparam("turn")
).order_by(MESSAGES.c.seq)
ADD_MESSAGES = insert(MESSAGES).returning(MESSAGES.c.pk, MESSAGES.c.seq, sort_by_parameter_order=True)
MOVE_ON = update(CONVERSATIONS).where(CONVERSATIONS.c.pk == bindparam("row_pk"))


def _turn_row(db_session: Session, query: Select[Any], public_id: str, access: Access) -> Row[Any] | None:
    if not is_public_id(public_id):
        return None
    row = db_session.connection().execute(query, {"public_id": public_id}).first()
    if row is None or not access.allows(row.token_hash, row.browser_hash):
        return None
    return row


def _stored_turn(db_session: Session, conversation_pk: int, client_message_id: str | None) -> list[Record] | None:
    """The turn this client message id already started, if any (a retry)."""
    if client_message_id is None:
        return None
    connection = db_session.connection()
    started = connection.execute(RETRIED, {"conversation_pk": conversation_pk,
                                           "client_message_id": client_message_id}).scalar()
    if started is None:
        return None
    turn = connection.execute(TURN_MESSAGES, {"conversation_pk": conversation_pk, "turn": started})
    return [message_record(*row) for row in turn]


class LockedRow:
    """A conversation's columns read under its lock inside the turn's write transaction; the turn is
    written with plain INSERT and UPDATE statements, the cheapest way to the same rows."""

    def __init__(self, db_session: Session, row: Row[Any]) -> None:
        self._db = db_session
        self._row = row

    @property
    def seq(self) -> int:
        seq: int = self._row.last_seq
        return seq

    @property
    def state(self) -> dict[str, Any]:
        state: dict[str, Any] = self._row.state
        return state

    def stored_turn(self, client_message_id: str | None) -> list[Record] | None:
        return _stored_turn(self._db, self._row.pk, client_message_id)

    def append_turn(self, user: MessageDraft, replies: Sequence[MessageDraft], state: dict[str, Any],
                    title: str) -> list[Record]:
        row, now = self._row, utcnow()
        first_turn = row.updated_at == row.created_at  # only turns move updated_at
        drafts = [user, *replies]
        values = [{"conversation_pk": row.pk, "seq": row.last_seq + n, "turn": row.last_seq + 1,
                   "sender": d.sender, "text": d.text, "intent": d.intent, "payload": d.payload,
                   "client_message_id": d.client_message_id, "created_at": now}
                  for n, d in enumerate(drafts, start=1)]
        connection = self._db.connection()
        pks = {seq: pk for pk, seq in connection.execute(ADD_MESSAGES, values)}
        moved = {"row_pk": row.pk, "last_seq": row.last_seq + len(drafts), "state": state, "updated_at": now}
        connection.execute(MOVE_ON, {**moved, "title": title} if first_turn else moved)
        return [message_record(pks[v["seq"]], v["seq"], v["sender"], v["text"], now, v["intent"], v["payload"])
                for v in values]


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
        with transaction(glance=True) as db_session:  # `locked` reads it all again before any write
            row = _turn_row(db_session, READ_TURN, public_id, access)
            if row is None:
                return None
            return Snapshot(row.last_seq, row.state, _stored_turn(db_session, row.pk, client_message_id))

    @contextmanager
    def locked(self, public_id: str, access: Access) -> Iterator[LockedRow | None]:
        with transaction() as db_session:
            row = _turn_row(db_session, locking(READ_TURN), public_id, access)
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
