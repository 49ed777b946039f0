"""Answer wordings: data/responses/*.yaml, Jinja2 templates compiled once in a sandbox."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from jinja2 import StrictUndefined, Template, TemplateError
from jinja2.sandbox import SandboxedEnvironment
from pydantic import BaseModel, ConfigDict

from chatbot.dialogue.formatting import FILTERS
from chatbot.yamlfiles import ContentError, label, read_yaml, validate

BLANK_RUNS = re.compile(r"\n{3,}")

ResponsePart = Literal["text", "more", "why"]  # the answer, "tell me more", "why?"


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


@dataclass(frozen=True)
class Responses:
    """Every wording the engine can say, by key."""

    entries: Mapping[str, Response]
    files: Mapping[str, str] = field(default_factory=dict)  # key -> the file that defines it

    @classmethod
    def load(cls, folder: Path, root: Path | None = None) -> Responses:
        """Every *.yaml file of `folder`; `root` is the content folder file names are given from."""
        env = _environment()
        entries: dict[str, Response] = {}
        files: dict[str, str] = {}
        for path in sorted(Path(folder).glob("*.yaml")):
            name = label(path, root)
            content = read_yaml(path, root) or {}
            if not isinstance(content, Mapping):
                raise ContentError(name, "(document)", "must be a YAML mapping of response keys")
            for key, raw in content.items():
                if key in entries:
                    raise ContentError(name, str(key), f"already defined in {files[key]}")
                spec = validate(ResponseSpec, raw, name, (key,))
                try:
                    entries[key] = _compile(env, key, spec)
                except TemplateError as error:
                    raise ContentError(name, str(key), f"template error ({error})") from error
                files[key] = name
        return cls(entries, files)

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
