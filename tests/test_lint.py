"""Lint is part of the test run, and the import rules of docs/architecture.md are enforced here."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from bot.config import PROJECT_ROOT


def test_ruff_finds_nothing() -> None:
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "--output-format", "concise", str(PROJECT_ROOT)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_finds_nothing() -> None:
    result = subprocess.run([sys.executable, "-m", "mypy", "bot", "handlers", "scheduler"], cwd=PROJECT_ROOT,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_benchmark_still_imports() -> None:
    """The benchmarks are not run by the suite (they take minutes), but a name they use that moves must
    not leave them broken until someone needs a figure."""
    import importlib

    for path in sorted((PROJECT_ROOT / "benchmarks").glob("*.py")):
        importlib.import_module(f"benchmarks.{path.stem}")


def imports(folder: Path) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in folder.rglob("*.py"):
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module:
                names.add(node.module)
        found[str(path.relative_to(PROJECT_ROOT))] = names
    return found


def test_only_channels_know_a_platform() -> None:
    for path, names in {**imports(PROJECT_ROOT / "bot"), **imports(PROJECT_ROOT / "handlers")}.items():
        if path.startswith("bot/channels/"):
            continue
        assert not any(n == "telegram" or n.startswith("telegram.") for n in names), path


def test_handlers_and_services_write_no_sql() -> None:
    for folder in ("handlers", "bot/services"):
        for path, names in imports(PROJECT_ROOT / folder).items():
            assert not names & {"sqlite3", "aiosqlite", "asyncpg", "bot.store.sqlite"}, path
