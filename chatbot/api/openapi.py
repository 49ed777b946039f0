"""The OpenAPI description of this API, served from the document kept with the project's docs."""

from __future__ import annotations

from typing import Any

import yaml
from flask import Response, current_app, jsonify

from chatbot.api import bp
from chatbot.config import CONTENT_ROOT
from chatbot.errors import ApiError

DOCUMENT = CONTENT_ROOT / "docs" / "openapi.yaml"


def _document() -> tuple[str, dict[str, Any]]:
    """Read and parse once per app; a deployment without the docs folder answers 404."""
    cached = current_app.extensions.get("openapi")
    if cached is None:
        try:
            text = DOCUMENT.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise ApiError("not_found", "This deployment has no API description.", 404) from None
        cached = current_app.extensions["openapi"] = (text, yaml.safe_load(text))
    return cached


@bp.get("/openapi.yaml")
def openapi_yaml() -> Response:
    return Response(_document()[0], mimetype="application/yaml")


@bp.get("/openapi.json")
def openapi_json() -> Response:
    return jsonify(_document()[1])
