"""Sentence vectors for the NLU and the feedback: texts in, unit-length float32 vectors out.

Deterministic (one thread, fixed graph), local, and cached per text, because the same sentences recur:
reference phrasings at start-up, an answer's sentences on every retry.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from tokenizers import Tokenizer

from chatbot.encoder.model import open_inference_session, quantised_model_path
from chatbot.encoder.protocol import Vectors
from chatbot.encoder.weights import ModelFiles, model_files

DIMENSIONS = 384
MAX_TOKENS = 128
CACHE_SIZE = 8192
RUN_MODE = "one-text-per-run"  # part of cached vectors' names: vectors made another way are not reused


class SentenceEncoder:
    """Encodes texts with all-MiniLM-L6-v2 (int8); a text gets the same vector whatever it is encoded with."""

    def __init__(self, files: ModelFiles, cache_dir: Path) -> None:
        self.fingerprint = files.fingerprint
        self.cache_dir = cache_dir
        self._tokenizer = Tokenizer.from_str(files.tokenizer_json())
        self._tokenizer.enable_truncation(MAX_TOKENS)
        self._tokenizer.no_padding()
        self._session = open_inference_session(quantised_model_path(files, cache_dir))
        self._cache: OrderedDict[str, Vectors] = OrderedDict()
        self._lock = threading.Lock()  # the page's dev server and threaded workers share one encoder

    @classmethod
    def load(cls, cache_dir: Path) -> SentenceEncoder:
        return cls(model_files(), cache_dir)

    def encode(self, texts: Sequence[str]) -> Vectors:
        """A (len(texts), 384) array of unit vectors, in the order given."""
        with self._lock:
            known = {t: self._recall(t) for t in set(texts) if t in self._cache}
        missing = [t for t in dict.fromkeys(texts) if t not in known]
        if missing:
            fresh = self._run(missing)  # outside the lock: onnxruntime sessions may run concurrently
            known.update(zip(missing, fresh))
            with self._lock:
                for text, vector in zip(missing, fresh):
                    self._remember(text, vector)
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        for row, text in enumerate(texts):
            out[row] = known[text]
        return out

    def clear_cache(self) -> None:
        """Forget every vector computed so far, so a benchmark measures the cost of new text."""
        with self._lock:
            self._cache.clear()

    def encode_corpus(self, texts: Sequence[str]) -> Vectors:
        """Vectors for a fixed body of text (intent examples, reference phrasings), kept on disk between
        starts: the file is named by the model and the texts, so changed content is encoded afresh."""
        key = hashlib.sha256("\n".join([self.fingerprint, RUN_MODE, *texts]).encode("utf-8")).hexdigest()[:24]
        path = self.cache_dir / f"vectors-{key}.npy"
        if path.exists():
            vectors: Vectors = np.load(path)  # np.load is typed Any; this file holds one float32 matrix
            if vectors.shape == (len(texts), DIMENSIONS):
                return vectors
        vectors = self._run(list(texts)) if texts else np.zeros((0, DIMENSIONS), dtype=np.float32)
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp.npy")
        np.save(partial, vectors)
        os.replace(partial, path)
        return vectors

    def _recall(self, text: str) -> Vectors:
        self._cache.move_to_end(text)
        return self._cache[text]

    def _remember(self, text: str, vector: Vectors) -> None:
        self._cache[text] = vector
        if len(self._cache) > CACHE_SIZE:
            self._cache.popitem(last=False)

    def _run(self, texts: list[str]) -> Vectors:
        """One text per run: int8 activations are scaled per run, so batching texts together would make a
        text's vector depend on its neighbours; alone, a text always gets the same vector."""
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        for row, encoding in enumerate(self._tokenizer.encode_batch(texts)):
            ids = np.array([encoding.ids], dtype=np.int64)
            out[row] = self._session.run(None, {"input_ids": ids, "attention_mask": np.ones_like(ids)})[0][0]
        return out
