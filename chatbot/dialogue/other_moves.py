"""A question about a different career move ("analyst -> data engineer", "DS to quant research"): the
guide's figures and plan are for one move only, so such a question is declined honestly rather than
answered with this move's numbers. Read from the words, because in meaning "how long does analyst to
data engineer take?" is almost the same question as the one this coach answers."""

from __future__ import annotations

import re
from functools import lru_cache

from chatbot.dialogue.resources import Resources

TARGET = "mle"  # the lexicon's word for this move's target role
SOURCE = "ds"  # ...and for the role it starts from


def asks_about_another_move(res: Resources, text: str) -> bool:
    """A move word followed closely by a role the guide does not cover, and this move's target role
    nowhere after it ("is a data engineer job a good step toward MLE?" stays in scope)."""
    rules = res.rules
    if not rules.move_words or not rules.other_roles:
        return False
    folded = text.casefold()
    target, roles = _role_pattern(res, TARGET), _alternation(tuple(rules.other_roles))
    if _starts_elsewhere(res, folded) or _asks_pay_elsewhere(res, text):
        return True
    for found in _alternation(tuple(rules.move_words)).finditer(folded):
        after = folded[found.end():]
        window = " ".join(after.split()[: rules.other_move_window])
        if roles.search(window) and not _still_aims_here(res, target, after):
            return True
    return False


def _still_aims_here(res: Resources, target: re.Pattern[str], after: str) -> bool:
    """This move's target named after the move word, and not as the one given up ("becoming a product
    manager instead of an MLE")."""
    given_up = "|".join(re.escape(w) for w in res.rules.instead_words)
    return any(not (given_up and re.search(rf"\b(?:{given_up})\s+(?:an?\s+|the\s+)?$", after[: found.start()]))
               for found in target.finditer(after))


def _starts_elsewhere(res: Resources, folded: str) -> bool:
    """The person introduces themself in another role ("backend dev, 4 yoe", "devops engineer here, want
    to be an MLOps engineer", "I'm an accountant") and never as a data scientist: the starting point is
    not this move's, so neither are its figures or plan."""
    if _role_pattern(res, SOURCE).search(folded):
        return False
    roles = _alternation(tuple(res.rules.other_roles) + tuple(res.rules.other_sources)).pattern
    opening = " ".join(folded.split()[: res.rules.own_role_window])
    return any(re.search(frame.replace("{role}", f"(?:{roles})"), opening) for frame in res.rules.own_role_frames)


def _asks_pay_elsewhere(res: Resources, text: str) -> bool:
    """A question about another role's pay ("what does a data engineer earn mid-level in London?") that
    never names this move's roles: the guide's bands are for these two roles alone."""
    own = re.compile(f"{_role_pattern(res, TARGET).pattern}|{_role_pattern(res, SOURCE).pattern}")
    # two-letter short forms ("de", "pm") name a role only right after a move word ("DA -> DE")
    roles = _alternation(tuple(r for r in res.rules.other_roles if len(r) > 2 and not own.fullmatch(r.casefold())))
    pay = _alternation(tuple(res.rules.pay_words))
    return any(res.questions.is_question(part) and pay.search(said := part.casefold()) and roles.search(said)
               and not own.search(said) for part in res.questions.parts(text))


def _role_pattern(res: Resources, canonical: str) -> re.Pattern[str]:
    """Every way the lexicon spells one role ("mle", "ml engineer", "machine learning engineer")."""
    synonyms = res.intents.lexicon.synonyms
    return _alternation(tuple(k for k, v in synonyms.items() if v.split() == [canonical]) + (canonical,))


@lru_cache(maxsize=8)
def _alternation(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """Whole words or symbols, longest first."""
    parts = sorted({p.strip().casefold() for p in phrases if p.strip()}, key=len, reverse=True)
    return re.compile("|".join(rf"(?<!\w){re.escape(p)}(?!\w)" for p in parts))
