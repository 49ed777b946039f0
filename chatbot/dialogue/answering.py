"""Answers to questions about the move: from an intent, narrowed by what the message names, with the
guide's exact detail added; from a passage of the guide when no intent covers it; one per question when
a message asks several; and short follow-ups read against the last answer."""

from __future__ import annotations

import re
from dataclasses import replace

from chatbot.dialogue import assessment, topics
from chatbot.dialogue.context import pay_against, range_against, still_to_build
from chatbot.dialogue.profile import offer_figure, quoted_range
from chatbot.dialogue.resources import Resources
from chatbot.dialogue.state import DialogueState
from chatbot.dialogue.terms import glossary_answer
from chatbot.dialogue.turns import Reply
from chatbot.encoder.protocol import Vectors
from chatbot.knowledge.models import Role
from chatbot.dialogue.understanding import (
    DECLINED,
    SMALL_TALK,
    TOPIC,
    Understanding,
    abroad_reading,
    declines_every_part,
    outside_interview,
    past_opener,
    understand,
    without_command,
)
from chatbot.nlu.lead import lead_line
from chatbot.nlu.retrieval import Retrieved

SKILL_INFO, GUIDE, GUIDE_DETAIL, LEAD = "skill", "guide_passage", "guide_detail", "answer_lead"
PLAN_STEP = "plan_step"  # "when do I start applying?": the plan step that says, found by meaning
ROLE_DIFFERENCE = "role_difference"
MAX_STEPS = 3  # steps shown for a window of the plan ("my first 3 months")


def answer_questions(res: Resources, state: DialogueState, text: str, heard: Understanding) -> list[Reply]:
    """One answer per question the message asks (at most three), each from its intent or the guide; the
    guide is searched with the message's clear slips mended, as the intents were."""
    text = res.slips.correct(text)
    parts = res.questions.parts(text)
    if len(parts) == 1:
        parts = _two_asked(res, state, parts[0]) or parts
    if len(parts) == 1:
        if not heard.is_topic and parts[0] != text.strip():
            # the question without the story around it, unless the story shows it is about something else
            asked = understand(res, parts[0])
            if state.mode != "practice":  # "how long should it be?" is about an answer only in an interview
                asked = outside_interview(res, asked)
            if asked.intent is not None and asked.is_topic \
                    and not res.semantic.out_of_scope([text.strip()], asked.intent.name):
                heard = asked
        single = _answer(res, state, heard, parts)
        return [single] if single is not None else []
    if heard.intent is not None and heard.intent.name.startswith(DECLINED) and declines_every_part(res, text):
        return [answer_topic(res, state, heard)]
    replies: list[Reply] = []
    answered: set[tuple[str, tuple[str, ...], tuple[str, ...]]] = set()
    for part in parts:
        part_heard = past_opener(res, understand(res, part))  # "And what should I do in the first fortnight?"
        part_heard = abroad_reading(res, part_heard, text)
        if state.mode != "practice":
            part_heard = outside_interview(res, part_heard)
        if part_heard.is_command:  # "...and whats missing?" beside a question asks about the move
            part_heard = without_command(res, part_heard)
        # the same topic twice is answered once, unless the two ask about different skills or levels
        named = part_heard.entities
        topic = (part_heard.answer or "", tuple(named.skills), tuple(named.levels))
        if part_heard.is_command or (part_heard.answer is not None and topic in answered):
            continue
        answered.add(topic)
        # "...and what is a canary release?": a term the glossary holds is explained in its turn
        reply = glossary_answer(res, state, part) or _answer(res, state, part_heard, [part])
        if reply is None and replies and part_heard.intent is None:
            reply = follow_up(res, state, part_heard)  # "...junior pay, and what about when experienced?"
        if reply is not None and all(reply.text != r.text for r in replies):
            replies.append(reply)
    if not replies and heard.is_topic:
        replies.append(answer_topic(res, state, heard))
    return replies


