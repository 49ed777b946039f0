"""Build hook: the wheel carries the content that authors keep at the repository's root.

Every piece of metadata lives in pyproject.toml; this file only adds one step to setuptools' build_py.
data/, intents/, templates/ and docs/openapi.yaml stay where they are edited and where a checkout reads
them; a wheel build copies them into the package as chatbot/_content/, which chatbot/config.py looks for
first. An editable install copies nothing: it keeps reading the checkout. The sdist carries the same
sources through MANIFEST.in, so a wheel built from it (`python -m build`) is the same.
"""

from __future__ import annotations

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

BUNDLE = Path("chatbot", "_content")  # chatbot.config.BUNDLE names the same folder
CONTENT = ("data", "intents", "templates", "docs/openapi.yaml")  # relative to the project root


def content_files() -> list[Path]:
    """Every file to carry, found afresh (a missing source is an error, not a wheel without content)."""
    files: list[Path] = []
    for name in CONTENT:
        source = Path(name)
        if source.is_file():
            files.append(source)
        elif source.is_dir():
            files.extend(sorted(p for p in source.rglob("*") if p.is_file() and not _ignored(p)))
        else:
            raise FileNotFoundError(f"{name} is missing: the wheel must carry it (an sdist, via MANIFEST.in)")
    return files


def _ignored(path: Path) -> bool:
    """Editor and interpreter leftovers in a working copy are not content."""
    return any(part.startswith(".") or part == "__pycache__" for part in path.parts)


class BuildPyWithContent(build_py):
    """setuptools' build_py, then the root content copied into the built package."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return
        for source, target in self._content_targets():
            self.mkpath(str(target.parent))
            self.copy_file(str(source), str(target))

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        outputs = list(super().get_outputs(include_bytecode))
        if not self.editable_mode:
            outputs += [str(target) for _, target in self._content_targets()]
        return outputs

    def _content_targets(self) -> list[tuple[Path, Path]]:
        return [(source, Path(self.build_lib) / BUNDLE / source) for source in content_files()]


setup(cmdclass={"build_py": BuildPyWithContent})
