"""Every problem code the engine can report has wording in both languages."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from kernel.problems import Problem
from web.messages import FIXES, MESSAGES, MESSAGES_BY_REASON, fix, message, render_problem

ROOT = Path(__file__).parents[2]


def emitted_codes() -> set[str]:
    """String codes passed to Problem.of / Problem(code=...) / _problem in the core."""
    codes: set[str] = set()
    core = ("catalog", "configurator", "pricing", "production_export", "services")
    for path in [p for package in core for p in (ROOT / package).rglob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text())):
            if (
                isinstance(node, ast.Call)
                and node.args
                and getattr(node.func, "attr", getattr(node.func, "id", "")) == "of"
            ):
                codes.update(_constants(node.args[0]))
            for kw in getattr(node, "keywords", []):
                if kw.arg == "code":
                    codes.update(_constants(kw.value))
    return codes


def _constants(node: ast.expr) -> set[str]:
    """The string a code argument can be: a literal, or either side of ``a if c else b``."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.IfExp):
        return _constants(node.body) | _constants(node.orelse)
    return set()


def test_every_emitted_code_has_a_message_in_both_languages() -> None:
    found = emitted_codes()
    assert {"shelf_sag", "outside_room", "coupon_expired", "coupon_not_started"} <= found
    for code in found:
        assert code in MESSAGES, code
        assert set(MESSAGES[code]) == {"en", "zh-CN"}, code


@pytest.mark.parametrize("table", [MESSAGES, MESSAGES_BY_REASON, FIXES])
def test_every_entry_has_both_languages(table: dict[str, dict[str, str]]) -> None:
    for key, texts in table.items():
        assert set(texts) == {"en", "zh-CN"}, key


def test_unknown_codes_and_missing_params_still_read() -> None:
    odd = Problem.of("never_heard_of", "x", value=1)
    assert "never_heard_of" in message(odd) and fix(odd) == ""
    assert render_problem(Problem.of("shelf_sag", "")) == "shelf_sag {}"  # never a crash
    assert message(Problem.of("out_of_range", "a", value="x", min=1, max=2)) == "x is outside 1–2"
