"""Mock interviews: pick a question, score the answer, let the user retry, hint or move on."""

from __future__ import annotations

import re
from itertools import zip_longest
from typing import Any

from chatbot.dialogue.resources import Resources
from chatbot.dialogue.state import MAX_ATTEMPTS_KEPT, Attempt, DialogueState
from chatbot.dialogue.topics import context
from chatbot.dialogue.turns import Reply
from chatbot.dialogue.understanding import opens_with
from chatbot.feedback import assess
from chatbot.knowledge import Question
from chatbot.nlu import normalise
from chatbot.nlu.segments import sentences

QUESTION, FEEDBACK, HINT, MODEL_ANSWER = "practice_question", "practice_feedback", "hint", "model_answer"
TRY_AGAIN, RESUME, SCORE, EXPLAIN, DETOUR = "try_again", "resume_practice", "score_explained", "explain_question", \
    "practice_detour"
NO_QUESTION = "no_question_open"
FEEDBACK_NEEDS_ANSWER = "practice_feedback_needs_answer"
NOT_AN_ATTEMPT = "practice_not_an_attempt"


CONTINUATION_WORDS = 20  # how far into a retry "same story, but I'd add ..." may come


def question_json(question: Question) -> dict[str, Any]:
    """The API.md shape of a practice question."""
    return {"id": question.id, "text": question.text, "category": question.category,
            "skills": list(question.skills)}


def _mixed(pool: list[Question]) -> list[Question]:
    """Alternate categories so an unfocused session is not all one kind of question."""
    groups: dict[str, list[Question]] = {}
    for question in pool:
        groups.setdefault(question.category, []).append(question)
    rounds = zip_longest(*groups.values())
    return [question for round_ in rounds for question in round_ if question is not None]


def _pool(res: Resources, state: DialogueState) -> list[Question]:
    """Questions fitting the focus and the move, most relevant first.

    A focus skill puts questions mainly about it first; without one, the user's weakest skills lead.
    """
    kb, focus = res.knowledge, state.practice
    pool = kb.questions_for(focus.focus_skill, focus.focus_category, state.transition)
    pool = pool or kb.questions_for(focus.focus_skill, focus.focus_category)
    if focus.focus_skill:
        # questions mainly about the skill first, then those of the category for its kind (technical)
        kind = kb.skills[focus.focus_skill].kind
        led = {category.id for category in kb.categories.values() if category.skill_kind == kind}
        # "practise kubernetes": of a skill with several names, the questions that use the one typed
        return sorted(pool, key=lambda q: (not any(w in q.text.casefold() for w in focus.focus_words),
                                           q.skills.index(focus.focus_skill or ""), q.category not in led))
    ratings = state.profile.ratings
    if not ratings:
        mixed = _mixed(pool)  # an unfocused interview opens the way real ones do
        opener = [q for q in mixed if q.id == res.rules.practice_opener and not focus.focus_category]
        return opener + [q for q in mixed if q not in opener]

    def weakness(question: Question) -> int:
        return min(ratings.get(skill, res.rules.unrated) for skill in question.skills)

    return sorted(_mixed(pool), key=weakness)


def _choose(res: Resources, state: DialogueState) -> tuple[Question | None, bool]:
    """The next unasked question; when the pool is used up it starts over (the flag says so)."""
    pool = _pool(res, state)
    asked = set(state.practice.asked)
    fresh = [q for q in pool if q.id not in asked]
    if fresh or not pool:
        return (fresh[0] if fresh else None), False
    state.practice.asked = [q for q in state.practice.asked if q not in {p.id for p in pool}]
    return pool[0], True


def _ask(res: Resources, state: DialogueState, question: Question, *, starting: bool = False,
         retry: bool = False, starting_over: bool = False) -> Reply:
    practice = state.practice
    practice.question, practice.awaiting = question.id, True
    if question.id not in practice.asked:
        practice.asked.append(question.id)
    state.mode = "practice"
    values = context(res, state, question=question, number=len(practice.asked),
                     focus_skill=res.knowledge.skills.get(practice.focus_skill or ""),
                     focus_category=practice.focus_category, starting=starting, retry=retry,
                     starting_over=starting_over)
    return Reply(res.responses.text(QUESTION, values), QUESTION,
                 res.responses.quick_replies(QUESTION, values), question=question_json(question))


def ask_next(res: Resources, state: DialogueState, *, starting: bool = False) -> Reply:
    """Move on to a question not yet asked in this session."""
    practice = state.practice
    practice.retrying = False
    question, starting_over = _choose(res, state)
    if question is None:
        practice.focus_skill = practice.focus_category = None
        question, starting_over = _choose(res, state)
    if question is None:
        return _no_question(res, state, QUESTION)
    return _ask(res, state, question, starting=starting, starting_over=starting_over)


