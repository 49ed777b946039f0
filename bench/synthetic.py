"""Made-up but distinct content for the scaling runs: intents and practice questions in invented words.

Every generated item has topic words of its own (built from syllables, never reused), so a larger set
is genuinely larger for the matcher rather than the same entries repeated.
"""

from __future__ import annotations

import itertools
import random
import re
import shutil
import zlib
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import yaml

INTENTS_PER_FILE = 200
GENERAL_IN = 3  # a word in this many real intents is everyday language, kept as it is
WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")


def invented_words(syllables: Sequence[str], seed: int = 7) -> Iterator[str]:
    """An endless stream of distinct words: three-syllable ones in a shuffled order, then four."""
    rng = random.Random(seed)
    for length in itertools.count(3):
        words = ["".join(parts) for parts in itertools.product(syllables, repeat=length)]
        rng.shuffle(words)
        yield from words


def _fill(frame: str, words: dict[str, str]) -> str:
    return frame.format(**words)


def general_words(texts_by_intent: Sequence[Sequence[str]], min_intents: int = GENERAL_IN) -> frozenset[str]:
    """Words used by at least `min_intents` intents: the everyday part of how people ask anything."""
    counts: Counter[str] = Counter()
    for texts in texts_by_intent:
        counts.update({word.casefold() for text in texts for word in WORD.findall(text)})
    return frozenset(word for word, n in counts.items() if n >= min_intents)


def _respell(text: str, general: frozenset[str], own: dict[str, str], words: Iterator[str]) -> str:
    """`text` with every word that is not general replaced by this intent's invented stand-in.

    A text made only of everyday words gets one of the intent's own words added, so it never
    duplicates a sentence of the real intent it came from.
    """
    def invented(word: str) -> str:
        if word not in own:
            own[word] = next(words)
        return own[word]

    def swap(match: re.Match[str]) -> str:
        word = match.group(0).casefold()
        return match.group(0) if word in general else invented(word)

    respelled = WORD.sub(swap, text)
    return respelled if respelled != text else f"{respelled} {invented('')}"


def synthetic_intents(base: Sequence[Any], copies: int, words: Iterator[str]) -> list[dict[str, Any]]:
    """`copies` new intents per real one: the same sentences with the topic words invented afresh.

    Everyday words ("how", "long", "learn", "MLE") stay, so they occur in the same share of intents as
    in the real set; each generated intent gets topic words of its own, so no two intents are copies.
    """
    general = general_words([[*intent.examples, *intent.cues] for intent in base])
    intents = []
    for copy in range(1, copies + 1):
        for intent in base:
            own: dict[str, str] = {}
            name = f"{intent.name}_syn{copy}"
            intents.append({
                "name": name,
                "kind": "topic",
                "examples": [_respell(e, general, own, words) for e in intent.examples],
                "cues": [_respell(c, general, own, words) for c in intent.cues],
                "answer": name,
            })
    return intents


def write_intents_dir(source: Path, target: Path, extra: list[dict[str, Any]]) -> Path:
    """A copy of the real intents folder plus the generated intents, in files of a realistic size."""
    shutil.copytree(source, target)
    for start in range(0, len(extra), INTENTS_PER_FILE):
        chunk = extra[start:start + INTENTS_PER_FILE]
        (target / f"synthetic_{start // INTENTS_PER_FILE:04d}.yaml").write_text(
            yaml.safe_dump({"intents": chunk}, sort_keys=False), encoding="utf-8")
    return target


def _phrase(words: Iterator[str], length: int) -> str:
    return " ".join(next(words) for _ in range(length))


def synthetic_skill(skill_id: str, words: Iterator[str]) -> dict[str, Any]:
    return {"id": skill_id, "name": _phrase(words, 2), "kind": "technical", "description": _phrase(words, 8)}


def synthetic_question(template: Any, question_id: str, skill_id: str, frames: Sequence[str],
                       words: Iterator[str]) -> dict[str, Any]:
    """A question shaped like `template` (same number of points, cues and outline lines), in new words."""
    frame = frames[zlib.crc32(question_id.encode()) % len(frames)]
    return {
        "id": question_id,
        "text": _fill(frame, {"a": next(words), "b": next(words), "c": next(words)}),
        "category": template.category,
        "skills": [skill_id],
        "talking_points": [
            {"id": f"point-{i}", "label": _phrase(words, 4), "cues": [next(words) for _ in point.cues],
             "tip": _phrase(words, 10)}
            for i, point in enumerate(template.talking_points)
        ],
        "model_answer": [_phrase(words, 12) for _ in template.model_answer],
        "hint": _phrase(words, 8),
        "follow_up": _phrase(words, 8),
    }


def write_data_dir(source: Path, target: Path, knowledge: Any, copies: int, frames: Sequence[str],
                   words: Iterator[str]) -> Path:
    """A copy of data/ whose question bank holds `copies` generated questions per real one.

    Generated questions are about generated skills, so a lookup for a real skill returns exactly what
    it did before: any extra time is the lookup's own cost, not a longer answer.
    """
    shutil.copytree(source, target)
    skills, questions = [], []
    for copy in range(1, copies + 1):
        for skill_id in knowledge.skills:
            skills.append(synthetic_skill(f"{skill_id}-syn{copy}", words))
        for question in knowledge.questions.values():
            questions.append(synthetic_question(question, f"{question.id}-syn{copy}",
                                                f"{question.skills[0]}-syn{copy}", frames, words))
    skills_file = target / "skills.yaml"
    real_skills = yaml.safe_load(skills_file.read_text(encoding="utf-8"))
    skills_file.write_text(yaml.safe_dump(real_skills + skills, sort_keys=False), encoding="utf-8")
    (target / "questions" / "zz-synthetic.yaml").write_text(yaml.safe_dump(questions, sort_keys=False),
                                                            encoding="utf-8")
    return target
