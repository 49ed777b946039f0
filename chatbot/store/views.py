"""Rows to the contract's JSON shapes (Session and Message of API.md)."""

from __future__ import annotations

from chatbot.store.models import Conversation, Message
from chatbot.store.records import Record, message_record, session_record


def session_json(row: Conversation) -> Record:
    return session_record(row.public_id, row.created_at, row.updated_at, row.transition, row.title)


def message_json(row: Message) -> Record:
    return message_record(row.pk, row.seq, row.sender, row.text, row.created_at, row.intent, row.payload)
