"""Deciding what a message is for: an answer to a question, a rating, a command, a topic or a follow-up."""

from __future__ import annotations

import re
from dataclasses import replace

from chatbot.dialogue import assessment, practice, topics
from chatbot.dialogue.answering import answer_questions, answer_topic, follow_up, in_context
from chatbot.dialogue.assessment_turn import ABOUT_ME, assessment_reply
from chatbot.dialogue.commands import HANDLERS
from chatbot.dialogue.declined import any_search, declined_by_words
from chatbot.dialogue.pasted import is_advert, read_pasted
from chatbot.dialogue.practice_turn import practice_message, steps_aside
from chatbot.dialogue.profile import learn, offer_figure, quoted_range
from chatbot.dialogue.resources import Resources
from chatbot.dialogue.state import DialogueState
from chatbot.dialogue.terms import explain_term, glossary_answer
from chatbot.dialogue.turns import Reply
from chatbot.dialogue.understanding import (
    COMMAND,
    DECLINED,
    SMALL_TALK,
    readings,
    Understanding,
    abroad_reading,
    as_request,
    loose_command,
    outside_interview,
    past_opener,
    typed_command,
    understand,
    without_command,
)
from chatbot.knowledge import Question
from chatbot.nlu import IntentMatch, normalise
from chatbot.nlu.segments import clauses, sentence_clauses, sentences

FALLBACK = "fallback"
SKIP, SCORE, PRACTICE, FORGET, ASSESS = "skip", "score_explained", "practice", "profile_forget", "assess"
RECALL = "profile_recall"
STARTS_PRACTICE = frozenset({"next", "skip"})  # outside a mock interview, these start one
REQUESTS = frozenset({"practice", "assess"})  # in plain chat, asking for these in any words starts them
# commands honoured as one sentence of a longer message: requests for a service, never a step of a flow
IN_PARTS = frozenset({"assess", "practice", "summary", "profile_recall", FORGET})
# steps of a mock interview honoured at the start of a short message with more words after them
FLOW_STEPS = frozenset({"skip", "next", "stop", "hint", "summary"})
MAX_QUICK_REPLIES = 4
_LISTED = re.compile(r"[,;]\s+")
_JOINED = re.compile(r"\s+(?:and then|and|then)\s+", re.IGNORECASE)


