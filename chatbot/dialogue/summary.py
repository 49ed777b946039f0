"""The end of a practice session: best score per question and per skill, and what to work on next."""

from __future__ import annotations

from dataclasses import dataclass
from statistics import mean

from chatbot.dialogue.context import steps_for
from chatbot.dialogue.resources import Resources
from chatbot.dialogue.state import DialogueState
from chatbot.dialogue.topics import context
from chatbot.dialogue.turns import Reply
from chatbot.knowledge import Question, Skill

SUMMARY = "summary"
STEPS_SHOWN = 2


@dataclass(frozen=True)
class QuestionResult:
    question: Question
    best: int
    attempts: int


@dataclass(frozen=True)
class SkillResult:
    skill: Skill
    score: int  # mean of the best scores of the questions that tested it
    questions: int


def question_results(res: Resources, state: DialogueState) -> list[QuestionResult]:
    results = []
    for question_id, attempts in state.practice.attempts.items():
        question = res.knowledge.questions.get(question_id)
        if question is not None and attempts:
            results.append(QuestionResult(question, max(a.score for a in attempts), len(attempts)))
    return results


def _tested_skills(res: Resources, question: Question) -> list[str]:
    """The skills a question's score says something about: a technical question its technical skills;
    a career-change or behavioural one only the general skills it draws on ("tell me about yourself"
    says nothing about how well someone knows Python)."""
    kb = res.knowledge
    category = kb.categories.get(question.category)
    tested = {c.skill_kind for c in kb.categories.values() if c.skill_kind is not None}
    wanted = category.skill_kind if category is not None else None
    return [s for s in question.skills if s in kb.skills and
            (kb.skills[s].kind == wanted if wanted is not None else kb.skills[s].kind not in tested)]


def skill_results(res: Resources, results: list[QuestionResult]) -> list[SkillResult]:
    """Per skill, strongest first."""
    by_skill: dict[str, list[int]] = {}
    for result in results:
        for skill in _tested_skills(res, result.question):
            by_skill.setdefault(skill, []).append(result.best)
    rows = [SkillResult(res.knowledge.skills[s], round(mean(scores)), len(scores))
            for s, scores in by_skill.items() if s in res.knowledge.skills]
    return sorted(rows, key=lambda row: -row.score)


def summarise(res: Resources, state: DialogueState) -> Reply:
    """Close the practice session (the history stays, so questions are still not repeated)."""
    results = question_results(res, state)
    skills = skill_results(res, results)
    low = min((row.score for row in skills), default=None)
    high = max((row.score for row in skills), default=None)
    spread = high != low
    weak_enough = spread or (low is not None and low < res.rules.summary_work_below)
    weakest = [row for row in skills if row.score == low] if weak_enough else []
    strongest = [row for row in skills if row.score == high and spread]
    transition = res.knowledge.transitions[state.transition]
    steps = steps_for(transition, [row.skill for row in weakest])[:STEPS_SHOWN] if weakest else []
    state.mode, state.practice.awaiting, state.practice.retrying = "chat", False, False
    covered = [res.responses.get(key).label for key in state.topics_covered
               if key in res.responses and res.responses.get(key).label]
    values = context(res, state, results=results, skill_rows=skills, strongest=strongest, covered=covered,
                     weakest=weakest, steps=steps)
    return Reply(res.responses.text(SUMMARY, values), SUMMARY, res.responses.quick_replies(SUMMARY, values))
