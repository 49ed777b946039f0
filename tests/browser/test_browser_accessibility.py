"""Automated accessibility audit (axe-core) of every page, in the light and the dark palette.

axe checks what a machine can: names and roles of controls, landmarks, list and table structure,
ARIA use and WCAG AA colour contrast of the text as actually rendered.
"""

from __future__ import annotations

import pytest
from browser.actions import PHONE, send
from playwright.sync_api import expect

axe_playwright = pytest.importorskip("axe_playwright_python.sync_playwright")

pytestmark = pytest.mark.browser

ANSWER = "I would put it behind FastAPI, in Docker, and watch drift at 500 requests a second."


def audit(page) -> list[str]:
    results = axe_playwright.Axe().run(page, options={"runOnly": ["wcag2a", "wcag2aa", "wcag21aa", "best-practice"]})
    return [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in results.response["violations"]]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", [None, PHONE], ids=["desktop", "phone"])
def test_every_page_passes_an_automated_accessibility_audit(new_page, live_server, scheme, viewport):
    page = new_page(viewport=viewport, color_scheme=scheme)
    page.goto(live_server.url)
    send(page, "how long does the switch take?")
    send(page, "practice")
    assert audit(page) == [], "chat with a practice question"
    send(page, "Just FastAPI, nothing more.")
    page.locator("button.quick-reply", has_text="Try again").click()
    expect(page.locator("#practice-banner")).to_be_visible()
    send(page, ANSWER)
    send(page, "summary")
    assert audit(page) == [], "chat with feedback and a summary"

    page.goto(f"{live_server.url}/sessions")
    assert audit(page) == [], "saved sessions"
    page.locator(".session-card__title a").click()
    assert audit(page) == [], "transcript"
    page.locator("a", has_text="Delete").click()
    assert audit(page) == [], "delete confirmation"
