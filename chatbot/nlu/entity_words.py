"""The words behind entities (levels, categories, agreement, ordinals, ratings), as validated data.

They live in intents/_entities.yaml so the vocabulary can grow without touching the extractor. Level and
category ids are data/vocabulary.yaml's; the content check refuses words for an id it does not define.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

Agreement = Literal["yes", "some", "no"]


class EntityWords(BaseModel):
    """Phrase lists per entity value; phrases are matched on whole words after folding case."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    levels: dict[str, list[str]] = {}  # level id -> words that name it
    categories: dict[str, list[str]] = {}  # question category id -> words that name it
    category_negators: list[str] = []  # "non-technical people": a word before a category's name that turns it around
    agreement: dict[Agreement, list[str]] = {}
    soft_hedges: list[str] = []  # "at uni": a bit, unless the message also says yes ("loads at uni and at work")
    agreement_priority: list[Agreement] = Field(default_factory=lambda: list[Agreement](["some", "no", "yes"]))
    ordinal_words: dict[str, int] = {}  # "second" -> 2, "2nd" -> 2
    ordinal_markers: list[str] = []  # "number", "option": "number 3" means the third
    # "the first one", "second step": an ordinal followed by any other word ("first offer") picks nothing
    ordinal_nouns: list[str] = []
    number_words: dict[str, int] = {}  # "three" -> 3
    pronoun_numbers: list[str] = []  # number words that double as pronouns ("the second one")
    pronoun_after: list[str] = []  # after these words a pronoun number is not a number
    scale_markers: list[str] = []  # "out of": "4 out of 5"
    counted_units: list[str] = []  # "about 3 months": a number before these counts, it rates nothing
    rating_leads: list[str] = []  # "around a 3": a number after these rates, in a message of any length
    rating_max: int = Field(default=5, ge=1)
    short_reply_words: int = Field(default=6, ge=1)  # lone numbers and "second" count only in short replies
    skill_name_separators: list[str] = []  # split "Kubernetes and Docker" into names users type
    protected_words: list[str] = []  # ordinary words never "corrected" into a skill ("touch" is not "torch")

    @field_validator("ordinal_words", "number_words")
    @classmethod
    def _positive(cls, value: dict[str, int]) -> dict[str, int]:
        bad = [key for key, number in value.items() if number < 1]
        if bad:
            raise ValueError(f"numbers must be at least 1: {', '.join(bad)}")
        return value
