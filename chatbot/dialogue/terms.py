""""What does dynamic batching mean?": a term explained in one line, from the glossary when it holds the
term, else from the bank's own model answers and reference phrasings, which define most terms an
interview question uses. Answered only when the line found actually contains the term, so an unknown
term still falls through to the usual handling. "Is shadow the same as canary?" explains both."""

from __future__ import annotations

import re

from chatbot.dialogue.resources import Resources
from chatbot.dialogue.state import DialogueState
from chatbot.dialogue.topics import context
from chatbot.dialogue.turns import Reply
from chatbot.dialogue.understanding import without_opener
from chatbot.knowledge.models import Question, Term
from chatbot.nlu.segments import sentences

TERM = "term_explained"


def _folded(term: str) -> str:
    return " ".join(re.findall(r"[\w/]+", term.casefold().replace("-", " ")))


def glossary_entry(res: Resources, term: str) -> Term | None:
    """The glossary's entry for a term as typed: its name or an alias, singular or plural."""
    wanted = _folded(term)
    for entry in res.knowledge.terms.values():
        for name in (entry.name, *entry.aliases):
            known = _folded(name)
            if wanted in (known, f"{known}s", f"{known}es") or known == wanted.removesuffix("s"):
                return entry
    return None


def compared_terms(res: Resources, text: str) -> list[Term]:
    """Both terms of "is X the same as Y" / "difference between X and Y", when the glossary has both; or
    the one it has when the other is a plain kind of the same thing ("dynamic batching and just normal
    batching"), whose contrast its definition draws."""
    for pattern in res.rules.term_comparisons:
        found = re.search(pattern, text.strip(), re.IGNORECASE)
        if found:
            said = [found.group(g).strip(" ?.!,'\"") for g in ("first", "second")]
            pair = [glossary_entry(res, phrase) for phrase in said]
            if all(pair) and pair[0] != pair[1]:
                return [entry for entry in pair if entry is not None]
            known = [(entry, other) for entry, other in zip(pair, reversed(said)) if entry is not None]
            if len(known) == 1 and known[0][0].name.split()[-1].casefold() == _head(known[0][1]):
                return [known[0][0]]
    return []


def _head(phrase: str) -> str:
    """The last word of a phrase, which names what kind of thing it is ("normal batching": batching)."""
    words = phrase.casefold().split()
    return words[-1] if words else ""


_LEAD_CLAUSE = re.compile(r"^[^?!.]{1,40}?(?:\s[-\u2013\u2014:]|[,;:])\s+(?=\S)")
_QUOTES = re.compile("[\"\u2018\u2019\u201c\u201d]|(?<!\\w)'|'(?!\\w)")


def asked_term(res: Resources, text: str) -> str | None:
    """The term a "what is X / what does X mean" question asks about, if the message is one: the whole
    message, or its first sentence ("what does canary mean? I keep seeing it in ads"), past a short lead-in
    clause ("before I answer - what does canary mean?"); quotes around the term are read past. A later
    sentence is never read alone: "...I'd ask: what is the latency budget?" is part of an answer."""
    first = next(iter(sentences(text)), "")
    candidates = [text.strip(), first, _LEAD_CLAUSE.sub("", first, count=1)]
    for candidate in dict.fromkeys(_QUOTES.sub("", c) for c in candidates):
        for pattern in res.rules.term_questions:
            found = re.search(pattern, candidate, re.IGNORECASE)
            if found:
                term = found.group("term").strip(" ?.!,'\"")
                words = [w for w in re.findall(r"[\w\-]+", term.casefold()) if w not in res.rules.term_ignored]
                if 0 < len(words) <= res.rules.term_max_words:
                    return " ".join(words)
    return None


def glossary_answer(res: Resources, state: DialogueState, text: str) -> Reply | None:
    """A plain "what is X?" or "is X the same as Y?" about a glossary term (the move's skills, which have
    fuller answers of their own, are not in it): the definition, ahead of any topic the words resemble
    ("whats quantisation?" is not a question about model serving in general)."""
    text = without_opener(res, text)
    pair = compared_terms(res, text)
    if pair:
        return _reply(res, state, pair[0].name, "\n\n".join(entry.definition for entry in pair))
    term = asked_term(res, text)
    entry = glossary_entry(res, term) if term is not None else None
    if entry is not None:
        return _reply(res, state, entry.name, entry.definition)
    named = _pointed_at(res, text)
    return _reply(res, state, named[0].name, "\n\n".join(e.definition for e in named)) if named else None


def _pointed_at(res: Resources, text: str) -> list[Term]:
    """"people keep saying pipelines should be 'idempotent' - what does that mean?": the glossary terms
    the message names (one or two), when its question points back at them."""
    # never inside an answer ("we used a canary release. what does that mean for users? ...")
    if not re.search(res.rules.term_points_back, text, re.IGNORECASE) or \
            not res.questions.asks(text, res.rules.answer_min_words):
        return []
    plain = f" {_folded(text)} "
    named = {entry.id: entry for entry in res.knowledge.terms.values()
             for name in (entry.name, *entry.aliases) if f" {_folded(name)} " in plain
             or f" {_folded(name)}s " in plain}
    return list(named.values()) if len(named) <= 2 else []


def explain_term(res: Resources, state: DialogueState, text: str) -> Reply | None:
    """From the glossary; else one line of the bank that defines the term, with the question whose model
    answer it comes from."""
    glossed = glossary_answer(res, state, text)
    text = without_opener(res, text)
    term = asked_term(res, text)
    if glossed is not None or term is None:
        return glossed
    defining = [found.passage for found in res.glossary.closest(term, res.rules.term_candidates)
                if found.score >= res.rules.term_floor and found.passage is not None
                and _defines(found.passage.text, term, res.rules.term_lead_words)]
    if not defining:
        return None
    # a line that says what the term is or does ("dynamic batching holds requests...") beats one that
    # only uses it
    says = re.compile(rf"\b{re.escape(term.split()[-1])}\w*\b[^.;]{{0,40}}?\b(?:{'|'.join(res.rules.term_verbs)})\b",
                      re.IGNORECASE)
    passage = next((p for p in defining if says.search(p.text)), defining[0])
    return _reply(res, state, term, passage.text, res.knowledge.questions.get(passage.section))


def _reply(res: Resources, state: DialogueState, term: str, line: str, source: Question | None = None) -> Reply:
    values = context(res, state, term=term, line=line, source=source)
    return Reply(res.responses.text(TERM, values), TERM, res.responses.quick_replies(TERM, values))


def _defines(line: str, term: str, lead: int) -> bool:
    """The line is about the term: every word of it appears, the first within the opening words
    ("With dynamic batching, the serving layer..."), not in passing at the end."""
    words = term.split()
    opening = " ".join(line.split()[:lead])
    return _mentions(opening, words[0]) and all(_mentions(line, word) for word in words)


def _mentions(line: str, word: str) -> bool:
    """The word, or its singular, appears in the line ("stakeholders" defines "stakeholder")."""
    stem = word[:-1] if len(word) > 4 and word.endswith("s") else word
    return re.search(rf"\b{re.escape(stem)}", line, re.IGNORECASE) is not None
