"""Everything the engine reads, loaded and validated once at start-up, then shared read-only."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from chatbot.dialogue.cues import Cues
from chatbot.dialogue.responses import Responses
from chatbot.feedback import Rubric
from chatbot.knowledge import Knowledge, load_knowledge
from chatbot.nlu import EntityExtractor, IntentSet, Matcher

RESPONSES_FOLDER = "responses"
CUES_FILE = Path("cues") / "dialogue.yaml"
RUBRIC_FILE = "rubric.yaml"


@dataclass(frozen=True)
class Resources:
    knowledge: Knowledge
    intents: IntentSet
    matcher: Matcher
    extractor: EntityExtractor
    rubric: Rubric
    responses: Responses
    cues: Cues

    @classmethod
    def load(cls, data_dir: Path, intents_dir: Path) -> Resources:
        data_dir = Path(data_dir)
        intents = IntentSet.load(Path(intents_dir))
        knowledge = load_knowledge(data_dir)
        return cls(
            knowledge=knowledge,
            intents=intents,
            matcher=Matcher(intents),
            extractor=EntityExtractor.build(knowledge, intents),
            rubric=Rubric.load(data_dir / RUBRIC_FILE),
            responses=Responses.load(data_dir / RESPONSES_FOLDER),
            cues=Cues.load(data_dir / RESPONSES_FOLDER / CUES_FILE),
        )