def _two_asked(res: Resources, state: DialogueState, asked: str) -> list[str] | None:
    """One question that is two joined by "and" with no question word after it ("how long take the change
    and i will earn less at start??"): split when each half, read alone, is clearly a different topic, and
    the whole is not a request the coach declines ("ring this recruiter and ask about the salary")."""
    whole = None
    for found in re.finditer(res.rules.second_question_join, asked, re.IGNORECASE):
        halves = [asked[: found.start()].strip(" ,"), asked[found.end():].strip()]
        if any(len(half.split()) < res.rules.second_question_min_words for half in halves):
            continue
        whole = whole or understand(res, asked)  # read only when there is a split to weigh
        if whole.intent is not None and whole.intent.name.startswith(DECLINED):
            return None
        read = [understand(res, half) for half in halves]
        if state.mode != "practice":
            read = [outside_interview(res, heard) for heard in read]
        # each half read more surely than the whole ("roles between DS and MLOps ...?" is one question),
        # unless the second half is worded as a question of its own ("..., and will I need to take a pay cut?")
        own = res.questions.opens_question(halves[1], res.questions.lead_ins)
        floor = res.rules.second_question_floor if own else \
            max(res.rules.second_question_floor, whole.match.confidence + res.rules.second_question_lead)
        if all(heard.is_topic and heard.match.confidence >= floor for heard in read) \
                and read[0].answer != read[1].answer:
            return halves
    return None


def _answer(res: Resources, state: DialogueState, heard: Understanding, parts: list[str]) -> Reply | None:
    """The intent's answer; else the guide's closest passage when it is close enough; else nothing."""
    guide = res.guide[state.transition]
    if heard.answer in res.rules.plan_window_intents:
        during = _plan_window(res, state, heard)
        if during is not None:
            return during
    asks_when = any(re.search(res.rules.step_timing, part, re.IGNORECASE) for part in parts)
    # a "when should I start ...?" about the move, or not understood but close to a step of the plan
    in_scope = heard.intent is not None and heard.intent.kind == TOPIC
    if heard.answer == PLAN_STEP or (asks_when and (in_scope or heard.intent is None)):
        step = _plan_step(res, state, heard, parts, strict=heard.intent is None)
        if step is not None:
            return step
    if heard.intent is not None and heard.is_topic:
        reply = _led(res, answer_topic(res, state, heard), parts)
        name = heard.intent.name
        known = {res.knowledge.skills[s].name for s in state.profile.known_skills if s in res.knowledge.skills}
        # never a detail on building a skill they said they have ("given k8s is sorted")
        found = guide.detail(parts, reply.text,
                             lambda passage, vector: passage.section not in known and _on_topic(res, vector, name))
        return _with_detail(res, state, reply, found) if found.passage is not None else reply
    found = guide.search(parts)
    if found.passage is None:
        return None
    return _quote(res, state, found)


def _plan_step(res: Resources, state: DialogueState, heard: Understanding, parts: list[str],
               strict: bool = False) -> Reply | None:
    """The step of the plan a "when do I ..." question is about: the step whose passages come closest;
    `strict` when nothing else says the question is in scope, so the guide's gate against near misses holds."""
    if not res.rules.plan_section:
        return None
    guide = res.guide[state.transition]
    found = guide.search(parts, within=res.rules.plan_section) if strict else \
        guide.search(parts, 0.0, near_misses=False, within=res.rules.plan_section)
    steps = topics.context(res, state).get("plan") or []
    if found.passage is None:
        return None
    ordinal = next((n for n, step in enumerate(steps, 1) if f"{step.title} (" in found.passage.text), None)
    return topics.list_item(res, state, PLAN_STEP, ordinal, heard.intent.name if heard.intent else PLAN_STEP) \
        if ordinal is not None else None


WEEKS_PER_MONTH = 52 / 12


def _windows(res: Resources, text: str) -> list[tuple[float, float]]:
    """The stretches of the plan a message names, in weeks from the start: "my first 2 weeks" is [0, 2),
    "month 3" is [8.7, 13), "after 4 months" (an `after` group) the month that follows; "month 3 versus
    month 9" names two."""
    asked = " ".join(res.questions.parts(text))  # "...? I am in month 3 now" names no window to ask about
    if re.search(res.rules.window_pointers, asked, re.IGNORECASE):
        asked = text  # "what happens in those months? ... what month 3 looks like versus month 9"
    for pattern in res.rules.plan_windows:
        found = [_stretch(res, match) for match in re.finditer(pattern, asked, re.IGNORECASE)]
        if found:
            return found
    return []


def _stretch(res: Resources, found: re.Match[str]) -> tuple[float, float]:
    groups = found.groupdict()
    count = _count(res, groups.get("count") or "1")
    size = WEEKS_PER_MONTH if found.group("unit").casefold() == "month" else 1.0
    if groups.get("first"):
        return 0.0, count * size
    start = count * size if groups.get("after") else (count - 1) * size
    # "months 3 to 6" runs to the end of its last month
    end = max(start + size, _count(res, groups["end"]) * size) if groups.get("end") else start + size
    return start, end


