"""Persistence: conversations and messages, and the one function that runs a turn in a transaction."""

from chatbot.store.schema import ensure_schema
from chatbot.store.sessions import (
    Access,
    count_rows,
    create_session,
    delete_session,
    get_session,
    list_sessions,
    purge_older_than,
)
from chatbot.store.turns import run_turn

__all__ = [
    "Access", "count_rows", "create_session", "delete_session", "ensure_schema", "get_session",
    "list_sessions", "purge_older_than", "run_turn",
]
