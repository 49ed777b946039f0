"""All content, loaded file by file through the one YAML loader: what the engine is built from, and what
`flask kb check` audits, without the sentence encoder and its indexes."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from pydantic import RootModel

from chatbot.dialogue.rules import DialogueRules
from chatbot.dialogue.responses import Responses
from chatbot.feedback import Rubric
from chatbot.knowledge import Knowledge, load_knowledge
from chatbot.nlu import IntentSet
from chatbot.yamlfiles import label, read_yaml, validate

RESPONSES_FOLDER = Path("responses")
RULES_FILE = RESPONSES_FOLDER / "cues" / "dialogue.yaml"
SECTIONS_FILE = RESPONSES_FOLDER / "cues" / "guide_sections.yaml"
RUBRIC_FILE = Path("rubric.yaml")


class GuideSections(RootModel[dict[str, str | None]]):
    """Part of the guide -> how a reply names it; no name: never quoted on its own."""


@dataclass(frozen=True)
class Files:
    """Content file names as an author knows them, for messages that point at one."""

    data_dir: Path
    intents_dir: Path

    def data(self, relative: Path | str) -> str:
        return label(self.data_dir / relative, self.data_dir)

    def intents(self, relative: Path | str) -> str:
        return label(self.intents_dir / relative, self.intents_dir)


@dataclass(frozen=True)
class Content:
    """Every content file, each validated on its own; references between them are the audit's to check."""

    knowledge: Knowledge
    intents: IntentSet
    responses: Responses
    rules: DialogueRules
    rubric: Rubric
    sections: Mapping[str, str | None]
    files: Files

    @classmethod
    def load(cls, data_dir: Path, intents_dir: Path) -> Content:
        """Read data/ and intents/; the first problem raises ContentError naming its file and field."""
        data_dir, intents_dir = Path(data_dir), Path(intents_dir)
        knowledge = load_knowledge(data_dir)
        sections_file = data_dir / SECTIONS_FILE
        raw_sections = read_yaml(sections_file, data_dir, dict)
        sections = validate(GuideSections, raw_sections, label(sections_file, data_dir))
        return cls(
            knowledge=knowledge,
            intents=IntentSet.load(intents_dir),
            responses=Responses.load(data_dir / RESPONSES_FOLDER, data_dir),
            rules=DialogueRules.load(data_dir / RULES_FILE, data_dir),
            rubric=Rubric.load(data_dir / RUBRIC_FILE, data_dir),
            sections=sections.root,
            files=Files(data_dir, intents_dir),
        )

