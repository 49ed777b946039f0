"""The sentence encoder as the NLU and feedback use it: fed each text with its shorthand written out.

The encoder learnt from edited text, so "shud i take it b4 i have k8s" lands far from "should I take it
before I know Kubernetes"; the lexicon's shorthand table closes that gap without touching the encoder.
"""

from __future__ import annotations

from collections.abc import Sequence

from chatbot.encoder.protocol import Encoder, Vectors
from chatbot.nlu.lexicon import Lexicon


class PlainWordsEncoder:
    """An Encoder that writes shorthand out before encoding; otherwise the wrapped encoder."""

    def __init__(self, encoder: Encoder, lexicon: Lexicon) -> None:
        self._encoder = encoder
        self._lexicon = lexicon

    def encode(self, texts: Sequence[str]) -> Vectors:
        return self._encoder.encode([self._lexicon.plain(text) for text in texts])

    def encode_corpus(self, texts: Sequence[str]) -> Vectors:
        return self._encoder.encode_corpus([self._lexicon.plain(text) for text in texts])
