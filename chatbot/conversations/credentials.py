"""Who is asking, read from the request: a bearer token (API clients) or this browser's cookie (the page).

Shared by the API and the page, so neither imports the other."""

from __future__ import annotations

import secrets

from flask import request, session

from chatbot.extensions import csrf
from chatbot.store import Access

BROWSER_KEY = "browser"


def browser_key(create: bool = False) -> str | None:
    """The random key this browser's cookie carries; sessions it creates are bound to it."""
    key = session.get(BROWSER_KEY)
    if key is None and create:
        key = secrets.token_urlsafe(32)
        session[BROWSER_KEY] = key
        session.permanent = True
    return key


def bearer_token() -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _, value = header.partition(" ")
    return value.strip() or None if scheme.lower() == "bearer" else None


def request_access() -> Access:
    """Bearer first; the cookie path must also pass CSRF on writes, as a form post would."""
    token = bearer_token()
    if token:
        return Access(token=token)
    key = browser_key()
    if key and request.method not in {"GET", "HEAD", "OPTIONS"}:
        csrf.protect()
    return Access(browser_key=key)
