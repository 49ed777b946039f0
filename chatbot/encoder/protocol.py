"""What the engine needs of an encoder, so NLU and feedback depend on this shape, not on onnxruntime."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np
import numpy.typing as npt

# Unit-length float32 sentence vectors: a row per text, or one vector on its own.
Vectors = npt.NDArray[np.float32]


class Encoder(Protocol):
    def encode(self, texts: Sequence[str]) -> Vectors: ...

    def encode_corpus(self, texts: Sequence[str]) -> Vectors: ...