def take_turn(res: Resources, state: DialogueState, text: str) -> list[Reply]:
    """Route one message; mutates `state` (a private copy the engine made) and returns the replies."""
    practice_open = state.mode == "practice" and state.practice.awaiting
    if practice_open and len(text.split()) > 3 * res.rules.answer_min_words and res.matcher.command(text) is None \
            and not steps_aside(res, text):
        return [practice.answer(res, state, text)]  # too long to be a question or a remark: an answer
    heard = past_opener(res, understand(res, text))  # "yo wat can u do": the greeting says nothing
    said = sentence_clauses(text)
    unsure = heard.intent is None or heard.is_command and not (typed_command(res, heard) or loose_command(res, heard))
    if unsure and 1 < len(said) and len(text.split()) <= res.rules.command_max_words * 3 \
            and not (practice_open and _ends_an_answer(res, said)):
        heard = _step_in_clauses(res, text, said, len(text.split()) <= res.rules.command_max_words * 2) or heard
    if state.mode != "practice":
        heard = outside_interview(res, heard)
    quoted = offer_figure(text, res.rules) is not None or quoted_range(text, res.rules) is not None
    offer_intent = res.rules.offer_intent if res.rules.offer_intent in res.intents.names else None
    if heard.intent is None and offer_intent and quoted and state.mode == "chat":
        # "got an offer of 30k, is that fair?", unless the offer is abroad
        heard = abroad_reading(res, as_request(res, heard, offer_intent), text)
    if heard.answer == PRACTICE and not typed_command(res, heard) and not _asks_to_practise(res, text) \
            and res.questions.is_question(text) and res.semantic.classify(readings(res, text)).name is not None:
        # "do behavioural questions count much in MLE interviews?" names a kind of question, asks about the move
        heard = without_command(res, heard)
    command = typed_command(res, heard) or loose_command(res, heard)
    in_interview = state.mode == "practice" and state.practice.question is not None
    answer_like = in_interview and not res.questions.asks(text, res.rules.answer_min_words)
    if not command and state.mode != "assessment" and not practice_open and not answer_like \
            and not _declined_as_a_whole(res, heard):
        # a story that ends "...can you assess my skills please?"; never a clause of an interview answer
        # ("Result: queues fell 35%" is not a request for the summary), nor of a request it cannot serve
        # ("can you email me the plan and this summary?" asks for an email)
        asked = _command_in_parts(res, text)
        if asked is not None:
            heard, command = asked, True
    short = len(text.split()) < res.rules.answer_min_words
    if not command and in_interview and (short or "?" in text):
        # "Please forget my salary. I should not have typed it." is about memory, not an answer; "this is
        # pointless, give me the summary" asks for the summary; "can I do the skills check first?" too
        asked = _command_in_parts(res, text)
        if asked is not None:
            heard, command = asked, True
    rating = assessment.rating_from(res, heard.entities) if state.mode == "assessment" else None
    if not typed_command(res, heard) and rating is None and (short or not practice_open) \
            and _asks_to_practise(res, text):
        heard, command = as_request(res, heard, PRACTICE), True  # "I want practise kubernetes please"
    if not typed_command(res, heard) and state.mode == "practice" and short:
        # "skip this one abeg, i no understand am"; "skip, i've no clue" is a skip, not a cry for the hint
        opening = _opening_step(res, text)
        if opening is not None and opening.name is not None:
            heard, command = as_request(res, heard, opening.name), True
    asked_after = None  # "stop please. Can we talk in Polish?": the step, then the question after it
    if not command and state.mode == "practice":
        leading = _leading_step(res, text)
        if leading is not None:
            step, asked_after = leading
            heard, command = as_request(res, heard, step), True
    if not command and state.mode == "practice" and re.search(res.rules.recall_request, text.strip(), re.IGNORECASE):
        heard, command = as_request(res, heard, RECALL), True  # mid-interview "what do you remember about me?"
    if state.mode == "practice" and state.practice.question is not None:
        # a term ("what does dynamic batching mean?") is explained before anything else is tried
        term = None if typed_command(res, heard) else \
            glossary_answer(res, state, text) or (None if heard.is_topic else explain_term(res, state, text))
        if term is not None:
            return [practice.detour_reminder(res, state, term)]
        scored = any(state.practice.attempts.values())
        if command and not typed_command(res, heard) and short and "?" in text and scored \
                and re.search(res.rules.score_figure, text, re.IGNORECASE):
            return [practice.explain_score(res, state)]  # "is 60 a pass?" asks about a score, not to pass
        if command and heard.answer == SKIP and state.practice.awaiting and not typed_command(res, heard) \
                and not re.search(r"\bskip\b", text, re.IGNORECASE):
            return [practice.hint(res, state)]  # "no idea": a nudge and the hint, not a lost question
        if not command:
            handled = practice_message(res, state, heard)
            if handled:
                return handled
    # "kind of, never built one myself from scratch" is a rating, not a request to start again
    if state.mode == "assessment" and rating is None \
            and re.search(res.rules.assessment_restart, text, re.IGNORECASE):
        heard, command = as_request(res, heard, ASSESS), True  # "can I redo it from the start?"
    elif state.mode == "assessment" and heard.answer == ASSESS and not typed_command(res, heard):
        # "am i even ready for mle interviews lol" only sounds like the skills check: starting it again
        # would throw away the ratings given so far
        heard, command = without_command(res, heard), False
    # "idk, maybe a little" reads as "skip", "good" as "is that good?": with a rating given, both are ratings
    # ...and so does a longer answer only loosely read as a step ("a little. I've read about it more than done
    # it" is no request to stop)
    loosely_a_step = not typed_command(res, heard) and len(text.split()) > res.rules.command_max_words \
        and not re.search(res.rules.assessment_done, text, re.IGNORECASE)
    hedged = rating is not None and (heard.answer == SKIP and not typed_command(res, heard)
                                     or heard.answer == SCORE or loosely_a_step)
    if state.mode == "assessment" and state.assessment.current and rating is None \
            and re.search(res.rules.assessment_progress, text, re.IGNORECASE):
        return [assessment.unclear(res, state, progress=True)]  # "how many more of these are there?"
    if state.mode == "assessment" and state.assessment.current and not command \
            and re.search(res.rules.recall_request, text.strip(), re.IGNORECASE):
        # "what do you remember about my situation?": what it holds, then the rating asked again
        recalled = HANDLERS[RECALL](res, state, as_request(res, heard, RECALL))
        return [recalled, assessment.unclear(res, state, answered=True)]
    if state.mode == "assessment" and state.assessment.current and (not heard.is_command or hedged):
        return assessment_reply(res, state, heard)
    named = _named_question(res, heard)
    if named is not None:
        return [practice.start_practice(res, state, None, None, named)]
    if state.mode != "assessment" and not practice_open and not typed_command(res, heard):
        declined = declined_by_words(res, state, text)
        if declined is not None:
            return [declined]
    if heard.is_command and not command and state.mode == "chat" and heard.answer in REQUESTS:
        pass  # "ok let me try a practice question on that": no answer is expected, so it is a request
    elif heard.is_command and not command and state.mode != "assessment":
        heard = without_command(res, heard)  # a long message that only sounds like a command
    elif heard.answer in STARTS_PRACTICE and state.mode == "chat" and not typed_command(res, heard):
        heard = without_command(res, heard)  # only an explicit request starts a mock interview
    elif heard.answer == SCORE and not any(state.practice.attempts.values()):
        heard = without_command(res, heard)  # "what's missing?" with no score yet asks about the move
    if not command and state.mode != "assessment" and not (practice_open and not short) \
            and re.search(res.rules.forget_request, text.strip(), re.IGNORECASE):
        heard, command = as_request(res, heard, FORGET), True  # "forget that I'm in London"
    elif not typed_command(res, heard) and re.search(res.rules.recall_request, text.strip(), re.IGNORECASE):
        # "what do you remember?": the pattern spans the whole message, so a story never matches it, and it
        # outranks a command read loosely in it ("what have I told you so far?" is not the session summary)
        heard, command = as_request(res, heard, RECALL), True
    statement = noted = False
    forgetting = heard.answer == FORGET  # what it asks to forget is not learned first
    if state.mode != "assessment" and not is_advert(res, heard) and not forgetting:  # nor an advert's skills
        learned = learn(state.profile, text, res.knowledge, res.rules, res.extractor.extract)
        noted = learned.profile != state.profile
        state.profile, statement = learned.profile, learned.statement
        state.told_since_topic = state.told_since_topic or noted
    if heard.is_command and heard.answer in res.rules.destructive_commands and not typed_command(res, heard) \
            and not _names_its_cue(res, heard):
        heard = without_command(res, heard)  # "thanks, that's clear" is thanks, never a request to wipe the session
    handler = HANDLERS.get(heard.answer or "") if heard.is_command else None
    if handler is not None:
        done = handler(res, state, heard)
        after = take_turn(res, state, asked_after) if asked_after else []
        return [done, *(reply for reply in after if reply.intent != FALLBACK)]
    cannot = heard.intent is not None and heard.intent.name.startswith(DECLINED)
    if statement and not cannot and not res.questions.asks(text, res.rules.answer_min_words) \
            and not any_search(res.rules.request_words, text):
        return [topics.compose(res, state, ABOUT_ME, ABOUT_ME)]
    pasted = read_pasted(res, state, heard)
    if pasted is not None:
        return [pasted]
    glossed = None if typed_command(res, heard) else glossary_answer(res, state, text)
    if glossed is not None:
        return [glossed]
    answers = answer_questions(res, state, text, heard)
    if answers:
        return answers
    later = follow_up(res, state, heard) or in_context(res, state, text) or explain_term(res, state, text)
    if later is not None:
        return [later]
    narrow = _asked_after_pay(res, state, heard, noted) or _narrow_ask_of_leader(res, state, heard)
    if narrow is not None:
        return [narrow]
    # nothing to answer, no question or request, but facts about them: what was taken in, not "sorry"
    if noted and "?" not in text and not any(res.questions.is_question(p) for p in res.questions.parts(text)) \
            and not text.rstrip().endswith(":") and not any_search(res.rules.request_words, text):
        return [topics.compose(res, state, ABOUT_ME, ABOUT_ME)]
    # "Correction: 8 years as a DS. Doesn't change much I guess?": the correction is the message
    if noted and re.match(res.rules.correction_opening, normalise(text)):
        return [topics.compose(res, state, ABOUT_ME, ABOUT_ME)]
    return [fallback(res, state, heard)]


