"""Every problem code has wording in both languages: the test walks every code enum of every
package, so a code cannot be added without its words."""

from __future__ import annotations

import ast
import importlib
import pkgutil

import pytest

from kernel.fields import FieldProblem
from kernel.problems import Problem, ProblemCode
from tests.product import PACKAGES, ROOT
from web.messages import FIXES, MESSAGES, MESSAGES_BY_REASON, fix, message, render_problem


def every_code() -> list[ProblemCode]:
    """Every member of every code enum, once every module of the product is imported."""
    for package in PACKAGES:
        for module in pkgutil.walk_packages([str(ROOT / package)], prefix=f"{package}."):
            importlib.import_module(module.name)
    return [c for c in ProblemCode.every() if type(c).__module__.split(".")[0] in PACKAGES]


def test_every_code_has_a_message_in_both_languages() -> None:
    codes = every_code()
    assert {"shelf_sag", "outside_room", "missing_rate", "overlapping_exclusive"} <= set(codes)
    missing = [c for c in codes if set(MESSAGES.get(c, {})) != {"en", "zh-CN"}]
    assert missing == []


def test_a_code_means_one_thing() -> None:
    values = [c.value for c in every_code()]
    assert len(values) == len(set(values))
    assert ProblemCode.named("shelf_sag") == "shelf_sag"
    with pytest.raises(ValueError, match="unknown problem code"):
        ProblemCode.named("never_heard_of")


def test_problems_are_made_only_through_problem_of_with_an_enum() -> None:
    """No ``Problem(...)`` outside kernel/problems.py, no bare string as a code."""
    found = []
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text())):
                if not isinstance(node, ast.Call):
                    continue
                name = getattr(node.func, "id", None)
                if name == "Problem" and path.name != "problems.py":
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno} Problem(...)")
                is_of = getattr(node.func, "attr", None) in ("of", "fail")
                if is_of and node.args and isinstance(node.args[0], ast.Constant):
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno} string code")
    assert found == []


@pytest.mark.parametrize("table", [MESSAGES, MESSAGES_BY_REASON, FIXES])
def test_every_entry_has_both_languages(table: dict[str, dict[str, str]]) -> None:
    for key, texts in table.items():
        assert set(texts) == {"en", "zh-CN"}, key


def test_missing_params_still_read() -> None:
    assert (
        render_problem(Problem.of(FieldProblem.NOT_FINITE, "")) == "must be a finite number, not ?"
    )
    odd = Problem.of(FieldProblem.OUT_OF_RANGE, "a", value="x", min=1, max=2)
    assert message(odd) == "x is outside 1–2" and fix(odd) == ""