def start_practice(res: Resources, state: DialogueState, skill: str | None, category: str | None,
          named: Question | None = None, request: str = "") -> Reply:
    """`practice`, `practice model serving`, `practice behavioural`: (re)focus, then ask; a request that
    names one question ("can we practise the 'why are you leaving data science' one?") asks that one."""
    state.practice.focus_skill, state.practice.focus_category = skill, category
    aliases = res.knowledge.skills[skill].aliases if skill is not None and skill in res.knowledge.skills else []
    state.practice.focus_words = [a.casefold() for a in aliases
                                  if re.search(rf"\b{re.escape(a.casefold())}\b", request.casefold())]
    if named is not None:
        state.practice.retrying = False
        return _ask(res, state, named, starting=True)
    return ask_next(res, state, starting=True)


def _current(res: Resources, state: DialogueState) -> Question | None:
    return res.knowledge.questions.get(state.practice.question or "")


def _no_question(res: Resources, state: DialogueState, intent: str) -> Reply:
    values = context(res, state)
    return Reply(res.responses.text(NO_QUESTION, values), intent,
                 res.responses.quick_replies(NO_QUESTION, values))


def answer(res: Resources, state: DialogueState, text: str) -> Reply:
    """Score the answer to the open question; a retry is compared with the attempt before it."""
    practice, question = state.practice, _current(res, state)
    if question is None:
        practice.awaiting = False
        return _no_question(res, state, FEEDBACK)
    attempts = practice.attempts.get(question.id, [])
    previous = attempts[-1].as_previous(question.id) if practice.retrying and attempts else None
    if previous is not None and practice.last_answer and _continues(res, text):
        text = f"{practice.last_answer}\n{text}"  # "adding to what I said": scored with what it adds to
    feedback = assess(question, text, res.rubric, previous, res.meaning).to_dict()
    needs_answer = bool(feedback.get("needs_answer"))
    if not needs_answer:
        covered = list(feedback["talking_points"]["covered"])
        criteria = {c["label"]: [int(c["score"]), int(c["max"])] for c in feedback["criteria"] if c["max"]}
        attempt = Attempt(score=int(feedback["score"]), covered=covered, criteria=criteria)
        kept = [*attempts, attempt][-MAX_ATTEMPTS_KEPT:]
        practice.attempts = {**practice.attempts, question.id: kept}
        practice.awaiting = practice.retrying = False
        practice.last_answer = text[-res.rules.kept_answer_chars:]
    key = FEEDBACK_NEEDS_ANSWER if needs_answer else FEEDBACK
    values = context(res, state, question=question, feedback=feedback)
    return Reply(res.responses.text(key, values), FEEDBACK, res.responses.quick_replies(key, values),
                 feedback=feedback)


def _about_current(res: Resources, state: DialogueState, key: str) -> Reply:
    question = _current(res, state)
    if question is None:
        return _no_question(res, state, key)
    values = context(res, state, question=question, awaiting=state.practice.awaiting)
    return Reply(res.responses.text(key, values), key, res.responses.quick_replies(key, values))


def hint(res: Resources, state: DialogueState) -> Reply:
    return _about_current(res, state, HINT)


def model_answer(res: Resources, state: DialogueState) -> Reply:
    return _about_current(res, state, MODEL_ANSWER)


def try_again(res: Resources, state: DialogueState) -> Reply:
    """Re-ask the same question; the next feedback shows what changed since the last attempt."""
    question = _current(res, state)
    if question is None:
        return _no_question(res, state, TRY_AGAIN)
    state.practice.retrying = bool(state.practice.attempts.get(question.id))
    return _ask(res, state, question, retry=True)


def _continues(res: Resources, text: str) -> bool:
    """"Adding to what I said: ...", also after a short lead-in ("Let me have another go. Same as before,
    but I'd add ...")."""
    for said in sentences(text)[:2]:
        opening = " ".join(normalise(said).split()[:4])
        if any(opening == lead or opening.startswith(f"{lead} ") for lead in res.rules.continuation_openers):
            return True
    first = f" {' '.join(normalise(text).split()[:CONTINUATION_WORDS])} "
    return any(f" {phrase} " in first for phrase in res.rules.continuation_phrases)


def another_attempt(res: Resources, state: DialogueState, text: str) -> Reply:
    """An answer typed after feedback without "try again": the same question, scored as a new attempt."""
    practice = state.practice
    practice.retrying = bool(practice.question and practice.attempts.get(practice.question))
    practice.awaiting = True
    return answer(res, state, text)