def _count(res: Resources, said: str) -> int:
    """A count as a figure or a word ("3", "three", "a couple of")."""
    said = " ".join(said.casefold().split())
    return int(said) if said.isdigit() else res.rules.plan_window_counts.get(said, 1)


def _plan_window(res: Resources, state: DialogueState, heard: Understanding) -> Reply | None:
    """"What should I be doing in my first 2 weeks?": the steps of the plan dated within that window."""
    windows = _windows(res, heard.text)
    if not windows:
        return None
    plan = res.knowledge.transitions[state.transition].plan
    chosen = []
    for window in windows:
        for ordinal, step in enumerate(plan, 1):
            frame = step.timeframe
            if frame.start is None or frame.end is None or ordinal in chosen:
                continue
            size = WEEKS_PER_MONTH if frame.unit == "month" else 1.0
            begins, ends = (frame.start - 1) * size, frame.end * size
            if begins < window[1] and ends > window[0]:
                chosen.append(ordinal)
    chosen = sorted(chosen)
    intent = heard.answer or PLAN_STEP
    items = [topics.list_item(res, state, PLAN_STEP, n, intent) for n in chosen[:MAX_STEPS]]
    shown = [item for item in items if item is not None]
    if not shown:
        return None
    return replace(shown[0], text="\n\n".join(item.text for item in shown))


def _led(res: Resources, reply: Reply, parts: list[str]) -> Reply:
    """A narrow question inside a broad topic ("2 pages or 1?", "chronological or skills based?"): the line
    of the answer that answers it comes first, instead of buried in the list."""
    rules = res.rules
    lines = [line.strip() for line in reply.text.splitlines() if len(line.split()) >= rules.lead_min_words]
    best = lead_line(res.reader, parts, lines, rules.lead_floor, rules.lead_margin)
    if best is None or lines[best].endswith((":", "?")):
        return reply  # a heading over a list, or a question the answer lists, answers nothing by itself
    line = re.sub(r"^(?:[-*•]|\d+[.)])\s*", "", lines[best])
    # an item of a list is repeated in front (the list keeps its numbers); a sentence of prose is moved
    rest = reply.text if line != lines[best] else \
        "\n".join(kept for kept in reply.text.splitlines() if kept.strip() != line)
    return replace(reply, text=res.responses.text(LEAD, {"line": line, "answer": rest.strip()}))


def _on_topic(res: Resources, passage: Vectors, intent: str) -> bool:
    """A detail belongs to the answer's topic: the passage (its vector) is about as close to that
    intent's examples as to any intent's, so "what's the biggest mistake?" never gains a passage on why
    people move."""
    nearest = res.semantic.nearest_of(passage)
    return nearest.score - res.semantic.support_of(passage, intent) <= res.rules.detail_topic_margin


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
    # "I can do 9 hours a week now. so how long now?": the same topic reads differently with what they told
    return heard.answer == state.last_topic and not narrowed and not state.told_since_topic


def _with_detail(res: Resources, state: DialogueState, reply: Reply, found: Retrieved) -> Reply:
    """An intent's answer is general; when one passage of the guide answers the question closely and
    the answer does not already say it, that passage is added, with where it comes from."""
    assert found.passage is not None
    values = topics.context(res, state, passage=found.passage.text, section=found.passage.section)
    return replace(reply, text=f"{reply.text}\n\n{res.responses.text(GUIDE_DETAIL, values)}")


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


def _rival_tools(res: Resources, text: str, skill_id: str) -> list[str]:
    """Two tools of the same skill set against each other ("Spark or Kafka?", "Feast vs Tecton"), as typed:
    the guide names both and ranks neither, which the answer should say rather than leave unanswered."""
    skill = res.knowledge.skills.get(skill_id)
    if skill is None:
        return []
    names = {alias.casefold() for alias in skill.aliases}
    for found in re.finditer(res.rules.tool_choice, text, re.IGNORECASE):
        pair = [found.group("first"), found.group("second")]
        if all(word.casefold() in names for word in pair) and pair[0].casefold() != pair[1].casefold():
            return pair
    return []


