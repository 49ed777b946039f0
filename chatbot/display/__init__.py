"""How stored messages are shown: parsed text blocks, highlighted answers, the open practice question.

Pure (no Flask): the API adds these fields to the messages it sends and the pages render the same
values, so the server is the one place that decides a reply's structure.
"""

from chatbot.display.messages import displayed, open_question

__all__ = ["displayed", "open_question"]
