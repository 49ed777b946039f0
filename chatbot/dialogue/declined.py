"""What the coach honestly declines, recognised by its words: another language, another career move, and
the requests and topics the data lists ("write my cover letter for me", "find me jobs"), because in meaning
they sit close to what the coach does."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial

from chatbot.dialogue import topics
from chatbot.dialogue.other_moves import asks_about_another_move
from chatbot.dialogue.resources import Resources
from chatbot.dialogue.state import DialogueState
from chatbot.dialogue.turns import Reply

LATIN_END = 0x24F  # the last letter of the Latin scripts (Latin Extended-B): accents and Polish letters included


def declined_by_words(res: Resources, state: DialogueState, text: str) -> Reply | None:
    """What the coach honestly declines, recognised by its words because in meaning it sits close to what
    the coach does: another language, another career move, "write my cover letter for me", "find me jobs"."""
    rules = res.rules
    checks: list[tuple[str | None, Callable[[], bool]]] = [
        (rules.other_language_answer, lambda: other_language(res, text)),
        (rules.other_move_answer, lambda: asks_about_another_move(res, text)),
        *((name, partial(any_search, patterns, text)) for name, patterns in rules.declined_requests.items()),
    ]
    for name, applies in checks:
        if name and name in res.intents.names and applies():
            return topics.compose(res, state, res.intents.get(name).answer, name)
    return None


def any_search(patterns: list[str], text: str) -> bool:
    """Whether any of these regular expressions occurs in the message, case aside."""
    return any(re.search(p, text.strip(), re.IGNORECASE) for p in patterns)


def other_language(res: Resources, text: str) -> bool:
    """Written in another language: several of its small words, making up a fair share of the message
    ("Bonjour, je suis data scientist à Lyon..."), not one borrowed word from a non-native speaker."""
    words = re.findall(r"[^\W\d_]+", text.casefold())
    foreign = [w for w in words if w in res.rules.foreign_words]
    letters = [c for c in text if c.isalpha()]
    # or written mostly in another script ("我是一名数据科学家...", "Я дата-сайентист...")
    other_script = sum(1 for c in letters if ord(c) > LATIN_END) >= res.rules.other_script_share * len(letters)
    return bool(letters) and other_script or \
        len(set(foreign)) >= res.rules.foreign_min_words and len(foreign) >= res.rules.foreign_share * len(words)
