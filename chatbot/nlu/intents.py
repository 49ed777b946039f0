"""Intent definitions: what a user can mean, with the examples and cue words that reveal it.

Every file in the intents folder is validated at load; a mistake is reported with the file and the
field path so a content author can fix it without reading Python.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from chatbot.nlu.entity_words import EntityWords
from chatbot.nlu.lexicon import Lexicon
from chatbot.yamlfiles import ContentError, label, load_model

Name = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
MIN_EXAMPLES = 8
LEXICON_FILE = "_lexicon.yaml"
ENTITIES_FILE = "_entities.yaml"
NEGATIVES_FILE = "_negatives.yaml"
PHRASINGS_FILE = "_phrasings.yaml"
M = TypeVar("M", bound=BaseModel)


class Intent(BaseModel):
    """One thing a user may mean. `answer` names the knowledge-base part that answers it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: Name
    kind: Literal["topic", "command", "smalltalk"]
    examples: list[Text] = Field(min_length=MIN_EXAMPLES)
    cues: list[Text] = Field(min_length=1)
    answer: Text  # the wording (data/responses) or command that answers it; offers come with the wording
    commands: list[Text] = []  # exact phrases that always mean this intent ("help", "try again")
    takes_argument: bool = False  # a command phrase may be followed by words ("practice docker")
    neighbours: list[Name] = []  # intents so close that either answers ("realistic" and "difficulty")
    # a command that only answers or shows something ("why so low?", "what do you know about me") may be
    # recognised by meaning too; commands that change the conversation must be typed or clearly matched
    by_meaning: bool = False
    # Role or skill tokens that, unlike for other intents, do name this intent's topic on their own:
    # "kubernetes?" asks about the skill, while "kubernetes" names no topic of the move.
    named_by: list[Text] = []

    @model_validator(mode="after")
    def _distinct_examples(self) -> Intent:
        seen: set[str] = set()
        for example in self.examples:
            key = example.casefold()
            if key in seen:
                raise ValueError(f"example repeated: {example!r}")
            seen.add(key)
        return self


class Negatives(BaseModel):
    """Out-of-scope near misses, written like user messages."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    negatives: list[Text] = []


class Phrasings(BaseModel):
    """Messages people wrote, each under the intent that answers it, and near misses they sent: read by
    the meaning tier only, so the word matcher's weights stay those of the written examples."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    phrasings: dict[Name, list[Text]] = {}
    near_misses: list[Text] = []


class IntentFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    intents: list[Intent] = Field(min_length=1)


@dataclass(frozen=True)
class IntentSet:
    """All intents plus the lexicon and entity words that came from the same folder."""

    intents: tuple[Intent, ...]
    lexicon: Lexicon
    entity_words: EntityWords
    negatives: tuple[str, ...] = ()  # near misses the learned tier must not take for an intent
    phrasings: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # messages people sent, per intent
    near_misses: tuple[str, ...] = ()  # near misses people sent
    # where each intent is written, as (file, field): "intents/money.yaml", "intents[2]"
    origins: Mapping[str, tuple[str, str]] = field(default_factory=dict, compare=False)

    @classmethod
    def load(cls, directory: Path) -> IntentSet:
        """Read and validate every YAML file in `directory`; raise ContentError naming file + field."""
        directory = Path(directory)
        if not directory.is_dir():
            raise ContentError(directory.name, "", "intents folder not found")
        intents: list[Intent] = []
        origins: dict[str, tuple[str, str]] = {}
        for path in sorted(directory.glob("*.yaml")):
            if not path.name.startswith("_"):
                file = label(path, directory)
                for index, intent in enumerate(load_model(path, IntentFile, directory).intents):
                    if intent.name in origins:
                        first = origins[intent.name][0]
                        raise ContentError(file, f"intents[{index}].name",
                                           f"intent '{intent.name}' is already defined in {first}")
                    origins[intent.name] = (file, f"intents[{index}]")
                    intents.append(intent)
        if not intents:
            raise ContentError(directory.name, "", "no intent files found")
        lexicon = _load_optional(directory, LEXICON_FILE, Lexicon)
        entity_words = _load_optional(directory, ENTITIES_FILE, EntityWords)
        negatives = _load_optional(directory, NEGATIVES_FILE, Negatives).negatives
        said = _load_optional(directory, PHRASINGS_FILE, Phrasings)
        names = {intent.name for intent in intents}
        unknown = sorted(set(said.phrasings) - names)
        if unknown:
            raise ContentError(PHRASINGS_FILE, "phrasings", f"no such intent: {', '.join(unknown)}")
        return cls.of(intents, lexicon, entity_words, negatives, origins, said.phrasings, said.near_misses)

    @classmethod
    def of(
        cls,
        intents: list[Intent],
        lexicon: Lexicon | None = None,
        entity_words: EntityWords | None = None,
        negatives: list[str] | None = None,
        origins: Mapping[str, tuple[str, str]] | None = None,
        phrasings: Mapping[str, list[str]] | None = None,
        near_misses: list[str] | None = None,
    ) -> IntentSet:
        """Build a set from objects already in memory (tests, benchmarks); names must be unique."""
        names = [intent.name for intent in intents]
        duplicates = sorted({name for name in names if names.count(name) > 1})
        if duplicates:
            raise ContentError("intents", "name", f"used more than once: {', '.join(duplicates)}")
        return cls(tuple(intents), lexicon or Lexicon(), entity_words or EntityWords(),
                   negatives=tuple(negatives or ()), origins=dict(origins or {}),
                   phrasings={name: tuple(texts) for name, texts in (phrasings or {}).items()},
                   near_misses=tuple(near_misses or ()))

    def get(self, name: str) -> Intent:
        """The intent called `name`; KeyError if there is none."""
        for intent in self.intents:
            if intent.name == name:
                return intent
        raise KeyError(name)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(intent.name for intent in self.intents)

    def __iter__(self) -> Iterator[Intent]:
        return iter(self.intents)

    def __len__(self) -> int:
        return len(self.intents)


def _load_optional(directory: Path, name: str, model: type[M]) -> M:
    path = directory / name
    return load_model(path, model, directory) if path.exists() else model()
