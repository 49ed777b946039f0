"""The encoder's weights and tokenizer, read from an installed package and checked against pinned hashes.

Nothing is fetched at run time: the files come from the registry package named in
`requirements/model.txt` (installed by hash), and each file is checked again here, so a tampered or
different model refuses to load instead of silently changing every score.
"""

from __future__ import annotations

import hashlib
import importlib.util
import zipfile
from dataclasses import dataclass
from pathlib import Path

PACKAGE = "all_minilm_l6_v2"
ARCHIVE = "model.zip"
#: sha256 of each file the encoder reads from the archive (identical to the upstream release).
PINNED = {
    "model.safetensors": "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db",
    "tokenizer.json": "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037",
}
MODEL_ID = "all-MiniLM-L6-v2"


class WeightsError(RuntimeError):
    """The pinned model is missing or does not match its hash."""


@dataclass(frozen=True)
class ModelFiles:
    """Reads the two files the encoder needs, each verified; the weights only when a graph must be built."""

    archive: Path

    @property
    def fingerprint(self) -> str:
        """Identifies the model in cache keys: the pinned weights' hash."""
        return PINNED["model.safetensors"][:16]

    def tokenizer_json(self) -> str:
        return self._read("tokenizer.json").decode("utf-8")

    def safetensors(self) -> bytes:
        return self._read("model.safetensors")

    def _read(self, name: str) -> bytes:
        with zipfile.ZipFile(self.archive) as zf:
            return _verified(name, zf.read(name))


def archive_path() -> Path:
    """Where the package keeps its archive; found without importing the package (it prints on import)."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise WeightsError(
            f"The sentence encoder's package ({PACKAGE}) is not installed; `make setup` installs it by hash."
        )
    return Path(next(iter(spec.submodule_search_locations))) / ARCHIVE


def _verified(name: str, blob: bytes) -> bytes:
    digest = hashlib.sha256(blob).hexdigest()
    if digest != PINNED[name]:
        raise WeightsError(f"{name} of the sentence encoder has sha256 {digest}, expected {PINNED[name]}.")
    return blob


def model_files(archive: Path | None = None) -> ModelFiles:
    """The installed model's files (read and verified on use)."""
    return ModelFiles(archive or archive_path())
