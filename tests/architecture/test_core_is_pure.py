"""The pure core never reads the clock, the environment or files, and never prints
(DESIGN.md §2); prices are never floats. The use cases (services) are held to the same: they
reach the clock, files and storage only through their ports."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
CORE = ("kernel", "catalog", "configurator", "pricing", "production_export", "sales", "services")
FORBIDDEN_CALLS = {"open", "print", "input", "exec", "eval"}
CLOCK_READS = {
    "time",
    "time_ns",
    "perf_counter",
    "perf_counter_ns",
    "monotonic",
    "monotonic_ns",
    "process_time",
    "process_time_ns",
    "thread_time",
    "thread_time_ns",
}
FORBIDDEN_ATTRIBUTES = {
    ("datetime", "now"),
    ("datetime", "utcnow"),
    ("date", "today"),
    *(("time", name) for name in sorted(CLOCK_READS)),
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
    assert _problems(ast.parse(path.read_text(), filename=str(path))) == []


def _problems(tree: ast.AST) -> list[str]:
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
            found += _clock_imports(node)
        if isinstance(node, ast.AnnAssign | ast.arg) and _is_float_money(node):
            found.append(f"float money at line {node.lineno}")
    return found


def _clock_imports(node: ast.Import | ast.ImportFrom) -> list[str]:
    """The time module is the clock: the core takes times, deadlines or a stop callable from
    its caller instead (``import time as t`` would hide ``t.perf_counter()`` from the
    attribute check, so the import itself is refused)."""
    if isinstance(node, ast.Import):
        return [
            f"import {a.name} (the caller owns the clock)" for a in node.names if a.name == "time"
        ]
    if node.module == "time":
        return [f"from time import {a.name}" for a in node.names]
    return []


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
        "import time\nimport time as clock\nfrom time import perf_counter, monotonic_ns\n"
        "t = time.perf_counter() + time.monotonic() + time.perf_counter_ns()\n"
        "u = time.monotonic_ns() + time.process_time() + time.sleep(0)\n"
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
    found = _problems(tree)
    for expected in (
        "import time (the caller owns the clock)",
        "import time (the caller owns the clock)",  # aliased as clock
        "from time import perf_counter",
        "from time import monotonic_ns",
        "time.perf_counter at line 9",
        "time.monotonic at line 9",
        "time.perf_counter_ns at line 9",
        "time.monotonic_ns at line 10",
        "time.process_time at line 10",
        "os.environ at line 5",
        "print() at line 5",
        "float money at line 4",
    ):
        assert expected in found, expected
        found.remove(expected)
    assert found == ["import random (use a seeded Random)", "from random import shuffle"]
