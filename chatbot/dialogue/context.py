"""What every answer template may draw on: the move, its roles and skills, and what the user told us."""

from __future__ import annotations

import math
from typing import Any

from chatbot.dialogue.rules import DialogueRules
from chatbot.dialogue.state import DialogueState, Profile
from chatbot.knowledge import Knowledge, PlanStep, Skill
from chatbot.knowledge.models import Level, Range, Transition


def _skills(kb: Knowledge, ids: list[str]) -> list[Skill]:
    return [kb.skills[i] for i in ids if i in kb.skills]


def gap_order(kb: Knowledge, transition: Transition) -> list[Skill]:
    """Gaps in the order the plan builds them (the plan names the most asked-for first), then the rest."""
    gaps = kb.gaps(transition.id)
    planned = [s for step in transition.plan for s in step.skills]
    rank = {skill: index for index, skill in reversed(list(enumerate(planned)))}
    return sorted(gaps, key=lambda s: rank.get(s.id, len(rank)))


def still_to_build(
    kb: Knowledge, transition: Transition, profile: Profile, rules: DialogueRules
) -> list[Skill]:
    """The gaps this user still has, weakest first: their own ratings win over the plan's order."""
    ordered = gap_order(kb, transition)
    gap_ids = {skill.id for skill in ordered}
    weak_extras = [kb.skills[s] for s in doubted_transferable(kb, transition, profile, rules) if s not in gap_ids]
    candidates = ordered + weak_extras

    def open_gap(skill: Skill) -> bool:
        rating = profile.ratings.get(skill.id)
        if rating is not None:
            return rating < rules.gap_below
        return skill.id not in profile.known_skills

    def weakness(item: tuple[int, Skill]) -> tuple[int, int]:
        # a gap they say they lack comes first; a skill that usually carries over but that they doubt
        # ("some pytorch") waits behind the gaps the role centres on, unless they rated it
        index, skill = item
        lacking = skill.id in profile.lacking_skills and skill.id in gap_ids
        return (profile.ratings.get(skill.id, 1 if lacking else rules.unrated), index)

    remaining = [(i, s) for i, s in enumerate(candidates) if open_gap(s)]
    return [s for _, s in sorted(remaining, key=weakness)]


def doubted_transferable(
    kb: Knowledge, transition: Transition, profile: Profile, rules: DialogueRules
) -> list[str]:
    """Skills that usually carry over but that this person says they lack or rates low."""
    return [s.id for s in kb.transferable(transition.id)
            if s.id in profile.lacking_skills or profile.ratings.get(s.id, rules.gap_below) < rules.gap_below]


def strengths(kb: Knowledge, transition: Transition, profile: Profile, rules: DialogueRules) -> list[Skill]:
    """What this person does well, as far as we know: the skills that carry over, less those they doubt,
    then any gap they already cover. Their own words and ratings beat the role's defaults."""
    doubted = set(doubted_transferable(kb, transition, profile, rules))
    held = [s for s in kb.transferable(transition.id) if s.id not in doubted]
    covered = [s for s in gap_order(kb, transition)
               if profile.ratings.get(s.id, rules.gap_below if s.id in profile.known_skills else 0) >= rules.gap_below]
    return held + covered


def steps_for(transition: Transition, skills: list[Skill]) -> list[PlanStep]:
    """Plan steps that build any of these skills, in plan order; the whole plan if none name them."""
    wanted = {s.id for s in skills}
    matching = [step for step in transition.plan if wanted & set(step.skills)]
    return matching or list(transition.plan)


def training_step(transition: Transition, gaps: list[Skill]) -> PlanStep:
    """The plan step that builds the most gaps: its advice is what "what to learn first" rests on."""
    wanted = {s.id for s in gaps}
    return max(transition.plan, key=lambda step: len(wanted & set(step.skills)))


