"""Docstrings say why, in the present tense: no issue numbers and no story of how the code came to be."""

from __future__ import annotations

import ast
import re

from bot.config import PROJECT_ROOT

HISTORY = re.compile(r"#\d|\bissue\b|\bnot built yet\b|\bused to\b|\bno longer exists?\b", re.IGNORECASE)


def test_no_docstring_tells_history() -> None:
    found = []
    for package in ("bot", "handlers", "scheduler"):
        for path in sorted((PROJECT_ROOT / package).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
                    doc = ast.get_docstring(node) or ""
                    found += [f"{path.relative_to(PROJECT_ROOT)}: {m.group(0)!r}" for m in HISTORY.finditer(doc)]
    assert found == []
