"""Secrets for sessions: public ids and bearer tokens from `secrets`, tokens kept only as hashes."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets

# The alphabet of token_urlsafe; anything else (a NUL byte, say, which PostgreSQL refuses in text)
# cannot name a session and is turned away before it reaches the database.
PUBLIC_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")


def new_public_id() -> str:
    return secrets.token_urlsafe(16)


def is_public_id(value: str) -> bool:
    return PUBLIC_ID.fullmatch(value) is not None


def new_token() -> str:
    return secrets.token_urlsafe(32)


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8", "surrogatepass")).hexdigest()


def secret_matches(secret: str | None, stored_hash: str | None) -> bool:
    """Constant-time comparison, so response timing reveals nothing about the stored hash."""
    if not secret or not stored_hash:
        return False
    return hmac.compare_digest(hash_secret(secret), stored_hash)
