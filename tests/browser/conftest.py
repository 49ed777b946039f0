"""Browser fixtures: the app served on a free loopback port, driven by Debian's Chromium via Playwright.

`live_server` plays the scripted engine (fixed shapes for rendering checks); `real_server` runs the
shipped engine. Every page records console errors and uncaught exceptions, which include CSP
violations, and a test fails if any appear that it did not expect.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from browser.actions import DESKTOP
from browser.scripted import dispose, scripted_app
from werkzeug.serving import make_server

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]


@dataclass
class Server:
    url: str
    app: object


def _serve(app, contexts: list) -> Iterator[Server]:
    """Serve until the test ends; its browser contexts close first, so no request is cut off."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="live-server", daemon=True)
    thread.start()
    try:
        yield Server(f"http://127.0.0.1:{server.server_port}", app)
    finally:
        for context in contexts:
            context.close()
        server.shutdown()
        thread.join(timeout=10)


@pytest.fixture
def contexts() -> list:
    """The browser contexts a test opened."""
    return []


@pytest.fixture
def live_server(database_url, contexts) -> Iterator[Server]:
    app = scripted_app(database_url)
    yield from _serve(app, contexts)
    dispose(app)


@pytest.fixture
def real_server(app, contexts) -> Iterator[Server]:
    yield from _serve(app, contexts)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("Chromium is not installed at /usr/bin/chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class Problems:
    """Console errors and page exceptions seen while a test ran."""

    seen: list[str] = field(default_factory=list)

    def watch(self, page) -> None:
        page.on("console", lambda message: message.type == "error" and self.seen.append(message.text))
        page.on("pageerror", lambda error: self.seen.append(str(error)))

    def expect(self, fragment: str) -> None:
        """Forget the errors a test provoked on purpose (a request it made fail, a page it knew was missing)."""
        self.seen = [text for text in self.seen if fragment not in text]


@pytest.fixture
def problems() -> Problems:
    return Problems()


@pytest.fixture
def new_page(browser, problems, contexts):
    """Open a page in a fresh browser context (its own cookies: another "browser")."""

    def make(viewport: dict | None = None, **options):
        context = browser.new_context(viewport=viewport or DESKTOP, **options)
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = context.new_page()
        problems.watch(page)
        return page

    yield make
    for context in contexts:
        context.close()
    assert problems.seen == [], f"browser console errors: {problems.seen}"


@pytest.fixture
def page(new_page):
    return new_page()
