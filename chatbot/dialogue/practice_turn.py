"""A message while a mock interview is under way: an answer, another attempt after feedback, a correction,
or a question asked on the way (about the question, the method or the career), each read for what it is
before it is scored."""

from __future__ import annotations

import re

from chatbot.dialogue import practice, topics
from chatbot.dialogue.answering import answer_questions
from chatbot.dialogue.assessment_turn import ABOUT_ME
from chatbot.dialogue.commands import HANDLERS
from chatbot.dialogue.declined import declined_by_words
from chatbot.dialogue.profile import learn
from chatbot.dialogue.resources import Resources
from chatbot.dialogue.state import DialogueState
from chatbot.dialogue.terms import asked_term
from chatbot.dialogue.turns import Reply
from chatbot.dialogue.understanding import DECLINED, SMALL_TALK, Understanding, as_request, opens_with, readings
from chatbot.nlu import Intent, normalise
from chatbot.nlu.segments import sentences


def practice_message(res: Resources, state: DialogueState, heard: Understanding) -> list[Reply] | None:
    """In a mock interview a message is an answer, another attempt after feedback, or a question asked
    on the way (about the question, the method or the career); None leaves it to the ordinary flow."""
    text, open_question = heard.text, state.practice.awaiting
    scored = any(state.practice.attempts.values())
    # a hedged answer with a question mark is an attempt, first or after feedback, not a question
    clipped = re.search(res.rules.telegraphic_answer, text.strip(), re.IGNORECASE) is not None
    asking = not clipped and res.questions.asks(text, res.rules.answer_min_words) and \
        not ((open_question or scored) and _tentative(res, text)) or \
        "?" in text and re.search(res.rules.answer_deferred, text, re.IGNORECASE) is not None or \
        steps_aside(res, text)
    short = len(text.split()) < res.rules.answer_min_words
    about_score = [*res.rules.score_words, *(res.rules.score_words_loose if not heard.is_topic else ())]
    if (asking or short) and scored and \
            any(re.search(rf"\b{re.escape(w)}\b", text, re.IGNORECASE) for w in about_score):
        return [practice.explain_score(res, state)]  # "is that score good for a junior?", "score seems low"
    if scored and len(text.split()) <= 2 * res.rules.answer_min_words \
            and re.search(res.rules.score_remark, text, re.IGNORECASE):
        return [practice.explain_score(res, state)]  # "That's harsh. Your marking has no idea about that."
    if short and scored and re.search(res.rules.score_figure, text, re.IGNORECASE):
        return [practice.explain_score(res, state)]  # "y only 40 bruh", "40??": a few words about a score
    # while a question waits for its answer, a statement is an attempt at it ("i'd restart it and hope")
    # a short statement while the question waits may still ask for a step ("I'm going to stop there")
    move = _practice_move(res, heard) if asking or short or (scored and not open_question) else None
    if move is not None:
        return [HANDLERS[move.answer or ""](res, state, move)]  # "one more shot at it", "what did i leave out?"
    if asking or asked_term(res, text) is not None:
        return _asked_in_practice(res, state, heard)
    if heard.is_command and heard.intent is not None and heard.intent.by_meaning and short:
        return None  # "please forget my salary" is a request about memory, not an answer
    remark = _remark(res, heard)
    if remark is None and heard.intent is not None and heard.intent.name.startswith(DECLINED) \
            and len(text.split()) < res.rules.answer_min_words:
        remark = heard.intent  # "remind me in a week to practise again" is a request, not an answer
    if remark is not None:  # "au revoir, thank you" is not an answer
        reply = topics.compose(res, state, remark.answer, remark.name)
        return [practice.detour_reminder(res, state, reply)]
    correction = _correction_in_practice(res, state, text)
    if correction is not None:
        return [correction]  # "Sorry, correction: I said 5 years but is 4 years and half"
    if open_question:
        return [practice.answer(res, state, text)]
    if len(text.split()) >= res.rules.answer_min_words:
        return [practice.another_attempt(res, state, text)]
    if scored and heard.intent is None and len(text.split()) >= res.rules.short_attempt_min_words:
        opening = _opening_small_talk(res, heard)
        small_talk = topics.compose(res, state, opening.answer, opening.name) if opening is not None else None
        return [practice.short_attempt(res, state, text, small_talk)]  # a short retry nothing else explains is kept
    return None


def _correction_in_practice(res: Resources, state: DialogueState, text: str) -> Reply | None:
    """A correction of something said before is not an answer: what it changes is noted, shown, and the
    open question offered again. It must open as a correction and either change what the coach holds or
    point back at what was said ("i said mostly R earlier but..."): "Actually, I'd profile it first" answers."""
    too_long = len(text.split()) > 3 * res.rules.answer_min_words
    if too_long or not re.match(res.rules.correction_opening, normalise(text)):
        return None
    learned = learn(state.profile, text, res.knowledge, res.rules, res.extractor.extract)
    if learned.profile == state.profile and not re.search(res.rules.said_before, text, re.IGNORECASE):
        return None
    state.told_since_topic = True
    state.profile = learned.profile
    return practice.detour_reminder(res, state, topics.compose(res, state, ABOUT_ME, ABOUT_ME))


