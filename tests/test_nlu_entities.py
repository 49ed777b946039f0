"""Entities are read from what people type: skills, categories, levels, picks, ratings, yes/no."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from chatbot.knowledge import Knowledge, load_knowledge
from chatbot.nlu import Entities, EntityExtractor, IntentSet, extract_entities

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def kb() -> Knowledge:
    return load_knowledge(ROOT / "data")


@pytest.fixture(scope="module")
def extractor(kb: Knowledge) -> EntityExtractor:
    return EntityExtractor.build(kb, IntentSet.load(ROOT / "intents"))


@pytest.mark.parametrize(
    ("text", "skills"),
    [
        ("practice model serving", ("model-serving",)),
        ("tell me about feature stores", ("feature-stores",)),
        ("what's a feature store?", ("feature-stores",)),
        ("k8s", ("kubernetes-docker",)),
        ("how much docker do I need", ("kubernetes-docker",)),
        ("kubernets and dokcer", ("kubernetes-docker",)),
        ("ML systems design and architecture", ("ml-systems-design",)),
        ("inference optimisation vs data pipelines", ("model-serving", "data-pipelines-etl")),
        ("I know pandas and PyTorch", ("python-data-stack", "deep-learning-frameworks")),
        ("scikit-learn", ("python-data-stack",)),
        ("my stakeholder communication is strong", ("structured-communication",)),
    ],
)
def test_skills_are_found_by_name_alias_and_slip(
    extractor: EntityExtractor, text: str, skills: tuple[str, ...]
) -> None:
    assert extractor.extract(text).skills == skills


@pytest.mark.parametrize(
    "text", ["what's the plan?", "can you help me", "I touch base weekly", "how do I serve my notice"]
)
def test_ordinary_words_are_not_read_as_skills(extractor: EntityExtractor, text: str) -> None:
    assert extractor.extract(text).skills == ()


@pytest.mark.parametrize(
    ("text", "categories"),
    [
        ("practice behavioural questions", ("behavioural",)),
        ("behavioral please", ("behavioural",)),
        ("give me STAR questions", ("behavioural",)),
        ("some tech ones", ("technical",)),
        ("career-change questions", ("career-change",)),
        ("technical then behavioural", ("technical", "behavioural")),
    ],
)
def test_question_categories_and_their_synonyms(
    extractor: EntityExtractor, text: str, categories: tuple[str, ...]
) -> None:
    assert extractor.extract(text).categories == categories


@pytest.mark.parametrize(
    ("text", "levels"),
    [
        ("junior MLE salary", ("entry",)),
        ("graduate roles", ("entry",)),
        ("entry-level pay", ("entry",)),
        ("mid-level", ("mid",)),
        ("what do experienced or lead engineers make", ("senior",)),
        ("junior vs senior", ("entry", "senior")),
    ],
)
def test_levels_map_to_entry_mid_senior(extractor: EntityExtractor, text: str, levels: tuple[str, ...]) -> None:
    assert extractor.extract(text).levels == levels


@pytest.mark.parametrize(
    ("text", "ordinal"),
    [
        ("the second one", 2),
        ("2nd", 2),
        ("number 3", 3),
        ("#3", 3),
        ("option two", 2),
        ("first", 1),
        ("tell me about step 3", 3),
        ("hello", None),
    ],
)
def test_ordinals_pick_from_a_list(extractor: EntityExtractor, text: str, ordinal: int | None) -> None:
    assert extractor.extract(text).ordinal == ordinal


def test_an_ordinal_word_in_a_long_sentence_is_not_a_pick(extractor: EntityExtractor) -> None:
    assert extractor.extract("should I learn docker or kubernetes first in my plan").ordinal is None


@pytest.mark.parametrize(
    ("text", "rating"),
    [
        ("3", 3),
        ("three", 3),
        ("3/5", 3),
        ("4 out of 5", 4),
        ("I'd say a 4", 4),
        ("8/10", 4),
        ("7", None),
        ("the second one", None),
        ("tell me about step 3", None),
        ("I have 3 years of experience as a data scientist in retail banking", None),
    ],
)
def test_ratings_from_one_to_five(extractor: EntityExtractor, text: str, rating: int | None) -> None:
    assert extractor.extract(text).rating == rating


@pytest.mark.parametrize(
    ("text", "agreement"),
    [
        ("yes", "yes"),
        ("yeah, daily", "yes"),
        ("yep", "yes"),
        ("definitely", "yes"),
        ("a bit", "some"),
        ("sort of", "some"),
        ("kind of, the basics", "some"),
        ("yes, a little", "some"),
        ("no", "no"),
        ("never used it", "no"),
        ("not really", "no"),
        ("none", "no"),
        ("what is docker", None),
    ],
)
def test_agreement_reads_yes_some_no(extractor: EntityExtractor, text: str, agreement: str | None) -> None:
    assert extractor.extract(text).agreement == agreement


@pytest.fixture(scope="module")
def intents() -> IntentSet:
    return IntentSet.load(ROOT / "intents")


def test_extract_entities_reads_one_message(kb: Knowledge, intents: IntentSet) -> None:
    found = extract_entities("practise model serving, the 2nd one", kb, intents)
    assert found == Entities(skills=("model-serving",), ordinal=2)


@dataclass(frozen=True)
class StubSkill:
    id: str
    name: str
    aliases: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class StubKnowledge:
    skills: dict[str, StubSkill]


def test_any_knowledge_base_with_named_skills_will_do(intents: IntentSet) -> None:
    stub = StubKnowledge({"rust": StubSkill("rust", "Rust programming", ["rustlang", "cargo"])})
    assert extract_entities("any questions on rustlang?", stub, intents).skills == ("rust",)
    assert extract_entities("Rust programming", stub, intents).skills == ("rust",)
