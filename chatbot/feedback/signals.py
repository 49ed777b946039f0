"""Detectors for evidence that word lists alone cannot express: numbers, outcomes, first-person actions.

Each returns the character span that shows the signal, so comments can quote it.
"""

from __future__ import annotations

from collections.abc import Callable

from chatbot.feedback.lexicon import CompiledPart, Vocab
from chatbot.feedback.reading import Reading
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
    for i in _figures(sentence, vocab):
        end = tokens[i + 1].end if i + 1 < len(tokens) else tokens[i].end
        return tokens[i].start, end
    return None


def _figures(sentence: Sentence, vocab: Vocab) -> list[int]:
    return [i for i, t in enumerate(sentence.tokens) if t.low[:1].isdigit() or t.low in vocab.number_words]


def outcome(sentence: Sentence, vocab: Vocab) -> Span | None:
    """A figure close to a word of change or result ("cut latency by 40%", "from 300 ms to 80 ms")."""
    tokens = sentence.tokens
    figures = _figures(sentence, vocab)
    for i, token in enumerate(tokens):
        if token.stem not in vocab.outcome_stems:
            continue
        near = [f for f in figures if abs(f - i) <= _OUTCOME_REACH]
        if near:
            j = min(near, key=lambda f: abs(f - i))
            last = min(max(i, j) + 1, len(tokens) - 1) if j > i else max(i, j)
            return tokens[min(i, j)].start, tokens[last].end
    return None


def first_person_action(sentence: Sentence, vocab: Vocab) -> Span | None:
    """"I built", "we then roll out": a first-person subject closely followed by an action verb.

    A modal in between ("I would build") makes it a plan, not something done, so it does not count.
    """
    return _actor_then(sentence, vocab, past_only=False)


def past_action(sentence: Sentence, vocab: Vocab) -> Span | None:
    """"I moved", "we cut": something the speaker actually did, in the past tense."""
    return _actor_then(sentence, vocab, past_only=True)


def _actor_then(sentence: Sentence, vocab: Vocab, past_only: bool) -> Span | None:
    tokens = sentence.tokens
    for i, token in enumerate(tokens):
        if token.low not in vocab.actors:
            continue
        for j in range(i + 1, min(i + 1 + _LOOKAHEAD, len(tokens))):
            word = tokens[j].low
            if word in vocab.modals or word in vocab.be_forms or sentence.gaps[j - 1].strip():
                break  # a plan ("I would"), a state ("I am"), or the clause ended
            if _is_action(tokens[j], vocab, past_only):
                return token.start, tokens[j].end
    return None


def _is_action(token: Token, vocab: Vocab, past_only: bool) -> bool:
    low = token.low
    if low in vocab.irregular_past:
        return True
    if len(low) >= 5 and low.endswith("ed") and not low.endswith("eed") and low.isalpha():
        return True
    return not past_only and token.stem in vocab.action_stems


def named_example(sentence: Sentence, vocab: Vocab) -> Span | None:
    """Something the speaker did, tied to something specific: a figure or a named tool or place."""
    action = past_action(sentence, vocab)
    if action is None:
        return None
    specific = number(sentence, vocab) or _proper_noun(sentence, vocab)
    if specific is None:
        return None
    return min(action[0], specific[0]), max(action[1], specific[1])


def _proper_noun(sentence: Sentence, vocab: Vocab) -> Span | None:
    """A capitalised word after the first one that is not a function word ("Airflow", "Tesco")."""
    for token in sentence.tokens[1:]:
        if token.text[:1].isupper() and token.low not in vocab.function_words and token.low != "i":
            return token.start, token.end
    return None


DETECTORS: dict[str, Detector] = {
    "number": number,
    "outcome": outcome,
    "first_person_action": first_person_action,
    "past_action": past_action,
    "named_example": named_example,
}


def locate(part: CompiledPart, reading: Reading, vocab: Vocab) -> Span | None:
    """The earliest place in a usable sentence where the part shows, by phrase or by detector."""
    found: list[Span] = []
    hit = reading.first_usable(part.phrases)
    if hit is not None:
        found.append((hit.start, hit.end))
    if part.detector is not None:
        detect = DETECTORS[part.detector]
        for sentence in reading.sentences:
            if sentence.index in reading.usable:
                span = detect(sentence, vocab)
                if span is not None:
                    found.append(span)
                    break
    return min(found) if found else None