def steps_aside(res: Resources, text: str) -> bool:
    """"hang on, career q. ... will i really have to drop to junior pay?": mid-interview, a message that
    says it leaves the question for a moment asks something else, however long."""
    return re.search(res.rules.detour_opening, text.strip(), re.IGNORECASE) is not None


def _practice_move(res: Resources, heard: Understanding) -> Understanding | None:
    """A step of the mock interview asked for in words of its own ("one more shot at it" is a retry),
    read by meaning against the steps alone, with answer sentences as near misses; None for a message
    too long, clear of no step, or nearer in meaning to the topic the ordinary reading found."""
    text = _past_remark(res, heard.text)
    if len(text.split()) > res.rules.practice_move_max_words:
        return None
    parts = readings(res, text)
    meant = res.practice_moves.classify(parts)
    if meant.name is None or meant.name not in res.intents.names:
        return None
    if meant.name in res.rules.ending_moves and re.search(res.rules.carry_on, text, re.IGNORECASE):
        return None  # "i want to continue the practice" sits near "stop the practice" in meaning alone
    if heard.is_topic and heard.intent is not None and (heard.intent.name.startswith(DECLINED) or
                                                        res.semantic.support(parts, heard.intent.name) >= meant.score):
        return None  # "how much would I earn at first?" is the career question it reads as
    move = as_request(res, heard, meant.name)
    return move if move.answer in HANDLERS else None


def _past_remark(res: Resources, text: str) -> str:
    """The message after a first sentence of thanks or the like ("Thank you. I want to answer the same
    question again, with better structure."), or the whole of it."""
    said = sentences(text.strip())
    if len(said) < 2 or len(said[0].split()) > res.rules.command_max_words:
        return text
    return " ".join(said[1:]) if opens_with(said[0], res.rules.remark_openers) else text


def _tentative(res: Resources, text: str) -> bool:
    """An answer offered with a question mark ("idk... i think you put the model in docker and run it?"):
    a sentence opens, after a word or two of doubt ("no idea, never used it."), with a hedge, and from
    there the message says enough to be scored."""
    said = sentences(text.strip())
    for index in range(len(said)):
        rest = " ".join(said[index:]).casefold()
        leads = "|".join(map(re.escape, res.rules.tentative_openers))
        opening = re.sub(r"^[^a-z]*(?:\w+\W+){0,4}?(?=" + leads + r")", "", rest, count=1)
        if any(opening.startswith(f"{lead} ") for lead in res.rules.tentative_openers) and \
                len(opening.split()) >= res.rules.tentative_min_words:
            return True
    return False


def _opening_small_talk(res: Resources, heard: Understanding) -> Intent | None:
    """The small talk a message opens with ("Thanks. Genuinely helpful. I'll hold off..."), if any."""
    for name, _score in heard.match.alternatives:
        intent = res.intents.get(name)
        if intent.kind == SMALL_TALK and opens_with(heard.text, intent.commands):
            return intent
    return None


def _remark(res: Resources, heard: Understanding) -> Intent | None:
    """A few words of small talk ("thanks!", "au revoir, thank you"), read loosely: too short to be an
    answer, and clearly one of the small-talk intents."""
    if len(heard.text.split()) > res.rules.command_max_words or not heard.match.alternatives and heard.intent is None:
        return None
    name, score = (heard.intent.name, 1.0) if heard.intent is not None else heard.match.alternatives[0]
    intent = res.intents.get(name)
    return intent if intent.kind == SMALL_TALK and score >= res.rules.agreement_floor else None


def _asked_in_practice(res: Resources, state: DialogueState, heard: Understanding) -> list[Reply] | None:
    """A question instead of an answer: answered (or honestly declined: "which companies in Swindon hire
    MLEs?"), then the open question is offered again."""
    aside = re.sub(res.rules.detour_opening, "", heard.text.strip(), count=1, flags=re.IGNORECASE)
    aside = re.sub(r"^[\W_]*(?:but|so|and)?[\W_]*", "", aside, count=1, flags=re.IGNORECASE)
    declined = declined_by_words(res, state, heard.text) or declined_by_words(res, state, aside)
    if declined is None:  # "hang on, i'm on 74k. will i have to drop to junior pay?": the figure is used
        learned = learn(state.profile, heard.text, res.knowledge, res.rules, res.extractor.extract)
        state.told_since_topic = state.told_since_topic or learned.profile != state.profile
        state.profile = learned.profile
    replies = [declined] if declined is not None else answer_questions(res, state, heard.text, heard)
    if replies:
        return [*replies[:-1], practice.detour_reminder(res, state, replies[-1])]
    if state.practice.awaiting:
        return [practice.explain_question(res, state)]
    return None
