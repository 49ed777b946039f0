"""The dialogue package stays pure: no web framework, no database, no English sentences in code."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "chatbot" / "dialogue"
FORBIDDEN = {"flask", "sqlalchemy", "werkzeug", "requests"}
MODULES = sorted(PACKAGE.glob("*.py"))


def imported(tree: ast.AST) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("module", MODULES, ids=lambda path: path.name)
def test_no_web_or_database_imports(module):
    assert not imported(ast.parse(module.read_text(encoding="utf-8"))) & FORBIDDEN


@pytest.mark.parametrize("module", MODULES, ids=lambda path: path.name)
def test_no_sentences_for_users_in_code(module):
    """Words shown to users live in data/responses; code strings are keys, ids, formats and error reports."""
    tree = ast.parse(module.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef)) and ast.get_docstring(node)}
    for_developers = {id(inner) for node in ast.walk(tree) if isinstance(node, ast.Raise) for inner in ast.walk(node)}
    sentences = [node.value for node in ast.walk(tree)
                 if isinstance(node, ast.Constant) and isinstance(node.value, str) and len(node.value.split()) >= 4
                 and id(node) not in docstrings | for_developers]
    assert not sentences
