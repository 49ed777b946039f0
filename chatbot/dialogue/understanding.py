"""One reading of a message: the intent matched (or none), its entities, and whether it is a command."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from chatbot.dialogue.resources import Resources
from chatbot.nlu import Entities, Intent, IntentMatch, normalise
from chatbot.nlu.semantic import SemanticMatch
from chatbot.nlu.segments import sentences

COMMAND, TOPIC, SMALL_TALK = "command", "topic", "smalltalk"
DECLINED = "out_of_scope"  # intents that say honestly what the coach cannot do
EXACT = 1.0


@dataclass(frozen=True)
class Understanding:
    text: str
    match: IntentMatch
    intent: Intent | None  # None when the message was not understood
    entities: Entities
    extra_words: int  # words beyond the matched command phrase ("practice" + "model serving")

    @property
    def answer(self) -> str | None:
        return self.intent.answer if self.intent else None

    @property
    def is_command(self) -> bool:
        return self.intent is not None and self.intent.kind == COMMAND

    @property
    def is_topic(self) -> bool:
        return self.intent is not None and self.intent.kind != COMMAND


def readings(res: Resources, text: str) -> list[str]:
    """The message's question parts, and the whole message when it has more than one part or a part
    too short to stand alone ("I not know docker. Is big problem?")."""
    parts = res.questions.parts(text)
    return parts if parts == [text.strip()] else [*parts, text.strip()]


def understand(res: Resources, text: str) -> Understanding:
    """Match once, read entities once; the matcher has already refused weak matches.

    The word matcher decides first; the learned tier, which compares the meaning of the message with
    the intents' examples and with near misses, declines a word match that is really a near miss,
    overrules one that clearly means another topic, and decides where the matcher is unsure.
    Commands are never decided by meaning: they must be typed. Every tier reads the message with its
    clear slips mended ("how do i lern system desing")."""
    text = res.slips.correct(text)
    # "Plan, please. Keep it short.": how to answer is not what to answer
    rest = re.sub(res.rules.style_remarks, " ", text, flags=re.IGNORECASE).strip()
    text = rest if re.search(r"\w", rest) else text
    match = _match_without_window(res, text)
    intent = res.intents.get(match.name) if match.name else None
    parts = readings(res, text)
    # a command typed on its own is never declined; a longer message that only sounds like one may be
    # ("... interview with Ocado. What kind of system design questions do they ask?")
    typed = intent is not None and intent.kind == COMMAND and len(text.split()) <= res.rules.command_max_words
    declined = None if typed else _declined_topic(res, text)
    if declined is not None:
        intent = res.intents.get(declined)
        match = IntentMatch(declined, EXACT, (), match.alternatives)
    elif intent is not None and intent.kind != COMMAND:
        meant = res.semantic.classify(parts)
        # judged against the near misses people sent as well as the written ones
        if res.phrased.out_of_scope(parts[-1:], intent.name) or res.phrased.out_of_scope(parts, intent.name):
            # the words pointed somewhere the meaning does not support: a confident reading as something
            # the coach honestly declines ("find me jobs in Manchester") counts, and so does a clear
            # reading as another topic ("the salary of ML engineer ... the middle level" is about pay)
            lead = res.semantic.settings.after_veto_lead
            if meant.name is None or meant.score - meant.runner_up < lead:
                # the messages people sent may still settle it, among the matcher's other leaders
                wide = _phrased_reading(res, parts, IntentMatch(None, 0.0, (), match.alternatives))
                sure = wide.score - wide.runner_up >= lead and wide.score > wide.negative
                meant = wide if wide.name not in (None, intent.name) and (meant.name is None or sure) else meant
            chosen = res.intents.get(meant.name) if meant.name is not None else None
            clear = meant.score - meant.runner_up >= lead
            intent = chosen if chosen is not None and (chosen.name.startswith(DECLINED) or clear) else None
            match = IntentMatch(intent.name, round(meant.score, 3), (), match.alternatives) if intent \
                else IntentMatch(None, match.confidence, match.matched_words, match.alternatives)
        elif meant.name not in (None, intent.name) and \
                meant.score - res.semantic.support(parts, intent.name) >= res.semantic.settings.override_margin:
            intent = res.intents.get(meant.name or "")
            match = IntentMatch(intent.name, round(meant.score, 3), (), match.alternatives)
    elif intent is None and text.strip():
        # the question read on its own first: "I already use Docker daily... So what should I focus on?"
        # asks what to learn first, although the story names a skill
        meant = res.semantic.classify(parts[:-1]) if len(parts) > 1 else SemanticMatch(None, 0.0, 0.0, 0.0)
        meant = meant if meant.name is not None else res.semantic.classify(parts)
        if meant.name is None:
            meant = _phrased_reading(res, parts, match)
        name = meant.name or _agreed(res, text, match, parts)
        if name is not None:
            intent = res.intents.get(name)
            match = IntentMatch(name, round(max(meant.score, match.confidence), 3), match.matched_words,
                                match.alternatives)
    heard = Understanding(text, match, intent, res.extractor.extract(text), _after_phrase(res, text, match))
    return abroad_reading(res, heard, text)


def _phrased_reading(res: Resources, parts: list[str], match: IntentMatch) -> SemanticMatch:
    """Where the written examples leave the meaning unsure, the messages people sent may settle it, but
    only for an intent something else already points to (the nearest intent by the written examples, or
    one of the word matcher's two leaders): they widen what is understood without redrawing it."""
    wide = res.phrased.classify(parts)
    leaders = {res.semantic.leader(parts).name, *(name for name, _ in match.alternatives[:2])}
    return wide if wide.name in leaders else SemanticMatch(None, wide.score, wide.runner_up, wide.negative)


def abroad_reading(res: Resources, heard: Understanding, message: str) -> Understanding:
    """UK figures must not answer for another country: a pay question in a message set abroad ("earn in
    Germany?", or "got an offer there for 70k euro" after it) is declined honestly instead."""
    intent = heard.intent
    # not understood, but a question that opens asking and names pay ("what do MLEs make in Germany?")
    asks_pay = intent is None and res.questions.opens_question(heard.text) and any(
        re.search(rf"\b{re.escape(word)}\b", heard.text, re.IGNORECASE) for word in res.rules.pay_words)
    about_pay = intent is not None and intent.name in res.rules.abroad_intents or asks_pay
    if not about_pay or not res.rules.abroad_answer or not _abroad(res, message):
        return heard
    declined = res.intents.get(res.rules.abroad_answer)
    match = replace(heard.match, name=declined.name)
    return Understanding(heard.text, match, declined, heard.entities, heard.extra_words)


def _match_without_window(res: Resources, text: str) -> IntentMatch:
    """The word match, or, when a stretch of time the plan knows ("on Monday", "in months 3 to 6") is all
    that holds it back, the match of the message without it: the answer reads the stretch from the text."""
    match = res.matcher.match(text)
    if match.name is not None:
        return match
    for pattern in res.rules.plan_windows:
        rest = re.sub(pattern, " ", text, flags=re.IGNORECASE)  # "month 3 versus month 8": every stretch
        if rest != text and rest.split():
            shorter = res.matcher.match(rest)
            if shorter.name is not None:
                return shorter
            break
    return match


def declines_every_part(res: Resources, text: str) -> bool:
    """Whether each question of the message is one the coach declines by its words, so no part of it is
    answered on its own ("What levels does Revolut use, and what's the band at each?")."""
    return _declined_topic(res, text) is not None


def _declined_topic(res: Resources, text: str) -> str | None:
    """The refusal every question of the message calls for, by its words: "can I get a skilled worker
    visa as an MLE?" sits close in meaning to the pay questions the coach answers, yet it is not one."""
    parts = res.questions.parts(text)
    # a statement ("I moved here on a skilled worker visa") is not a question about it, but a question
    # after it may point back to it ("an interview with Ocado on Monday. what do they ask?")
    story = sentences(text[: text.find(parts[0])]) if parts and parts[0] in text else []
    found, told, asked = None, _names_declined(res, story[-1]) if story else None, False  # the sentence just before
    for part in parts:
        named = _names_declined(res, part)
        # "please post it on my LinkedIn" asks as surely as a question does
        acting = re.match(res.rules.action_request, part, re.IGNORECASE) is not None
        if not res.questions.is_question(part) and not acting:
            told = named or told
            continue
        short = len(part.split()) <= res.rules.follow_up_max_words
        pointing = short and re.search(res.rules.declined_continues, part, re.IGNORECASE) is not None
        # back to a story, only to those it named ("...with Ocado. what do they ask?"), not to "it"
        pointing_back = short and re.search(res.rules.declined_points_back, part, re.IGNORECASE) is not None
        before = found or told
        continues = found is not None and (
            pointing or res.matcher.match(part).confidence < res.rules.declined_continues_floor) or \
            found is None and told is not None and pointing_back
        if named is None and not continues and not found and re.fullmatch(res.rules.request_stub, part.strip(),
                                                                          re.IGNORECASE):
            continue  # "Can you tell me / also which companies in Swindon hire?": a stub that asks nothing yet
        if named is None and not continues:
            return None  # "...and what's the salary band at each?" continues the question before it
        found, asked = named or before, True
    return found if asked else None


def _names_declined(res: Resources, text: str) -> str | None:
    """The refusal whose words this text uses, if any."""
    return next((name for name, patterns in res.rules.declined_topics.items() if name in res.intents.names
                 and any(re.search(p, text, re.IGNORECASE) for p in patterns)
                 and not any(re.search(p, text, re.IGNORECASE) for p in res.rules.declined_unless.get(name, ()))),
                None)


def _abroad(res: Resources, text: str) -> bool:
    """A place outside the UK, unless the person is moving to a UK one ("in Paris now, moving to London")
    or asks about UK pay as well ("I earn 38k euros now; in the UK would entry MLE pay be more?")."""
    def names(places: list[str], said: str) -> bool:
        return any(re.search(rf"\b{re.escape(place)}\b", said, re.IGNORECASE) for place in places)

    coming = any(re.search(rf"{res.rules.moving_to}\s+{re.escape(place)}\b", text, re.IGNORECASE)
                 for place in res.rules.places)
    # a question about the UK alone; "is pay in Ireland like the UK numbers?" still compares with abroad
    asked_home = any(names([*res.rules.home, *res.rules.places], part) and not names(res.rules.abroad, part)
                     for part in res.questions.parts(text))
    return names([*res.rules.abroad, *res.rules.foreign_money], text) and not coming and not asked_home


def _agreed(res: Resources, text: str, match: IntentMatch, parts: list[str]) -> str | None:
    """Two weak readings that agree make one good one: the word matcher's leader, held back only by
    unknown words or typos ("n whats the pay lik"), is taken when the meaning tier's nearest intent is
    the same, or all three unsure readings agree (`_unanimous`); a short message whose leader is a command
    ("lets practic") is that command."""
    if not match.alternatives:
        return None
    name, score = match.alternatives[0]
    intent = res.intents.get(name)
    if intent.kind == SMALL_TALK and opens_with(text, intent.commands) and "?" not in text and \
            len(text.split()) <= 2 * res.rules.command_max_words:
        return name  # "thanks, food for thought", "thanks, that's clear": the thanks is the message
    if intent.kind != COMMAND and score < res.rules.agreement_floor:
        return name if _unanimous(res, name, score, parts) else None
    if score < min(res.rules.agreement_floor, res.rules.command_agreement_floor):
        return None
    if intent.kind == COMMAND:
        short = len(text.split()) <= res.rules.command_max_words
        # "whats the max" shares only "what" with "what can you do": a word of the command's own is needed
        own = {word for cue in intent.cues for word in res.matcher.normalise(cue).split()} \
            - set(res.rules.question_starts)
        return name if short and score >= res.rules.command_agreement_floor \
            and own & set(match.matched_words) else None
    # each sentence too: "ok no wahala. Give me the step by step plan abeg" means its second one
    candidates = [*parts, *(s for s in sentences(text) if s not in parts)]
    nearest = max((res.semantic.nearest(part) for part in candidates), key=lambda m: m.score - m.negative)
    agrees = (nearest.name == name or nearest.name in intent.neighbours) and \
        nearest.score - nearest.negative >= res.semantic.settings.over_negative
    return name if agrees and nearest.score >= res.rules.agreement_meaning_floor else None


def _unanimous(res: Resources, name: str, score: float, parts: list[str]) -> bool:
    """The word matcher's leader is also the nearest intent by the written examples and by the messages
    people sent, clearly nearer than any near miss: three unsure readings that agree."""
    rules = res.rules
    if score < rules.unanimous_floor:
        return False
    written, sent = res.semantic.leader(parts), res.phrased.leader(parts)
    return written.name == name == sent.name and written.score >= rules.unanimous_meaning_floor \
        and written.score - written.negative >= rules.unanimous_lead


def opens_with(text: str, phrases: Sequence[str]) -> bool:
    """The message starts with one of the phrases, as whole words."""
    plain = normalise(text)
    return any(re.match(rf"{re.escape(normalise(p))}\b", plain) for p in phrases if normalise(p))


def without_opener(res: Resources, text: str) -> str:
    """The message without a greeting or filler in front ("nice. what does p95 mean btw"), unless
    that is all it says."""
    opener = re.match(res.rules.openers, text.strip(), re.IGNORECASE)
    rest = text.strip()[opener.end():] if opener is not None else text
    return rest if rest.split() else text


def past_opener(res: Resources, heard: Understanding) -> Understanding:
    """Not understood, but opening with a greeting or filler ("yo wat can u do", "And what should I do
    first?"): what the rest of it means, if that is understood; else what was heard."""
    rest = without_opener(res, heard.text)
    if heard.intent is not None or rest == heard.text:
        return heard
    after = understand(res, rest)
    if len(rest.split()) < 2 and after.match.confidence < EXACT:
        return heard  # one word after "ok" counts only as typed: "alright thanks", not "ok docker"
    return Understanding(heard.text, after.match, after.intent, after.entities, 0) if after.intent else heard


def without_command(res: Resources, heard: Understanding) -> Understanding:
    """The same message read as a question about the move, for when a loosely matched command must not
    act ("is that a dumb idea?" is not "skip"): the meaning tier, which knows no commands, decides, or
    the matcher's best topic when it is strong and meaning does not contradict it."""
    parts = readings(res, heard.text)
    meant = res.semantic.classify(parts)
    name = meant.name
    if name is None:
        topics = [(n, score) for n, score in heard.match.alternatives
                  if n in res.intents.names and res.intents.get(n).kind != COMMAND]
        if topics and topics[0][1] >= res.rules.agreement_floor and not res.semantic.out_of_scope(parts, topics[0][0]):
            name = topics[0][0]
    intent = res.intents.get(name) if name is not None else None
    match = IntentMatch(name, round(meant.score, 3), (), heard.match.alternatives)
    return Understanding(heard.text, match, intent, heard.entities, 0)


def outside_interview(res: Resources, heard: Understanding, next_topic: bool = False) -> Understanding:
    """Outside a mock interview, a topic about answering ("how long should it be?") counts only when the
    message says it is about an answer; otherwise it is not understood, to be read against the last topic,
    or (`next_topic`, for a message framed with that topic) read as the matcher's next topic."""
    alternatives = heard.match.alternatives
    tied = [name for name, score in alternatives if score >= alternatives[0][1] - res.matcher.settings.margin]
    if heard.intent is None and any(name in res.rules.practice_moves for name in tied):
        # "what's missing for me specifically", "what am I missing?": a step of an interview that is not
        # under way is no reading; the question is about the move
        return without_command(res, heard)
    needed = res.rules.interview_topics.get(heard.answer or "")
    if not heard.is_topic or needed is None or re.search(needed, heard.text, re.IGNORECASE):
        return heard
    # the matcher's next topic, when it is a strong reading ("CV: how long should it be" is about the CV)
    others = [(name, score) for name, score in heard.match.alternatives
              if next_topic and name in res.intents.names and res.intents.get(name).kind == TOPIC
              and res.intents.get(name).answer not in res.rules.interview_topics]
    name, score = others[0] if others else (None, heard.match.confidence)
    if name is not None and (score < res.rules.interview_topic_floor
                             or res.semantic.out_of_scope(readings(res, heard.text), name)):
        name, score = None, heard.match.confidence
    intent = res.intents.get(name) if name is not None else None
    match = IntentMatch(name, score, heard.match.matched_words, heard.match.alternatives)
    return Understanding(heard.text, match, intent, heard.entities, 0)


def as_request(res: Resources, heard: Understanding, name: str) -> Understanding:
    """The same message read as the command `name`, keeping what it names (skills, categories)."""
    intent = res.intents.get(name)
    return Understanding(heard.text, IntentMatch(name, EXACT, (), heard.match.alternatives), intent,
                         heard.entities, 0)


def loose_command(res: Resources, heard: Understanding) -> bool:
    """A command said in other words, in a message too short or too question-like to be an answer:
    "stop please, thank you", "can I get a hint?"."""
    if not heard.is_command or heard.intent is None:
        return False
    own = {word for cue in heard.intent.cues for word in res.matcher.normalise(cue).split()}
    if not own & set(heard.match.matched_words):
        return False  # "..., some airflow": only words every intent shares, no word of this command
    words = len(heard.text.split())
    # "I would like to go through the skills self-assessment now": asked for in so many words
    return words <= res.rules.command_max_words + 2 or res.questions.asks(heard.text, res.rules.answer_min_words) \
        or re.match(res.rules.request_opening, heard.text, re.IGNORECASE) is not None


def _after_phrase(res: Resources, text: str, match: IntentMatch) -> int:
    """How many words follow the matched phrase when the message opens with it (a command's argument)."""
    fillers = set(res.intents.lexicon.fillers)
    words = tuple(w for w in res.matcher.normalise(text).split() if w not in fillers)
    phrase = match.matched_words
    opens_with = bool(phrase) and words[: len(phrase)] == tuple(phrase)
    return len(words) - len(phrase) if opens_with else 0


def typed_command(res: Resources, heard: Understanding) -> bool:
    """Clearly a command, not an answer that happens to start like one ("practice makes perfect...").

    Only an exact command phrase counts; words after it must name what to focus on, and be few.
    """
    if not heard.is_command or heard.match.confidence < EXACT:
        return False
    if heard.extra_words == 0:
        return True
    focus = heard.entities.skills or heard.entities.categories
    return bool(focus) and heard.extra_words <= res.rules.practice_focus_max_words