def _named_question(res: Resources, heard: Understanding) -> Question | None:
    """"Can we practise the 'why are you leaving data science' question?": a request to practise that
    names one of the bank's questions closely enough."""
    leading = [heard.match.name, *(name for name, _ in heard.match.alternatives[:2])]
    if PRACTICE not in leading:
        return None
    if typed_command(res, heard) and (heard.entities.skills or heard.entities.categories):
        return None  # "practice kubernetes" asks for the skill's questions, not the one that names it
    framed = re.search(res.rules.named_question_frame, heard.text, re.IGNORECASE)
    if framed is not None:  # "the why-are-you-switching question": its name alone, a looser gate
        name = framed.group(1).replace("-", " ")
        found = res.question_texts.search([name], accept=res.rules.named_question_framed_floor)
    else:
        found = res.question_texts.search([heard.text])
    return res.knowledge.questions.get(found.passage.section) if found.passage is not None else None


def _opening_step(res: Resources, text: str) -> IntentMatch | None:
    """A step of the interview ("skip", "next", "stop") that makes up the first clause of a short message,
    give or take one word ("skip this one abeg, ..."), or the whole of its last clause after small talk
    ("thank you. e se. next"); "stop the rollout if latency rises" is an answer."""
    parts = clauses(text)
    words = parts[0].split() if parts else []
    if len(words) > 1 and words[0].casefold().strip(".!") in res.rules.step_lead_ins:
        words = words[1:]  # "nah skip that one too": a word of reluctance before the step
    for size in range(min(len(words), res.rules.command_max_words), max(len(words) - 2, 0), -1):
        found = res.matcher.command(" ".join(words[:size]))
        if found is not None and found.name in FLOW_STEPS:
            return found
    said = sentence_clauses(text)
    last = res.matcher.command(said[-1].strip(" .!?")) if len(said) > 1 and not _ends_an_answer(res, said) else None
    return last if last is not None and last.name in FLOW_STEPS else None


