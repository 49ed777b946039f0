"""Deciding what a message is for: an answer to a question, a rating, a command, a topic or a follow-up."""

from __future__ import annotations

from dataclasses import replace

from chatbot.dialogue import assessment, practice, topics
from chatbot.dialogue.commands import HANDLERS
from chatbot.dialogue.profile import learn
from chatbot.dialogue.resources import Resources
from chatbot.dialogue.state import DialogueState
from chatbot.dialogue.turns import Reply
from chatbot.knowledge import Question
from chatbot.nlu import Intent
from chatbot.dialogue.understanding import (
    Understanding,
    loose_command,
    typed_command,
    understand,
    without_command,
)
from chatbot.nlu.retrieval import Retrieved
from chatbot.nlu.segments import sentences

FALLBACK, ABOUT_ME, SKILL_INFO, GUIDE, GUIDE_DETAIL = "fallback", "about_me", "skill", "guide_passage", "guide_detail"
SKIP, SCORE, PRACTICE = "skip", "score_explained", "practice"
STARTS_PRACTICE = frozenset({"next", "skip"})  # outside a mock interview, these start one
REQUESTS = frozenset({"practice", "assess"})  # in plain chat, asking for these in any words starts them
# commands honoured as one sentence of a longer message: requests for a service, never a step of a flow
IN_PARTS = frozenset({"assess", "practice", "summary", "profile_recall", "profile_forget"})
MAX_QUICK_REPLIES = 4


def take_turn(res: Resources, state: DialogueState, text: str) -> list[Reply]:
    """Route one message; mutates `state` (a private copy the engine made) and returns the replies."""
    practice_open = state.mode == "practice" and state.practice.awaiting
    if practice_open and len(text.split()) > 3 * res.cues.answer_min_words and res.matcher.command(text) is None:
        return [practice.answer(res, state, text)]  # too long to be a question or a remark: an answer
    heard = understand(res, text)
    command = typed_command(res, heard) or loose_command(res, heard)
    if not command and state.mode != "assessment" and not practice_open:
        asked = _command_in_parts(res, text)  # a story that ends "...can you assess my skills please?"
        if asked is not None:
            heard, command = asked, True
    if state.mode == "practice" and state.practice.question is not None:
        if command and heard.answer == SKIP and state.practice.awaiting and not typed_command(res, heard):
            return [practice.hint(res, state)]  # "no idea": a nudge and the hint, not a lost question
        if not command:
            handled = _practice_message(res, state, heard)
            if handled:
                return handled
    if state.mode == "assessment" and state.assessment.current and not heard.is_command:
        return _assessment_reply(res, state, heard)
    named = _named_question(res, heard)
    if named is not None:
        return [practice.start(res, state, None, None, named)]
    if heard.is_command and not command and state.mode == "chat" and heard.answer in REQUESTS:
        pass  # "ok let me try a practice question on that": no answer is expected, so it is a request
    elif heard.is_command and not command and state.mode != "assessment":
        heard = without_command(res, heard)  # a long message that only sounds like a command
    elif heard.answer in STARTS_PRACTICE and state.mode == "chat" and not typed_command(res, heard):
        heard = without_command(res, heard)  # only an explicit request starts a mock interview
    elif heard.answer == SCORE and not any(state.practice.attempts.values()):
        heard = without_command(res, heard)  # "what's missing?" with no score yet asks about the move
    statement = False
    if state.mode != "assessment":
        learned = learn(state.profile, text, res.knowledge, res.cues, res.extractor.extract)
        state.profile, statement = learned.profile, learned.statement
    if heard.is_command and heard.answer in HANDLERS:
        return [HANDLERS[heard.answer](res, state, heard)]
    if statement and not res.questions.asks(text, res.cues.answer_min_words):
        return [topics.compose(res, state, ABOUT_ME, ABOUT_ME)]
    answers = _questions(res, state, text, heard)
    if answers:
        return answers
    follow_up = _follow_up(res, state, heard) or _in_context(res, state, text)
    if follow_up is not None:
        return [follow_up]
    return [fallback(res, state, heard)]


def _named_question(res: Resources, heard: Understanding) -> Question | None:
    """"Can we practise the 'why are you leaving data science' question?": a request to practise that
    names one of the bank's questions closely enough."""
    leading = [heard.match.name, *(name for name, _ in heard.match.alternatives[:2])]
    if PRACTICE not in leading:
        return None
    found = res.question_texts.search([heard.text])
    return res.knowledge.questions.get(found.passage.section) if found.passage is not None else None


