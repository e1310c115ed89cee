"""The layers stay apart (pyproject contracts) and no module of ours imports itself round about."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("planner", "db", "ui")


def test_import_contracts_hold() -> None:
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "4 kept, 0 broken" in result.stdout


def import_circles(graph: grimp.ImportGraph) -> list[tuple[str, ...]]:
    """Every direct import that the imported module leads back from, as the circle it closes.

    Imports made only for type checking count: a controller typed against the window that owns
    it is tied to it just the same.
    """
    circles = []
    for module in sorted(graph.modules):
        for imported in sorted(graph.find_modules_directly_imported_by(module)):
            back = graph.find_shortest_chain(importer=imported, imported=module)
            if back is not None:
                circles.append((module, *back))
    return circles


def test_no_module_imports_itself_round_about() -> None:
    graph = grimp.build_graph(*PACKAGES, cache_dir=None)
    assert import_circles(graph) == []


def test_a_circle_is_found(tmp_path: Path) -> None:
    """The check above can fail: two modules importing each other are reported."""
    package = tmp_path / "circled"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from circled import b\n")
    (package / "b.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from circled import a\n"
    )
    (package / "c.py").write_text("from circled import a\n")
    sys.path.insert(0, str(tmp_path))
    try:
        graph = grimp.build_graph("circled", cache_dir=None)
    finally:
        sys.path.remove(str(tmp_path))
    assert import_circles(graph) == [
        ("circled.a", "circled.b", "circled.a"),
        ("circled.b", "circled.a", "circled.b"),
    ]
