"""Rule-based, explainable feedback on practice interview answers.

rubric = Rubric.load(Path("data/rubric.yaml"))
feedback = assess(question, answer, rubric, previous=None)
feedback.to_dict()   # the API's Feedback object
"""

from chatbot.feedback.result import Change, Criterion, Feedback, Highlight
from chatbot.feedback.rubric import Rubric
from chatbot.feedback.scorer import assess

__all__ = ["Change", "Criterion", "Feedback", "Highlight", "Rubric", "assess"]
