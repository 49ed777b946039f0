""""What does dynamic batching mean?": a term explained in one line, from the bank's own model answers
and reference phrasings, which define most terms an interview question uses. Answered only when the
line found actually contains the term, so an unknown term still falls through to the usual handling."""

from __future__ import annotations

import re

from chatbot.dialogue.resources import Resources
from chatbot.dialogue.state import DialogueState
from chatbot.dialogue.topics import context
from chatbot.dialogue.turns import Reply

TERM = "term_explained"


def asked_term(res: Resources, text: str) -> str | None:
    """The term a "what is X / what does X mean" question asks about, if the message is one."""
    for pattern in res.cues.term_questions:
        found = re.search(pattern, text.strip(), re.IGNORECASE)
        if found:
            term = found.group("term").strip(" ?.!,'\"")
            words = [w for w in re.findall(r"[\w\-]+", term.casefold()) if w not in res.cues.term_ignored]
            if 0 < len(words) <= res.cues.term_max_words:
                return " ".join(words)
    return None


def explain_term(res: Resources, state: DialogueState, text: str) -> Reply | None:
    """One line that defines the term, with the question whose model answer it comes from."""
    term = asked_term(res, text)
    if term is None:
        return None
    defining = [found.passage for found in res.glossary.closest(term, res.cues.term_candidates)
                if found.score >= res.cues.term_floor and found.passage is not None
                and _defines(found.passage.text, term, res.cues.term_lead_words)]
    if not defining:
        return None
    # a line that says what the term is or does ("dynamic batching holds requests...") beats one that
    # only uses it
    says = re.compile(rf"\b{re.escape(term.split()[-1])}\w*\b[^.;]{{0,40}}?\b(?:{'|'.join(res.cues.term_verbs)})\b",
                      re.IGNORECASE)
    passage = next((p for p in defining if says.search(p.text)), defining[0])
    question = res.knowledge.questions.get(passage.section)
    values = context(res, state, term=term, line=passage.text, source=question)
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