def _command_in_parts(res: Resources, text: str) -> Understanding | None:
    """A request for one of the coach's services asked as one sentence of a longer message ("...can you
    assess my skills please?"). Steps of a flow (next, skip, restart) must be typed on their own."""
    said = sentences(text)
    if len(said) < 2:
        return None
    for sentence in reversed(said):
        heard = understand(res, sentence)
        if heard.answer in IN_PARTS and (typed_command(res, heard) or loose_command(res, heard)):
            return heard
    return None


def _practice_message(res: Resources, state: DialogueState, heard: Understanding) -> list[Reply] | None:
    """In a mock interview a message is an answer, another attempt after feedback, or a question asked
    on the way (about the question, the method or the career); None leaves it to the ordinary flow."""
    text, open_question = heard.text, state.practice.awaiting
    if res.questions.asks(text, res.cues.answer_min_words):
        return _asked_in_practice(res, state, heard)
    remark = _remark(res, heard)
    if remark is not None:  # "au revoir, thank you" is not an answer
        reply = topics.compose(res, state, remark.answer, remark.name)
        return [practice.detour_reminder(res, state, reply)]
    if open_question:
        return [practice.answer(res, state, text)]
    if len(text.split()) >= res.cues.answer_min_words:
        return [practice.another_attempt(res, state, text)]
    return None


def _remark(res: Resources, heard: Understanding) -> Intent | None:
    """A few words of small talk ("thanks!", "au revoir, thank you"), read loosely: too short to be an
    answer, and clearly one of the small-talk intents."""
    if len(heard.text.split()) > res.cues.command_max_words or not heard.match.alternatives and heard.intent is None:
        return None
    name, score = (heard.intent.name, 1.0) if heard.intent is not None else heard.match.alternatives[0]
    intent = res.intents.get(name)
    return intent if intent.kind == "smalltalk" and score >= res.cues.agreement_floor else None


def _asked_in_practice(res: Resources, state: DialogueState, heard: Understanding) -> list[Reply] | None:
    """A question instead of an answer: answered, then the open question is offered again."""
    replies = _questions(res, state, heard.text, heard)
    if replies:
        return [*replies[:-1], practice.detour_reminder(res, state, replies[-1])]
    if state.practice.awaiting:
        return [practice.explain_question(res, state)]
    return None


def _questions(res: Resources, state: DialogueState, text: str, heard: Understanding) -> list[Reply]:
    """One answer per question the message asks (at most three), each from its intent or the guide."""
    parts = res.questions.parts(text)
    if len(parts) == 1:
        single = _answer(res, state, heard, parts)
        return [single] if single is not None else []
    replies: list[Reply] = []
    answered: set[str] = set()
    for part in parts:
        part_heard = understand(res, part)
        if part_heard.is_command or (part_heard.answer is not None and part_heard.answer in answered):
            continue
        answered.add(part_heard.answer or "")
        reply = _answer(res, state, part_heard, [part])
        if reply is not None and all(reply.text != r.text for r in replies):
            replies.append(reply)
    if not replies and heard.is_topic:
        replies.append(_topic(res, state, heard))
    return replies


def _answer(res: Resources, state: DialogueState, heard: Understanding, parts: list[str]) -> Reply | None:
    """The intent's answer; else the guide's closest passage when it is close enough; else nothing."""
    guide = res.guide[state.transition]
    if heard.is_topic:
        return _with_detail(res, state, _topic(res, state, heard),
                            guide.search(parts, guide.settings.detail, near_misses=False))
    found = guide.search(parts)
    if found.passage is None:
        return None
    return _quote(res, state, found)


def _quote(res: Resources, state: DialogueState, found: Retrieved) -> Reply:
    """A passage of the guide as the answer, saying which part of the guide it comes from."""
    passage = found.passage
    assert passage is not None
    state.last_passage = passage.text
    return topics.compose(res, state, GUIDE, GUIDE, passage=passage.text, section=passage.section)


def _repeats_last(res: Resources, state: DialogueState, heard: Understanding) -> bool:
    """The message would get exactly the answer just given: same topic, nothing narrowing it."""
    entities = heard.entities
    narrowed = entities.levels or entities.ordinal is not None or entities.skills
    return heard.answer == state.last_topic and not narrowed


def _with_detail(res: Resources, state: DialogueState, reply: Reply, found: Retrieved) -> Reply:
    """An intent's answer is general; when one passage of the guide answers the question closely and
    the answer does not already say it, that passage is added, with where it comes from."""
    if found.passage is None or found.passage.text.split(":")[-1].strip() in reply.text:
        return reply
    values = topics.context(res, state, passage=found.passage.text, section=found.passage.section)
    return replace(reply, text=f"{reply.text}\n\n{res.responses.text(GUIDE_DETAIL, values)}")


