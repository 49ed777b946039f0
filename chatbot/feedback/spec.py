"""The validated shape of data/rubric.yaml: weights, criteria, wording templates, and the reading rules."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import Field, field_validator, model_validator

from chatbot.feedback.spec_base import CriterionId, Share, check_template
from chatbot.yamlfiles import Strict, Text
from chatbot.feedback.spec_reading import Fluency, Limits, Matching, Meaning, Sentences, Words

DetectorName = Literal["first_person_action", "past_action", "told_example", "named_example", "number", "outcome",
                       "setting"]


class Part(Strict):
    """One thing a criterion looks for: found through phrases, a detector, or both."""

    id: Text
    label: Text
    weight: float = Field(gt=0)
    tip: Text
    phrases: list[Text] = []
    detector: DetectorName | None = None
    references: list[Text] = []  # the part said in other words: recognised by meaning when phrases miss it

    @model_validator(mode="after")
    def _findable(self) -> Part:
        if not self.phrases and self.detector is None:
            raise ValueError(f"part {self.id!r} needs phrases or a detector")
        return self


class PartComments(Strict):
    found: Text
    missing: Text
    none: Text

    @model_validator(mode="after")
    def _fields(self) -> PartComments:
        for name in ("found", "missing", "none"):
            check_template(getattr(self, name), {"items"}, name)
        return self


class StructureComments(PartComments):
    modes: dict[Literal["story", "technical"], Text]


class Structure(Strict):
    label: Text
    focus: Text  # the criterion inside a sentence: "work on the {focus} next"
    story_categories: list[Text]  # question categories (data/vocabulary.yaml) answered with a story
    story: list[Part] = Field(min_length=1)
    technical: list[Part] = Field(min_length=1)
    comments: StructureComments

    def references(self) -> dict[str, list[str]]:
        """Phrasings of each part recognised by meaning, keyed "structure.<part>"."""
        parts = (*self.story, *self.technical)
        return {f"structure.{p.id}": list(p.references) for p in parts if p.references}


class Evidence(Strict):
    label: Text
    focus: Text  # the criterion inside a sentence: "work on the {focus} next"
    parts: list[Part] = Field(min_length=1)
    comments: PartComments

    def references(self) -> dict[str, list[str]]:
        """Phrasings of each part recognised by meaning, keyed "evidence.<part>"."""
        return {f"evidence.{p.id}": list(p.references) for p in self.parts if p.references}


class Link(Strict):
    label: Text
    weight: float = Field(gt=0)
    tip: Text
    background: list[Text] = Field(min_length=1)
    bridge: list[Text] = Field(min_length=1)
    references: list[Text] = []  # the link said in other words, recognised by meaning


class Confident(Strict):
    label: Text
    weight: float = Field(gt=0)
    tip: Text


class FramingComments(PartComments):
    apology: Text


class Framing(Strict):
    label: Text
    focus: Text  # the criterion inside a sentence: "work on the {focus} next"
    toward: Part
    link: Link
    confident: Confident
    apology: list[Text] = Field(min_length=1)
    comments: FramingComments

    def references(self) -> dict[str, list[str]]:
        """Phrasings of each part recognised by meaning, by the part's name."""
        return {"toward": list(self.toward.references), "link": list(self.link.references)}


class ClarityParts(Strict):
    length: Share
    sentences: Share
    filler: Share
    hedging: Share


class ClarityComments(Strict):
    length_short: Text
    length_good: Text
    length_long: Text
    sentences: Text
    fragments: Text
    waffle: Text
    repeated: Text
    filler: Text
    hedging: Text


class ClarityTips(Strict):
    length_short: Text
    length_long: Text
    sentences: Text
    filler: Text
    hedging: Text
    repeated: Text
    waffle: Text


class Clarity(Strict):
    label: Text
    focus: Text  # the criterion inside a sentence: "work on the {focus} next"
    ideal_min_words: int = Field(ge=1)
    ideal_max_words: int = Field(ge=1)
    long_floor_words: int = Field(ge=1)
    long_floor: Share
    filler_full_per_100: float = Field(gt=0)
    hedge_full_per_100: float = Field(gt=0)
    parts: ClarityParts
    fillers: list[Text]
    set_off_fillers: list[Text]
    hedges: list[Text]
    comments: ClarityComments
    tips: ClarityTips

    @model_validator(mode="after")
    def _consistent(self) -> Clarity:
        if not self.ideal_min_words < self.ideal_max_words < self.long_floor_words:
            raise ValueError("need ideal_min_words < ideal_max_words < long_floor_words")
        if abs(sum(self.parts.model_dump().values()) - 1) > 1e-6:
            raise ValueError("clarity parts must add up to 1")
        length = {"words", "low", "high"}
        for name in ("length_short", "length_good", "length_long"):
            check_template(getattr(self.comments, name), length, f"comments.{name}")
        for name in ("length_short", "length_long"):
            check_template(getattr(self.tips, name), length, f"tips.{name}")
        return self


