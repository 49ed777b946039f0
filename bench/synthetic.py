"""Made-up but distinct content for the scaling runs: intents and practice questions in invented words.

Every generated item has vocabulary of its own (words built from syllables, never reused), so a
larger set is genuinely larger for the matcher rather than the same entries repeated.
"""

from __future__ import annotations

import itertools
import random
import shutil
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import yaml

INTENTS_PER_FILE = 200


def invented_words(syllables: Sequence[str], seed: int = 7) -> Iterator[str]:
    """An endless stream of distinct words: three-syllable ones in a shuffled order, then four."""
    rng = random.Random(seed)
    for length in itertools.count(3):
        words = ["".join(parts) for parts in itertools.product(syllables, repeat=length)]
        rng.shuffle(words)
        yield from words


def _fill(frame: str, words: dict[str, str]) -> str:
    return frame.format(**words)


def synthetic_intents(count: int, frames: Sequence[str], words: Iterator[str]) -> list[dict[str, Any]]:
    """`count` topic intents, each with its own three words slotted into the example frames."""
    intents = []
    for n in range(count):
        own = {"a": next(words), "b": next(words), "c": next(words)}
        intents.append({
            "name": f"synthetic_{n:05d}",
            "kind": "topic",
            "examples": [_fill(frame, own) for frame in frames],
            "cues": [own["a"], f"{own['b']} {own['c']}"],
            "answer": f"synthetic_{n:05d}",
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
