"""Profiles for missed targets: re-run the workload that missed under pyinstrument and condense it."""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from bench import INTENTS_DIR
from bench.child import run_module
from bench.corpus import Corpus
from bench.engine_turns import feedback_inputs, load_engine, transition_inputs
from bench.profiling import profile
from bench.request_path import SERVICE, apps, poster, turn_inputs
from bench.synthetic import invented_words, synthetic_intents, write_intents_dir

CALLS = 1000  # enough samples to rank hotspots; profiling slows every call several times over
HTTP_TURNS = 300


def engine_turn(corpus: Corpus) -> dict[str, Any]:
    engine = load_engine()
    inputs = transition_inputs(engine, corpus, CALLS)
    return profile("engine-turn", lambda item: engine.respond(*item), inputs, CALLS).to_dict()


def feedback_300(corpus: Corpus) -> dict[str, Any]:
    engine = load_engine()
    inputs = feedback_inputs(engine, corpus, 300, CALLS // 4)
    return profile("feedback-300", lambda item: engine.respond(*item), inputs, CALLS // 4).to_dict()


def startup(_corpus: Corpus) -> dict[str, Any]:
    """In a fresh interpreter, so imports and first loads are what is profiled."""
    from bench.startup import import_costs

    return run_module("bench.diagnosis", "startup-child") | {"imports": import_costs()}


def _startup_child() -> dict[str, Any]:
    def load(_: object) -> None:
        from chatbot.dialogue import Engine
        from bench import DATA_DIR

        Engine.load(DATA_DIR, INTENTS_DIR)

    return profile("startup", load, [None], 1, top=12).to_dict()


def intents_x100(corpus: Corpus) -> dict[str, Any]:
    from chatbot.nlu import IntentSet, Matcher

    base = IntentSet.load(INTENTS_DIR)
    extra = synthetic_intents(base.intents, 99, invented_words(corpus.synthetic["syllables"]))
    with tempfile.TemporaryDirectory(prefix="bench-intents-") as tmp:
        matcher = Matcher(IntentSet.load(write_intents_dir(INTENTS_DIR, Path(tmp) / "x100", extra)))
    return profile("intents-x100", matcher.match, corpus.transition_questions, CALLS // 5).to_dict()


def http_turn(backend: str, corpus: Corpus) -> dict[str, Any]:
    """The service's request path in process (Flask test client), on a throwaway database of `backend`."""
    conversation = corpus.conversation()
    with apps(backend, conversation) as made:
        client = made["service"].test_client()
        inputs = turn_inputs(client, SERVICE, conversation, HTTP_TURNS)
        return profile(f"http-{backend}", poster(client), inputs, HTTP_TURNS, top=10).to_dict()


PROFILES = {
    "engine_turn": engine_turn,
    "feedback_300": feedback_300,
    "startup": startup,
    "intents_x100": intents_x100,
    "http_sqlite": lambda corpus: http_turn("sqlite", corpus),
    "http_postgresql": lambda corpus: http_turn("postgresql", corpus),
}


def explain(missed: list[str], corpus: Corpus) -> dict[str, Any]:
    """A condensed profile for each missed target that has a workload to profile."""
    found: dict[str, Any] = {}
    for key in dict.fromkeys(missed):
        if key not in PROFILES:
            continue
        try:
            found[key] = PROFILES[key](corpus)
        except Exception as error:  # a failed profile must not lose the run's figures
            found[key] = {"error": f"{type(error).__name__}: {error}"}
    return found


if __name__ == "__main__" and sys.argv[1:] == ["startup-child"]:
    print(json.dumps(_startup_child()))