class RelevanceComments(Strict):
    covered: Text
    none: Text
    missed: Text
    thin: Text
    listed: Text
    scrambled: Text
    misconception: Text
    elsewhere: Text
    undercut: Text


class RelevanceTips(Strict):
    thin: Text
    listed: Text
    misconception: Text
    undercut: Text


class Relevance(Strict):
    label: Text
    focus: Text  # the criterion inside a sentence: "work on the {focus} next"
    comments: RelevanceComments
    tips: RelevanceTips
    # regular expressions for sentences that take the answer back: no experience of it, a shrug, a
    # non-weakness ("I'm a perfectionist"), "it's basically the same thing"; they earn no credit
    undercuts: list[str] = []

    @model_validator(mode="after")
    def _fields(self) -> Relevance:
        for pattern in self.undercuts:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"undercuts: {pattern!r}: {exc}") from exc
        check_template(self.comments.undercut, {"items"}, "comments.undercut")
        check_template(self.comments.covered, {"count", "total", "items"}, "comments.covered")
        check_template(self.comments.none, {"total"}, "comments.none")
        check_template(self.tips.thin, {"label"}, "tips.thin")
        check_template(self.tips.listed, {"label"}, "tips.listed")
        check_template(self.comments.misconception, {"items"}, "comments.misconception")
        check_template(self.comments.elsewhere, {"question"}, "comments.elsewhere")
        check_template(self.tips.misconception, {"label"}, "tips.misconception")
        return self


class Wording(Strict):
    quote: Text
    quote_max_chars: int = Field(ge=8)
    ellipsis: str
    item: Text
    join: str
    join_last: str
    gate_note: Text
    tips_max: int = Field(ge=2, le=4)
    tip_min_points: float = Field(ge=0)
    polish_tips: list[Text] = Field(min_length=2)

    @model_validator(mode="after")
    def _fields(self) -> Wording:
        check_template(self.quote, {"text"}, "quote")
        check_template(self.item, {"label", "quote"}, "item")
        check_template(self.gate_note, {"percent"}, "gate_note")
        for tip in self.polish_tips:
            check_template(tip, {"follow_up", "hint"}, "polish_tips")
        return self


class NeedsAnswer(Strict):
    comment: Text
    tips: list[Text] = Field(min_length=2, max_length=4)
    summary: Text


class Band(Strict):
    min: int = Field(ge=0, le=100)
    text: Text
    all_covered: Text | None = None  # said instead when every talking point is there, only thinly


class ChangeComments(Strict):
    better: Text
    same: Text
    worse: Text
    newly_covered: Text
    no_longer_covered: Text


CriterionSpec = Relevance | Structure | Evidence | Framing | Clarity  # each has a label and a focus


class RubricSpec(Strict):
    """The whole rubric file."""

    limits: Limits
    weights: dict[Text, dict[CriterionId, int]]  # per question category of data/vocabulary.yaml
    gate_full_at: float = Field(gt=0, le=1)
    fluency: Fluency
    matching: Matching
    meaning: Meaning
    sentences: Sentences
    words: Words
    structure: Structure
    evidence: Evidence
    framing: Framing
    clarity: Clarity
    relevance: Relevance
    wording: Wording
    needs_answer: NeedsAnswer
    summary: list[Band] = Field(min_length=1)
    change: ChangeComments

    def part_references(self) -> dict[str, list[str]]:
        """Every criterion part that can be recognised by meaning, with its reference phrasings."""
        return {**self.structure.references(), **self.evidence.references(), **self.framing.references()}

    def criterion(self, cid: CriterionId) -> CriterionSpec:
        """One criterion's section of the rubric, by its id in the weights."""
        sections: dict[CriterionId, CriterionSpec] = {
            "relevance": self.relevance, "structure": self.structure, "evidence": self.evidence,
            "framing": self.framing, "clarity": self.clarity,
        }
        return sections[cid]

    @field_validator("weights")
    @classmethod
    def _weights(cls, weights: dict[str, dict[CriterionId, int]]) -> dict[str, dict[CriterionId, int]]:
        # which categories need a row is the vocabulary's to say; the content check compares the two
        for category, row in weights.items():
            if sum(row.values()) != 100 or any(v < 0 for v in row.values()):
                raise ValueError(f"{category}: points must be non-negative and add up to 100")
            if row.get("relevance", 0) <= 0:
                raise ValueError(f"{category}: relevance needs points")
        return weights

    @model_validator(mode="after")
    def _bands(self) -> RubricSpec:
        mins = [b.min for b in self.summary]
        if mins != sorted(mins, reverse=True) or mins[-1] != 0:
            raise ValueError("summary: bands must go from the highest min down to min 0")
        for band in self.summary:
            for text in (band.text, band.all_covered or ""):
                check_template(text, {"score", "covered", "total", "focus"}, "summary")
        return self
