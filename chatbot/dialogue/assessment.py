"""Self-assessment: rate each skill the target role needs, one at a time, then get a personal plan."""

from __future__ import annotations

from chatbot.dialogue.context import estimated_timeline, gap_order, steps_for, still_to_build
from chatbot.dialogue.resources import Resources
from chatbot.dialogue.state import Assessment, DialogueState
from chatbot.dialogue.topics import context
from chatbot.dialogue.turns import Reply
from chatbot.nlu import Entities

QUESTION, PLAN, UNCLEAR = "assessment_question", "assessment_plan", "assessment_unclear"
LEARN_FIRST = "learn_first"
STEPS_SHOWN = 3


def _skills_to_ask(res: Resources, state: DialogueState) -> list[str]:
    """Every skill the target role uses, gaps first since they matter most (asking again updates a rating)."""
    transition = res.knowledge.transitions[state.transition]
    target = res.knowledge.roles[transition.to_role]
    gaps = [s.id for s in gap_order(res.knowledge, transition)]
    return gaps + [s for s in target.skills if s not in gaps]


Rated = tuple[tuple[str, int], ...]  # (skill id, rating) pairs just recorded, to acknowledge


def _ask(res: Resources, state: DialogueState, key: str = QUESTION, recorded: Rated = (),
         answered: bool = False, progress: bool = False) -> Reply:
    at = state.assessment
    asked = len(at.answered) + len(at.skipped) + 1
    values = context(res, state, skill_id=at.current, number=asked, answered=answered, progress=progress,
                     total=asked + len(at.pending), first=not at.answered,
                     recorded=[(res.knowledge.skills[s], r) for s, r in recorded
                               if s in res.knowledge.skills])
    return Reply(res.responses.text(key, values), QUESTION, res.responses.quick_replies(key, values))


def start_assessment(res: Resources, state: DialogueState) -> Reply:
    pending = _skills_to_ask(res, state)
    state.practice.awaiting = state.practice.retrying = False
    state.mode = "assessment"
    state.assessment = Assessment(pending=pending[1:], current=pending[0], before=dict(state.profile.ratings))
    return _ask(res, state)


def rating_from(res: Resources, entities: Entities) -> int | None:
    """A number wins; otherwise "yes" / "a bit" / "never" map onto the scale."""
    if entities.rating is not None:
        return entities.rating
    if entities.agreement is not None:
        return res.rules.agreement_ratings.get(entities.agreement)
    return None


def _advance(res: Resources, state: DialogueState, recorded: Rated = ()) -> Reply:
    progress = state.assessment
    if not progress.pending:
        return plan(res, state)
    progress.current, progress.pending = progress.pending[0], progress.pending[1:]
    return _ask(res, state, recorded=recorded)


def _rated(res: Resources, state: DialogueState, ratings: dict[str, int]) -> None:
    """Ratings given in the assessment decide: a skill said earlier to be known (or lacking) that is now
    rated the other way is no longer held both ways."""
    profile, below = state.profile, res.rules.gap_below
    profile.ratings = {**profile.ratings, **ratings}
    profile.known_skills = [s for s in profile.known_skills if ratings.get(s, below) >= below]
    profile.lacking_skills = [s for s in profile.lacking_skills if ratings.get(s, 0) < below]


def record(res: Resources, state: DialogueState, rating: int) -> Reply:
    progress = state.assessment
    if progress.current is None:
        return _advance(res, state)
    _rated(res, state, {progress.current: rating})
    progress.answered = [*progress.answered, progress.current]
    return _advance(res, state, ((progress.current, rating),))


def record_several(res: Resources, state: DialogueState, ratings: dict[str, int]) -> Reply:
    """"python 4, docker 2, kubernetes 1": every skill rated at once is taken off the list, and the
    assessment goes on with the first skill still unrated."""
    progress = state.assessment
    rated = {skill: rating for skill, rating in ratings.items() if skill in res.knowledge.skills}
    _rated(res, state, rated)
    progress.answered = [*progress.answered, *(s for s in rated if s not in progress.answered)]
    progress.pending = [s for s in progress.pending if s not in rated]
    noted = tuple(rated.items())
    return _advance(res, state, noted) if progress.current in rated else _ask(res, state, recorded=noted)


def skip(res: Resources, state: DialogueState) -> Reply:
    progress = state.assessment
    if progress.current is not None:
        progress.skipped = [*progress.skipped, progress.current]
    return _advance(res, state)


def unclear(res: Resources, state: DialogueState, answered: bool = False, progress: bool = False) -> Reply:
    """Re-ask, saying which kinds of answer count; after answering a question asked on the way
    (`answered`), as a way back rather than as a rating not understood; `progress`: with how many remain."""
    return _ask(res, state, UNCLEAR, answered=answered, progress=progress)


def plan(res: Resources, state: DialogueState, timeline_only: bool = False) -> Reply:
    """What is left to build (weakest first), where to start, how long, and an offer to practise;
    `timeline_only` for "how long will it take me?" once the plan has been given."""
    kb, transition = res.knowledge, res.knowledge.transitions[state.transition]
    remaining = still_to_build(kb, transition, state.profile, res.rules)
    total = len(kb.gaps(transition.id))
    estimate = estimated_timeline(transition, min(len(remaining), total), total)
    # the plan starts at its beginning, then the steps that build this person's gaps
    building = [step for step in steps_for(transition, remaining) if step.id != transition.plan[0].id]
    steps = [transition.plan[0], *building][:STEPS_SHOWN]
    state.mode = "chat"
    before = state.assessment.before
    changed = [(kb.skills[s], before[s], r) for s, r in state.profile.ratings.items()
               if s in before and before[s] != r and s in kb.skills]
    state.assessment = Assessment(answered=state.assessment.answered, finished=True)
    weakest = remaining[0] if remaining else None
    values = context(res, state, remaining=remaining, weakest=weakest, total_gaps=total,
                     left=len(remaining), steps=steps, estimate=estimate,
                     usual=transition.timeline.duration, rated=len(state.profile.ratings), changed=changed,
                     timeline_only=timeline_only)
    # "why?" after the plan is about the order of priorities, which the learn-first answer explains
    state.last_topic, state.last_intent = LEARN_FIRST, PLAN
    return Reply(res.responses.text(PLAN, values), PLAN, res.responses.quick_replies(PLAN, values))
