"""A local sentence encoder (all-MiniLM-L6-v2, pinned by hash, int8 on onnxruntime) shared by NLU and feedback."""

from chatbot.encoder.encoder import DIMENSIONS, SentenceEncoder
from chatbot.encoder.location import default_cache_dir
from chatbot.encoder.weights import MODEL_ID, WeightsError

__all__ = ["DIMENSIONS", "MODEL_ID", "SentenceEncoder", "WeightsError", "default_cache_dir"]
