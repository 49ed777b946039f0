"""A message while the self-assessment waits for a rating: a rating (of the skill asked about or of the ones
it names), a question answered before the rating is asked again, facts told on the way, or a request
for the plan."""

from __future__ import annotations

import re

from chatbot.dialogue import assessment, topics
from chatbot.dialogue.answering import answer_questions, answer_topic
from chatbot.dialogue.profile import learn, rated_skills
from chatbot.dialogue.resources import Resources
from chatbot.dialogue.state import DialogueState
from chatbot.dialogue.turns import Reply
from chatbot.dialogue.understanding import Understanding, understand
from chatbot.nlu.segments import sentence_clauses, sentences

ABOUT_ME = "about_me"


def assessment_reply(res: Resources, state: DialogueState, heard: Understanding) -> list[Reply]:
    """A rating moves the assessment on; a real question is answered and the rating asked again. A number,
    or a short hedged reply ("i think yes?", "maybe 2 out of 5?"), is a rating even with a question mark."""
    rating = assessment.rating_from(res, heard.entities)
    words = len(heard.text.split())
    short = words <= res.rules.command_max_words
    opening = sentences(heard.text)[:1]
    # "kind of? I use it every day but not sure I'm advanced", "probably? depends": a rating said doubtfully
    # ...and "not sure, maybe a little?", which opens with no question word
    doubtful = rating is not None and bool(opening) and opening[0].rstrip().endswith("?") and (
        len(opening[0].split()) < res.rules.command_max_words
        or len(opening[0].split()) < 2 * res.rules.command_max_words and not res.questions.opens_question(opening[0]))
    asking = res.questions.asks(heard.text, res.rules.answer_min_words) and \
        ("?" in heard.text or words >= res.rules.answer_min_words) and not doubtful
    told = False
    if not short:  # "..., i have 6 hours a week": facts told on the way count too
        learned = learn(state.profile, heard.text, res.knowledge, res.rules, res.extractor.extract)
        told, state.profile = learned.profile != state.profile, learned.profile
    # a question asked beside the rating ("a bit. is docker really needed?") names no skill that is rated
    beside = _beside(res, heard.text)
    rated_text = " ".join(s for s in sentences(heard.text) if s not in beside) or heard.text
    several = rated_skills(rated_text, res.rules, res.extractor.extract)
    if len(several) == 1 and state.assessment.current not in several \
            and _points_back_first(res, rated_text, next(iter(several))):
        several = {}  # "...done some part of it for our churn model deployment": "it" is the skill asked about
    named = res.extractor.extract(rated_text).skills if beside else heard.entities.skills
    if not several and rating is not None and len(named) == 1 and named[0] != state.assessment.current \
            and not _points_back_first(res, rated_text, named[0]):
        several = {named[0]: rating}  # "pipelines... maybe? we have airflow" rates pipelines, whatever was asked
    if len(several) >= 2 or (several and state.assessment.current not in several):
        # "docker a bit, kubernetes never" when asked about systems design rates Docker, not the design
        return [*_asked_beside(res, state, heard.text), assessment.record_several(res, state, several)]
    asked = [understand(res, part).answer for part in res.questions.parts(heard.text)]
    # a topic read in a rated answer ("a little. I've read about it more than done it") does not end it
    enders = res.rules.assessment_enders
    if (asking or heard.is_topic and rating is None) and any(answer in enders for answer in asked):
        return [assessment.plan(res, state)]  # "make me a plan", "what do I do first?": from what it has
    said = sentence_clauses(heard.text)
    # "make me a plan, i have 7 hours a week"; never a statement that only sounds like a topic ("yes, that's
    # most of my job" rates the skill)
    asking_clauses = [c for c in said if res.questions.is_question(c)
                      or re.match(res.rules.request_opening, c.strip(), re.IGNORECASE)]
    if len(said) > 1 and any(understand(res, c).answer in enders for c in asking_clauses):
        return [assessment.plan(res, state)]
    if re.search(res.rules.assessment_done, heard.text, re.IGNORECASE):
        return [assessment.plan(res, state)]  # "stop the assessment and show the plan"
    rated = heard.entities.rating is not None and words < res.rules.answer_min_words
    if asking and rating is not None and beside and assessment.rating_from(res, res.extractor.extract(rated_text)):
        # "a bit. is docker really needed?": the rating, and the question answered beside it
        return [*_asked_beside(res, state, heard.text), assessment.record(res, state, rating)]
    if asking and not (rating is not None and (rated or short)):
        answered = answer_questions(res, state, heard.text, heard)
        return [*answered, assessment.unclear(res, state, answered=bool(answered))]
    if rating is not None:
        return [*_asked_beside(res, state, heard.text), assessment.record(res, state, rating)]
    if heard.is_topic:
        return [answer_topic(res, state, heard), assessment.unclear(res, state, answered=True)]
    if told:  # "sorry, I said 5 years but really is 6": noted, then the rating asked again
        return [topics.compose(res, state, ABOUT_ME, ABOUT_ME), assessment.unclear(res, state, answered=True)]
    return [assessment.unclear(res, state)]


def _beside(res: Resources, text: str) -> list[str]:
    """The questions asked after a rating ("Serving - no, never. Feature store: what is this exactly?"); a
    doubtful rating ("kind of?") opens the message and asks nothing."""
    return [s for s in sentences(text)[1:] if s.rstrip().endswith("?")
            and len(s.split()) >= res.rules.command_max_words - 1]


def _asked_beside(res: Resources, state: DialogueState, text: str) -> list[Reply]:
    """Questions asked beside a rating are answered too, not lost."""
    asked = " ".join(_beside(res, text))
    return answer_questions(res, state, asked, understand(res, asked)) if asked else []


def _points_back_first(res: Resources, text: str, skill: str) -> bool:
    """"kind of, I have done some part of it for our churn model deployment": "it", before any other skill
    is named, is the skill asked about; the one named later is only where it was done."""
    pointer = re.search(r"\b(?:it|this|that)\b", text, re.IGNORECASE)
    return pointer is not None and skill not in res.extractor.extract(text[: pointer.start()]).skills
