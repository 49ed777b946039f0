"""The engine alone, in process: what one turn costs for a transition question and for practice feedback.

Every timed call starts with the encoder's cache empty, so the figures are those of text never seen."""

from __future__ import annotations

import copy
import itertools
import json
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from bench import DATA_DIR, INTENTS_DIR
from bench.corpus import Corpus
from bench.timing import summarise, time_calls

ANSWER_WORDS = (50, 150, 300)
Inputs = list[tuple[dict[str, Any], str]]


@dataclass(frozen=True)
class Counts:
    calls: int = 1000
    feedback_calls: int = 150
    warmup: int = 30


def cold(engine, call):
    """Each timed call starts with the encoder's cache empty: every message is new text, as in use."""
    encoder = engine.resources.encoder

    def run(item):
        encoder.clear_cache()
        return call(item)

    return run


def load_engine():
    from chatbot.dialogue import Engine

    return Engine.load(DATA_DIR, INTENTS_DIR)


def realistic_states(engine, corpus: Corpus) -> list[dict[str, Any]]:
    """A fresh session's state, and states two and five turns into a conversation."""
    state = engine.open(None).state
    states = [state]
    for text in corpus.transition_questions[:5]:
        state = engine.respond(state, text).state
        states.append(state)
    return [states[0], states[2], states[5]]


def paired(pairs: Sequence[tuple[dict[str, Any], str]], count: int) -> Inputs:
    """`count` inputs cycling over `pairs`, each with its own copy of the state so no call sees another's."""
    return [(copy.deepcopy(state), text) for state, text in itertools.islice(itertools.cycle(pairs), count)]


def transition_inputs(engine, corpus: Corpus, count: int) -> Inputs:
    states = realistic_states(engine, corpus)
    texts = corpus.transition_questions
    return paired([(states[n % len(states)], text) for n, text in enumerate(texts)], count)


def practice_states(engine, corpus: Corpus) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """(state, question) for each practice opener that led to a question being asked."""
    found = []
    for opener in corpus.practice_openers:
        turn = engine.respond(engine.open(None).state, opener)
        question = next((r.question for r in turn.replies if r.question), None)
        if question is not None:
            found.append((turn.state, question))
    return found


def feedback_inputs(engine, corpus: Corpus, words: int, count: int, variants: int = 4) -> Inputs:
    """Answers of `words` words, on the topic of the question just asked, in the state that asked it."""
    asked = practice_states(engine, corpus)
    pairs = [(state, corpus.answer(words, question.get("skills", ()), question.get("category"), seed=seed))
             for state, question in asked for seed in range(variants)]
    return paired(pairs, count) if pairs else []


def understood(engine, corpus: Corpus) -> dict[str, int]:
    """What the engine answered to each message, so a fast engine that understands nothing shows up."""
    state = engine.open(None).state
    intents = Counter(engine.respond(copy.deepcopy(state), text).replies[0].intent
                      for text in corpus.transition_questions)
    return dict(intents.most_common())


def transition_turns(engine, corpus: Corpus, counts: Counts) -> dict[str, Any]:
    inputs = transition_inputs(engine, corpus, counts.calls + counts.warmup)
    stats = time_calls(cold(engine, lambda item: engine.respond(*item)), inputs, counts.calls, counts.warmup)
    return {"stats": stats.to_dict(), "messages": len(corpus.transition_questions),
            "intents": understood(engine, corpus)}


def command_turns(engine, corpus: Corpus, counts: Counts) -> dict[str, Any]:
    """Typed commands: answered by the word matcher alone, without the encoder."""
    states = realistic_states(engine, corpus)
    commands = ("help", "menu", "summary", "what do you know about me")
    inputs = paired([(states[n % len(states)], text) for n, text in enumerate(commands)], counts.calls + counts.warmup)
    stats = time_calls(cold(engine, lambda item: engine.respond(*item)), inputs, counts.calls, counts.warmup)
    return {"stats": stats.to_dict(), "commands": list(commands)}


def feedback_turns(engine, corpus: Corpus, counts: Counts) -> dict[str, Any]:
    """A practice answer through Engine.respond, which runs assess and composes the feedback reply."""
    asked = practice_states(engine, corpus)
    if not asked:
        raise RuntimeError("no practice opener led to a question being asked")
    by_words = {}
    for words in ANSWER_WORDS:
        inputs = feedback_inputs(engine, corpus, words, counts.feedback_calls + counts.warmup)
        probe = engine.respond(*copy.deepcopy(inputs[0]))
        if not any(reply.feedback for reply in probe.replies):
            raise RuntimeError(f"a {words}-word practice answer got no feedback reply")
        by_words[words] = time_calls(cold(engine, lambda item: engine.respond(*item)), inputs,
                                     counts.feedback_calls, counts.warmup).to_dict()
    return {"questions": sorted({q["id"] for _, q in asked}), "by_words": by_words}


def conversation_turns(engine, corpus: Corpus, sessions: int) -> dict[str, Any]:
    """The HTTP load's scripted conversation through the conversation service on the in-memory store:
    the turn path every entry point takes, without HTTP or a database.

    Its mean is what the engine and the service cost an average turn over HTTP, to set against the floor.
    """
    from chatbot.conversations import Conversations
    from chatbot.store import Access, MemoryStore

    service = Conversations(engine, MemoryStore())
    texts = corpus.conversation()
    samples: list[int] = []
    intents: Counter[str] = Counter()
    for _ in range(sessions):
        opened = service.open(None)
        session_id, access = opened.session["id"], Access(token=opened.token)
        for text in texts:
            start = time.perf_counter_ns()
            messages = service.turn(session_id, access, text)
            samples.append(time.perf_counter_ns() - start)
            intents[messages[1]["intent"]] += 1
    last = service.store.snapshot(session_id, access, None)
    return {"stats": summarise(samples).to_dict(), "turns_per_session": len(texts),
            "intents": dict(intents.most_common()),
            "state_bytes": {"first": len(json.dumps(engine.open(None).state)),
                            "last": len(json.dumps(last.state if last else {}))}}


def assess_inputs(engine, corpus: Corpus, words: int) -> list[tuple[Any, str]]:
    return [(q, corpus.answer(words, q.skills, q.category, seed=n))
            for n, q in enumerate(engine.knowledge.questions.values())]


def assess_calls(engine, corpus: Corpus, counts: Counts) -> dict[str, Any]:
    """assess() alone over every question in the bank, each answer on its question's own topic."""
    from chatbot.feedback import assess

    by_words, scores = {}, {}
    for words in ANSWER_WORDS:
        inputs = assess_inputs(engine, corpus, words)
        meaning = engine.resources.meaning
        by_words[words] = time_calls(cold(engine, lambda item: assess(item[0], item[1], engine.rubric, meaning=meaning)),
                                     inputs, counts.feedback_calls, counts.warmup).to_dict()
        scores[words] = round(sum(assess(q, a, engine.rubric, meaning=meaning).score
                                  for q, a in inputs) / len(inputs), 1)
    return {"questions": len(engine.knowledge.questions), "by_words": by_words, "mean_score": scores}