def short_attempt(res: Resources, state: DialogueState, text: str, small_talk: Reply | None = None) -> Reply:
    """A few words after feedback that nothing else explains: another attempt, unless they open as a remark
    ("thanks, I'll hold off on the notice", "lmao that's legit tho") and say nothing the question asks
    for; a remark is not scored and changes nothing (`small_talk`: the reply to its opening words, if any)."""
    question = _current(res, state)
    remark = opens_with(text, res.rules.remark_openers)
    if question is not None and remark and assess(question, text, res.rubric, meaning=res.meaning).score == 0:
        if small_talk is not None:  # "Thanks. Genuinely helpful.": thanks back, the question still there
            return detour_reminder(res, state, small_talk)
        values = context(res, state, question=question)
        return Reply(res.responses.text(NOT_AN_ATTEMPT, values), NOT_AN_ATTEMPT,
                     res.responses.quick_replies(NOT_AN_ATTEMPT, values))
    return another_attempt(res, state, text)


def resume_question(res: Resources, state: DialogueState) -> Reply:
    """"Back to the interview": the open question again, ready for an answer."""
    question = _current(res, state)
    if question is None:
        return _no_question(res, state, RESUME)
    practice = state.practice
    attempted = bool(practice.attempts.get(question.id))
    practice.awaiting, practice.retrying, state.mode = True, attempted, "practice"
    values = context(res, state, question=question, number=practice.asked.index(question.id) + 1
                     if question.id in practice.asked else len(practice.asked), attempted=attempted)
    return Reply(res.responses.text(RESUME, values), RESUME, res.responses.quick_replies(RESUME, values),
                 question=question_json(question))


def explain_score(res: Resources, state: DialogueState) -> Reply:
    """What the last score means and what would raise it most: the points it missed, with their tips."""
    practice = state.practice
    question = _current(res, state)
    attempts = practice.attempts.get(question.id, []) if question else []
    if question is None or not attempts:
        for qid in reversed(practice.asked):  # the last question that has a score
            if practice.attempts.get(qid):
                question, attempts = res.knowledge.questions.get(qid), practice.attempts[qid]
                break
    last = attempts[-1] if attempts else None
    previous = attempts[-2] if len(attempts) > 1 else None
    missed = [p for p in question.talking_points if last and p.label not in last.covered] if question else []
    gained = [c for c in last.covered if previous and c not in previous.covered] if last else []
    lost = [c for c in previous.covered if last and c not in last.covered] if previous else []
    # "did that one score lower than my first?": the best score on every other question answered so far
    others = [(res.knowledge.questions[qid], max(a.score for a in tries)) for qid, tries in practice.attempts.items()
              if tries and qid in res.knowledge.questions and (question is None or qid != question.id)]
    kind = question.category if question else next(iter(res.rubric.spec.weights))
    parts = [(res.rubric.spec.criterion(cid).label, points)
             for cid, points in res.rubric.spec.weights[kind].items() if points > 0]
    # "which part was worst?": the criterion with the smallest share of its points
    weakest = min(last.criteria.items(), key=lambda kv: kv[1][0] / kv[1][1]) \
        if last and last.criteria else None
    values = context(res, state, question=question, last=last, missed=missed, gained=gained, lost=lost,
                     other_scores=others, weakest=weakest,
                     previous=previous.score if previous else None, score_parts=parts,
                     score_kind=kind.replace("-", " "))
    return Reply(res.responses.text(SCORE, values), SCORE, res.responses.quick_replies(SCORE, values))


def explain_question(res: Resources, state: DialogueState) -> Reply:
    """What the open question is looking for, in the words of its talking points, and the hint."""
    question = _current(res, state)
    skills = [res.knowledge.skills[s] for s in (question.skills if question else []) if s in res.knowledge.skills]
    values = context(res, state, question=question, points=list(question.talking_points) if question else [],
                     question_skills=skills)
    return Reply(res.responses.text(EXPLAIN, values), EXPLAIN, res.responses.quick_replies(EXPLAIN, values))


def detour_reminder(res: Resources, state: DialogueState, reply: Reply) -> Reply:
    """After answering a question asked mid-interview, say how to get back to the open question."""
    question = _current(res, state)
    if question is None or not state.practice.awaiting:
        return reply
    values = context(res, state, question=question)
    return Reply(f"{reply.text}\n\n{res.responses.text(DETOUR, values)}", reply.intent,
                 res.responses.quick_replies(DETOUR, values), reply.question, reply.feedback)