def _leading_step(res: Resources, text: str) -> tuple[str, str] | None:
    """A longer message whose first sentence is a step of the interview typed on its own ("stop please.")
    and whose rest asks something: the step, and the question to answer after it."""
    said = sentences(text.strip())
    if len(said) < 2 or len(said[0].split()) > res.rules.command_max_words:
        return None
    found = res.matcher.command(said[0].strip(" .!?"))
    rest = " ".join(said[1:])
    if found is None or found.name not in FLOW_STEPS or not res.questions.asks(rest, res.rules.answer_min_words):
        return None
    return found.name or "", rest


def _ends_an_answer(res: Resources, said: list[str]) -> bool:
    """"Containers. Pods. Done." is a (short) answer closed by a word that says it is complete, not a request
    to stop: the closing clause is one of those words and what comes before it is more than small talk or
    a step ("ok thanks. done" does stop)."""
    if len(said) < 2 or normalise(said[-1]).strip(" .!") not in res.rules.answer_enders:
        return False
    before = understand(res, " ".join(said[:-1]))
    return before.intent is None or before.intent.kind not in (SMALL_TALK, COMMAND)


def _asks_to_practise(res: Resources, text: str) -> bool:
    """A request for a mock interview in the person's own words ("can we practise how I explain the
    switch", "give me one interview question to try"): the data's patterns, anywhere in the message."""
    if re.search(res.rules.practice_excluded, text, re.IGNORECASE):
        return False  # "what can I do besides practice?" asks about everything else
    return any(re.search(pattern, text, re.IGNORECASE) for pattern in res.rules.practice_requests)


def _step_in_clauses(res: Resources, text: str, said: list[str], loose: bool) -> Understanding | None:
    """The step a short message of several clauses ends on: "ok thx, stop for now", "OK thank you. Now go
    back to the question please"; typed exactly, or (`loose`) in other words. What the whole message
    names goes with it."""
    heard = understand(res, said[-1])
    if heard.is_command and (typed_command(res, heard) or loose and loose_command(res, heard)):
        return Understanding(heard.text, heard.match, heard.intent, res.extractor.extract(text), heard.extra_words)
    return None


