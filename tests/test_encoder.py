"""The sentence encoder: pinned weights only, deterministic vectors, and an int8 graph that keeps meaning."""

from __future__ import annotations

import zipfile

import numpy as np
import pytest

from chatbot.encoder import SentenceEncoder, WeightsError
from chatbot.encoder.graph import build_graph
from chatbot.encoder.model import open_inference_session
from chatbot.encoder.weights import archive_path, model_files


@pytest.fixture(scope="module")
def encoder(engine):
    return engine.resources.encoder


def test_equal_texts_give_equal_unit_vectors(encoder):
    first = encoder.encode(["I would containerise the model and serve it behind an API."])
    encoder_again = SentenceEncoder(model_files(), encoder.cache_dir)
    second = encoder_again.encode(["I would containerise the model and serve it behind an API."])
    assert np.array_equal(first, second)
    assert np.allclose(np.linalg.norm(first, axis=1), 1.0, atol=1e-4)


def test_a_paraphrase_is_closer_than_an_unrelated_sentence(encoder):
    a, plain, other = encoder.encode([
        "Quantise the weights to int8 to cut inference latency.",
        "Make the model smaller so it answers faster.",
        "Our team celebrated the quarter with a picnic in the park.",
    ])
    assert a @ plain > a @ other + 0.2


def test_the_int8_graph_agrees_with_the_full_precision_graph(encoder, tmp_path):
    import onnx

    path = tmp_path / "fp32.onnx"
    onnx.save(build_graph(model_files().safetensors()), str(path))
    session = open_inference_session(path)
    texts = ["Roll back to the previous image when the error rate rises.", "I explained the AUC with a chart."]
    encoded = [encoder._tokenizer.encode(t).ids for t in texts]
    width = max(map(len, encoded))
    ids = np.array([e + [0] * (width - len(e)) for e in encoded], dtype=np.int64)
    mask = (np.arange(width)[None, :] < np.array([len(e) for e in encoded])[:, None]).astype(np.int64)
    full = session.run(None, {"input_ids": ids, "attention_mask": mask})[0]
    quantised = encoder.encode(texts)
    assert np.all(np.sum(full * quantised, axis=1) > 0.97)


def test_weights_that_do_not_match_their_pin_are_refused(tmp_path):
    forged = tmp_path / "model.zip"
    with zipfile.ZipFile(archive_path()) as real, zipfile.ZipFile(forged, "w") as fake:
        fake.writestr("tokenizer.json", real.read("tokenizer.json"))
        fake.writestr("model.safetensors", b"not the pinned weights")
    files = model_files(forged)
    assert files.tokenizer_json()
    with pytest.raises(WeightsError):
        files.safetensors()


def test_a_texts_vector_does_not_depend_on_what_it_is_encoded_with(engine):
    fresh = SentenceEncoder(model_files(), engine.resources.encoder.cache_dir)
    text = "I would roll back to the previous image when the error rate rises."
    alone = fresh.encode([text])[0]
    other = SentenceEncoder(model_files(), engine.resources.encoder.cache_dir)
    among = other.encode(["short", text, "a much longer sentence about what happens in production every day"])[1]
    assert np.array_equal(alone, among)
