"""One pass over an answer: sentences, their verdicts, the stem index and how natural the word order is.

Every criterion reads from this, so the answer is tokenised and stemmed exactly once per assessment.
"""

from __future__ import annotations

from dataclasses import dataclass

from chatbot.feedback.lexicon import RubricLexicon
from chatbot.feedback.phrase_matching import Hit, Phrase, StemIndex
from chatbot.feedback.sentences import Form, judge
from chatbot.feedback.signals import specific
from chatbot.feedback.spec_reading import Fluency
from chatbot.feedback.text import Sentence, Token, split_sentences

_BREAKS = ".!?…\n"


@dataclass(frozen=True)
class AnswerReading:
    """What the answer is made of. `usable` sentences are real and said for the first time."""

    text: str
    tokens: tuple[Token, ...]
    sentences: tuple[Sentence, ...]
    forms: tuple[Form, ...]
    usable: frozenset[int]
    repeated: tuple[int, ...]
    waffle: tuple[int, ...]  # stock phrases ("passionate", "team player") with nothing specific: no credit
    index: StemIndex
    fluency: float  # 1: natural word order; 0: reads as shuffled
    violations: tuple[tuple[int, int], ...]
    max_gap: int

    @property
    def words(self) -> int:
        return len(self.tokens)

    def find(self, phrase: Phrase, max_gap: int | None = None) -> list[Hit]:
        """Hits of a phrase anywhere in the answer, usable or not."""
        return self.index.find(phrase, self.max_gap if max_gap is None else max_gap)

    def first_usable(self, phrases: tuple[Phrase, ...], max_gap: int | None = None) -> Hit | None:
        """The earliest hit of any of the phrases inside a usable sentence."""
        hits = [h for p in phrases for h in self.find(p, max_gap) if h.sentence in self.usable]
        return min(hits, key=lambda h: (h.start, -h.end)) if hits else None


def read_answer(
    answer: str, lexicon: RubricLexicon, vocabulary: frozenset[str], fluency: Fluency, max_gap: int,
    max_chars: int,
) -> AnswerReading:
    """Tokenise, split, judge each sentence, set aside repeats and waffle, measure word-order oddities."""
    text = clip(answer, max_chars)
    tokens = lexicon.tokenise(text)
    sentences = split_sentences(text, tokens, lexicon.abbreviations)
    forms = tuple(judge(s, lexicon.words, lexicon.form_rules) for s in sentences)
    index = StemIndex(sentences, vocabulary, lexicon.fuzz)
    stock = {h.sentence for p in lexicon.cliches for h in index.find(p, max_gap)}
    waffle = {i for i in stock if not specific(sentences[i], lexicon.vocab)}
    violations = tuple(span for f in forms for span in f.violations)
    quality = order_quality(len(violations), sum(f.checks for f in forms), fluency)
    seen: set[tuple[str, ...]] = set()
    usable: set[int] = set()
    repeated: list[int] = []
    for sentence, form in zip(sentences, forms, strict=True):
        key = tuple(t.stem for t in sentence.tokens)
        if key in seen:
            repeated.append(sentence.index)
        elif form.ok and sentence.index not in waffle and (quality == 1 or not form.violations):
            usable.add(sentence.index)  # in an answer that reads oddly, no odd sentence is trusted
        seen.add(key)
    if quality == 0:
        usable.clear()  # shuffled as a whole: no sentence of it can be trusted
    return AnswerReading(
        text=text,
        tokens=tuple(tokens),
        sentences=tuple(sentences),
        forms=forms,
        usable=frozenset(usable),
        repeated=tuple(repeated),
        waffle=tuple(sorted(waffle)),
        index=index,
        fluency=quality,
        violations=violations,
        max_gap=max_gap,
    )


def clip(answer: str, max_chars: int) -> str:
    """Cut an over-long answer back to its last sentence break, so no half sentence is judged."""
    if len(answer) <= max_chars:
        return answer
    head = answer[:max_chars]
    cut = max(head.rfind(c) for c in _BREAKS)
    return head[: cut + 1] if cut > 0 else head


def order_quality(violations: int, checks: int, fluency: Fluency) -> float:
    """1 while odd word pairs stay at the rate fluent text shows, falling to 0 at the shuffled rate."""
    rate = violations / max(checks, fluency.min_checks)
    scaled = 1 - (rate - fluency.free_rate) / (fluency.zero_rate - fluency.free_rate)
    return min(1.0, max(0.0, scaled))
