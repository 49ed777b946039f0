"""Persistence behind one interface: the database (`SqlStore`) or a process's memory (`MemoryStore`).

The store keeps conversations and messages; it knows nothing of the engine or of HTTP.
"""

from chatbot.store.access import Access
from chatbot.store.interface import ConversationStore, Found, MessageDraft, NewConversation, Record, Snapshot
from chatbot.store.memory import MemoryStore

__all__ = [
    "Access", "ConversationStore", "Found", "MemoryStore", "MessageDraft", "NewConversation", "Record",
    "Snapshot",
]
