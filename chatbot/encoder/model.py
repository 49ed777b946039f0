"""The runnable encoder: the graph quantised to int8 once, cached on disk, then run with onnxruntime.

The quantised file is keyed by the pinned weights' hash, so a changed model never reuses a stale file;
it is written to a temporary name and renamed, so workers starting together never read half a file.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import onnxruntime as ort

from chatbot.encoder.weights import ModelFiles


def quantised_model_path(files: ModelFiles, cache_dir: Path) -> Path:
    """Build (once) and return the int8 model for these weights."""
    target = cache_dir / f"encoder-{files.fingerprint}-int8.onnx"
    if target.exists():
        return target
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    from chatbot.encoder.graph import build_graph

    cache_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=cache_dir) as work:
        fp32 = Path(work) / "fp32.onnx"
        onnx.save(build_graph(files.safetensors()), str(fp32))
        int8 = Path(work) / "int8.onnx"
        quantize_dynamic(str(fp32), str(int8), weight_type=QuantType.QInt8, per_channel=True)
        os.replace(int8, target)
    return target


def open_inference_session(path: Path, threads: int = 1) -> ort.InferenceSession:
    """One thread by default: a worker serves one turn at a time, and the machine's cores are shared."""
    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    options.log_severity_level = 3
    return ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
