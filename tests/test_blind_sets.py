"""The blind sets, judged through the engine: what real people ask and how they answer.

The sets in tests/blind were written blind, by authors who never saw intents/, data/ or the engine. The
*_dev_*, *_final_*, *_final2_*, *_final3_* and *_final4_* sets have all been tuned against by now (the later
ones after they were first measured); so have the *_final5_* sets, the *_final6_* sets since the *_final7_*
sets were written, the *_final7_* sets since the *_final8_* sets were, and the *_final8_* sets since the
*_final9_* sets were, the *_final9_* sets since the *_final10_* sets were, and the *_final10_* sets since the
*_final11_* sets were (their failures were read then), the *_final11_* sets since the *_final12_* sets were
(their failures were read then too), the *_final12_* sets since the *_final13_* sets were (their failures
were read then), and the *_final13_* sets since the *_final14_* sets were (their failures were read then; they
were left out of intents/_phrasings.yaml, harvested from the sets up to final12, to check it), and the *_final14_*
sets since the *_final15_* sets were (their failures were read then), and the *_final15_* sets since the
*_final16_* sets were (their failures were read then, and intents/_phrasings.yaml was harvested with them),
and the *_final16_* sets since the *_final17_* sets were (on the same terms), and the *_final17_* sets since
the *_final18_* sets were (their failures were read, intents/_phrasings.yaml was harvested with them, and the
neighbouring questions of the bank were tuned on their answers).
The *_final18_* sets, written last, were committed unread and only measure (aggregates, never their
failures). The issue's
targets (95% of questions answered with their fact, 97% of strangers declined; Spearman 0.85 for
feedback) are not met yet: these floors sit just under today's figures, so a change that makes
understanding or feedback worse fails here, and docs/understanding.md records the figures.
"""

from __future__ import annotations

import pytest

from chatbot.feedback import assess
from tests.blind import judge

MESSAGE_FLOORS = {"dev": (0.86, 0.92), "final": (0.8, 0.88), "final2": (0.76, 0.84), "final3": (0.81, 0.88),
                  "final4": (0.83, 0.8), "final5": (0.77, 0.84), "final6": (0.85, 0.86),
                  "final7": (0.84, 0.75), "final8": (0.95, 0.9), "final9": (0.84, 0.82), "final10": (0.83, 0.88),
                  "final11": (0.87, 0.79), "final12": (0.88, 0.79), "final13": (0.8, 0.87),
                  "final14": (0.79, 0.9), "final15": (0.88, 0.94), "final16": (0.92, 0.93),
                  "final17": (0.91, 0.92), "final18": (0.91, 0.92)}
# Spearman against the grade
ANSWER_FLOORS = {"dev": 0.83, "final": 0.81, "final2": 0.8, "final3": 0.77, "final4": 0.73, "final5": 0.84,
                 "final6": 0.81, "final7": 0.83, "final8": 0.81, "final9": 0.88, "final10": 0.85, "final11": 0.86,
                 "final12": 0.89, "final13": 0.87, "final14": 0.87,
                 "final15": 0.82, "final16": 0.86, "final17": 0.86, "final18": 0.86}


@pytest.mark.parametrize("which", ["dev", "final", "final2", "final3", "final4", "final5", "final6",
                                   "final7", "final8", "final9", "final10", "final11", "final12", "final13",
                                   "final14", "final15", "final16", "final17", "final18"])
def test_questions_people_ask_get_their_facts_and_strangers_are_declined(engine, which):
    asked = judge.load(f"messages_{which}_in.yaml")["in_domain"]
    strangers = judge.load(f"messages_{which}_oos.yaml")["out_of_scope"]
    answered = sum(judge.judge_in_domain(engine, item).ok for item in asked) / len(asked)
    declined = sum(judge.judge_out_of_scope(engine, item).ok for item in strangers) / len(strangers)
    print(f"{which}: answered {answered:.1%} of {len(asked)}, declined {declined:.1%} of {len(strangers)}")
    floor_in, floor_out = MESSAGE_FLOORS[which]
    assert answered >= floor_in and declined >= floor_out


@pytest.mark.parametrize("which", ["dev", "final", "final2", "final3", "final4", "final5", "final6",
                                   "final7", "final8", "final9", "final10", "final11", "final12", "final13",
                                   "final14", "final15", "final16", "final17", "final18"])
def test_feedback_ranks_blind_answers_like_an_interviewer(engine, which):
    questions, res = engine.knowledge.questions, engine.resources
    items = judge.answers(*sorted(p.name for p in judge.HERE.glob(f"answers_{which}_*.yaml")),
                          *sorted(p.name for p in judge.HERE.glob(f"answers_{which}.yaml")))
    missing = sorted({i["question_id"] for i in items} - set(questions))
    assert not missing, f"blind answers to questions not in the bank: {missing}"
    scored = [(i, assess(questions[i["question_id"]], i["text"], res.rubric, meaning=res.meaning).score)
              for i in items]
    figures = judge.answer_figures(scored)
    print(which, figures)
    means = figures.mean_by_kind
    assert figures.spearman >= ANSWER_FLOORS[which]
    assert means["strong"] > means["adequate"] > means["weak"]
    assert means["plain"] > means["adequate"] and means["other_question"] < means["adequate"]
