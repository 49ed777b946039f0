"""Feedback scoring through the public interface: shape, criteria, matching, explanations, retries, speed.

The questions here are built in the test so the behaviour is pinned independently of the question bank.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from chatbot.feedback import Feedback, Rubric, assess
from chatbot.knowledge.models import Question
from chatbot.yamlfiles import ContentError

ROOT = Path(__file__).resolve().parent.parent
RUBRIC_PATH = ROOT / "data" / "rubric.yaml"


def make_question(qid: str, category: str, points: list[tuple[str, str, list[str]]]) -> Question:
    return Question.model_validate(
        {
            "id": qid,
            "text": f"Practice question {qid}",
            "category": category,
            "skills": ["model-serving"],
            "talking_points": [
                {"id": pid, "label": label, "cues": cues, "tip": f"Tip for {label}."}
                for pid, label, cues in points
            ],
            "model_answer": ["First beat.", "Second beat."],
            "hint": f"Hint for {qid}.",
            "follow_up": f"Follow-up for {qid}?",
        }
    )


SERVING = make_question(
    "serve-under-a-latency-target",
    "technical",
    [
        ("budget", "Latency budget", ["latency budget", "p99 latency", "milliseconds", "response time"]),
        (
            "mode",
            "Online or batch",
            ["online inference", "batch inference", "precompute", "real-time serving"],
        ),
        ("shrink", "Model optimisation", ["quantisation", "distillation", "onnx", "smaller model"]),
        ("scale", "Scaling out", ["autoscaling", "replicas", "load balancer", "scale out"]),
        ("watch", "Monitoring", ["monitoring", "alerting", "dashboards", "drift"]),
    ],
)

STORY = make_question(
    "a-model-that-misbehaved",
    "behavioural",
    [
        ("detect", "How it was noticed", ["noticed", "alert", "dashboard", "complaints"]),
        ("cause", "Root cause", ["root cause", "investigated", "drift", "logs"]),
        ("fix", "The fix", ["rolled back", "retrained", "patched", "hotfix"]),
        ("prevent", "Prevention", ["prevent", "validation checks", "new alert", "post-mortem"]),
    ],
)

CAREER = make_question(
    "why-this-move",
    "career-change",
    [
        ("role", "Knows the role", ["end to end", "in production", "serving", "training pipelines"]),
        ("strengths", "Existing strengths", ["python", "pytorch", "scikit-learn", "my experience"]),
        ("interest", "Genuine interest", ["enjoy", "energised", "interested in", "curious"]),
    ],
)

SERVING_STRONG = (
    "First I would split the 100 ms target into a latency budget: about 20 ms for the network, 20 ms to "
    "fetch features and the rest for the model. Then I'd check whether we need online inference at all, "
    "because if inputs change slowly we can precompute scores in a nightly job and look them up. If it must "
    "be real-time, I would run several replicas behind a load balancer with autoscaling on request rate. "
    "The trade-off is cost: warm replicas are more expensive than scaling from zero, but cold starts would "
    "break the target. To make the model itself faster I'd try quantisation or an ONNX export and compare "
    "accuracy before and after. For example, in my last role I moved a ranking model to ONNX and cut p95 "
    "latency from 180 ms to 60 ms. Finally I'd add monitoring with dashboards for p99 latency and alerting "
    "when we breach the budget."
)

SERVING_WEAK = "I would put the model on a server and make sure it is fast enough for the users."

STORY_STRONG = (
    "At my last company we ran a demand forecast that set weekly stock orders for about two hundred shops. "
    "A few weeks after launch I noticed on our dashboard that the error was creeping up, and shop managers "
    "sent complaints about empty shelves. My task was to find the cause quickly and limit the damage. "
    "I investigated by comparing live inputs with the training data and found drift in one feature, "
    "because a supplier had changed its date format. I rolled back to the previous model, patched the "
    "parser and retrained on corrected data. To prevent a repeat I added validation checks on the feeds "
    "and a new alert on feature distributions. As a result the forecast error fell by 30% within a week."
)

CAREER_STRONG = (
    "In my current role as a data scientist, the part I enjoy most is what happens after the notebook: "
    "getting a model to run reliably in production. Last year I built the training pipelines and a small "
    "serving API for our churn model, and that work energised me more than another analysis. I am moving "
    "toward machine learning engineering because I want to own systems end to end. My experience with "
    "Python and PyTorch transfers directly, and it gives me a head start on the modelling side."
)


@pytest.fixture(scope="module")
def rubric() -> Rubric:
    return Rubric.load(RUBRIC_PATH)


def score(rubric: Rubric, question: Question, answer: str) -> Feedback:
    return assess(question, answer, rubric)


def test_every_category_weights_add_up_to_100(rubric):
    for row in rubric.spec.weights.values():
        assert sum(row.values()) == 100


def test_a_broken_rubric_is_refused_with_the_field_named(rubric):
    data = rubric.spec.model_dump()
    data["weights"]["technical"]["relevance"] += 1
    with pytest.raises(ContentError, match="weights"):
        Rubric.from_mapping(data)
    data = rubric.spec.model_dump()
    data["clarity"]["comments"]["length_short"] = "{nonsense} words"
    with pytest.raises(ContentError, match="nonsense"):
        Rubric.from_mapping(data)


def test_a_missing_rubric_file_is_a_rubric_error(tmp_path):
    with pytest.raises(ContentError, match=r"missing\.yaml"):
        Rubric.load(tmp_path / "missing.yaml")


def test_feedback_dict_has_the_api_shape(rubric):
    data = score(rubric, SERVING, SERVING_STRONG).to_dict()
    assert set(data) >= {
        "question_id",
        "score",
        "criteria",
        "talking_points",
        "tips",
        "highlights",
        "needs_answer",
        "summary",
    }
    assert "change" not in data
    assert data["question_id"] == SERVING.id
    assert isinstance(data["score"], int) and 0 <= data["score"] <= 100
    for criterion in data["criteria"]:
        assert set(criterion) == {"id", "label", "score", "max", "comment"}
        assert criterion["comment"]
    assert set(data["talking_points"]) == {"covered", "missed"}
    assert isinstance(data["summary"], str) and data["summary"]


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        (SERVING, SERVING_STRONG),
        (SERVING, SERVING_WEAK),
        (STORY, STORY_STRONG),
        (CAREER, CAREER_STRONG),
        (CAREER, SERVING_STRONG),
        (STORY, ""),
    ],
)
def test_criteria_add_up_to_the_score(rubric, question, answer):
    feedback = score(rubric, question, answer)
    assert sum(c.score for c in feedback.criteria) == feedback.score
    assert sum(c.max for c in feedback.criteria) == 100
    assert all(0 <= c.score <= c.max for c in feedback.criteria)


def test_framing_counts_only_for_career_change_questions(rubric):
    career = [c.id for c in score(rubric, CAREER, CAREER_STRONG).criteria]
    technical = [c.id for c in score(rubric, SERVING, SERVING_STRONG).criteria]
    assert career == ["relevance", "structure", "evidence", "framing", "clarity"]
    assert "framing" not in technical
    assert {c.id: c.max for c in score(rubric, SERVING, SERVING_STRONG).criteria}["relevance"] > 35


def test_strong_answers_score_well_and_beat_weak_ones(rubric):
    strong = score(rubric, SERVING, SERVING_STRONG)
    weak = score(rubric, SERVING, SERVING_WEAK)
    assert 70 <= strong.score <= 100
    assert strong.score - weak.score >= 25
    assert score(rubric, STORY, STORY_STRONG).score >= 70
    assert score(rubric, CAREER, CAREER_STRONG).score >= 70


def test_talking_points_are_reported_by_their_labels(rubric):
    feedback = score(rubric, SERVING, SERVING_STRONG)
    labels = {p.label for p in SERVING.talking_points}
    assert set(feedback.covered) | set(feedback.missed) == labels
    assert not set(feedback.covered) & set(feedback.missed)
    assert set(feedback.covered) == labels


def test_highlights_point_into_the_original_text(rubric):
    answer = "  ¡Olé! Ünïcode first.\n\n" + SERVING_STRONG
    feedback = score(rubric, SERVING, answer)
    assert feedback.highlights
    for h in feedback.highlights:
        assert answer[h.start : h.end] == h.text
        assert h.point in feedback.covered


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        ("We quantized the network to int8 and it kept its accuracy on the test set.", "Model optimisation"),
        ("I would add more replica pods and let the autoscaler scale them out at peak.", "Scaling out"),
        ("We relied on monitering and dashbords to spot problems in the live service.", "Monitoring"),
        ("Precomputing the scores overnight meant the service only had to look them up.", "Online or batch"),
    ],
)
def test_cues_match_through_stems_spelling_and_typos(rubric, sentence, label):
    assert label in score(rubric, SERVING, sentence).covered


def test_a_multi_word_cue_needs_its_words_in_order(rubric):
    in_order = score(rubric, SERVING, "We agreed a latency budget for each step of the request path.")
    reversed_ = score(
        rubric, SERVING, "The budget for the team was spent before we looked at request latency."
    )
    assert "Latency budget" in in_order.covered
    assert "Latency budget" not in reversed_.covered


def test_comments_quote_the_phrases_that_earned_credit(rubric):
    feedback = score(rubric, SERVING, SERVING_STRONG)
    comments = {c.id: c.comment for c in feedback.criteria}
    quote = rubric.spec.wording.quote.format(text="latency budget")
    assert quote in comments["relevance"]
    assert "ONNX" in comments["relevance"] or "quantisation" in comments["relevance"]
    weak = {c.id: c.comment for c in score(rubric, SERVING, SERVING_WEAK).criteria}
    for point in SERVING.talking_points:
        assert point.label in weak["relevance"]


def test_tips_are_few_concrete_and_follow_what_is_missing(rubric):
    weak = score(rubric, SERVING, SERVING_WEAK)
    assert 2 <= len(weak.tips) <= 4
    bank_tips = {p.tip for p in SERVING.talking_points}
    assert bank_tips & set(weak.tips)
    strong = score(rubric, SERVING, SERVING_STRONG)
    assert 2 <= len(strong.tips) <= 4
    assert not bank_tips & set(strong.tips)


@pytest.mark.parametrize(
    "answer", ["", "   \n ", "docker", "asdfgh qwrtzp zxcvbn", "I don't know", "idk idk idk"]
)
def test_no_real_answer_asks_for_one(rubric, answer):
    feedback = score(rubric, SERVING, answer)
    assert feedback.needs_answer
    assert feedback.score <= rubric.spec.limits.needs_answer_cap
    assert feedback.summary == rubric.spec.needs_answer.summary
    assert SERVING.hint in feedback.tips
    assert 2 <= len(feedback.tips) <= 4


def test_a_real_answer_does_not_ask_for_one(rubric):
    assert not score(rubric, SERVING, SERVING_WEAK).needs_answer
    assert not score(rubric, SERVING, SERVING_STRONG).needs_answer


def test_a_retry_that_adds_a_point_shows_what_changed(rubric):
    first = score(rubric, SERVING, SERVING_WEAK)
    retry = SERVING_WEAK + " I would also run replicas behind a load balancer and add autoscaling for peaks."
    second = assess(SERVING, retry, rubric, previous=first.to_dict())
    change = second.to_dict()["change"]
    assert change["previous_score"] == first.score
    assert change["delta"] == second.score - first.score > 0
    assert "Scaling out" in change["newly_covered"]
    assert change["no_longer_covered"] == []
    assert change["summary"]


def test_a_worse_retry_reports_points_no_longer_covered(rubric):
    first = score(rubric, SERVING, SERVING_STRONG)
    second = assess(SERVING, SERVING_WEAK, rubric, previous=first.to_dict())
    assert second.change is not None
    assert second.change.delta < 0
    assert set(second.change.no_longer_covered) == set(first.covered)


@pytest.mark.parametrize(
    "previous", [{"question_id": "other-question", "score": 50}, {"score": "high"}, {}, "junk"]
)
def test_an_unusable_previous_attempt_is_ignored(rubric, previous):
    feedback = assess(SERVING, SERVING_STRONG, rubric, previous=previous)  # type: ignore[arg-type]
    assert feedback.change is None


def test_filler_and_hedging_cost_clarity(rubric):
    clean = score(rubric, SERVING, SERVING_STRONG)
    noisy_text = SERVING_STRONG.replace(
        "First I would", "Um, so, basically, I think maybe I would sort of"
    ).replace("Then I'd", "Then, like, you know, I guess I'd")
    noisy = score(rubric, SERVING, noisy_text)
    clarity = {c.id: c for c in noisy.criteria}["clarity"]
    assert clarity.score < {c.id: c for c in clean.criteria}["clarity"].score
    assert "basically" in clarity.comment and "i guess" in clarity.comment


def test_apologising_for_the_background_costs_framing(rubric):
    sorry = CAREER_STRONG + " Sorry, I know I'm only a data scientist, so I am not a real engineer yet."
    framed = {c.id: c for c in score(rubric, CAREER, CAREER_STRONG).criteria}["framing"]
    apologetic = {c.id: c for c in score(rubric, CAREER, sorry).criteria}["framing"]
    assert apologetic.score < framed.score
    assert "Sorry" in apologetic.comment and "not a real engineer" in apologetic.comment


def test_denying_an_escape_is_not_an_apology(rubric):
    text = CAREER_STRONG + " I am not trying to escape data science; I want to build on it."
    framing = {c.id: c for c in score(rubric, CAREER, text).criteria}["framing"]
    assert framing.score == framing.max


def test_a_story_is_checked_for_star_parts(rubric):
    structure = {c.id: c for c in score(rubric, STORY, STORY_STRONG).criteria}["structure"]
    assert structure.score == structure.max
    thin = "I fixed a model once. It was broken and then it worked again after I retrained it on new data."
    thin_structure = {c.id: c for c in score(rubric, STORY, thin).criteria}["structure"]
    assert thin_structure.score < structure.max


def test_saying_the_same_sentence_again_earns_nothing(rubric):
    once = score(rubric, SERVING, SERVING_STRONG)
    twice = score(rubric, SERVING, SERVING_STRONG + " " + SERVING_STRONG)
    assert twice.score <= once.score
    assert "repeated" in {c.id: c for c in twice.criteria}["clarity"].comment


def test_each_question_is_compiled_once_per_rubric(rubric):
    assert rubric.compiled(SERVING) is rubric.compiled(SERVING)
    changed = SERVING.model_copy(update={"talking_points": SERVING.talking_points[:2]})
    assert rubric.compiled(changed).question is changed
    assert len(score(rubric, changed, SERVING_STRONG).covered) == 2


def test_a_keyword_list_dressed_as_a_sentence_makes_no_point(rubric):
    stuffed = "We used quantisation and autoscaling and monitoring and replicas and drift and dashboards."
    assert score(rubric, SERVING, stuffed).covered == ()


def test_a_template_repeated_with_other_cues_earns_only_once(rubric):
    template = (
        "In my job I often dealt with quantisation for the team. In my job I often dealt with autoscaling "
        "for the team. In my job I often dealt with monitoring for the team."
    )
    assert score(rubric, SERVING, template).covered == ("Model optimisation",)


def test_stock_phrases_earn_nothing_unless_something_specific_backs_them(rubric):
    waffle = "I am passionate about monitoring and I am a great team player who always does the best work."
    backed = (
        "I am passionate about monitoring, and in 2023 I built dashboards that cut our alert noise by half."
    )
    assert score(rubric, SERVING, waffle).covered == ()
    assert "Monitoring" in score(rubric, SERVING, backed).covered


def test_a_lowercase_forum_style_answer_is_judged_on_substance(rubric):
    casual = (
        "first i'd agree a latency budget with the team, maybe 20ms for features and the rest for the model. "
        "if inputs dont change much we can precompute scores in batch and just look them up, way cheaper. "
        "otherwise real-time serving with a few replicas behind a load balancer and autoscaling for peaks. "
        "to make the model faster i'd try quantisation or onnx and check the accuracy hit. at my last job "
        "we moved a ranking model to onnx and p95 went from 180ms to 60ms. then monitoring and alerting on "
        "p99 latency so we know when we blow the budget."
    )
    feedback = score(rubric, SERVING, casual)
    assert feedback.score >= 70
    assert len(feedback.covered) == len(SERVING.talking_points)


def test_short_verbs_ending_in_ing_are_not_read_as_scrambled_word_order(rubric):
    """"I bring", "we string" are fluent, like "I take" and "we chain"; "I learning" is not."""
    answer = ("At my last job I {v1} the model to production behind a load balancer with autoscaling for peaks. "
              "We {v2} the features together in a cache, and latency at p95 went from 180ms to 60ms.")
    ing = score(rubric, SERVING, answer.format(v1="bring", v2="string"))
    plain = score(rubric, SERVING, answer.format(v1="take", v2="chain"))
    broken = score(rubric, SERVING, answer.format(v1="learning", v2="building"))
    assert "scrambled" not in ing.criteria[0].comment and "scrambled" in broken.criteria[0].comment
    assert abs(ing.score - plain.score) <= 5 and broken.score < plain.score


@pytest.mark.parametrize("claim", ["I did exactly this at a retailer", "We did this at a retailer"])
def test_saying_you_did_it_counts_as_a_first_person_action(rubric, claim):
    base = ("To hit the latency budget I would keep online inference for the checkout path and precompute the rest. "
            "Quantisation shrinks the model, and autoscaling adds replicas when traffic climbs.")
    said = assess(SERVING, f"{base} {claim}, and the p99 latency fell from 300 to 90 milliseconds.", rubric)
    told = assess(SERVING, f"{base} This was done at a retailer, and the p99 latency fell from 300 to 90 milliseconds.",
                  rubric)
    evidence = {c.id: c for c in said.criteria}["evidence"]
    assert evidence.score > {c.id: c for c in told.criteria}["evidence"].score
    assert claim.split(" at ")[0].split()[0] in evidence.comment


@pytest.mark.parametrize("gain", ["it now saves the team an hour every morning", "each retrain is a day quicker"])
def test_one_of_a_unit_is_a_measurable_outcome(rubric, gain):
    base = ("At my last job I built the nightly scoring job for our churn model. I monitored it with dashboards "
            "and added an alert on p99 latency, and I rolled back twice when drift showed up.")
    counted = {c.id: c for c in assess(STORY, f"{base} As a result {gain}.", rubric).criteria}["evidence"]
    vague = {c.id: c for c in assess(STORY, f"{base} As a result things are better now.", rubric).criteria}["evidence"]
    assert counted.score > vague.score


def test_an_example_told_as_a_scene_counts_as_an_example(rubric):
    approach = ("First I would agree a latency budget in milliseconds, then serve the model online behind a "
                "load balancer with autoscaling, and watch it with dashboards and alerting.")
    scene = (" At a travel booking site the ranking model was served from one machine and searches timed out "
             "every Monday morning, and moving it behind two autoscaled replicas stopped the timeouts.")
    without = {c.id: c for c in score(rubric, SERVING, approach).criteria}
    told = {c.id: c for c in score(rubric, SERVING, approach + scene).criteria}
    assert told["evidence"].score > without["evidence"].score
    assert told["structure"].score > without["structure"].score
    assert "At a travel booking site" in told["evidence"].comment


def test_a_number_word_joined_to_its_unit_is_a_figure(rubric):
    base = ("First I would agree a latency budget in milliseconds and serve the model online behind a load "
            "balancer with autoscaling, watched with dashboards. On my last team that cut a {} release process.")
    evidence = {kind: {c.id: c for c in score(rubric, SERVING, base.format(kind)).criteria}["evidence"].score
                for kind in ("two-day", "slow")}
    assert evidence["two-day"] > evidence["slow"]
