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
from chatbot.nlu.known_words import KnownWords

CUE_STRENGTH = 1.0  # a one-word cue ties a stem to its intent as strongly as anything can
PHRASE_CUE_STRENGTH = 0.6  # a word of a longer cue ("how" in "how long") says less on its own
# Champion lists: each stem keeps only its strongest postings, so the work per message stays
# bounded however many intents and examples there are. The real intent set fits well within them.
MAX_INTENT_POSTINGS = 64
MAX_EXAMPLE_POSTINGS = 256
PHRASE_WEIGHT = 0.7  # a word pair adds this share of its IDF on top of its two words' weights
EXAMPLE_SMOOTHING = 1.0  # k in count/(count+k): one example is half the evidence of a cue


def bigrams(stems: list[str]) -> list[str]:
    """Adjacent stem pairs ("how long", "pay cut"): phrases say more than their words apart."""
    return [f"{a} {b}" for a, b in zip(stems, stems[1:]) if a != b]


def content_words(text: str, lexicon: Lexicon) -> list[str]:
    """The normalised words of a text that can carry meaning (ignorable words and numbers dropped)."""
    return [word for word in tokens(text, lexicon) if word not in lexicon.ignorable and not word.isdigit()]


@dataclass(frozen=True)
class ExampleIndex:
    """Every example as a weighted stem set: postings, vector norms, owners, exact lookups."""

    term_examples: dict[str, tuple[int, ...]] = field(repr=False)
    example_intent: tuple[int, ...] = field(repr=False)
    example_norm: tuple[float, ...] = field(repr=False)
    exact: dict[frozenset[str], frozenset[int]] = field(repr=False)

    @classmethod
    def build(cls, example_stems: list[list[frozenset[str]]], idf: dict[str, float]) -> ExampleIndex:
        postings: dict[str, list[int]] = defaultdict(list)
        owner: list[int] = []
        norms: list[float] = []
        exact: dict[frozenset[str], set[int]] = defaultdict(set)
        for intent_index, group in enumerate(example_stems):
            for stems in (stems for stems in group if stems):
                for stem in stems:
                    postings[stem].append(len(owner))
                owner.append(intent_index)
                norms.append(math.sqrt(sum(idf[s] ** 2 for s in stems)))
                exact[stems].add(intent_index)
        return cls(
            # shortest examples first: a shared stem counts most in them
            {
                stem: tuple(sorted(items, key=norms.__getitem__)[:MAX_EXAMPLE_POSTINGS])
                for stem, items in postings.items()
            },
            tuple(owner),
            tuple(norms),
            {stems: frozenset(owners) for stems, owners in exact.items()},
        )


@dataclass(frozen=True)
class IntentIndex:
    """Precomputed weights and postings; read-only after `build`, so safe to share."""

    names: tuple[str, ...]
    vocabulary: KnownWords
    idf: dict[str, float] = field(repr=False)
    unknown_idf: float
    term_intents: dict[str, tuple[tuple[int, float], ...]] = field(repr=False)
    intent_terms: tuple[dict[str, float], ...] = field(repr=False)  # per intent: stem -> strength
    examples: ExampleIndex = field(repr=False)

    @classmethod
    def build(cls, intents: IntentSet) -> IntentIndex:
        lexicon = intents.lexicon
        seen: dict[str, list[str]] = {}  # the same sentence in many intents is read once

        def words_of(text: str) -> list[str]:
            if text not in seen:
                seen[text] = content_words(text, lexicon)
            return seen[text]

        example_words = [[words_of(e) for e in intent.examples] for intent in intents]
        cue_words = [[words_of(cue) for cue in intent.cues] for intent in intents]
        vocabulary = KnownWords.build(
            [w for group in example_words for words in group for w in words]
            + [w for cues in cue_words for words in cues for w in words],
            {**lexicon.spelling, **{k: v for k, v in lexicon.synonyms.items() if " " not in v}},
        )
        stem = vocabulary.stems.__getitem__
        example_stems = [[frozenset(stem(w) for w in words) for words in group] for group in example_words]
        cue_stems = [_cue_strengths([list(map(stem, words)) for words in cues]) for cues in cue_words]
        association = [_associate(examples, cues) for examples, cues in zip(example_stems, cue_stems, strict=True)]
        idf, unknown_idf = _idf(association)
        return cls(
            names=intents.names,
            vocabulary=vocabulary,
            idf=idf,
            unknown_idf=unknown_idf,
            term_intents=_term_intents(association),
            intent_terms=tuple(association),
            examples=ExampleIndex.build(example_stems, idf),
        )


def _cue_strengths(cues: list[list[str]]) -> dict[str, float]:
    """Each cue term's strength: full for a one-word cue and a phrase's word pairs, partial for
    a single word inside a phrase ("how" in "how long" says little on its own)."""
    strength: dict[str, float] = {}
    for stems in cues:
        value = CUE_STRENGTH if len(stems) == 1 else PHRASE_CUE_STRENGTH
        for stem in stems:
            strength[stem] = max(strength.get(stem, 0.0), value)
        for pair in bigrams(stems):
            strength[pair] = CUE_STRENGTH
    return strength


def _associate(examples: list[frozenset[str]], cues: dict[str, float]) -> dict[str, float]:
    """How strongly each stem points at one intent: cues by their strength, examples by how many use it."""
    counts = Counter(stem for example in examples for stem in example)
    strength = {stem: count / (count + EXAMPLE_SMOOTHING) for stem, count in counts.items()}
    for stem, value in cues.items():
        strength[stem] = max(strength.get(stem, 0.0), value)
    return strength


def _idf(association: list[dict[str, float]]) -> tuple[dict[str, float], float]:
    """BM25-style inverse document frequency over intents, with soft (association-weighted) counts.

    Words spread over many intents ("mle", "how", "should") weigh little; a word only one
    intent uses weighs a lot. A word no intent uses weighs most of all, which is what lets a
    message about the weather fall back instead of matching on its one familiar word.
    """
    total = len(association)
    soft_df: dict[str, float] = defaultdict(float)
    for strengths in association:
        for stem, strength in strengths.items():
            soft_df[stem] += strength
    idf = {
        term: math.log(1 + (total - df + 0.5) / (df + 0.5)) * (PHRASE_WEIGHT if " " in term else 1.0)
        for term, df in soft_df.items()
    }
    return idf, math.log(1 + (total + 0.5) / 0.5)


def _term_intents(association: list[dict[str, float]]) -> dict[str, tuple[tuple[int, float], ...]]:
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for index, strengths in enumerate(association):
        for stem, strength in strengths.items():
            postings[stem].append((index, strength))
    return {
        stem: tuple(sorted(items, key=lambda item: -item[1])[:MAX_INTENT_POSTINGS])
        for stem, items in postings.items()
    }
