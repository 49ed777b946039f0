"""Our own strong and weak answers to questions from the shipped bank, and gamed answers built from them.

A strong answer must clearly beat a weak one, and every way of gaming the scorer (shuffled words, keyword
lists however long, cue words in template sentences, fluent waffle, an answer to another question) must
score far below the real thing. None of these answers is a bank model answer.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from chatbot.feedback import Rubric, assess
from chatbot.knowledge import load_knowledge
from chatbot.knowledge.models import Question

ROOT = Path(__file__).resolve().parent.parent

PAIRS: dict[str, tuple[str, str]] = {
    "design-real-time-fraud-detection": (
        (
            "The hard constraint is the payment path, so I would start from a latency budget of about 50 "
            "ms at p99 for the whole scoring call, because the card network will not wait longer. "
            "Features would come from a streaming pipeline: Kafka carries every transaction, and a Flink "
            "job keeps rolling-window aggregates such as how many payments a card made in the last ten "
            "minutes, writing them to a low-latency online store that the scoring service reads by card "
            "id. Fraud is rare, well under one percent of payments, so I would train on the imbalanced "
            "data with class weights and pick the decision threshold from the cost of a false positive "
            "against a missed fraud, agreeing that trade-off with the risk team rather than chasing "
            "accuracy. If the model times out or the feature store is down, a simple rules engine acts as"
            " the fallback, and borderline scores go to manual review by analysts. Labels arrive late "
            "because chargebacks take weeks, so I would retrain weekly on matured labels and watch for "
            "drift in between. At my last company we used this split between a fast model and a review "
            "queue, and it cut the review backlog by about a third."
        ),
        (
            "I would build a machine learning model that looks at each payment and decides if it is "
            "fraud. It needs to be fast and accurate. I would use a good algorithm like XGBoost and train"
            " it on past data, and then put it in production so the bank can use it."
        ),
    ),
    "idempotent-pipelines": (
        (
            "A pipeline is idempotent when running it twice for the same input gives the same result as "
            "running it once, with no duplicate rows and no drift in the output. It matters because "
            "reruns are normal rather than exceptional: the scheduler retries a task after a timeout, "
            "someone reruns a day after fixing a bug, or we backfill a whole quarter, and every one of "
            "those must be safe. The main technique I use is to write each run into its own date "
            "partition and overwrite that partition instead of appending, or to upsert on a primary key "
            "with a merge when the table cannot be partitioned. The other half is determinism: the job "
            "should read its logical date from the orchestrator, never the current time, so a rerun next "
            "month processes exactly the same data interval. In my last role a retried Airflow task "
            "appended a day twice and inflated a revenue feature by roughly 8 percent; after I switched "
            "the job to insert overwrite on the run date partition, reruns stopped causing duplicates and"
            " backfills became routine."
        ),
        (
            "Idempotent means the pipeline is good and reliable. It is important because data needs to be"
            " correct. I would make sure the code has no bugs and test it properly so that it works every"
            " time."
        ),
    ),
    "reduce-inference-latency": (
        (
            "First I would measure before changing anything: I profile a single request end to end and "
            "split the time into preprocessing, the forward pass and network, looking at p50 and p99 "
            "rather than the average, because the bottleneck is often not the model. If the model itself "
            "dominates, I would make it cheaper with int8 quantisation or by distilling it into a smaller"
            " model, and check on a held-out set that the accuracy cost is acceptable, since that is the "
            "trade-off. Next I would export it to ONNX Runtime or TensorRT, which usually gives faster "
            "kernels for free. On the hardware side a GPU helps only if we keep it busy, so I would "
            "enable dynamic batching with a small maximum wait and warm the model up at start-up. "
            "Finally, many requests repeat, so a cache in front of the model avoids recomputing identical"
            " inputs. For example, at my previous company I quantised a BERT classifier and moved it to "
            "ONNX Runtime, which cut p99 latency from 120 ms to 45 ms with less than one point of "
            "accuracy lost."
        ),
        (
            "I would try to make the model faster by using a better computer and maybe making the model "
            "simpler. Deep learning models can be slow so it is important to think about speed."
        ),
    ),
    "online-versus-offline-store": (
        (
            "A feature store keeps two copies of the same features for two different jobs. The offline "
            "store holds the full history of feature values with timestamps, usually in a warehouse such "
            "as BigQuery or as Parquet files, and it is built for large volumes, so we read from it when "
            "we assemble training data and need the values as they were at each past moment. The online "
            "store keeps only the latest values, in a key-value database such as Redis or DynamoDB, "
            "because at serving time the model needs one row back within a few milliseconds. Each row is "
            "looked up by an entity key, for example a user id or a card id, so the service sends the key"
            " and gets the current features. A scheduled materialisation job loads fresh values from the "
            "offline side into the online store, which keeps training and serving on the same "
            "definitions. In my last project I set that job to run every hour with Feast, and our online "
            "features were never more than an hour stale."
        ),
        (
            "The offline store is for offline things and the online store is for online things. One is "
            "slower and one is faster. You use them with machine learning models in different situations."
        ),
    ),
    "deploy-a-model-on-kubernetes": (
        (
            "I would package the model API in a Docker image and describe it with a Deployment manifest "
            "running three replicas, so Kubernetes keeps that many pods alive and replaces any that die. "
            "In front of the pods I would put a Service so they share one stable address, and an Ingress "
            "or a load balancer to expose it outside the cluster. Each container gets a readiness probe "
            "that only passes once the model has loaded, so no traffic reaches a cold pod, and a liveness"
            " probe that restarts a pod that hangs. Configuration such as the model version goes into a "
            "ConfigMap and credentials into a Secret, both injected as environment variables, which means"
            " the same image runs in staging and production. I would also set resource requests and "
            "limits for CPU and memory, because the scheduler needs the requests to place pods and the "
            "limits stop one pod starving its neighbours. When I deployed a churn model this way last "
            "year, the readiness probe alone removed the burst of errors we used to see after every "
            "release."
        ),
        (
            "I would put the model in Docker and then run it on Kubernetes. Kubernetes is good because it"
            " handles everything automatically and it is what most companies use now."
        ),
    ),
    "why-machine-learning-engineering": (
        (
            "In my current role as a data scientist, the part of the work I enjoy most is what happens "
            "after the notebook: turning a model into something that runs reliably in production. Last "
            "year I built the training pipeline and a small FastAPI service for our churn model, "
            "containerised it, and added monitoring so we would see drift early, and that project "
            "energised me far more than another round of analysis. Machine learning engineering is "
            "exactly that work full-time: owning systems end to end, from training pipelines to serving "
            "infrastructure, and thinking about reliability, latency and trade-offs at scale. I am moving"
            " toward that because I want to build those systems properly, not because I want to escape "
            "data science. My experience with Python, scikit-learn and PyTorch transfers directly, and my"
            " background in evaluating models means I already think about what can go wrong with them. I "
            "am still deepening Kubernetes and systems design, and I am closing that gap with a portfolio"
            " project that serves a model on a small cluster."
        ),
        (
            "I think maybe it is sort of a good next step for me. Data science is getting a bit boring "
            "and machine learning engineers get better pay, so I guess it makes sense to move."
        ),
    ),
    "model-failed-in-production": (
        (
            "At my last company we had a demand forecasting model that fed the weekly stock orders for "
            "about two hundred stores. A few weeks after launch, our monitoring dashboard showed the "
            "error creeping up, and store managers started sending complaints about empty shelves. My "
            "task was to find out why and stop the damage quickly. I investigated by comparing the live "
            "input features with the training data, and I found drift in one feature: a supplier had "
            "changed the format of their delivery dates, so the lead-time feature was silently wrong. As "
            "a first step I rolled back to the previous model version and patched the parsing code, then "
            "I retrained on corrected data. To prevent a repeat, I added validation checks on the "
            "incoming feeds and a new alert on feature distributions, and wrote a short post-mortem for "
            "the team. As a result forecast error dropped back to its usual level within a week, and the "
            "same checks have since caught two other feed changes before they reached the model."
        ),
        (
            "Once a model did not work well. I looked at it and fixed the problem, and after that it was "
            "fine again. I learned that models need to be watched."
        ),
    ),
    "why-leaving-data-science": (
        (
            "I am not really leaving data science so much as moving toward the part of it I enjoy most. "
            "Over four years as a data scientist I learned how to frame problems, evaluate models "
            "honestly and explain results to the business, and that foundation is valuable to me. What I "
            "found, though, is that the work that energised me was getting models out of notebooks and "
            "into production. For example, last year I built the batch scoring pipeline for our pricing "
            "model and deployed it behind a small API with monitoring, and that project took our weekly "
            "refresh from two days of manual steps to an automated run of about forty minutes. I want to "
            "build that kind of reliable, end-to-end system every day, own the infrastructure around a "
            "model and care about serving and reliability as much as accuracy. Machine learning "
            "engineering is the natural next step for that, and everything I learned as a data scientist "
            "carries straight into it."
        ),
        (
            "Honestly I'm a bit tired of data science. It's mostly making slides and nobody uses the "
            "models, so I want something different and I heard engineering pays more."
        ),
    ),
    "disagreement-with-a-colleague": (
        (
            "On my last team a senior engineer and I disagreed about how to serve a new recommendation "
            "model. He preferred to rewrite the feature logic in Java inside the existing service, while "
            "I wanted to keep the Python pipeline and call it through a small API, because my concern was"
            " that two implementations would drift apart. Rather than argue in meetings, I listened to "
            "his worry, which was latency, and suggested we settle it with evidence. I built a quick "
            "prototype of my approach and we benchmarked both options on a copy of production traffic, "
            "measuring p95 latency and comparing the features each produced. The Python service came in "
            "at 40 ms against his 25 ms, but the Java rewrite disagreed with the training features on "
            "three percent of requests. We agreed on a compromise: keep one Python definition, and cache "
            "the expensive features to close most of the latency gap. The lesson I learned was to turn a "
            "disagreement into a shared experiment early, because the data made the decision easy for "
            "both of us."
        ),
        (
            "I disagreed with a colleague once about something technical. We talked about it and in the "
            "end it was fine. I think communication is very important in a team."
        ),
    ),
}

GAP_SKILLS = (
    "ml-systems-design",
    "data-pipelines-etl",
    "model-serving",
    "feature-stores",
    "kubernetes-docker",
)
STORY_CATEGORIES = ("career-change", "behavioural")
ABOUT_A_CAREER = "why-leaving-data-science"
ABOUT_KUBERNETES = "deploy-a-model-on-kubernetes"

WAFFLE = (
    "I am a very passionate and hard-working person and I always give one hundred percent. I believe my "
    "dedication and enthusiasm make me a great fit for any team. I love learning new things and I am always "
    "eager to grow. I work well with others and I never give up when things get difficult. People say I "
    "am positive and reliable, and I always do my best in every situation."
)


@pytest.fixture(scope="module")
def rubric() -> Rubric:
    return Rubric.load(ROOT / "data" / "rubric.yaml")


@pytest.fixture(scope="module")
def questions() -> dict[str, Question]:
    return dict(load_knowledge(ROOT / "data").questions)


def shuffled(text: str, seed: int) -> str:
    words = text.split()
    random.Random(seed).shuffle(words)
    return " ".join(words)


def cues(question: Question) -> list[str]:
    return [cue for point in question.talking_points for cue in point.cues]


def gamed(question: Question, strong: str) -> dict[str, str]:
    """Answers that contain the right words without making the points."""
    other = ABOUT_KUBERNETES if question.category != "technical" else ABOUT_A_CAREER
    return {
        **{f"shuffled-{seed}": shuffled(strong, seed) for seed in range(3)},
        "comma-list": ", ".join(cues(question)),
        "line-list": "\n".join(cues(question)),
        "space-list-x20": " ".join(cues(question) * 20),
        "comma-list-x20": (", ".join(cues(question)) + ". ") * 20,
        "cue-sentences": " ".join(f"{p.cues[0].capitalize()} is important." for p in question.talking_points),
        "cue-template": " ".join(
            f"I have worked with {p.cues[0]} and I know {p.cues[-1]} well." for p in question.talking_points
        ),
        "waffle": WAFFLE,
        "off-topic": PAIRS[other][0],
    }


def test_the_pairs_cover_every_gap_skill_and_both_story_categories(questions):
    asked = [questions[qid] for qid in PAIRS]
    for skill in GAP_SKILLS:
        assert any(skill in q.skills and q.category == "technical" for q in asked), skill
    for category in STORY_CATEGORIES:
        assert sum(q.category == category for q in asked) >= 2, category


@pytest.mark.parametrize("qid", list(PAIRS))
def test_a_strong_answer_scores_well_and_clearly_beats_a_weak_one(rubric, questions, qid):
    strong, weak = PAIRS[qid]
    strong_score = assess(questions[qid], strong, rubric).score
    weak_score = assess(questions[qid], weak, rubric).score
    assert strong_score >= 75
    assert strong_score - weak_score >= 25


@pytest.mark.parametrize("qid", list(PAIRS))
def test_gamed_answers_score_far_below_the_strong_answer(rubric, questions, qid):
    question = questions[qid]
    strong = assess(question, PAIRS[qid][0], rubric).score
    scores = {
        name: assess(question, text, rubric).score for name, text in gamed(question, PAIRS[qid][0]).items()
    }
    too_close = {name: s for name, s in scores.items() if strong - s < 30}
    assert not too_close, f"strong {strong}: {too_close}"


@pytest.mark.parametrize("qid", list(PAIRS))
def test_lists_and_shuffles_make_no_talking_point(rubric, questions, qid):
    question = questions[qid]
    for name, text in gamed(question, PAIRS[qid][0]).items():
        if "list" in name or "shuffled" in name:
            assert assess(question, text, rubric).covered == (), name


def test_every_bank_model_answer_beats_its_gamed_versions(rubric, questions):
    """A regression guard over the whole bank: outlines of real answers against their gamed forms.
    The outlines are short and dense, so shuffles are judged by their median over three seeds."""
    for question in questions.values():
        model = " ".join(question.model_answer)
        real = assess(question, model, rubric).score
        shuffles = sorted(assess(question, shuffled(model, seed), rubric).score for seed in range(3))
        assert real - shuffles[1] >= 20, question.id
        for text in (", ".join(cues(question)) * 5, WAFFLE):
            assert real - assess(question, text, rubric).score >= 20, question.id


def test_every_bank_question_asks_for_an_answer_when_there_is_none(rubric, questions):
    for question in questions.values():
        for text in ("", "ok", "qwrtp zxcvb plkjh"):
            feedback = assess(question, text, rubric)
            assert feedback.needs_answer and feedback.score <= 10, (question.id, text)
