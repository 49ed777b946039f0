"""Who is asking, and whether a stored conversation is theirs."""

from __future__ import annotations

from dataclasses import dataclass

from chatbot.store.tokens import secret_matches


@dataclass(frozen=True)
class Access:
    """An API client with its bearer token, or the web page with its browser key."""

    token: str | None = None
    browser_key: str | None = None

    def allows(self, token_hash: str | None, browser_hash: str | None) -> bool:
        by_token = secret_matches(self.token, token_hash)
        by_browser = secret_matches(self.browser_key, browser_hash)
        return by_token or by_browser