def _wants_own_plan(res: Resources, key: str, text: str) -> bool:
    """With ratings given, a plan question wants the plan built from them unless it asks for the guide's
    general one ("the usual steps"); a timeline question only when it is about the speaker ("...take me")."""
    if re.search(res.rules.personal_plan, text, re.IGNORECASE):
        return True
    if re.search(res.rules.general_plan, text, re.IGNORECASE):
        return False
    return key not in res.rules.speaker_enders or re.search(res.rules.about_speaker, text, re.IGNORECASE) is not None


def answer_topic(res: Resources, state: DialogueState, heard: Understanding) -> Reply:
    """Answer a topic, narrowed by an ordinal, a skill or a level when the message names one."""
    key, name, entities = heard.answer or "", heard.intent.name if heard.intent else "", heard.entities
    if key == SKILL_INFO and entities.skills:
        learning = any(re.search(rf"\b{re.escape(w)}\b", heard.text, re.IGNORECASE)
                       for w in res.rules.learning_words)
        return topics.compose(res, state, key, name, skill_id=entities.skills[0], learning=learning,
                              rivals=_rival_tools(res, heard.text, entities.skills[0]))
    if key in res.rules.assessment_enders and len(entities.skills) == 1 and \
            re.search(res.rules.skill_duration, heard.text, re.IGNORECASE):
        # "how long would it take me to learn kubernetes properly?": that skill, how to build it and how long
        return topics.compose(res, state, SKILL_INFO, name, skill_id=entities.skills[0], learning=True)
    after_plan = state.last_intent == assessment.PLAN and state.profile.ratings
    if key in res.rules.assessment_enders and key not in res.rules.speaker_enders and after_plan \
            and re.search(res.rules.first_request, heard.text, re.IGNORECASE):
        # "what should i do first, concretely" right after the plan: how to build its first gap, not the plan
        transition = res.knowledge.transitions[state.transition]
        remaining = still_to_build(res.knowledge, transition, state.profile, res.rules)
        if remaining:
            return topics.compose(res, state, SKILL_INFO, name, skill_id=remaining[0].id, learning=True,
                                  first=True)
    if key in res.rules.assessment_enders and state.profile.ratings and _wants_own_plan(res, key, heard.text):
        # "what's my plan?" after the assessment: the one built from it; "how long will it take me?" its timeline
        return assessment.plan(res, state, timeline_only=key in res.rules.speaker_enders)
    if entities.ordinal is not None and res.responses.get(key).ordinals:
        item = _ordinal_item(res, state, key, name, entities.ordinal)
        if item is not None:
            return item
    # a skill named as one they have ("I already deploy on k8s, so skip that. What else am I missing?") is
    # set aside, not singled out: the whole list answers, marking it as theirs
    if len(entities.skills) == 1 and entities.skills[0] not in state.profile.known_skills:
        position = _skill_in_list(res, state, key, entities.skills[0])
        if position is not None:
            return topics.list_item(res, state, key, position, name) or topics.compose(res, state, key, name)
    # one level narrows the answer; two ("the first salary, and after some years?") want the whole table
    levels = _levels_asked(res, state, heard.text) if entities.levels else ()
    level = levels[0] if len(set(levels)) == 1 and res.responses.get(key).by_level else None
    skill_id = state.last_skill if key == SKILL_INFO else None
    if key == ROLE_DIFFERENCE:
        titles = _titles_of_target(res, state, heard.text)
        target = res.knowledge.roles[res.knowledge.transitions[state.transition].to_role]
        if len(titles) == 1 and titles[0].casefold() != target.name.casefold() and \
                re.search(res.rules.same_title_question, heard.text, re.IGNORECASE):
            titles = [titles[0], target.name]  # "AI engineer is the hot title now, is that the same thing?"
        if len(titles) >= 2:  # "mlops engineer vs ml engineer": two names of the one role the guide covers
            return topics.compose(res, state, key, name, same_role=titles)
    offered = offer_figure(heard.text, res.rules) if key in res.rules.offer_answers else None
    transition = res.knowledge.transitions[state.transition]
    offer = pay_against(offered, res.knowledge, transition)
    quoted = range_against(quoted_range(heard.text, res.rules), res.knowledge, transition) \
        if key in res.rules.offer_answers and offered is None else None
    asked = next((kind for kind, pattern in res.rules.topic_asks.get(key, {}).items()
                  if re.search(pattern, heard.text, re.IGNORECASE)), None)
    return topics.compose(res, state, key, name, level=level, skill_id=skill_id, named=entities.skills,
                          offer=offer, quoted=quoted, asked=asked)


