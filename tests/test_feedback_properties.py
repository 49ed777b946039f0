"""Properties that hold for any text: feedback never fails, its numbers stay consistent, and making a
missed point in a proper sentence never lowers the score."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chatbot.feedback import Rubric, assess
from chatbot.knowledge.models import Question

ROOT = Path(__file__).resolve().parent.parent

QUESTION = Question.model_validate(
    {
        "id": "scale-a-prediction-service",
        "text": "How would you prepare a prediction service for ten times more traffic?",
        "category": "technical",
        "skills": ["model-serving", "kubernetes-docker"],
        "talking_points": [
            {
                "id": "measure",
                "label": "Measures first",
                "cues": ["load test", "profile", "bottleneck"],
                "tip": "Start with a load test to find the bottleneck.",
            },
            {
                "id": "scale",
                "label": "Scales out",
                "cues": ["replicas", "autoscaler", "horizontal scaling"],
                "tip": "Add replicas behind an autoscaler.",
            },
            {
                "id": "cost",
                "label": "Cuts cost per request",
                "cues": ["dynamic batching", "caching", "quantised"],
                "tip": "Lower the cost per request with batching or caching.",
            },
            {
                "id": "protect",
                "label": "Protects dependencies",
                "cues": ["timeouts", "fallback", "rate limit"],
                "tip": "Add timeouts and a fallback.",
            },
        ],
        "model_answer": ["Load test first.", "Then scale out."],
        "hint": "Measure, scale, cut cost, protect.",
        "follow_up": "What breaks first?",
    }
)

# One sentence of our own per talking point, each a plain, well-formed statement of that point.
MAKES_POINT = {
    "Measures first": "Before changing anything I would run a load test to find the real bottleneck.",
    "Scales out": "We kept the service stateless so an autoscaler could add replicas as requests grew.",
    "Cuts cost per request": "Dynamic batching on the GPU lowered what each request cost us by a third.",
    "Protects dependencies": "Each call to the feature store got strict timeouts and a cached fallback.",
}

OTHER_SENTENCES = [
    "I would first agree with the product team how much traffic growth to expect and by when.",
    "The model itself took about forty milliseconds per request on a warm container.",
    "In my last role we learned this the hard way during a seasonal sales peak.",
    "After the change the service handled the peak without paging anyone at night.",
    "The trade-off is that more machines cost more, so I would watch the bill closely.",
    "Um, basically it was sort of fine in the end, I guess.",
    "feature store, latency, kubernetes, docker, monitoring",
    "the of and the a to in",
]

SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def rubric() -> Rubric:
    return Rubric.load(ROOT / "data" / "rubric.yaml")


def check_consistent(feedback) -> None:
    data = feedback.to_dict()
    json.dumps(data)
    assert 0 <= data["score"] <= 100
    assert sum(c["score"] for c in data["criteria"]) == data["score"]
    assert sum(c["max"] for c in data["criteria"]) == 100
    assert all(0 <= c["score"] <= c["max"] for c in data["criteria"])
    assert 2 <= len(data["tips"]) <= 4
    labels = {p.label for p in QUESTION.talking_points}
    assert set(data["talking_points"]["covered"]) | set(data["talking_points"]["missed"]) == labels


any_text = st.text(alphabet=st.characters(codec="utf-8"), max_size=3000)


@SETTINGS
@given(answer=any_text)
def test_any_text_gives_consistent_feedback(rubric, answer):
    feedback = assess(QUESTION, answer, rubric)
    check_consistent(feedback)
    for h in feedback.highlights:
        assert answer[h.start : h.end] == h.text


@settings(max_examples=15, deadline=None)
@given(chunk=st.text(min_size=1, max_size=200), times=st.integers(min_value=200, max_value=1500))
def test_huge_text_gives_consistent_feedback(rubric, chunk, times):
    check_consistent(assess(QUESTION, chunk * times, rubric))


@SETTINGS
@given(answer=any_text)
def test_a_retry_with_the_same_text_changes_nothing(rubric, answer):
    first = assess(QUESTION, answer, rubric)
    again = assess(QUESTION, answer, rubric, previous=first.to_dict())
    assert again.change is not None
    assert again.change.delta == 0 and not again.change.newly_covered and not again.change.no_longer_covered


sentences = st.lists(st.sampled_from(OTHER_SENTENCES + list(MAKES_POINT.values())), max_size=12)


@SETTINGS
@given(base=st.one_of(sentences.map(" ".join), any_text), data=st.data())
def test_making_a_missed_point_never_lowers_the_score(rubric, base, data):
    before = assess(QUESTION, base, rubric)
    if not before.missed:
        return
    label = data.draw(st.sampled_from(before.missed))
    after = assess(QUESTION, base + "\n" + MAKES_POINT[label], rubric)
    assert after.score >= before.score


@SETTINGS
@given(picked=sentences)
def test_in_a_clean_answer_the_added_sentence_makes_its_point(rubric, picked):
    base = " ".join(s for s in picked if s in MAKES_POINT.values() or s[0].isupper())
    before = assess(QUESTION, base, rubric)
    for label in before.missed:
        after = assess(QUESTION, base + " " + MAKES_POINT[label], rubric)
        assert label in after.covered
        assert after.score > before.score
