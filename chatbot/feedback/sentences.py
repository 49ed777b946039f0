"""Is a sentence a real sentence? Verb, function words, not a list, and word order that English allows.

Shuffled words and keyword lists fail these checks, so talking points named in them earn nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from chatbot.feedback.text import Sentence, Token

_SET_OFF = ":;\"'(“‘—–-"  # noqa: RUF001 - typographic quotes and dashes set words off
_SOFT = ("", ",")  # a capital after these is mid-sentence
_GERUND_CONTENT = frozenset({"gerund", "content"})
_CONTENT = frozenset({"content"})
_NONE: frozenset[str] = frozenset()


@dataclass(frozen=True)
class WordClasses:
    """Closed-class words the rules need, by class, and the class pairs real English almost never shows."""

    classes: Mapping[str, frozenset[str]]  # word -> its classes
    function_words: frozenset[str]
    verb_words: frozenset[str]  # words that show a clause: auxiliaries, subject pronouns, finite verbs
    clitics: frozenset[str]  # "m" of "I'm", "ve" of "we've"
    imperatives: frozenset[str]  # stems of verbs that open an instruction ("Profile it first")
    lead_ins: frozenset[str]  # words that may come before such a verb ("then", "first")
    determiners: frozenset[str]
    bad_pairs: frozenset[tuple[str, str]]
    bad_after: Mapping[frozenset[str], frozenset[str]]  # a word's classes -> classes that may not follow
    bad_final: frozenset[str]
    bad_initial: frozenset[str]  # words that open questions, not statements ("is", "was")


@dataclass(frozen=True)
class FormRules:
    min_words: int
    min_function_share: float
    verbless_function_share: float  # imperatives and "-s" verbs show no clue word; enough small words do
    words_per_violation: int  # a sentence may carry one odd pair per this many words, or part of it
    list_min_chunks: int
    list_short_chunk: int
    list_short_share: float
    list_long_chunk: int


@dataclass(frozen=True, slots=True)
class Form:
    """The verdict on one sentence; `reason` names the failed check when not `ok`."""

    ok: bool
    reason: str | None
    words: int
    checks: int  # word pairs (and the ending) the order rules looked at
    violations: tuple[tuple[int, int], ...]  # character spans of the odd pairs


def judge(sentence: Sentence, wc: WordClasses, rules: FormRules) -> Form:
    """Run the checks in order of cost and report the first that fails."""
    tokens = sentence.tokens
    odd = tuple(order_violations(sentence, wc))
    words = len(tokens)
    reason: str | None = None
    if words < rules.min_words:
        reason = "short"
    elif is_list(sentence, rules):
        reason = "list"
    elif not _clause(sentence, wc, rules):
        reason = "fragment"
    elif len(odd) > -(-words // rules.words_per_violation):  # one odd pair per started stretch
        reason = "word_order"
    return Form(reason is None, reason, words, words, odd)


def _clause(sentence: Sentence, wc: WordClasses, rules: FormRules) -> bool:
    """Held together like a sentence: a verb and some small words, or many small words."""
    share = _function_share(sentence.tokens, wc)
    if share >= rules.verbless_function_share:
        return True
    return share >= rules.min_function_share and has_verb(sentence, wc)


def order_violations(sentence: Sentence, wc: WordClasses) -> list[tuple[int, int]]:
    """Word pairs that shuffled text produces and fluent text avoids: "the of", "I the", "... and."."""
    tokens, gaps = sentence.tokens, sentence.gaps
    classes = [_classes(t, wc) for t in tokens]
    spans = []
    for i in range(len(tokens) - 1):
        a, b = tokens[i], tokens[i + 1]
        between = gaps[i].strip()
        adjacent = not between
        if (adjacent and _bad_pair(classes[i], classes[i + 1], wc)) or (
            between in _SOFT and _stray_capital(a, b, gaps[i], wc)
        ):
            spans.append((a.start, b.end))
    last = tokens[-1]
    if len(tokens) >= 3 and last.low in wc.bad_final:
        spans.append((tokens[-2].start, last.end))
    first = tokens[0]
    if len(tokens) >= 3 and first.low in wc.bad_initial and "?" not in sentence.tail:
        spans.append((first.start, tokens[1].end))
    return spans


def _bad_pair(first: frozenset[str], second: frozenset[str], wc: WordClasses) -> bool:
    banned = wc.bad_after.get(first)
    if banned is None:
        banned = forbidden_after(first, wc.bad_pairs)
    return not banned.isdisjoint(second)


def forbidden_after(classes: frozenset[str], bad_pairs: frozenset[tuple[str, str]]) -> frozenset[str]:
    """The classes that may not follow a word of these classes."""
    return frozenset(after for before, after in bad_pairs if before in classes)


OPEN_CLASSES = (_GERUND_CONTENT, _CONTENT, _NONE)


def _classes(token: Token, wc: WordClasses) -> frozenset[str]:
    """Closed classes from the word lists, plus three open ones: "gerund" (an open-class "-ing" word),
    "content" (any other open-class word) and "function" (a small word that cannot follow "the")."""
    low = token.low
    known = wc.classes.get(low)
    if known is not None:
        return known
    if low not in wc.function_words:
        if len(low) >= 5 and low.endswith("ing") and low.isalpha() and any(v in low[:-3] for v in "aeiouy"):
            return _GERUND_CONTENT  # "learning", not "bring" or "thing"
        return _CONTENT
    return _NONE


def _stray_capital(before: Token, token: Token, gap: str, wc: WordClasses) -> bool:
    """A capitalised sentence opener mid-sentence ("and The", "loops Watch") was moved by shuffling.

    A capitalised verb right after a determiner or another capital is a name ("a Deployment", "TF Serving").
    """
    if not token.titled or token.low == "i" or token.low.startswith("i'") or any(c in _SET_OFF for c in gap):
        return False
    if token.low in wc.function_words or token.low in wc.lead_ins:
        return True
    named = before.text[:1].isupper() or before.low in wc.determiners
    return token.stem in wc.imperatives and not named


def has_verb(sentence: Sentence, wc: WordClasses) -> bool:
    """Some sign of a clause: an auxiliary, a subject pronoun, a contraction, a past-tense verb,
    or an instruction ("Then profile the model")."""
    tokens = sentence.tokens
    opening = next((t for t in tokens if t.low not in wc.lead_ins), None)
    if opening is not None and opening.stem in wc.imperatives:
        return True
    for i, token in enumerate(tokens):
        if token.low in wc.verb_words:
            return True
        if "'" in token.low and token.low.rsplit("'", 1)[1] in wc.clitics:
            return True
        if i and _past_tense(token, tokens[i - 1], sentence.gaps[i - 1], wc):
            return True
    return False


def _past_tense(token: Token, before: Token, gap: str, wc: WordClasses) -> bool:
    """An "-ed" word after a noun ("Kafka streamed") is a verb; after "the" ("the trained model"), not."""
    return (
        len(token.low) >= 5
        and token.low.endswith("ed")
        and token.low.isalpha()
        and before.low not in wc.determiners
        and token.low not in wc.function_words
        and not gap.strip()
    )


def _function_share(tokens: tuple[Token, ...], wc: WordClasses) -> float:
    return sum(t.low in wc.function_words for t in tokens) / len(tokens)


def is_list(sentence: Sentence, rules: FormRules) -> bool:
    """Mostly short comma-separated chunks and no long clause: a list of items, not a sentence."""
    chunks = [0]
    for i, _ in enumerate(sentence.tokens):
        chunks[-1] += 1
        gap = sentence.gaps[i] if i < len(sentence.gaps) else " "
        if gap != " " and ("," in gap or ";" in gap or "|" in gap):
            chunks.append(0)
    if len(chunks) < rules.list_min_chunks or max(chunks) >= rules.list_long_chunk:
        return False
    short = sum(c <= rules.list_short_chunk for c in chunks)
    return short / len(chunks) >= rules.list_short_share
