"""What the engine needs of an encoder, so NLU and feedback depend on this shape, not on onnxruntime."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np


class Encoder(Protocol):
    def encode(self, texts: Sequence[str]) -> np.ndarray: ...

    def encode_corpus(self, texts: Sequence[str]) -> np.ndarray: ...
