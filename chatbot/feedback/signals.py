"""Detectors for evidence that word lists alone cannot express: numbers, outcomes, first-person actions.

Each returns the character span that shows the signal, so comments can quote it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from types import MappingProxyType

from chatbot.feedback.lexicon import Vocab
from chatbot.feedback.text import Sentence, Token

Span = tuple[int, int]
Detector = Callable[[Sentence, Vocab], Span | None]
_LOOKAHEAD = 3  # "I then quickly built": the verb may sit a few words after the pronoun
_OUTCOME_REACH = 6  # words between a change word and its figure


def number(sentence: Sentence, vocab: Vocab) -> Span | None:
    """A figure: digits ("40%", "3.5", "£50k", "95th") or a number word ("twice", "halved").

    Names with a digit inside ("p95", "k8s", "S3") are not figures.
    """
    tokens = sentence.tokens
    first = next(iter(_figures(sentence, vocab)), None)
    if first is None:
        return None
    return tokens[first].start, tokens[min(first + 1, len(tokens) - 1)].end


def _figures(sentence: Sentence, vocab: Vocab) -> list[int]:
    # "a two-day ticket process": a number word joined to its unit is still a figure
    return [i for i, t in enumerate(sentence.tokens)
            if t.low[:1].isdigit() or t.low in vocab.number_words or t.low.split("-")[0] in vocab.number_words]


def outcome(sentence: Sentence, vocab: Vocab) -> Span | None:
    """A figure close to a word of change ("cut latency by 40%", "saves her an hour every morning"), or a
    move "from 300 ms to 80 ms"."""
    tokens = sentence.tokens
    figures = sorted({*_figures(sentence, vocab), *_single_units(sentence, vocab)})
    if not figures:
        return None
    for i, token in enumerate(tokens):
        near = [f for f in figures if abs(f - i) <= _OUTCOME_REACH]
        if token.stem in vocab.outcome_stems and near:
            j = min(near, key=lambda f: abs(f - i))
            return tokens[min(i, j)].start, tokens[max(i, j)].end
        if token.low == "from" and _from_to(tokens, i, figures):
            return token.start, tokens[min(i + _OUTCOME_REACH, len(tokens) - 1)].end
    return None


def _single_units(sentence: Sentence, vocab: Vocab) -> list[int]:
    """ "an hour", "a day": one of a unit, a figure of change in all but digits."""
    tokens = sentence.tokens
    return [i for i in range(1, len(tokens))
            if tokens[i].low in vocab.single_units and tokens[i - 1].low in vocab.single_unit_leads]


def _from_to(tokens: tuple[Token, ...], at: int, figures: list[int]) -> bool:
    """ "from <figure> ... to <figure>" within a few words."""
    after = [f for f in figures if at < f <= at + 3]
    if not after:
        return False
    to = next((k for k in range(after[0] + 1, min(after[0] + 4, len(tokens))) if tokens[k].low == "to"), None)
    return to is not None and any(to < f <= to + 2 for f in figures)


def first_person_action(sentence: Sentence, vocab: Vocab) -> Span | None:
    """ "I built", "we then roll out": a first-person subject closely followed by an action verb.

    A modal in between ("I would build") makes it a plan, not something done, so it does not count.
    """
    return _actor_then(sentence, vocab, past_only=False)


def past_action(sentence: Sentence, vocab: Vocab) -> Span | None:
    """ "I moved", "we cut": something the speaker actually did, in the past tense."""
    return _actor_then(sentence, vocab, past_only=True)


def _actor_then(sentence: Sentence, vocab: Vocab, past_only: bool) -> Span | None:
    """The verb must come straight after the subject, past adverbs and "have": "I then quickly built"."""
    tokens = sentence.tokens
    for i, token in enumerate(tokens):
        perfect = token.low in vocab.perfect_actors  # "I'd built" was done; "I'd build" is a plan
        if token.low not in vocab.actors and not perfect:
            continue
        j = i + 1
        while (
            j < len(tokens)
            and j - i <= _LOOKAHEAD
            and _skippable(tokens[j], vocab)
            and not sentence.gaps[j - 1].strip()
        ):
            j += 1
        done = past_only or perfect
        if perfect and j < len(tokens) and tokens[j].low in vocab.same_past:
            continue  # "I'd put it in a flask app" is what they would do
        if j < len(tokens) and not sentence.gaps[j - 1].strip() and _is_action(tokens[j], vocab, done):
            return token.start, tokens[j].end
        if _did_it(tokens, i, j, vocab):  # "I did exactly this at a bank": "did" is the action itself
            return token.start, tokens[j - 1].end
    return None


def _did_it(tokens: tuple[Token, ...], actor: int, after: int, vocab: Vocab) -> bool:
    """ "I did this", "we did exactly that": "did" read past as a helper verb, yet followed by what was done."""
    did = next((k for k in range(actor + 1, after) if tokens[k].low == "did"), None)
    if did is None or after >= len(tokens):
        return False
    return all(tokens[k].low in vocab.done_objects or tokens[k].low.endswith("ly") for k in range(did + 1, after)) \
        and tokens[after].low in vocab.done_objects


def _skippable(token: Token, vocab: Vocab) -> bool:
    return token.low in vocab.action_skips or (token.low.endswith("ly") and len(token.low) > 4)


def _is_action(token: Token, vocab: Vocab, past_only: bool) -> bool:
    low = token.low
    if low in vocab.irregular_past:
        return True
    if len(low) >= 5 and low.endswith("ed") and not low.endswith("eed") and low.isalpha():
        return True
    return not past_only and token.stem in vocab.action_stems


def named_example(sentence: Sentence, vocab: Vocab) -> Span | None:
    """Something the speaker did, tied to something specific: a figure, a named tool or place, or where
    it happened ("At a travel site I'd built...")."""
    action = told_example(sentence, vocab)
    if action is None:
        return None
    specific = number(sentence, vocab) or _proper_noun(sentence, vocab) or setting(sentence, vocab)
    if specific is None:
        return None
    return min(action[0], specific[0]), max(action[1], specific[1])


def told_example(sentence: Sentence, vocab: Vocab) -> Span | None:
    """Something that happened, told as it did: the speaker's own past action ("I moved", "we cut"), or a
    scene opened and what happened in it, whoever did it."""
    return past_action(sentence, vocab) or _scene_then_past(sentence, vocab)


def _scene_then_past(sentence: Sentence, vocab: Vocab) -> Span | None:
    """A sentence that opens on where it happened and tells what happened there, whoever did it ("At an
    NHS imaging unit we had a small cluster and models were trained on whatever desk was free")."""
    scene = setting(sentence, vocab)
    if scene is None or scene[0] != sentence.tokens[0].start:
        return None
    past = next((t for t in sentence.tokens[3:] if t.low not in vocab.be_forms and _is_action(t, vocab, True)), None)
    return (scene[0], past.end) if past is not None else None


def _proper_noun(sentence: Sentence, vocab: Vocab) -> Span | None:
    """A capitalised word after the first one that is not a function word ("Airflow", "Tesco")."""
    for token in sentence.tokens[1:]:
        if token.text[:1].isupper() and token.low not in vocab.function_words and token.low != "i":
            return token.start, token.end
    return None


def setting(sentence: Sentence, vocab: Vocab) -> Span | None:
    """Where something happened: "at a travel site", "for our fraud team", "at my last job"."""
    tokens = sentence.tokens
    for i, token in enumerate(tokens[:-2]):
        if token.low in vocab.setting_words and tokens[i + 1].low in vocab.setting_determiners:
            return token.start, tokens[i + 2].end
    return None


def specific(sentence: Sentence, vocab: Vocab) -> bool:
    """Does the sentence pin anything down: a figure, a named thing, or something the speaker did?"""
    return bool(number(sentence, vocab) or _proper_noun(sentence, vocab) or past_action(sentence, vocab))


DETECTORS: Mapping[str, Detector] = MappingProxyType(
    {
        "number": number,
        "outcome": outcome,
        "first_person_action": first_person_action,
        "past_action": past_action,
        "told_example": told_example,
        "named_example": named_example,
        "setting": setting,
    }
)


class Signals:
    """The first place each detector fires among usable sentences, worked out once per assessment."""

    def __init__(self, sentences: Sequence[Sentence], usable: frozenset[int], vocab: Vocab) -> None:
        self._sentences = [s for s in sentences if s.index in usable]
        self._vocab = vocab
        self._first: dict[str, Span | None] = {}

    def first(self, detector: str) -> Span | None:
        if detector not in self._first:
            detect = DETECTORS[detector]
            spans = (detect(s, self._vocab) for s in self._sentences)
            self._first[detector] = next((span for span in spans if span is not None), None)
        return self._first[detector]