def _assessment_reply(res: Resources, state: DialogueState, heard: Understanding) -> list[Reply]:
    """A rating moves the assessment on; a real question is answered and the rating asked again."""
    if res.questions.asks(heard.text, res.cues.answer_min_words) and "?" in heard.text:
        answered = _questions(res, state, heard.text, heard) if heard.is_topic else []
        return [*answered, assessment.unclear(res, state)]
    rating = assessment.rating_from(res, heard.entities)
    if rating is not None:
        return [assessment.record(res, state, rating)]
    if heard.is_topic:
        return [_topic(res, state, heard), assessment.unclear(res, state)]
    return [assessment.unclear(res, state)]


def _skill_in_list(res: Resources, state: DialogueState, key: str, skill_id: str) -> int | None:
    """Position of a named skill in the list a topic shows ("why is docker a gap?")."""
    spec = res.responses.get(key)
    if not spec.by_skill or spec.shows is None or spec.item is None:
        return None
    items = topics.context(res, state).get(spec.shows) or []
    ids = [getattr(item, "id", None) for item in items]
    return ids.index(skill_id) + 1 if skill_id in ids else None


def _ordinal_item(res: Resources, state: DialogueState, key: str, name: str, ordinal: int) -> Reply | None:
    """"The third mistake" means the named topic's list; "the second one" the list on screen."""
    on_screen = state.last_list.kind if state.last_list is not None else None
    menu_off_screen = res.responses.get(key).menu and key != on_screen
    own = None if menu_off_screen else topics.list_item(res, state, key, ordinal, name)
    if own is None and on_screen is not None:
        return topics.list_item(res, state, on_screen, ordinal, _intent_answered_by(res, on_screen, name))
    return own


def _intent_answered_by(res: Resources, key: str, default: str) -> str:
    """The intent a response key answers, so a follow-up reports the topic it actually continued."""
    return next((intent.name for intent in res.intents if intent.answer == key), default)


def _topic(res: Resources, state: DialogueState, heard: Understanding) -> Reply:
    """Answer a topic, narrowed by an ordinal, a skill or a level when the message names one."""
    key, name, entities = heard.answer or "", heard.intent.name if heard.intent else "", heard.entities
    if key == SKILL_INFO and entities.skills:
        return topics.compose(res, state, key, name, skill_id=entities.skills[0])
    if entities.ordinal is not None and res.responses.get(key).ordinals:
        item = _ordinal_item(res, state, key, name, entities.ordinal)
        if item is not None:
            return item
    if len(entities.skills) == 1:
        position = _skill_in_list(res, state, key, entities.skills[0])
        if position is not None:
            return topics.list_item(res, state, key, position, name) or topics.compose(res, state, key, name)
    level = entities.levels[0] if entities.levels and res.responses.get(key).by_level else None
    skill_id = state.last_skill if key == SKILL_INFO else None
    return topics.compose(res, state, key, name, level=level, skill_id=skill_id, named=entities.skills)


def _follow_up(res: Resources, state: DialogueState, heard: Understanding) -> Reply | None:
    """Not a topic on its own, but meaningful after the last answer: a level, a list position, a skill."""
    entities, last = heard.entities, state.last_topic
    if entities.levels and last in res.responses and res.responses.get(last).by_level:
        return topics.compose(res, state, last, state.last_intent or last, level=entities.levels[0])
    if entities.ordinal is not None and state.last_list is not None:
        kind = state.last_list.kind
        return topics.list_item(res, state, kind, entities.ordinal, _intent_answered_by(res, kind, kind))
    return None


def _in_context(res: Resources, state: DialogueState, text: str) -> Reply | None:
    """A short question that only makes sense after the last answer ("how long should it be max?" after
    the CV advice) is read again with that topic named."""
    last = state.last_topic
    if last is None or last not in res.responses or len(text.split()) > res.cues.follow_up_max_words:
        return None
    label = res.responses.get(last).label
    if not label:
        return None
    framed = f"{label}: {text}"
    heard = understand(res, framed)
    if heard.is_topic and _repeats_last(res, state, heard):
        # the same topic again: the guide's specific passage, or more on the topic, never the same answer
        guide = res.guide[state.transition]
        found = guide.search([text], guide.settings.detail, near_misses=False)
        if found.passage is not None and found.passage.text != state.last_passage:
            return _quote(res, state, found)
        return topics.deeper(res, state, "more", heard.intent.name if heard.intent else GUIDE)
    replies = _questions(res, state, framed, heard)
    return replies[0] if len(replies) == 1 else None


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
