"""Tables: a conversation and its messages. The dialogue state travels with the conversation row."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from chatbot.extensions import db
from chatbot.store.records import utcnow

__all__ = ["Conversation", "Message", "utcnow"]


class Conversation(db.Model):  # type: ignore[name-defined]  # the base class is built at run time
    __tablename__ = "conversations"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    public_id: Mapped[str] = mapped_column(String(32), unique=True, index=True)
    token_hash: Mapped[str] = mapped_column(String(64))
    browser_hash: Mapped[str | None] = mapped_column(String(64), index=True, nullable=True)
    transition: Mapped[str] = mapped_column(String(120))
    title: Mapped[str] = mapped_column(String(200))
    state: Mapped[dict[str, Any]] = mapped_column(JSON)
    last_seq: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)

    messages: Mapped[list[Message]] = relationship(
        back_populates="conversation",
        order_by="Message.seq",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )


class Message(db.Model):  # type: ignore[name-defined]  # the base class is built at run time
    __tablename__ = "messages"
    __table_args__ = (
        UniqueConstraint("conversation_pk", "seq", name="uq_messages_conversation_seq"),
        UniqueConstraint("conversation_pk", "client_message_id", name="uq_messages_conversation_cmid"),
        Index("ix_messages_conversation_turn", "conversation_pk", "turn"),
    )

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    conversation_pk: Mapped[int] = mapped_column(ForeignKey("conversations.pk", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)
    turn: Mapped[int] = mapped_column(Integer)  # seq of the user message that started the turn
    sender: Mapped[str] = mapped_column(String(8))
    text: Mapped[str] = mapped_column(Text)
    intent: Mapped[str | None] = mapped_column(String(64), nullable=True)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    client_message_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    conversation: Mapped[Conversation] = relationship(back_populates="messages")