def _levels_asked(res: Resources, state: DialogueState, text: str) -> tuple[str, ...]:
    """The pay levels a message asks about, not the one it says the person is at: in "Senior DS, 9 yoe,
    is MLE worth it?" "senior" describes them, not the band they ask for."""
    source = res.knowledge.roles[res.knowledge.transitions[state.transition].from_role]
    about_them = re.sub(rf"\b[\w-]+\s+(?={_names(source)})", "", text, flags=re.IGNORECASE)
    return res.extractor.extract(about_them).levels


def _names(role: Role) -> str:
    """A pattern for any name of the role, longest first, plural allowed ("data scientists", "MLEs")."""
    names = sorted([role.name, *role.aliases], key=len, reverse=True)
    return "(?:" + "|".join(rf"\b{re.escape(n)}s?\b" for n in names) + ")"


def _titles_of_target(res: Resources, state: DialogueState, text: str) -> list[str]:
    """The target role's names the message uses ("MLOps engineer", "ML engineer"), spelt as the data spells
    them, when its question names no other role: each a different title for the one role the guide
    describes."""
    transition = res.knowledge.transitions[state.transition]
    source, target = res.knowledge.roles[transition.from_role], res.knowledge.roles[transition.to_role]
    asked = " ".join(res.questions.parts(text))
    if re.search(_names(source), asked, re.IGNORECASE):
        return []  # a data scientist who asks "AI engineer or ML engineer?" compares titles, not roles
    found: list[tuple[int, int, str]] = []
    for alias in sorted([target.name, *target.aliases], key=len, reverse=True):
        for match in re.finditer(rf"\b{re.escape(alias)}s?\b", text, re.IGNORECASE):
            if not any(match.start() < end and start < match.end() for start, end, _ in found):
                found.append((match.start(), match.end(), alias))
    return list(dict.fromkeys(alias for _, _, alias in sorted(found)))


def follow_up(res: Resources, state: DialogueState, heard: Understanding) -> Reply | None:
    """Not a topic on its own, but meaningful after the last answer: a level, a list position, a skill."""
    entities, last = heard.entities, state.last_topic
    if entities.levels and last is not None and last in res.responses and res.responses.get(last).by_level:
        return topics.compose(res, state, last, state.last_intent or last, level=entities.levels[0])
    if entities.ordinal is not None and state.last_list is not None:
        kind = state.last_list.kind
        return topics.list_item(res, state, kind, entities.ordinal, _intent_answered_by(res, kind, kind))
    return None


def _small_talk_lead(res: Resources, text: str) -> bool:
    """Whether the message's own words lead to small talk ("how can I get rid of this conversation
    after?"): then it is about the chat, not a follow-up on the last topic."""
    own = res.matcher.match(text)
    lead = own.name or (own.alternatives[0][0] if own.alternatives else None)
    return lead is not None and lead in res.intents.names and res.intents.get(lead).kind == SMALL_TALK


def in_context(res: Resources, state: DialogueState, text: str) -> Reply | None:
    """A short question that only makes sense after the last answer ("how long should it be max?" after
    the CV advice) is read again with that topic named."""
    last = state.last_topic
    if last is None or last not in res.responses or len(text.split()) > res.rules.follow_up_max_words:
        return None
    label = res.responses.get(last).label
    if not label or _small_talk_lead(res, text):
        return None
    framed = f"{label.rstrip('?')}: {text}"  # the topic named as context, not asked again
    heard = understand(res, framed)
    if state.mode != "practice":
        heard = outside_interview(res, heard, next_topic=True)
    leader = heard.match.alternatives[0][0] if heard.match.alternatives else None
    if heard.intent is None and leader in res.intents.names and res.intents.get(leader).answer == last:
        # unsure overall, but the words lead to the topic just discussed: the follow-up is about it
        heard = replace(heard, intent=res.intents.get(leader))
    if heard.is_topic and _repeats_last(res, state, heard):
        # the same topic again: the guide's specific passage, or more on the topic, never the same answer
        guide = res.guide[state.transition]
        found = guide.search([text], guide.settings.detail, near_misses=False)
        if found.passage is not None and found.passage.text != state.last_passage:
            return _quote(res, state, found)
        return topics.deeper(res, state, "more", heard.intent.name if heard.intent else GUIDE)
    if heard.is_topic:
        return _answer(res, state, heard, [framed])
    replies = answer_questions(res, state, framed, heard)
    return replies[0] if len(replies) == 1 else None
