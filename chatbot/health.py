"""Liveness that means something: healthy only when the database answers."""

from __future__ import annotations

from flask import Blueprint, jsonify
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from chatbot.errors import DB_UNAVAILABLE
from chatbot.extensions import db, limiter

bp = Blueprint("health", __name__)


@bp.get("/healthz")
@limiter.exempt
def healthz():
    try:
        with db.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except SQLAlchemyError:
        error = DB_UNAVAILABLE
        return jsonify({"status": "unavailable", "error": {"code": error.code, "message": error.message}}), error.status
    return jsonify({"status": "ok"})
