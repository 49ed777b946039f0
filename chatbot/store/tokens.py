"""Secrets for sessions: public ids and bearer tokens from `secrets`, tokens kept only as hashes."""

from __future__ import annotations

import hashlib
import hmac
import secrets


def new_public_id() -> str:
    return secrets.token_urlsafe(16)


def new_token() -> str:
    return secrets.token_urlsafe(32)


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8", "surrogatepass")).hexdigest()


def secret_matches(secret: str | None, stored_hash: str | None) -> bool:
    """Constant-time comparison, so response timing reveals nothing about the stored hash."""
    if not secret or not stored_hash:
        return False
    return hmac.compare_digest(hash_secret(secret), stored_hash)
