"""The shipped knowledge base loads, and every fact and figure of the DS -> MLE move is present as data."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pydantic
import pytest

from chatbot.knowledge import Knowledge, load_knowledge

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
MOVE = "data-scientist-to-machine-learning-engineer"
GAP_SKILLS = [
    "ml-systems-design",
    "data-pipelines-etl",
    "model-serving",
    "feature-stores",
    "kubernetes-docker",
]
TRANSFERABLE = [
    "python-data-stack",
    "deep-learning-frameworks",
    "analytical-thinking",
    "structured-communication",
    "project-coordination",
]
SKILL_NAMES = {
    "python-data-stack": "Python (NumPy, pandas, scikit-learn)",
    "deep-learning-frameworks": "Deep learning frameworks (TensorFlow/PyTorch)",
    "ml-systems-design": "ML systems design and architecture",
    "data-pipelines-etl": "Data pipelines and ETL",
    "model-serving": "Model serving and inference optimisation",
    "feature-stores": "Feature engineering and feature stores",
    "kubernetes-docker": "Kubernetes and Docker",
    "analytical-thinking": "Analytical thinking",
    "structured-communication": "Structured communication",
    "project-coordination": "Project coordination",
}


@pytest.fixture(scope="module")
def kb() -> Knowledge:
    return load_knowledge(DATA_DIR)


@pytest.fixture(scope="module")
def move(kb):
    return kb.transitions[MOVE]


def text_of(*parts: str) -> str:
    return " ".join(parts)


def band(kb, role, level):
    found = kb.roles[role].salary.band(level)
    return None if found is None else (found.min, found.max, found.open_ended)


def test_default_transition_is_the_products_move(kb):
    assert kb.default_transition == MOVE
    assert set(kb.roles) == {"data-scientist", "machine-learning-engineer"}


def test_salary_bands_are_integers_in_gbp_exactly_as_documented(kb):
    assert band(kb, "data-scientist", "mid") == (50000, 80000, False)
    assert band(kb, "machine-learning-engineer", "entry") == (34000, 48000, False)
    assert band(kb, "machine-learning-engineer", "mid") == (55000, 85000, False)
    assert band(kb, "machine-learning-engineer", "senior") == (90000, 160000, True)
    assert kb.roles["data-scientist"].salary.currency == "GBP"


def test_only_documented_salary_bands_exist(kb):
    assert band(kb, "data-scientist", "entry") is None
    assert band(kb, "data-scientist", "senior") is None


def test_salary_prose_quotes_the_same_numbers_as_the_bands(move):
    for figure in ("£50,000–£80,000", "£34,000–£48,000", "£55,000–£85,000", "£90,000–£160,000+"):
        assert figure in move.salary.summary


def test_machine_learning_engineer_has_the_aliases_people_use(kb):
    aliases = {a.lower() for a in kb.roles["machine-learning-engineer"].aliases}
    assert {"ml engineer", "mle", "mlops engineer", "ai engineer", "machine learning engineer"} <= aliases


def test_interviewers_look_for_systems_thinking_and_ml_depth(kb):
    looked_for = [x.lower() for x in kb.roles["machine-learning-engineer"].interviewers_look_for]
    assert looked_for == ["systems thinking at scale", "ml depth and breadth"]


def test_each_role_has_its_day_to_day_and_rhythm(kb):
    ds, mle = kb.roles["data-scientist"], kb.roles["machine-learning-engineer"]
    assert len(ds.day_to_day) == 2 and len(mle.day_to_day) == 2
    assert all(word in ds.rhythm for word in ("sprint", "standups", "iterations"))
    assert all(word in mle.rhythm for word in ("delivery", "code reviews", "reliable"))
    ds_detail = text_of(*(a.detail for a in ds.day_to_day))
    assert all(m in ds_detail for m in ("accuracy", "precision", "recall", "F1"))
    mle_detail = text_of(*(a.detail for a in mle.day_to_day))
    assert all(tool in mle_detail for tool in ("Spark", "Kafka", "Tecton", "Feast"))


def test_the_ten_skills_carry_their_documented_names(kb):
    assert {sid: s.name for sid, s in kb.skills.items()} == SKILL_NAMES


def test_transferable_and_gap_skills_are_derived_from_the_roles(kb):
    assert [s.id for s in kb.transferable(MOVE)] == TRANSFERABLE
    assert [s.id for s in kb.gaps(MOVE)] == GAP_SKILLS


def test_two_technical_skills_transfer_directly(kb):
    technical = [s.id for s in kb.transferable(MOVE) if s.kind == "technical"]
    assert technical == ["python-data-stack", "deep-learning-frameworks"]


def test_every_transferable_and_gap_skill_has_a_note_for_this_move(kb, move):
    assert list(move.transfer_notes) == TRANSFERABLE
    assert list(move.gap_notes) == GAP_SKILLS


def test_gap_skills_say_how_to_build_evidence_and_what_the_interview_bar_is(kb):
    for skill in kb.gaps(MOVE):
        evidence = text_of(*skill.build_evidence)
        needles = ("Udemy", "Coursera", "bootcamp", "2-3 portfolio projects", "open-source", "certification")
        for needle in needles:
            assert needle in evidence, (skill.id, needle)
        assert "bluff" in skill.interview_bar and "foundational" in skill.interview_bar


def test_skill_usage_covers_every_role_that_lists_the_skill(kb):
    for role in kb.roles.values():
        for skill_id in role.skills:
            assert role.id in kb.skills[skill_id].usage, (skill_id, role.id)


def test_skill_aliases_do_not_point_at_two_skills(kb):
    owners: dict[str, str] = {}
    for skill in kb.skills.values():
        for alias in skill.aliases:
            assert owners.setdefault(alias.lower(), skill.id) == skill.id, alias


@pytest.mark.parametrize(
    ("skill", "alias"),
    [
        ("python-data-stack", "pandas"),
        ("python-data-stack", "numpy"),
        ("python-data-stack", "sklearn"),
        ("deep-learning-frameworks", "pytorch"),
        ("deep-learning-frameworks", "tensorflow"),
        ("kubernetes-docker", "k8s"),
        ("kubernetes-docker", "docker"),
        ("data-pipelines-etl", "etl"),
        ("data-pipelines-etl", "airflow"),
        ("data-pipelines-etl", "spark"),
        ("data-pipelines-etl", "kafka"),
        ("feature-stores", "feast"),
        ("feature-stores", "tecton"),
        ("model-serving", "inference"),
        ("model-serving", "serving"),
        ("ml-systems-design", "system design"),
    ],
)
def test_skills_know_the_words_people_type(kb, skill, alias):
    assert alias in kb.skills[skill].aliases


def test_realism_is_moderate_and_names_patience_as_the_risk(move):
    assert move.realism.difficulty == "moderate"
    assert "patience" in move.realism.biggest_risk and "six-month sprint" in move.realism.biggest_risk
    assert "first machine learning engineering job" in move.realism.who_succeeds


def test_timeline_is_six_to_twelve_months(move):
    duration = move.timeline.duration
    assert (duration.min, duration.max, duration.unit) == (6, 12, "months")
    assert len(move.timeline.phases) == 2


def test_motivations_cover_the_ceiling_the_rhythm_and_the_pay_comparison(move):
    by_id = {m.id: m.detail for m in move.motivations}
    assert all(w in by_id["ceiling"] for w in ("salary", "progression", "variety", "satisfying"))
    assert "£55,000–£85,000" in by_id["earning-potential"] and "£50,000–£80,000" in by_id["earning-potential"]
    assert "project-driven" in by_id["daily-rhythm"]


EXPECTED_FRAMES = [
    ("Week 1-2", "week", 1, 2),
    ("Week 2-4", "week", 2, 4),
    ("Month 2-4", "month", 2, 4),
    ("Month 3-6", "month", 3, 6),
    ("Month 5-7", "month", 5, 7),
    ("Month 7-10", "month", 7, 10),
    ("Ongoing", "ongoing", None, None),
]


def test_the_plan_has_seven_steps_with_the_documented_time_frames(move):
    frames = [(s.timeframe.label, s.timeframe.unit, s.timeframe.start, s.timeframe.end) for s in move.plan]
    assert frames == EXPECTED_FRAMES


@pytest.mark.parametrize(
    ("step", "figures"),
    [
        ("audit-transferable-skills", ["2 directly transferable"]),
        ("research-roles", ["20+", "80%+", "2-3", "Indeed", "LinkedIn"]),
        ("build-missing-skills", ["2-3 skill gaps", "Udemy", "Coursera", "freeCodeCamp"]),
        ("gain-practical-experience", ["3-4", "open-source", "freelance or volunteer"]),
        ("reposition-cv", ["LinkedIn headline", "cover letter"]),
        ("target-bridging-roles", ["bridging positions", "internal transfer", "quality over quantity"]),
        (
            "prepare-for-interviews",
            ["Why are you making this change?", "What makes you think you can do this role?"],
        ),
    ],
)
def test_plan_steps_keep_their_specifics(move, step, figures):
    found = {s.id: s for s in move.plan}[step]
    words = text_of(found.summary, *found.actions)
    for figure in figures:
        assert figure in words, (step, figure)


def test_plan_steps_that_build_skills_name_them(move):
    skills = {s.id: s.skills for s in move.plan}
    assert skills["build-missing-skills"] == GAP_SKILLS
    assert skills["gain-practical-experience"] == GAP_SKILLS


def test_salary_picture_dip_and_catch_up(move):
    dip, catch_up = move.salary.dip_duration, move.salary.catch_up
    assert (dip.min, dip.max, dip.unit) == (12, 18, "months")
    assert (catch_up.min, catch_up.max, catch_up.unit) == (2, 4, "years")
    stages = [(s.role, s.band) for s in move.salary.stages]
    assert stages == [
        ("data-scientist", "mid"),
        ("machine-learning-engineer", "entry"),
        ("machine-learning-engineer", "mid"),
        ("machine-learning-engineer", "senior"),
    ]


def test_applications_needed_are_two_to_three_times_more(move):
    multiplier = move.application_multiplier
    assert (multiplier.min, multiplier.max, multiplier.unit) == (2, 3, "times")
    assert "2-3x" in {h.id: h.detail for h in move.success_habits}["patience"]


def test_cv_advice_two_pages_ten_seconds(move):
    assert move.cv.max_pages == 2 and move.cv.scan_seconds == 10
    tips = {t.id: t.detail for t in move.cv.tips}
    assert "Key Skills" in tips["key-skills-section"] and "Core Competencies" in tips["key-skills-section"]
    layout = tips["functional-or-chronological"]
    assert "functional" in layout and "chronological" in layout
    assert {"lead-with-summary", "training-section", "two-pages", "rewrite-bullets"} <= set(tips)


def test_interview_framing(move):
    interview = move.interview
    assert {"Why are you leaving data science?", "Why machine learning engineering?",
            "What makes you think you can do this role?"} <= set(interview.recurring_questions)
    assert "moving toward" in interview.principle
    weak = " ".join(interview.weak_reasons)
    assert "bored" in weak and "better pay" in weak
    examples = interview.examples_to_prepare
    assert (examples.min, examples.max, examples.unit) == (4, 5, "examples")
    assert "[measurable outcome]" in interview.example_template
    assert "apologise" in interview.tone and "oversell" in interview.tone


def test_qualifications_platforms_and_cloud_certifications(move):
    quals = move.qualifications
    assert quals.platforms == ["Udemy", "Coursera", "Codecademy", "freeCodeCamp"]
    certs = text_of(*quals.certifications)
    assert all(cloud in certs for cloud in ("AWS", "Azure", "GCP"))
    assert "qualification-agnostic" in quals.summary
    assert "portfolio" in quals.portfolio_note


def test_five_success_habits_and_six_mistakes(move):
    assert [h.id for h in move.success_habits] == [
        "project-milestones", "networking", "honest-interviews", "financial-stability", "patience"]
    assert [m.id for m in move.mistakes] == [
        "underselling", "one-step-leap", "copied-cv",
        "no-networking", "only-technical-gaps", "no-negotiation",
    ]


def test_six_faqs_with_their_figures(move):
    faqs = {f.id: f.answer for f in move.faqs}
    assert list(faqs) == ["is-it-realistic", "pay-cut", "qualifications-needed", "explain-the-change",
                          "retrain-or-work", "how-long"]
    assert "6-12 months" in faqs["is-it-realistic"] and "moderate" in faqs["is-it-realistic"]
    assert "2-4 years" in faqs["pay-cut"] and "£90,000–£160,000+" in faqs["pay-cut"]
    assert "2-3" in faqs["qualifications-needed"]
    assert "3-4" in faqs["explain-the-change"]
    assert "four-day week" in faqs["retrain-or-work"]
    assert "6-12 months" in faqs["how-long"]


def test_working_while_transitioning(move):
    assert "four-day week" in move.working_while_changing
    assert "CV" in move.working_while_changing


def test_loaded_knowledge_cannot_be_changed(kb):
    with pytest.raises(TypeError):
        kb.roles["intruder"] = kb.roles["data-scientist"]  # type: ignore[index]
    with pytest.raises(dataclasses.FrozenInstanceError):
        kb.default_transition = "x"  # type: ignore[misc]
    with pytest.raises(pydantic.ValidationError):
        kb.skills["model-serving"].name = "changed"  # type: ignore[misc]


def test_questions_for_filters_by_skill_category_and_transition(kb):
    serving = kb.questions_for(skill="model-serving")
    assert serving and all("model-serving" in q.skills for q in serving)
    technical_serving = kb.questions_for(skill="model-serving", category="technical")
    assert technical_serving and all(q.category == "technical" for q in technical_serving)
    assert len(technical_serving) < len(serving)
    assert kb.questions_for(skill="no-such-skill") == []
    career = kb.questions_for(category="career-change")
    assert kb.questions_for(category="career-change", transition=MOVE) == career
    assert kb.questions_for(transition="no-such-move") == []
    assert kb.questions_for() == list(kb.questions.values())


def test_unknown_transition_is_a_key_error(kb):
    with pytest.raises(KeyError):
        kb.gaps("astronaut-to-chef")
