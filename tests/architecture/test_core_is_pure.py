"""The pure core never reads the clock, the environment or files, and never prints
(DESIGN.md §2); prices are never floats."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
CORE = ("kernel", "catalog", "configurator", "pricing", "production_export")
FORBIDDEN_CALLS = {"open", "print", "input", "exec", "eval"}
FORBIDDEN_ATTRIBUTES = {
    ("datetime", "now"),
    ("datetime", "utcnow"),
    ("date", "today"),
    ("time", "time"),
    ("os", "environ"),
    ("os", "getenv"),
    ("logging", "basicConfig"),
    ("random", "random"),
}
# the random module's global state is forbidden; a seeded ``Random(seed)`` instance (imported
# as ``from random import Random``) is deterministic and allowed
FORBIDDEN_IMPORTS = {"subprocess", "socket", "requests"}

core_files = sorted(p for package in CORE for p in (ROOT / package).rglob("*.py"))


@pytest.mark.parametrize("path", core_files, ids=lambda p: str(p.relative_to(ROOT)))
def test_core_module_does_no_io(path: Path) -> None:
    tree = ast.parse(path.read_text(), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in FORBIDDEN_CALLS
        ):
            found.append(f"{node.func.id}() at line {node.lineno}")
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and (node.value.id, node.attr) in FORBIDDEN_ATTRIBUTES
        ):
            found.append(f"{node.value.id}.{node.attr} at line {node.lineno}")
        if isinstance(node, ast.Import | ast.ImportFrom):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
            )
            found += [f"import {n}" for n in names if n.split(".")[0] in FORBIDDEN_IMPORTS]
            found += _random_imports(node)
        if isinstance(node, ast.AnnAssign | ast.arg) and _is_float_money(node):
            found.append(f"float money at line {node.lineno}")
    assert found == []


def _random_imports(node: ast.Import | ast.ImportFrom) -> list[str]:
    if isinstance(node, ast.Import):
        return ["import random (use a seeded Random)" for a in node.names if a.name == "random"]
    if node.module == "random":
        return [f"from random import {a.name}" for a in node.names if a.name != "Random"]
    return []


def _is_float_money(node: ast.AnnAssign | ast.arg) -> bool:
    name = (
        node.arg
        if isinstance(node, ast.arg)
        else getattr(node.target, "attr", getattr(node.target, "id", ""))
    )
    annotation = node.annotation
    return (
        any(w in name for w in ("price", "amount", "money", "cost"))
        and isinstance(annotation, ast.Name)
        and annotation.id == "float"
    )


def test_the_check_finds_what_it_looks_for(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text(
        "import os\nimport random\nfrom random import shuffle, Random\n"
        "price: float = 1.0\nprint(os.environ)\n"
    )
    tree = ast.parse(bad.read_text())
    imports = [
        m
        for n in ast.walk(tree)
        if isinstance(n, ast.Import | ast.ImportFrom)
        for m in _random_imports(n)
    ]
    assert imports == ["import random (use a seeded Random)", "from random import shuffle"]
    prints = [
        n
        for n in ast.walk(tree)
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id in FORBIDDEN_CALLS
    ]
    floats = [n for n in ast.walk(tree) if isinstance(n, ast.AnnAssign) and _is_float_money(n)]
    assert prints and floats
