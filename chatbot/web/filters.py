"""Template filters for times and numbers, so every page writes them the same way."""

from __future__ import annotations

from datetime import UTC, datetime

from chatbot.extensions import coach_engine
from chatbot.web import bp


def parse_time(value: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(value)
    except (AttributeError, ValueError):
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


@bp.app_template_filter("when")
def when(value: str) -> str:
    """"25 Nov 2025, 08:26 UTC": unambiguous without JavaScript (the script shows local time)."""
    moment = parse_time(value)
    if moment is None:
        return value
    moment = moment.astimezone(UTC)
    return f"{moment.day} {moment:%b %Y, %H:%M} UTC"


@bp.app_template_filter("clock")
def clock(value: str) -> str:
    moment = parse_time(value)
    return moment.astimezone(UTC).strftime("%H:%M UTC") if moment else value


@bp.app_template_filter("thousands")
def thousands(value: int) -> str:
    return f"{value:,}"


@bp.app_template_filter("humanise")
def humanise(slug: str) -> str:
    """A readable fallback for an id the knowledge base does not name: "model-serving" -> "Model serving"."""
    words = str(slug).replace("-", " ").replace("_", " ").strip()
    return words[:1].upper() + words[1:]


@bp.app_template_global("category_names")
def category_names() -> dict[str, str]:
    """Display names of the question categories, from data/vocabulary.yaml when the knowledge base has one
    (a stand-in engine may not: ids are then humanised)."""
    categories = getattr(coach_engine().knowledge, "categories", None) or {}
    return {category_id: category.name for category_id, category in categories.items()}
