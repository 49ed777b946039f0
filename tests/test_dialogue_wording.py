"""Replies that speak about "you" follow the person: for several profiles, every topic the coach answers
is asked, and no sentence claims a skill the person said they lack, or calls one they have a gap."""

from __future__ import annotations

import re

import pytest

from tests.memory_chat import MemoryChat

CLAIMS_HAVING = re.compile(r"you already|you have this|from your data scientist work|you use it every day"
                           r"|what i like best", re.IGNORECASE)
CALLS_MISSING = re.compile(r"need building|still to build|tackle your gaps|haven't used|you lack", re.IGNORECASE)

PROFILES = {
    "lacks deep learning": ("I have never used pytorch or tensorflow", ["deep-learning-frameworks"], []),
    "knows containers": ("I already know docker and kubernetes really well", [], ["kubernetes-docker"]),
}


def topic_questions(engine):
    return [(i.name, i.examples[0]) for i in engine.resources.intents if i.kind == "topic"]


def sentences(text):
    return [s for s in re.split(r"(?<=[.!?:;])\s+|\n+", text) if s.strip()]


@pytest.mark.parametrize("profile", sorted(PROFILES))
def test_no_reply_contradicts_what_the_person_said(engine, profile):
    statement, lacking, known = PROFILES[profile]
    names = {sid: engine.knowledge.skills[sid] for sid in [*lacking, *known]}
    wrong = []
    for intent, question in topic_questions(engine):
        chat = MemoryChat(engine)
        chat.say(statement)
        for reply in [chat.say(question)]:
            for sentence in sentences(reply.text):
                for sid, skill in names.items():
                    if skill.name.casefold() not in sentence.casefold():
                        continue
                    if sid in lacking and CLAIMS_HAVING.search(sentence):
                        wrong.append((intent, sentence))
                    if sid in known and CALLS_MISSING.search(sentence) and "you said" not in sentence.casefold():
                        wrong.append((intent, sentence))
    assert not wrong, "\n".join(f"{i}: {s}" for i, s in wrong)


def test_the_suggested_interview_opening_is_built_from_the_persons_strengths(engine):
    chat = MemoryChat(engine)
    chat.say("I have never used pytorch or tensorflow")
    reply = chat.say("how should I frame my move in interviews?")
    opening = next(s for s in reply.text.split("\n") if "What I like best" in s)
    for gap in engine.knowledge.gaps(engine.knowledge.default_transition):
        assert gap.name not in opening
    assert engine.knowledge.skills["deep-learning-frameworks"].name not in opening
