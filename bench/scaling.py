"""How cost grows with content: intents x1, x10, x100 for classification; the question bank x1, x10.

A turn's cost should grow far slower than the content: more intents or questions must not mean a
proportionally slower match or lookup.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path
from typing import Any

from bench import DATA_DIR, INTENTS_DIR
from bench.corpus import Corpus
from bench.engine_turns import feedback_inputs, paired, practice_states
from bench.synthetic import invented_words, synthetic_intents, write_data_dir, write_intents_dir
from bench.timing import time_calls

INTENT_SCALES = (1, 10, 100)
BANK_SCALES = (1, 10)


def _seconds_since(start: int) -> float:
    return round((time.perf_counter_ns() - start) / 1e9, 3)


def intent_scaling(corpus: Corpus, calls: int, warmup: int) -> dict[str, Any]:
    """Matcher.match on the same real messages, with the real intents plus generated distinct ones."""
    from chatbot.nlu import IntentSet, Matcher

    base = IntentSet.load(INTENTS_DIR)
    texts = corpus.transition_questions
    words = invented_words(corpus.synthetic["syllables"])
    rows, reference = [], None
    with tempfile.TemporaryDirectory(prefix="bench-intents-") as tmp:
        for scale in INTENT_SCALES:
            extra = synthetic_intents(base.intents, scale - 1, words)
            folder = write_intents_dir(INTENTS_DIR, Path(tmp) / f"x{scale}", extra)
            started = time.perf_counter_ns()
            intents = IntentSet.load(folder)
            load_s = _seconds_since(started)
            started = time.perf_counter_ns()
            matcher = Matcher(intents)
            build_s = _seconds_since(started)
            stats = time_calls(matcher.match, texts, calls, warmup)
            names = [matcher.match(text).name for text in texts]
            reference = reference or names
            rows.append({"scale": scale, "intents": len(intents), "load_s": load_s, "build_s": build_s,
                         "match": stats.to_dict(),
                         "same_answers": _agreement(names, reference)})
    return {"rows": rows, "ratios": _ratios(rows, lambda r: r["match"]["median_us"]),
            "mean_ratios": _ratios(rows, lambda r: r["match"]["mean_us"])}


def _agreement(names: list[str | None], reference: list[str | None]) -> float:
    """The share of messages given the same intent (or the same "not understood") as at x1."""
    return round(sum(a == b for a, b in zip(names, reference)) / len(reference), 3)


def _ratios(rows: list[dict[str, Any]], measure) -> dict[str, float]:
    first = measure(rows[0])
    return {f"x{row['scale']}": round(measure(row) / first, 2) for row in rows[1:]} if first else {}


def bank_scaling(corpus: Corpus, calls: int, warmup: int) -> dict[str, Any]:
    """Question lookups and practice turns with the question bank x1 and x10."""
    from chatbot.dialogue import Engine
    from chatbot.knowledge import load_knowledge

    real = load_knowledge(DATA_DIR)
    words = invented_words(corpus.synthetic["syllables"], seed=11)
    frames = corpus.synthetic["question_frames"]
    skill = next(iter(real.skills))
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-bank-") as tmp:
        for scale in BANK_SCALES:
            folder = DATA_DIR if scale == 1 else write_data_dir(DATA_DIR, Path(tmp) / f"x{scale}", real,
                                                                 scale - 1, frames, words)
            engine = Engine.load(folder, INTENTS_DIR)
            kb = engine.knowledge
            opening = engine.open(None).state
            openers = paired([(opening, text) for text in corpus.practice_openers], calls + warmup)
            answers = feedback_inputs(engine, corpus, 150, calls + warmup)
            rows.append({
                "scale": scale,
                "questions": len(kb.questions),
                "asked": sorted(question["id"] for _, question in practice_states(engine, corpus)),
                "questions_for_skill": time_calls(lambda s: kb.questions_for(skill=s), [skill], calls,
                                                  warmup).to_dict(),
                "questions_for_category": time_calls(lambda c: kb.questions_for(category=c),
                                                     ["technical", "behavioural", "career-change"], calls,
                                                     warmup).to_dict(),
                "practice_start_turn": time_calls(lambda item: engine.respond(*item), openers, calls,
                                                  warmup).to_dict(),
                "feedback_turn_150": time_calls(lambda item: engine.respond(*item), answers, calls,
                                                warmup).to_dict(),
            })
    measures = ("questions_for_skill", "questions_for_category", "practice_start_turn", "feedback_turn_150")
    return {"rows": rows, "skill": skill,
            "same_questions_asked": all(r["asked"] == rows[0]["asked"] for r in rows),
            "ratios": {m: _ratios(rows, lambda r, m=m: r[m]["median_us"]) for m in measures}}
