"""The floor of the stack: the same turn's database work with no dialogue engine in it.

Flask + Flask-SQLAlchemy, one transaction per turn that locks the session row (SELECT ... FOR UPDATE on
PostgreSQL, BEGIN IMMEDIATE on SQLite), checks the bearer token, stores the user's message and one
reply, and updates the state. Served under gunicorn exactly like the service, it is what a turn would
cost if understanding and composing the reply were free: `gunicorn 'bench.floor_app:create_app()'`.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from datetime import datetime, timezone
from typing import Any

from flask import Flask, abort, jsonify, request
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import JSON, DateTime, ForeignKey, Integer, String, Text, event, select, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


db = SQLAlchemy(model_class=Base, session_options={"expire_on_commit": False})


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class FloorSession(db.Model):
    __tablename__ = "floor_sessions"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    public_id: Mapped[str] = mapped_column(String(32), unique=True, index=True)
    token_hash: Mapped[str] = mapped_column(String(64))
    state: Mapped[dict[str, Any]] = mapped_column(JSON)
    last_seq: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class FloorMessage(db.Model):
    __tablename__ = "floor_messages"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_pk: Mapped[int] = mapped_column(ForeignKey("floor_sessions.pk", ondelete="CASCADE"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    sender: Mapped[str] = mapped_column(String(8))
    text: Mapped[str] = mapped_column(Text)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


def _sqlite_like_the_service(engine) -> None:
    """Same durability and locking as the service on SQLite, so the comparison is like for like."""
    if engine.dialect.name != "sqlite":
        return

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        for pragma in ("journal_mode=WAL", "foreign_keys=ON", "busy_timeout=30000", "synchronous=NORMAL"):
            cursor.execute(f"PRAGMA {pragma}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def message_json(row: FloorMessage) -> dict[str, Any]:
    return {"id": row.pk, "seq": row.seq, "sender": row.sender, "text": row.text,
            "created_at": row.created_at.isoformat(), **row.payload}


def _add(session_row: FloorSession, sender: str, body: str, payload: dict[str, Any]) -> FloorMessage:
    session_row.last_seq += 1
    message = FloorMessage(session_pk=session_row.pk, seq=session_row.last_seq, sender=sender, text=body,
                           payload=payload, created_at=utcnow())
    db.session.add(message)
    return message


def _bearer() -> str:
    scheme, _, value = request.headers.get("Authorization", "").partition(" ")
    return value.strip() if scheme.lower() == "bearer" else ""


def create_session():
    token = secrets.token_urlsafe(32)
    with db.session.begin():
        row = FloorSession(public_id=secrets.token_urlsafe(16), token_hash=hash_token(token),
                           state={"v": 1, "turns": 0}, last_seq=0)
        db.session.add(row)
    return jsonify({"session": {"id": row.public_id}, "token": token}), 201


def post_message(session_id: str):
    body = (request.get_json(silent=True) or {}).get("text")
    if not isinstance(body, str) or not body.strip():
        abort(400)
    with db.session.begin():
        query = select(FloorSession).where(FloorSession.public_id == session_id)
        if db.engine.dialect.name == "postgresql":
            query = query.with_for_update()
        row = db.session.scalar(query)
        if row is None or not hmac.compare_digest(hash_token(_bearer()), row.token_hash):
            abort(404)
        user = _add(row, "user", body, {"intent": None})
        bot = _add(row, "bot", body, {"intent": "echo"})
        row.state = {"v": 1, "turns": row.state.get("turns", 0) + 1}
        row.updated_at = utcnow()
        db.session.flush()
        messages = [message_json(user), message_json(bot)]
    return jsonify({"messages": messages})


def healthz():
    with db.engine.connect() as connection:
        connection.execute(text("SELECT 1"))
    return jsonify({"status": "ok"})


def create_app(database_url: str | None = None) -> Flask:
    """The floor app on `database_url` (default: $DATABASE_URL); its tables must already exist."""
    app = Flask(__name__)
    app.config["SQLALCHEMY_DATABASE_URI"] = database_url or os.environ["DATABASE_URL"]
    db.init_app(app)
    with app.app_context():
        _sqlite_like_the_service(db.engine)
    app.add_url_rule("/sessions", view_func=create_session, methods=["POST"])
    app.add_url_rule("/sessions/<session_id>/messages", view_func=post_message, methods=["POST"])
    app.add_url_rule("/healthz", view_func=healthz)
    return app


def create_schema(database_url: str) -> None:
    """Create the floor's tables once, before its workers start (so they never race to do it)."""
    app = create_app(database_url)
    with app.app_context():
        db.create_all()
        db.engine.dispose()
