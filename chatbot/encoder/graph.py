"""Builds the encoder's ONNX graph from the pinned safetensors weights (BERT, mean pooling, L2 norm).

Building the graph here, rather than shipping someone else's export, keeps the weights byte-identical to
the pinned release; the graph is then quantised to int8 for speed and cached on disk.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper
from safetensors.numpy import load as load_safetensors

HIDDEN = 384
HEADS = 12
LAYERS = 6
LN_EPS = 1e-12
OPSET = 17


class _Graph:
    """Accumulates nodes and initialisers with unique names."""

    def __init__(self, weights: dict[str, np.ndarray]) -> None:
        self.weights = weights
        self.nodes: list[onnx.NodeProto] = []
        self.inits: list[onnx.TensorProto] = []
        self._n = 0

    def name(self, stem: str) -> str:
        self._n += 1
        return f"{stem}_{self._n}"

    def const(self, value: np.ndarray, stem: str = "c") -> str:
        name = self.name(stem)
        self.inits.append(numpy_helper.from_array(value, name))
        return name

    def weight(self, key: str, transpose: bool = False) -> str:
        value = self.weights[key].astype(np.float32)
        return self.const(np.ascontiguousarray(value.T if transpose else value), key)

    def op(self, op_type: str, inputs: list[str], **attrs: Any) -> str:
        out = self.name(op_type.lower())
        self.nodes.append(helper.make_node(op_type, inputs, [out], **attrs))
        return out

    def linear(self, x: str, prefix: str) -> str:
        return self.op("Add", [self.op("MatMul", [x, self.weight(f"{prefix}.weight", True)]),
                               self.weight(f"{prefix}.bias")])

    def layer_norm(self, x: str, prefix: str) -> str:
        return self.op("LayerNormalization", [x, self.weight(f"{prefix}.weight"), self.weight(f"{prefix}.bias")],
                       axis=-1, epsilon=LN_EPS)


def _attention(g: _Graph, x: str, bias: str, prefix: str) -> str:
    head_dim = HIDDEN // HEADS
    split = g.const(np.array([0, 0, HEADS, head_dim], dtype=np.int64), "split_shape")

    def heads(name: str) -> str:
        return g.op("Transpose", [g.op("Reshape", [g.linear(x, f"{prefix}.self.{name}"), split])], perm=[0, 2, 1, 3])

    q, k, v = heads("query"), heads("key"), heads("value")
    scores = g.op("MatMul", [q, g.op("Transpose", [k], perm=[0, 1, 3, 2])])
    scores = g.op("Add", [g.op("Mul", [scores, g.const(np.array(1 / np.sqrt(head_dim), dtype=np.float32))]), bias])
    context = g.op("MatMul", [g.op("Softmax", [scores], axis=-1), v])
    merged = g.op("Reshape", [g.op("Transpose", [context], perm=[0, 2, 1, 3]),
                              g.const(np.array([0, 0, HIDDEN], dtype=np.int64), "merge_shape")])
    return g.layer_norm(g.op("Add", [x, g.linear(merged, f"{prefix}.output.dense")]), f"{prefix}.output.LayerNorm")


def _feed_forward(g: _Graph, x: str, prefix: str) -> str:
    h = g.linear(x, f"{prefix}.intermediate.dense")
    # exact GELU: 0.5 * h * (1 + erf(h / sqrt(2)))
    erf = g.op("Erf", [g.op("Mul", [h, g.const(np.array(1 / np.sqrt(2), dtype=np.float32))])])
    gelu = g.op("Mul", [g.op("Mul", [h, g.op("Add", [erf, g.const(np.array(1.0, dtype=np.float32))])]),
                        g.const(np.array(0.5, dtype=np.float32))])
    return g.layer_norm(g.op("Add", [x, g.linear(gelu, f"{prefix}.output.dense")]), f"{prefix}.output.LayerNorm")


def build_graph(safetensors_blob: bytes) -> onnx.ModelProto:
    """The sentence-embedding graph: (input_ids, attention_mask) -> unit-length sentence vectors."""
    g = _Graph(load_safetensors(safetensors_blob))
    ids = helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "sequence"])
    mask = helper.make_tensor_value_info("attention_mask", TensorProto.INT64, ["batch", "sequence"])

    positions = g.op("Range", [g.const(np.array(0, dtype=np.int64)),
                               g.op("Gather", [g.op("Shape", ["input_ids"]), g.const(np.array(1, dtype=np.int64))]),
                               g.const(np.array(1, dtype=np.int64))])
    x = g.op("Add", [g.op("Gather", [g.weight("embeddings.word_embeddings.weight"), "input_ids"]),
                     g.op("Gather", [g.weight("embeddings.position_embeddings.weight"), positions])])
    x = g.op("Add", [x, g.const(g.weights["embeddings.token_type_embeddings.weight"][0].astype(np.float32))])
    x = g.layer_norm(x, "embeddings.LayerNorm")

    mask_f = g.op("Cast", ["attention_mask"], to=TensorProto.FLOAT)
    # padded positions get a large negative score so softmax ignores them
    bias = g.op("Mul", [g.op("Sub", [g.const(np.array(1.0, dtype=np.float32)), mask_f]),
                        g.const(np.array(-1e4, dtype=np.float32))])
    bias = g.op("Unsqueeze", [bias, g.const(np.array([1, 2], dtype=np.int64))])
    for i in range(LAYERS):
        x = _attention(g, x, bias, f"encoder.layer.{i}.attention")
        x = _feed_forward(g, x, f"encoder.layer.{i}")

    mask3 = g.op("Unsqueeze", [mask_f, g.const(np.array([2], dtype=np.int64))])
    summed = g.op("ReduceSum", [g.op("Mul", [x, mask3]), g.const(np.array([1], dtype=np.int64))], keepdims=0)
    count = g.op("ReduceSum", [mask3, g.const(np.array([1], dtype=np.int64))], keepdims=0)
    mean = g.op("Div", [summed, g.op("Max", [count, g.const(np.array(1e-9, dtype=np.float32))])])
    norm = g.op("ReduceL2", [mean], axes=[1], keepdims=1)
    g.nodes.append(helper.make_node("Div", [mean, g.op("Max", [norm, g.const(np.array(1e-12, dtype=np.float32))])],
                                    ["embedding"]))
    out = helper.make_tensor_value_info("embedding", TensorProto.FLOAT, ["batch", HIDDEN])
    graph = helper.make_graph(g.nodes, "sentence_encoder", [ids, mask], [out], g.inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)], producer_name="interview-coach")
    model.ir_version = 8
    return model
