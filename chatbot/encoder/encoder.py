"""Sentence vectors for the NLU and the feedback: texts in, unit-length float32 vectors out.

Deterministic (one thread, fixed graph), local, and cached per text, because the same sentences recur:
reference phrasings at start-up, an answer's sentences on every retry.
"""

from __future__ import annotations

import hashlib
import os
from collections import OrderedDict
from pathlib import Path
from typing import Sequence

import numpy as np
from tokenizers import Tokenizer

from chatbot.encoder.model import open_session, quantised_model_path
from chatbot.encoder.weights import ModelFiles, model_files

DIMENSIONS = 384
MAX_TOKENS = 128
BATCH = 32
CACHE_SIZE = 8192


class SentenceEncoder:
    """Encodes texts with all-MiniLM-L6-v2 (int8); equal texts always give equal vectors."""

    def __init__(self, files: ModelFiles, cache_dir: Path) -> None:
        self.fingerprint = files.fingerprint
        self.cache_dir = cache_dir
        self._tokenizer = Tokenizer.from_str(files.tokenizer_json())
        self._tokenizer.enable_truncation(MAX_TOKENS)
        self._tokenizer.no_padding()
        self._session = open_session(quantised_model_path(files, cache_dir))
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()

    @classmethod
    def load(cls, cache_dir: Path) -> SentenceEncoder:
        return cls(model_files(), cache_dir)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """A (len(texts), 384) array of unit vectors, in the order given."""
        missing = list(dict.fromkeys(t for t in texts if t not in self._cache))
        if missing:
            for text, vector in zip(missing, self._run(missing)):
                self._remember(text, vector)
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        return np.stack([self._lookup(t) for t in texts])

    def encode_corpus(self, texts: Sequence[str]) -> np.ndarray:
        """Vectors for a fixed body of text (intent examples, reference phrasings), kept on disk between
        starts: the file is named by the model and the texts, so changed content is encoded afresh."""
        key = hashlib.sha256("\n".join([self.fingerprint, *texts]).encode("utf-8")).hexdigest()[:24]
        path = self.cache_dir / f"vectors-{key}.npy"
        if path.exists():
            vectors = np.load(path)
            if vectors.shape == (len(texts), DIMENSIONS):
                return vectors
        vectors = self._run(list(texts)) if texts else np.zeros((0, DIMENSIONS), dtype=np.float32)
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp.npy")
        np.save(partial, vectors)
        os.replace(partial, path)
        return vectors

    def _lookup(self, text: str) -> np.ndarray:
        self._cache.move_to_end(text)
        return self._cache[text]

    def _remember(self, text: str, vector: np.ndarray) -> None:
        self._cache[text] = vector
        if len(self._cache) > CACHE_SIZE:
            self._cache.popitem(last=False)

    def _run(self, texts: list[str]) -> np.ndarray:
        encodings = self._tokenizer.encode_batch(texts)
        # similar lengths share a batch, so little time goes on padding
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        for start in range(0, len(order), BATCH):
            chunk = order[start:start + BATCH]
            width = max(len(encodings[i].ids) for i in chunk)
            ids = np.zeros((len(chunk), width), dtype=np.int64)
            mask = np.zeros((len(chunk), width), dtype=np.int64)
            for row, i in enumerate(chunk):
                n = len(encodings[i].ids)
                ids[row, :n] = encodings[i].ids
                mask[row, :n] = 1
            out[chunk] = self._session.run(None, {"input_ids": ids, "attention_mask": mask})[0]
        return out
