"""What each command does, whatever mode the conversation is in."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from types import MappingProxyType

from chatbot.dialogue import assessment, practice, summary, topics
from chatbot.dialogue.context import still_to_build
from chatbot.dialogue.profile import forget, stated_fields
from chatbot.dialogue.resources import Resources
from chatbot.dialogue.responses import ResponsePart
from chatbot.dialogue.state import DialogueState, fresh
from chatbot.dialogue.turns import Reply
from chatbot.dialogue.understanding import Understanding

Handler = Callable[[Resources, DialogueState, Understanding], Reply]
RESTART, HELP, MENU = "restart", "help", "menu"
RECALLED, FORGOTTEN = "about_me", "forgotten"


def _restart(res: Resources, state: DialogueState, heard: Understanding) -> Reply:
    """Forget everything but the transition; the state object is reset in place for the caller."""
    for name, value in fresh(state.transition):
        setattr(state, name, value)
    return topics.compose(res, state, RESTART, heard.intent.name if heard.intent else RESTART)


def _practice(res: Resources, state: DialogueState, heard: Understanding) -> Reply:
    skills, categories = heard.entities.skills, heard.entities.categories
    said = [s for s in re.split(r"(?<=[.!?])\s+", heard.text.strip()) if s]
    asking = [s for s in said if re.search(res.rules.practice_focus_sentence, s, re.IGNORECASE)]
    named = res.extractor.extract(asking[-1]) if asking else None
    if named is not None and (named.skills or named.categories):
        # "29, 3 years DS, mostly pytorch. id like to practise behavioural questions": the focus is what the
        # request names, not the tools the story around it mentions
        skills, categories = named.skills, named.categories
    skill = skills[0] if skills else None
    folded = heard.text.casefold()
    if skill is None and not categories and any(word in folded for word in res.rules.weakest_words):
        weakest = still_to_build(res.knowledge, res.knowledge.transitions[state.transition], state.profile, res.rules)
        skill = weakest[0].id if weakest else None  # "practise my weakest one"
    category = categories[0] if categories else None
    if skill is None and category is None and re.search(res.rules.same_focus, heard.text, re.IGNORECASE):
        # "another question of the same kind, please": the focus stays, or the open question's kind
        skill, category = state.practice.focus_skill, state.practice.focus_category
        current = res.knowledge.questions.get(state.practice.question or "")
        if skill is None and category is None and current is not None:
            category = current.category
    return practice.start_practice(res, state, skill, category, request=heard.text)


def _resume(res: Resources, state: DialogueState, heard: Understanding) -> Reply:
    """"Back to practice" returns to the open question, unless it names another focus ("back to
    practice, pipelines again"): then practice starts on what was named. With no question to return to,
    "ok, we continue the practice" asks for one."""
    named = heard.entities.skills[:1] or heard.entities.categories[:1]
    question = res.knowledge.questions.get(state.practice.question or "")
    if question is None:
        return _practice(res, state, heard)
    elsewhere = named and named[0] not in (*question.skills, question.category)
    if elsewhere or named and re.search(res.rules.another_question, heard.text, re.IGNORECASE):
        return _practice(res, state, heard)
    return practice.resume_question(res, state)


def _next(res: Resources, state: DialogueState, heard: Understanding) -> Reply:
    if state.mode == "assessment":
        return assessment.skip(res, state)
    going_on = re.search(res.rules.carry_on, heard.text, re.IGNORECASE) is not None \
        and not re.search(res.rules.new_question_words, heard.text, re.IGNORECASE)
    if state.mode == "practice" and state.practice.awaiting and going_on:
        return practice.resume_question(res, state)  # "continue" while a question waits goes back to it
    if state.mode == "practice":
        return practice.ask_next(res, state)
    return _practice(res, state, heard)


def _stop(res: Resources, state: DialogueState, heard: Understanding) -> Reply:
    if state.mode == "assessment":
        return assessment.plan(res, state)
    return summary.summarise(res, state)


def _why(res: Resources, state: DialogueState, heard: Understanding) -> Reply:
    """In a mock interview "why did that go up?" asks about the score, not the last topic before it."""
    if state.mode == "practice" and any(state.practice.attempts.values()):
        return practice.explain_score(res, state)
    return topics.deeper(res, state, "why", heard.intent.name if heard.intent else "why")


def _deeper(part: ResponsePart) -> Handler:
    def handle(res: Resources, state: DialogueState, heard: Understanding) -> Reply:
        return topics.deeper(res, state, part, heard.intent.name if heard.intent else part)

    return handle


def _recall(res: Resources, state: DialogueState, heard: Understanding) -> Reply:
    return topics.compose(res, state, RECALLED, heard.intent.name if heard.intent else RECALLED, recall=True)


def _forget(res: Resources, state: DialogueState, heard: Understanding) -> Reply:
    """Forget what the person names, and say exactly what went."""
    stated = stated_fields(heard.text, res.knowledge, res.rules, res.extractor.extract)
    state.profile, gone = forget(state.profile, heard.text, res.rules, stated)
    values = topics.context(res, state, gone=[res.rules.profile_field_names.get(f, f) for f in gone])
    return Reply(res.responses.text(FORGOTTEN, values), heard.intent.name if heard.intent else FORGOTTEN,
                 res.responses.quick_replies(FORGOTTEN, values))


def _plain(res: Resources, state: DialogueState, heard: Understanding) -> Reply:
    """Help and menu are plain wordings; they do not change what "tell me more" refers to."""
    key = heard.answer or ""
    values = topics.context(res, state)
    return Reply(res.responses.text(key, values), heard.intent.name if heard.intent else key,
                 res.responses.quick_replies(key, values))


HANDLERS: Mapping[str, Handler] = MappingProxyType({
    HELP: _plain,
    MENU: _plain,
    RESTART: _restart,
    "practice": _practice,
    "next": _next,
    "skip": _next,
    "stop": _stop,
    "summary": _stop,
    "assess": lambda res, state, heard: assessment.start_assessment(res, state),
    "hint": lambda res, state, heard: practice.hint(res, state),
    "try_again": lambda res, state, heard: practice.try_again(res, state),
    "model_answer": lambda res, state, heard: practice.model_answer(res, state),
    "resume_practice": _resume,
    "score_explained": lambda res, state, heard: practice.explain_score(res, state),
    "explain_question": lambda res, state, heard: practice.explain_question(res, state),
    "profile_recall": _recall,
    "profile_forget": _forget,
    "more": _deeper("more"),
    "why": _why,
})
