from __future__ import annotations

import math

from kernel.fields import MISSING, FieldProblem, Reader


def codes(r: Reader) -> list[tuple[str, str]]:
    return [(p.code, p.path) for p in r.problems]


def test_mapping_reports_unknown_and_missing_keys_once_each() -> None:
    r = Reader()
    m = r.mapping({"a": 1, "zz": 2}, "x", required=("a", "b"))
    assert codes(r) == [(FieldProblem.UNKNOWN_KEY, "x.zz"), (FieldProblem.MISSING_KEY, "x.b")]
    assert m["b"] is MISSING
    assert r.number(m["b"], "x.b", minimum=0, maximum=1) == 0
    assert len(r.problems) == 2  # reading the missing value adds nothing


def test_number_rejects_bool_string_nan_and_infinity() -> None:
    r = Reader()
    for value in (True, "12", math.nan, math.inf):
        r.number(value, "n", minimum=0, maximum=10)
    assert [p.code for p in r.problems] == [
        FieldProblem.WRONG_TYPE,
        FieldProblem.WRONG_TYPE,
        FieldProblem.NOT_FINITE,
        FieldProblem.NOT_FINITE,
    ]


def test_number_checks_range_and_wholeness() -> None:
    r = Reader()
    assert r.number(12.5, "n", minimum=0, maximum=10, whole=True) == 10
    assert [p.code for p in r.problems] == [FieldProblem.NOT_WHOLE, FieldProblem.OUT_OF_RANGE]


def test_integer_gives_an_int_and_refuses_fractions() -> None:
    r = Reader()
    value = r.integer(3.0, "n", minimum=0, maximum=10)
    assert value == 3 and type(value) is int
    assert not r.problems
    r.integer(3.5, "n", minimum=0, maximum=10)
    assert codes(r) == [(FieldProblem.NOT_WHOLE, "n")]


def test_text_checks_choices_and_pattern() -> None:
    r = Reader()
    r.text("x", "a", choices=["y"])
    r.text("a b", "b", pattern=r"\w+")
    r.text(3, "c")
    assert [p.code for p in r.problems] == [
        FieldProblem.INVALID_VALUE,
        FieldProblem.INVALID_VALUE,
        FieldProblem.WRONG_TYPE,
    ]


def test_sequence_and_flag_types() -> None:
    r = Reader()
    assert r.sequence({"a": 1}, "s") == ()
    assert r.sequence([1], "t", min_len=2) == [1]
    assert r.flag("yes", "f") is False
    assert r.open_mapping([], "o") == {}
    assert r.mapping(None, "m") == {}
    assert [p.code for p in r.problems] == [
        FieldProblem.WRONG_TYPE,
        FieldProblem.OUT_OF_RANGE,
        FieldProblem.WRONG_TYPE,
        FieldProblem.WRONG_TYPE,
        FieldProblem.WRONG_TYPE,
    ]
