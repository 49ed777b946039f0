"""The practice question bank and stateless feedback on an answer."""

from __future__ import annotations

from flask import jsonify, request

from chatbot.api import bp
from chatbot.api.inputs import json_body
from chatbot.conversations.typed import typed_text
from chatbot.dialogue.practice import question_json
from chatbot.errors import ApiError
from chatbot.extensions import coach_engine


@bp.get("/questions")
def list_questions():
    knowledge = coach_engine().knowledge
    category = request.args.get("category") or None
    skill = request.args.get("skill") or None
    if category is not None and category not in knowledge.categories:
        *others, last = knowledge.categories
        raise ApiError("unknown_category", f"category must be {', '.join(others)} or {last}.")
    if skill is not None and skill not in knowledge.skills:
        raise ApiError("unknown_skill", f"Unknown skill '{skill}'.")
    questions = knowledge.questions_for(skill=skill, category=category)
    return jsonify({"questions": [question_json(q) for q in questions]})


@bp.post("/feedback")
def feedback():
    data = json_body()
    question_id = data.get("question_id")
    if not isinstance(question_id, str) or not question_id:
        raise ApiError("invalid_field", "'question_id' is required and must be a string.")
    answer = typed_text(data.get("answer"), "answer")
    engine = coach_engine()
    question = engine.knowledge.questions.get(question_id)
    if question is None:
        raise ApiError("not_found", f"No practice question '{question_id}'.", 404)
    from chatbot.feedback import assess

    return jsonify({"feedback": assess(question, answer, engine.rubric, meaning=engine.resources.meaning).to_dict()})
