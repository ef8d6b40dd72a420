"""No import cycle in the project's own code: the graph of imports, read with `ast` from every module of
bot/, handlers/ and scheduler/, has no circle. An import inside a function counts (it is still a
dependency, only deferred); one under `if TYPE_CHECKING:` does not (it never runs)."""

from __future__ import annotations

import ast
from pathlib import Path

from bot.config import PROJECT_ROOT

PACKAGES = ("bot", "handlers", "scheduler")


def _modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in (PROJECT_ROOT / package).rglob("*.py"):
            parts = path.relative_to(PROJECT_ROOT).with_suffix("").parts
            found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def _type_only(tree: ast.Module) -> set[int]:
    """The ids of import nodes under `if TYPE_CHECKING:`."""
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            skipped.update(id(inner) for inner in ast.walk(node))
    return skipped


def import_graph() -> dict[str, set[str]]:
    """Each module and the project modules it imports. `from package import module` depends on the
    module, not on the package's __init__."""
    modules = _modules()
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skipped = _type_only(tree)
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        uses: set[str] = set()
        for node in ast.walk(tree):
            if id(node) in skipped:
                continue
            if isinstance(node, ast.Import):
                uses.update(alias.name for alias in node.names if alias.name in modules)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*anchor, base] if base else anchor)
                for alias in node.names:
                    if f"{base}.{alias.name}" in modules:
                        uses.add(f"{base}.{alias.name}")
                    elif base in modules:
                        uses.add(base)
        graph[name] = uses - {name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan), and modules importing themselves."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for used in sorted(graph[module]):
            if used not in index:
                visit(used)
                low[module] = min(low[module], low[used])
            elif used in on_stack:
                low[module] = min(low[module], index[used])
        if low[module] == index[module]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return found


def test_the_check_finds_a_cycle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_the_graph_is_read() -> None:
    graph = import_graph()
    assert "handlers.menu" in graph["handlers"] and "bot.dialogs" in graph["handlers.booking"]


def test_no_import_cycle() -> None:
    assert cycles(import_graph()) == []


def test_settings_do_not_depend_on_the_services() -> None:
    graph = import_graph()
    reached, todo = set(), ["bot.config"]
    while todo:
        module = todo.pop()
        if module not in reached:
            reached.add(module)
            todo.extend(graph[module])
    assert sorted(m for m in reached if m.startswith(("bot.services", "handlers"))) == []


def test_channels_hold_no_command_table_or_roles_of_their_own() -> None:
    """The core gives each channel its command menus (bot/commands.py, handlers/__init__.py)."""
    for path in sorted((PROJECT_ROOT / "bot" / "channels").glob("*.py")):
        text = path.read_text(encoding="utf-8")
        assert "cmd." not in text and '"counselor"' not in text and '"volunteer"' not in text, path