def estimated_timeline(transition: Transition, remaining: int, total: int) -> Range:
    """Scale the usual duration by the share of gaps left: fewer gaps, nearer the short end."""
    usual = transition.timeline.duration
    share = remaining / total if total else 0.0
    upper = usual.min + math.ceil((usual.max - usual.min) * share)
    return Range(min=usual.min, max=max(usual.min, upper), unit=usual.unit)


def salary_stages(kb: Knowledge, transition: Transition) -> list[dict[str, Any]]:
    """Each stage of the pay picture with the band it refers to, ready to print."""
    stages = []
    for stage in transition.salary.stages:
        role = kb.roles[stage.role]
        stages.append({"stage": stage, "role": role, "band": role.salary.band(stage.band)})
    return stages


def pay_against(salary: int | None, kb: Knowledge, transition: Transition) -> dict[str, Any] | None:
    """Their pay against the target role's bands: how far each band's ends are from it, in pounds
    (negative: less than now). The templates say it in words."""
    if salary is None:
        return None
    bands = kb.roles[transition.to_role].salary
    against: dict[str, Any] = {}
    for level in kb.levels:
        band = bands.band(level)
        if band is not None:
            against[level] = {"band": band, "low": band.min - salary, "high": band.max - salary}
    return {"now": salary, **against}


def range_against(quoted: tuple[int, int] | None, kb: Knowledge,
                  transition: Transition) -> dict[str, Any] | None:
    """A quoted pay range against the target role's bands: the levels whose band it overlaps."""
    if quoted is None:
        return None
    low, high = quoted
    bands = kb.roles[transition.to_role].salary
    levels = [{"level": level, "band": band} for level in kb.levels for band in [bands.band(level)]
              if band is not None and band.min <= high and low <= band.max]
    return {"low": low, "high": high, "levels": levels}


def profile_view(kb: Knowledge, profile: Profile, transition: Transition) -> dict[str, Any]:
    """The profile with ids resolved to names and pay set against the bands, as the templates print it."""
    return {
        "role": kb.roles.get(profile.current_role) if profile.current_role else None,
        "years": profile.years,
        "known": _skills(kb, profile.known_skills),
        "lacking": _skills(kb, profile.lacking_skills),
        "rating_of": dict(profile.ratings),
        "salary": profile.salary,
        "pay": pay_against(profile.salary, kb, transition),
        "location": profile.location,
        "hours": profile.hours_per_week,
        "empty": profile.model_copy(update={"last_learned": []}) == Profile(),
    }


def base_context(kb: Knowledge, state: DialogueState, rules: DialogueRules) -> dict[str, Any]:
    """Values shared by every template; topic handlers add the specifics (level, skill, item)."""
    transition = kb.transitions[state.transition]
    gaps = gap_order(kb, transition)
    known = {s.id for s in _skills(kb, state.profile.known_skills)}
    doubted = doubted_transferable(kb, transition, state.profile, rules)
    return {
        "transition": transition,
        "from_role": kb.roles[transition.from_role],
        "to_role": kb.roles[transition.to_role],
        "transferable": kb.transferable(transition.id),
        # transferable skills this person lacks or rates low, and what they do well instead
        "doubted": [kb.skills[s] for s in doubted],
        "held": [s for s in kb.transferable(transition.id) if s.id not in doubted],
        "strengths": strengths(kb, transition, state.profile, rules),
        "gaps": gaps,
        "known_gaps": [s for s in gaps if s.id in known],
        "priorities": still_to_build(kb, transition, state.profile, rules),
        "practising": state.mode == "practice",  # a mock interview is under way
        "plan": list(transition.plan),
        "training_step": training_step(transition, gaps),
        "cv_tips": list(transition.cv.tips),
        "habits": list(transition.success_habits),
        "mistakes": list(transition.mistakes),
        "motivations": list(transition.motivations),
        "faqs": list(transition.faqs),
        "stages": salary_stages(kb, transition),
        "levels": kb.levels,  # id -> level, lowest pay first: `levels[id].name` says one
        "profile": profile_view(kb, state.profile, transition),
        "skills": kb.skills,
        "roles": kb.roles,
        "level": None,
        "skill": None,
        "item": None,
    }
