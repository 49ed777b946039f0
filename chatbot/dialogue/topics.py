"""Topic answers composed from the knowledge base, and the follow-ups that point back at them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from chatbot.dialogue.context import base_context
from chatbot.dialogue.resources import Resources
from chatbot.dialogue.responses import ResponsePart
from chatbot.dialogue.state import DialogueState, ShownList
from chatbot.dialogue.turns import Reply
from chatbot.knowledge import Skill

NOTHING_EARLIER = "no_topic_yet"
OUT_OF_RANGE = "list_out_of_range"

T = TypeVar("T")


def context(res: Resources, state: DialogueState, **extra: Any) -> dict[str, Any]:
    """The base context plus this answer's specifics; the skill falls back to the last one discussed."""
    values = base_context(res.knowledge, state, res.rules)
    skill_id = extra.pop("skill_id", None)
    named = extra.pop("named", ())
    values["skill"] = res.knowledge.skills.get(skill_id) if skill_id else None
    values["same_role"] = extra.pop("same_role", [])  # titles of the one target role ("MLOps engineer")
    values["learning"] = extra.pop("learning", False)  # asked how to learn the skill: show the ways
    values["first"] = extra.pop("first", False)  # the first gap of their plan, asked where to start
    values["rivals"] = extra.pop("rivals", [])  # two tools of the skill set against each other ("Spark or Kafka?")
    values["offer"] = extra.pop("offer", None)  # an offer they mention, against the bands (pay_against)
    values["quoted"] = extra.pop("quoted", None)  # a pay range they quote, against the bands (range_against)
    values["asked"] = extra.pop("asked", None)  # which thing a topic question is about ("an AWS cert?")
    length = res.rubric.spec.clarity  # the length the feedback judges answers by, said the same way
    values["answer_words"] = (length.ideal_min_words, length.ideal_max_words)
    values["named"] = [res.knowledge.skills[s] for s in named if s in res.knowledge.skills]
    values["skill_choices"] = [] if values["skill"] else list(res.knowledge.skills.values())
    values.update(extra)
    return values


def identity(item: object, index: int) -> str:
    """A stable name for a list element: its id when it has one, else its position."""
    if isinstance(item, Mapping):
        item = item.get("id", index)
    return str(getattr(item, "id", item if isinstance(item, str) else index))


def _remember(res: Resources, state: DialogueState, key: str, intent: str, values: Mapping[str, Any]) -> None:
    spec = res.responses.get(key)
    if spec.more is None and spec.why is None and spec.item is None:
        return  # small talk and greetings: "tell me more" should still mean the last real topic
    state.last_topic, state.last_intent, state.told_since_topic = key, intent, False
    if key not in state.topics_covered:
        state.topics_covered = [*state.topics_covered, key]
    state.last_level = values.get("level") or state.last_level
    if values.get("skill") is not None:
        state.last_skill = values["skill"].id
    items = values.get(spec.shows) if spec.shows else None
    if items:
        state.last_list = ShownList(kind=key, items=[identity(x, i) for i, x in enumerate(items)])


def compose(res: Resources, state: DialogueState, key: str, intent: str, **extra: Any) -> Reply:
    """Render one answer and remember what it showed, so follow-ups can refer back to it."""
    values = context(res, state, **extra)
    values["seen"] = key in state.topics_covered  # answered before in this conversation: say less again
    reply = Reply(res.responses.text(key, values), intent, res.responses.quick_replies(key, values))
    _remember(res, state, key, intent, values)
    return reply


def _nothing_earlier(res: Resources, state: DialogueState, intent: str) -> Reply:
    values = context(res, state)
    return Reply(res.responses.text(NOTHING_EARLIER, values), intent,
                 res.responses.quick_replies(NOTHING_EARLIER, values))


def deeper(res: Resources, state: DialogueState, part: ResponsePart, intent: str) -> Reply:
    """"Tell me more" and "why?": the matching part of the last answer, when it has one."""
    key = state.last_topic
    if key is None or key not in res.responses or res.responses.get(key).part(part) is None:
        return _nothing_earlier(res, state, intent)
    values = context(res, state, level=state.last_level, skill_id=state.last_skill)
    text = res.responses.text(key, values, part)
    return Reply(text, state.last_intent or intent, res.responses.quick_replies(key, values))


def _resolve(items: list[T], shown: ShownList | None, key: str, ordinal: int) -> T | None:
    """Find the element the user means, by what was shown when the list is the one on screen."""
    if shown is not None and shown.kind == key and 0 < ordinal <= len(shown.items):
        wanted = shown.items[ordinal - 1]
        for index, item in enumerate(items):
            if identity(item, index) == wanted:
                return item
    return items[ordinal - 1] if 0 < ordinal <= len(items) else None


def list_item(res: Resources, state: DialogueState, key: str, ordinal: int, intent: str) -> Reply | None:
    """"The second one" / "step 3": one element of a topic's list; None if the topic has no list."""
    spec = res.responses.get(key) if key in res.responses else None
    if spec is None or spec.shows is None or spec.item is None:
        return None
    values = context(res, state, level=state.last_level)
    items = list(values.get(spec.shows) or [])
    chosen = _resolve(items, state.last_list, key, ordinal)
    if chosen is None:
        values.update(count=len(items), ordinal=ordinal)
        return Reply(res.responses.text(OUT_OF_RANGE, values), intent,
                     res.responses.quick_replies(OUT_OF_RANGE, values))
    values.update(item=chosen, ordinal=ordinal)
    state.last_topic, state.last_intent = key, intent
    if state.last_list is None or state.last_list.kind != key:
        state.last_list = ShownList(kind=key, items=[identity(x, i) for i, x in enumerate(items)])
    if isinstance(chosen, Skill):
        state.last_skill = chosen.id
    return Reply(res.responses.render(spec.item, values), intent, res.responses.quick_replies(key, values))