def _command_in_parts(res: Resources, text: str) -> Understanding | None:
    """A request for one of the coach's services asked as one sentence of a longer message ("...can you
    assess my skills please?", "stop and give me a summary"). Steps of a flow (next, skip, restart) must be
    typed on their own."""
    # a colon ends a label, not a request: "Summary: Data scientist with 7 years..." heads a pasted CV
    said = [part for sentence in sentences(text) for clause in _LISTED.split(sentence)
            for part in _JOINED.split(clause) if part.strip()]
    if len(said) < 2:
        return None
    for index, sentence in reversed(list(enumerate(said))):
        heard = understand(res, sentence)
        if heard.answer in IN_PARTS and sentence.split()[0].casefold() in res.rules.phrase_openers:
            continue  # "..., in practice, ...": a phrase of the question, not a request for practice
        if heard.answer in (ASSESS, PRACTICE, "summary") and not typed_command(res, heard) \
                and index < len(said) - 1 and not res.questions.is_question(sentence) \
                and not re.match(res.rules.request_opening, sentence, re.IGNORECASE):
            continue  # "...and I'd like to be ready. how long would it take?": a wish in the story, not a request
        if heard.answer == RECALL and not typed_command(res, heard) \
                and not re.search(res.rules.recall_request, sentence.strip(), re.IGNORECASE):
            continue  # "..., anyone know?" asks the world, not what the coach remembers
        if heard.answer == FORGET and not typed_command(res, heard) \
                and not re.search(res.rules.forget_request, sentence.strip(), re.IGNORECASE):
            continue  # "..., I keep forgetting" asks nothing to be forgotten
        if heard.answer in IN_PARTS and (typed_command(res, heard) or loose_command(res, heard)):
            # "Ok, I want practise. A technical question about design of ML systems": the focus may be
            # named in another sentence
            return replace(heard, entities=res.extractor.extract(text)) if heard.answer == PRACTICE else heard
    return None


def _declined_as_a_whole(res: Resources, heard: Understanding) -> bool:
    """The whole message reads first as something the coach cannot do ("email me the plan"), clearly enough
    that a command in one of its clauses is not what it asks for."""
    if heard.intent is not None and heard.intent.name.startswith(DECLINED):
        return True  # "...inside IR35? how do i check": declined by its words, whatever its clauses sound like
    leader = heard.match.alternatives[0] if heard.match.alternatives else None
    return leader is not None and leader[0].startswith(DECLINED) and leader[1] >= res.rules.declined_lead_floor


def _names_its_cue(res: Resources, heard: Understanding) -> bool:
    """Does the message hold one of its command's cue phrases whole ("can we start over?"), not just a
    word that resembles one?"""
    if heard.intent is None:
        return False
    said = f" {res.matcher.normalise(heard.text)} "
    return any(f" {res.matcher.normalise(cue)} " in said for cue in heard.intent.cues)


def _asked_after_pay(res: Resources, state: DialogueState, heard: Understanding, noted: bool) -> Reply | None:
    """A question asked in the same breath as their pay ("on 63k. what are my options?", "earn 71k - is the
    drop worth it?") is about pay when a pay answer leads what it might mean: answered with their figure."""
    if not noted or "salary" not in state.profile.last_learned or "?" not in heard.text:
        return None
    leader = heard.match.alternatives[0][0] if heard.match.alternatives else None
    if leader is None or leader not in res.rules.told_pay_intents:
        return None
    return answer_topic(res, state, as_request(res, heard, leader))


def _narrow_ask_of_leader(res: Resources, state: DialogueState, heard: Understanding) -> Reply | None:
    """Not understood, but the topic it most resembles has a narrow question of its own that the message
    asks ("I can't really take a big cut, any way round that?" asks salary's `options`): that topic."""
    leader = heard.match.alternatives[0][0] if heard.match.alternatives else None
    if leader is None or heard.intent is not None:
        return None
    key = res.intents.get(leader).answer or leader
    asks = res.rules.topic_asks.get(key, {})
    if not any(re.search(asks[kind], heard.text, re.IGNORECASE) for kind in res.rules.decisive_asks if kind in asks):
        return None
    return answer_topic(res, state, as_request(res, heard, leader))


def fallback(res: Resources, state: DialogueState, heard: Understanding) -> Reply:
    """Say plainly that the message was not understood, and offer the nearest topics."""
    labels = []
    for name, _score in heard.match.alternatives:
        if name not in res.intents.names:
            continue
        intent = res.intents.get(name)
        spec = res.responses.get(intent.answer) if intent.answer in res.responses else None
        labels.append(spec.label if spec is not None and spec.label else intent.examples[0])
    values = topics.context(res, state, suggestions=labels)
    defaults = res.responses.quick_replies(FALLBACK, values)
    replies = tuple(dict.fromkeys([*labels, *defaults]))[:MAX_QUICK_REPLIES]
    return Reply(res.responses.text(FALLBACK, values), FALLBACK, replies)
