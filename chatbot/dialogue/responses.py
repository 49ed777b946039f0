"""Answer wordings: data/responses/*.yaml, Jinja2 templates compiled once in a sandbox."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml

from chatbot.yamlfiles import parse_yaml
from jinja2 import StrictUndefined, Template, TemplateError
from jinja2.sandbox import SandboxedEnvironment
from pydantic import BaseModel, ConfigDict, ValidationError

from chatbot.dialogue.formatting import FILTERS

BLANK_RUNS = re.compile(r"\n{3,}")

ResponsePart = Literal["text", "more", "why"]  # the answer, "tell me more", "why?"


class ResponseError(ValueError):
    """A response file is malformed; the message names the file and the key."""


class ResponseSpec(BaseModel):
    """One entry as written: the answer, optional deeper and reason texts, and what to offer next."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    text: str
    more: str | None = None
    why: str | None = None
    quick_replies: list[str] = []
    label: str | None = None  # a short quick-reply text that asks for this answer
    shows: str | None = None  # the context list the answer numbers, so "the second one" can be found
    item: str | None = None  # the wording for one element of that list
    by_level: bool = False  # "and for senior roles?" re-asks this answer at another level
    by_skill: bool = False  # naming one listed skill ("does my pandas transfer?") answers with that item
    menu: bool = False  # the list is a menu: "the third one" means it only while it is on screen
    ordinals: bool = True  # False where "first" is the question itself ("what should I learn first?")


@dataclass(frozen=True)
class Response:
    key: str
    text: Template
    more: Template | None
    why: Template | None
    quick_replies: tuple[Template, ...]
    label: str | None
    shows: str | None
    item: Template | None
    by_level: bool
    by_skill: bool
    menu: bool
    ordinals: bool

    def part(self, name: ResponsePart) -> Template | None:
        """The answer itself, or its deeper or reason text where the entry has one."""
        return {"text": self.text, "more": self.more, "why": self.why}[name]


def _environment() -> SandboxedEnvironment:
    env = SandboxedEnvironment(undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                               keep_trailing_newline=False, autoescape=False)
    env.filters.update(FILTERS)
    return env


def _compile(env: SandboxedEnvironment, key: str, spec: ResponseSpec) -> Response:
    def build(source: str | None) -> Template | None:
        return None if source is None else env.from_string(source)

    return Response(key, env.from_string(spec.text), build(spec.more), build(spec.why),
                    tuple(env.from_string(reply) for reply in spec.quick_replies), spec.label,
                    spec.shows, build(spec.item), spec.by_level, spec.by_skill, spec.menu, spec.ordinals)


def _read(path: Path) -> Mapping[str, Any]:
    try:
        content = parse_yaml(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        raise ResponseError(f"{path.name}: not valid YAML ({error})") from error
    if not isinstance(content, Mapping):
        raise ResponseError(f"{path.name}: expected a mapping of response keys")
    return content


@dataclass(frozen=True)
class Responses:
    """Every wording the engine can say, by key."""

    entries: Mapping[str, Response]

    @classmethod
    def load(cls, folder: Path) -> Responses:
        env, entries = _environment(), {}
        for path in sorted(Path(folder).glob("*.yaml")):
            for key, raw in _read(path).items():
                if key in entries:
                    raise ResponseError(f"{path.name}: {key}: defined twice")
                try:
                    entries[key] = _compile(env, key, ResponseSpec.model_validate(raw))
                except (ValidationError, TemplateError) as error:
                    raise ResponseError(f"{path.name}: {key}: {error}") from error
        return cls(entries)

    def __contains__(self, key: object) -> bool:
        return key in self.entries

    def get(self, key: str) -> Response:
        return self.entries[key]

    def render(self, template: Template, context: Mapping[str, Any]) -> str:
        """Render and tidy: templates are written for reading, so strip stray blank lines."""
        return BLANK_RUNS.sub("\n\n", template.render(context)).strip()

    def text(self, key: str, context: Mapping[str, Any], part: ResponsePart = "text") -> str:
        template = self.entries[key].part(part)
        return self.render(template, context) if template is not None else ""

    def quick_replies(self, key: str, context: Mapping[str, Any]) -> tuple[str, ...]:
        rendered = (self.render(reply, context) for reply in self.entries[key].quick_replies)
        return tuple(dict.fromkeys(reply for reply in rendered if reply))
