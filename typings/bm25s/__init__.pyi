# The part of bm25s the engine uses; the package is annotated but ships no py.typed marker.
from collections.abc import Iterable, Sequence
from typing import Literal

import numpy as np

class BM25:
    def __init__(self) -> None: ...
    def index(self, corpus: Iterable[Sequence[str]], show_progress: bool = ...) -> None: ...
    def get_scores(self, query_tokens_single: list[str]) -> np.ndarray: ...

def tokenize(
    texts: str | list[str],
    stopwords: str | list[str] = ...,
    return_ids: Literal[False] = ...,
    show_progress: bool = ...,
) -> list[list[str]]: ...
