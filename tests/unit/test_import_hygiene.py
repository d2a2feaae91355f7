"""The layers, read from the import graph (imports inside functions count): the core imports
neither Textual, Rich nor TinyDB; only storage/ imports TinyDB; the CLI and the TUI reach the
store through services only (harlequin's import-hygiene test, plus a subprocess check)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import sma_tui

ROOT = Path(sma_tui.__file__).parent


def _module(path: Path) -> str:
    parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Every module ``path`` imports, anywhere in it, as an absolute dotted name."""
    package = _module(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            name = ".".join([*base, node.module] if node.module else base)
            found.add(name)
            found |= {f"{name}.{a.name}" for a in node.names}
    return found


GRAPH = {_module(p): _imports(p) for p in ROOT.rglob("*.py")}


def _closure(start: str) -> set[str]:
    """Everything reachable from the modules under ``start`` (third-party names included)."""
    seen: set[str] = set()
    todo = [m for m in GRAPH if m == start or m.startswith(start + ".")]
    while todo:
        m = todo.pop()
        if m in seen:
            continue
        seen.add(m)
        todo += [i for i in GRAPH.get(m, ()) if i not in seen]
    return seen


def _top(names: set[str]) -> set[str]:
    return {n.split(".")[0] for n in names}


def test_the_graph_is_read_from_the_source() -> None:
    assert "sma_tui.core.corpus" in GRAPH and "sma_tui.storage.store" in GRAPH
    assert "tinydb" in _top(_closure("sma_tui.storage"))  # the walk does find third-party imports


def test_core_imports_neither_textual_rich_nor_tinydb() -> None:
    assert _top(_closure("sma_tui.core")) & {"textual", "rich", "tinydb"} == set()


def test_only_storage_imports_tinydb() -> None:
    users = sorted(m for m, names in GRAPH.items() if "tinydb" in _top(names))
    assert users and all(m.startswith("sma_tui.storage.") for m in users), users


def test_the_tui_and_the_cli_do_not_import_storage() -> None:
    for layer in ("sma_tui.tui", "sma_tui.cli"):
        direct = {i for m, names in GRAPH.items() if m.startswith(layer + ".") or m == layer for i in names}
        assert not {i for i in direct if i.startswith("sma_tui.storage")}, layer


def test_data_layer_does_not_load_textual_or_tinydb_at_run_time() -> None:
    core = sorted(m for m in GRAPH if m.startswith("sma_tui.core."))
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in [*core, "sma_tui.ingest", "sma_tui.cli.export", "sma_tui.paths"])
        + "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich', 'tinydb'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
