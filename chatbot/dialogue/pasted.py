"""Text pasted into the chat and asked about: a job advert ("am I a fit?") or part of a CV. Both are
read for the skills they name, so the answer is about this advert or this CV, not the general advice."""

from __future__ import annotations

import re

from chatbot.dialogue import topics
from chatbot.dialogue.resources import Resources
from chatbot.dialogue.state import DialogueState
from chatbot.dialogue.turns import Reply
from chatbot.dialogue.understanding import Understanding

ADVERT, CV = "job_advert_fit", "cv_review"


def is_advert(res: Resources, heard: Understanding) -> bool:
    """A pasted job advert: several skills, in an advert's words. The skills it names are the employer's
    wishes, not facts about the person."""
    named = len(heard.entities.skills) >= res.rules.advert_min_skills
    return named and _has_any(heard.text, res.rules.advert_cues)


def read_pasted(res: Resources, state: DialogueState, heard: Understanding) -> Reply | None:
    """A job advert or a CV extract with its question, answered against what it names; else None."""
    rules, text = res.rules, heard.text
    skills = heard.entities.skills
    if is_advert(res, heard):
        return topics.compose(res, state, ADVERT, ADVERT, named=skills)
    long_enough = len(text.split()) >= rules.pasted_min_words
    # a story that mentions "my CV" but asks about something else ("I'd rather let my CV speak. Do I really
    # need to network?") is answered on what it asks
    elsewhere = heard.is_topic and heard.intent is not None and heard.intent.name not in rules.cv_review_intents
    if long_enough and not elsewhere and \
            (_has_any(text, rules.cv_cues) or re.search(rules.cv_dates, text, re.IGNORECASE)):
        return topics.compose(res, state, CV, CV, named=skills)
    return None


def _has_any(text: str, phrases: list[str]) -> bool:
    folded = text.casefold()
    return any(re.search(rf"(?<!\w){re.escape(p.casefold())}(?!\w)", folded) for p in phrases)
