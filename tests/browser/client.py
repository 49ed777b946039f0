"""A browser as the Flask test client sees it: its own cookie, reading pages and posting the chat form."""

from __future__ import annotations

from browser.dom import Element, parse


class Browser:
    """One browser: a test client with its own cookie, posting the chat form as a person would."""

    def __init__(self, app):
        self.client = app.test_client()

    def page(self, path: str = "/") -> Element:
        response = self.client.get(path)
        assert response.status_code == 200, response.status_code
        return parse(response.get_data(as_text=True))

    def form_fields(self, path: str = "/") -> dict[str, str]:
        form = self.page(path).find("form", id="chat-form")
        return {i.attrs["name"]: i.attrs.get("value") or "" for i in form.find_all("input")}

    def say(self, text: str, **overrides: str):
        return self.client.post("/", data={**self.form_fields(), "text": text, **overrides})

    def messages(self) -> list[Element]:
        return self.page().find("ol", id="messages").find_all("li", cls="message")

    def session_id(self) -> str:
        return self.page().find("main", id="main").attrs["data-session-id"]

    def csrf(self, path: str = "/sessions") -> str:
        """This browser's CSRF token, as every page carries it for its forms and scripts."""
        return self.page(path).find("meta", name="csrf-token").attrs["content"]
