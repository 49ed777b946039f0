"""The inverted index built once per intent set: stem -> intents and stem -> examples.

Matching a message then touches only the postings of the message's own stems, so its cost follows
the message length and the rarity of its words, not the number of intents or examples.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from chatbot.nlu.intents import IntentSet
from chatbot.nlu.lexicon import Lexicon
from chatbot.nlu.text import tokens
from chatbot.nlu.vocabulary import Vocabulary

CUE_STRENGTH = 1.0  # a cue word ties a stem to its intent as strongly as anything can
EXAMPLE_SMOOTHING = 1.0  # k in count/(count+k): one example is half the evidence of a cue


def content_words(text: str, lexicon: Lexicon) -> list[str]:
    """The normalised words of a text that can carry meaning (stopwords and fillers dropped)."""
    return [word for word in tokens(text, lexicon) if word not in lexicon.ignorable]


@dataclass(frozen=True)
class IntentIndex:
    """Precomputed weights and postings; read-only after `build`, so safe to share."""

    names: tuple[str, ...]
    vocabulary: Vocabulary
    idf: dict[str, float] = field(repr=False)
    unknown_idf: float
    term_intents: dict[str, tuple[tuple[int, float], ...]] = field(repr=False)
    term_examples: dict[str, tuple[int, ...]] = field(repr=False)
    example_intent: tuple[int, ...] = field(repr=False)
    example_norm: tuple[float, ...] = field(repr=False)
    exact: dict[frozenset[str], frozenset[int]] = field(repr=False)

    @classmethod
    def build(cls, intents: IntentSet) -> IntentIndex:
        lexicon = intents.lexicon
        example_words = [[content_words(e, lexicon) for e in intent.examples] for intent in intents]
        cue_words = [[w for cue in intent.cues for w in content_words(cue, lexicon)] for intent in intents]
        vocabulary = Vocabulary.build(
            [w for group in example_words for words in group for w in words] + [w for words in cue_words for w in words]
        )
        stem = vocabulary.stems.__getitem__
        example_stems = [[frozenset(map(stem, words)) for words in group] for group in example_words]
        cue_stems = [frozenset(map(stem, words)) for words in cue_words]
        association = [_associate(examples, cues) for examples, cues in zip(example_stems, cue_stems, strict=True)]
        idf, unknown_idf = _idf(association)
        return cls(
            names=intents.names,
            vocabulary=vocabulary,
            idf=idf,
            unknown_idf=unknown_idf,
            term_intents=_term_intents(association),
            **_example_postings(example_stems, idf),
        )


def _associate(examples: list[frozenset[str]], cues: frozenset[str]) -> dict[str, float]:
    """How strongly each stem points at one intent: cues fully, examples by how many use it."""
    counts = Counter(stem for example in examples for stem in example)
    strength = {stem: count / (count + EXAMPLE_SMOOTHING) for stem, count in counts.items()}
    for stem in cues:
        strength[stem] = CUE_STRENGTH
    return strength


def _idf(association: list[dict[str, float]]) -> tuple[dict[str, float], float]:
    """BM25-style inverse document frequency over intents, with soft (association-weighted) counts.

    Words spread over many intents ("machine", "engineer", "how") weigh little; a word only one
    intent uses weighs a lot. A word no intent uses weighs most of all, which is what lets a
    message about the weather fall back instead of matching on its one familiar word.
    """
    total = len(association)
    soft_df: dict[str, float] = defaultdict(float)
    for strengths in association:
        for stem, strength in strengths.items():
            soft_df[stem] += strength
    idf = {stem: math.log(1 + (total - df + 0.5) / (df + 0.5)) for stem, df in soft_df.items()}
    return idf, math.log(1 + (total + 0.5) / 0.5)


def _term_intents(association: list[dict[str, float]]) -> dict[str, tuple[tuple[int, float], ...]]:
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for index, strengths in enumerate(association):
        for stem, strength in strengths.items():
            postings[stem].append((index, strength))
    return {stem: tuple(items) for stem, items in postings.items()}


def _example_postings(example_stems: list[list[frozenset[str]]], idf: dict[str, float]) -> dict[str, object]:
    """Postings from stems to examples, each example's vector norm, and exact stem-set lookups."""
    postings: dict[str, list[int]] = defaultdict(list)
    owner: list[int] = []
    norms: list[float] = []
    exact: dict[frozenset[str], set[int]] = defaultdict(set)
    for intent_index, group in enumerate(example_stems):
        for stems in group:
            if not stems:
                continue
            for stem in stems:
                postings[stem].append(len(owner))
            owner.append(intent_index)
            norms.append(math.sqrt(sum(idf[s] ** 2 for s in stems)))
            exact[stems].add(intent_index)
    return {
        "term_examples": {stem: tuple(items) for stem, items in postings.items()},
        "example_intent": tuple(owner),
        "example_norm": tuple(norms),
        "exact": {stems: frozenset(owners) for stems, owners in exact.items()},
    }
