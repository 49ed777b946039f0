"""The content check, both ways, across files that each validated on their own (`flask kb check`).

Used but never defined: an id, intent or wording that one file names and no file defines. The engine
would fail or stay silent mid-conversation, so it refuses to start. Defined but never used: a skill,
category, level, wording or intent that nothing can ever reach. It still loads, but dead content
misleads authors, so `flask kb check` and CI fail on it.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import Path

from chatbot.dialogue.commands import HANDLERS
from chatbot.dialogue.content import RULES_FILE, RUBRIC_FILE, SECTIONS_FILE, Content
from chatbot.dialogue.engine import FLOW_WORDINGS, Engine
from chatbot.dialogue.resources import Resources
from chatbot.encoder.protocol import Encoder
from chatbot.knowledge.inventory import unused_knowledge
from chatbot.knowledge.loader import ROLES_FOLDER, SKILLS_FILE, VOCABULARY_FILE
from chatbot.knowledge.passages import guide_parts
from chatbot.nlu import Matcher
from chatbot.nlu.intents import ENTITIES_FILE
from chatbot.yamlfiles import ContentError, Finding

# Dialogue rule fields (data/responses/cues/dialogue.yaml) whose values name intents, or the wordings they answer with.
INTENT_CUES = ("offer_answers", "offer_intent", "abroad_intents", "abroad_answer", "other_move_answer",
               "other_language_answer", "plan_window_intents", "assessment_enders")
# Cue fields keyed by intent (or wording): what each refusal or topic is recognised by.
INTENT_KEYED_CUES = ("interview_topics", "declined_topics", "declined_unless", "declined_requests")
# ...of which these send messages to the intent they name (which then needs no words of its own)
ROUTING_RULES = frozenset({"offer_intent", "abroad_answer", "other_move_answer", "other_language_answer",
                          "declined_topics", "declined_requests"})


@dataclass(frozen=True)
class Audit:
    """The check of one content set against the wordings the code asks for and the commands it handles."""

    content: Content
    wordings: Collection[str]  # keys the code renders by itself ("greeting", "fallback", ...)
    handlers: Collection[str]  # intent answers the code handles without a wording ("next", "try_again")

    def findings(self) -> list[Finding]:
        """Everything used but undefined, then everything defined but unused."""
        return self.undefined() + self.unused()

    def undefined(self) -> list[Finding]:
        return [*self._answers(), *self._neighbours(), *self._flow_wordings(), *self._entity_words(),
                *self._rubric(), *self._rules(), *self._sections()]

    def unused(self) -> list[Finding]:
        files = self.content.files
        knowledge = unused_knowledge(self.content.knowledge, files.data(VOCABULARY_FILE),
                                     files.data(SKILLS_FILE), files.data(ROLES_FOLDER))
        return [*knowledge, *self._unused_wordings(), *self._unreachable_intents()]

    def require_defined(self) -> None:
        """Raise ContentError for the first thing used but never defined, saying how many more there are."""
        problems = self.undefined()
        if problems:
            first = problems[0]
            more = f" (and {len(problems) - 1} more; run `flask kb check`)" if len(problems) > 1 else ""
            raise ContentError(first.file, first.field, first.problem + more)

    # -- used but never defined

    def _answers(self) -> Iterable[Finding]:
        known = set(self.content.responses.entries) | set(self.handlers)
        for intent in self.content.intents:
            if intent.answer not in known:
                file, where = self._origin(intent.name)
                yield _undefined(file, f"{where}.answer", f"no wording or command '{intent.answer}'")

    def _neighbours(self) -> Iterable[Finding]:
        names = set(self.content.intents.names)
        for intent in self.content.intents:
            for index, other in enumerate(intent.neighbours):
                if other not in names:
                    file, where = self._origin(intent.name)
                    yield _undefined(file, f"{where}.neighbours[{index}]", f"unknown intent '{other}'")

    def _flow_wordings(self) -> Iterable[Finding]:
        folder = self.content.files.data("responses")
        for key in sorted(set(self.wordings) - set(self.content.responses.entries)):
            yield _undefined(folder, key, "the conversation needs this wording and no file defines it")

    def _entity_words(self) -> Iterable[Finding]:
        kb, words = self.content.knowledge, self.content.intents.entity_words
        file = self.content.files.intents(ENTITIES_FILE)
        yield from _unknown(file, "levels", words.levels, kb.levels, "level")
        yield from _unknown(file, "categories", words.categories, kb.categories, "category")

    def _rubric(self) -> Iterable[Finding]:
        kb, spec = self.content.knowledge, self.content.rubric.spec
        file = self.content.files.data(RUBRIC_FILE)
        yield from _unknown(file, "weights", spec.weights, kb.categories, "category")
        for category in kb.categories:
            if category not in spec.weights:
                yield _undefined(file, "weights", f"no weights for category '{category}'")
        stories = spec.structure.story_categories
        yield from _unknown(file, "structure.story_categories", stories, kb.categories, "category")

    def _rules(self) -> Iterable[Finding]:
        rules, file = self.content.rules, self.content.files.data(RULES_FILE)
        named = set(self.content.intents.names) | set(self.content.responses.entries) | set(self.handlers)
        for where, value, _ in self._cue_references():
            if value not in named:
                yield _undefined(file, where, f"unknown intent or wording '{value}'")
        for key in rules.topic_asks:
            if key not in self.content.responses.entries:
                yield _undefined(file, "topic_asks", f"unknown wording '{key}'")
        questions = self.content.knowledge.questions
        if rules.practice_opener is not None and rules.practice_opener not in questions:
            yield _undefined(file, "practice_opener", f"unknown question '{rules.practice_opener}'")
        section_names = {name for name in self.content.sections.values() if name}
        if rules.plan_section is not None and rules.plan_section not in section_names:
            yield _undefined(file, "plan_section", f"no part of the guide is called '{rules.plan_section}'")

    def _sections(self) -> Iterable[Finding]:
        parts = guide_parts(self.content.knowledge)
        file = self.content.files.data(SECTIONS_FILE)
        for key in self.content.sections:
            if key not in parts:
                yield _undefined(file, key, "no move's guide has this part")

    # -- defined but never used

    def _unused_wordings(self) -> Iterable[Finding]:
        asked = set(self.wordings) | {intent.answer for intent in self.content.intents}
        asked |= {value for _, value, _ in self._cue_references()}
        responses = self.content.responses
        for key in responses.entries:
            if key not in asked:
                yield _unused(responses.files[key], key, "no code, intent or cue asks for this wording")

    def _unreachable_intents(self) -> Iterable[Finding]:
        """An intent is reached when the matcher reads one of its own commands or examples as it, or when a
        cue sends messages to it; otherwise its wording can never be said."""
        intents = self.content.intents
        routed = {value for _, value, routes in self._cue_references() if routes}
        matcher = Matcher(intents)
        for intent in intents:
            if intent.name in routed:
                continue
            if any(matcher.match(text).name == intent.name for text in [*intent.commands, *intent.examples]):
                continue
            file, where = self._origin(intent.name)
            yield _unused(file, where, f"intent '{intent.name}' is never understood from its own examples or "
                                       "commands, and no cue routes to it")

    # -- helpers

    def _cue_references(self) -> list[tuple[str, str, bool]]:
        """(field path, intent or wording, whether the cue routes messages to it) for every such name in
        the dialogue rules file."""
        rules = self.content.rules
        found: list[tuple[str, str, bool]] = []
        for field in INTENT_CUES:
            value, routes = getattr(rules, field), field in ROUTING_RULES
            if isinstance(value, str):
                found.append((field, value, routes))
            else:
                found += [(f"{field}[{index}]", item, routes) for index, item in enumerate(value or [])]
        found += [(f"{field}.{key}", key, field in ROUTING_RULES) for field in INTENT_KEYED_CUES
                  for key in getattr(rules, field)]
        return found

    def _origin(self, intent: str) -> tuple[str, str]:
        return self.content.intents.origins.get(intent, (self.content.files.intents_dir.name, intent))


def checked_engine(data_dir: Path, intents_dir: Path, encoder: Encoder | None = None) -> Engine:
    """The engine over content that names nothing undefined; otherwise a ContentError naming file and field."""
    content = Content.load(Path(data_dir), Path(intents_dir))
    audit(content).require_defined()
    return Engine(Resources.build(content, encoder))


def audit(content: Content) -> Audit:
    """The check against what the engine's code asks for by key and the commands it handles itself."""
    return Audit(content, FLOW_WORDINGS, frozenset(HANDLERS))


def _unknown(file: str, field: str, used: Iterable[str], known: Collection[str],
             kind: str) -> Iterable[Finding]:
    """Each id in `used` (a list, or a mapping's keys) that `known` lacks, pointed at where it is written."""
    keyed = isinstance(used, dict)
    for index, ref in enumerate(used):
        if ref not in known:
            where = f"{field}.{ref}" if keyed else f"{field}[{index}]"
            yield _undefined(file, where, f"unknown {kind} '{ref}'")


def _undefined(file: str, field: str, problem: str) -> Finding:
    return Finding("undefined", file, field, problem)


def _unused(file: str, field: str, problem: str) -> Finding:
    return Finding("unused", file, field, problem)

