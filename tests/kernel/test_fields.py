from __future__ import annotations

import math
from decimal import Decimal

import pytest

from kernel.fields import MISSING, FieldProblem, HugeNumber, Reader, TooManyProblems, escaped


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


def test_whole_numbers_of_any_size_are_compared_exactly() -> None:
    r = Reader()
    assert r.number(10**400, "a", minimum=0, maximum=10) == 10  # float(10**400) overflows
    assert r.number(-(10**400), "b", minimum=0, maximum=10) == 0
    assert r.number(HugeNumber(digits=5000), "c", minimum=0, maximum=10) == 10
    assert r.integer(HugeNumber(digits=40, negative=True), "d", minimum=0, maximum=10) == 0
    assert r.number(11, "e", minimum=0, maximum=10) == 10
    assert [(p.code, p.params["value"]) for p in r.problems] == [
        (FieldProblem.OUT_OF_RANGE, "a 401-digit number"),
        (FieldProblem.OUT_OF_RANGE, "-a 401-digit number"),
        (FieldProblem.OUT_OF_RANGE, "a 5000-digit number"),
        (FieldProblem.OUT_OF_RANGE, "-a 40-digit number"),
        (FieldProblem.OUT_OF_RANGE, 11.0),
    ]


def test_decimals_are_written_plainly() -> None:
    r = Reader()
    assert r.decimal("12.50", "ok") == Decimal("12.50")
    for value in ("\uff11\uff12.5", "1_000", "1e999999", "NaN", " 1", "1."):
        assert r.decimal(value, value) == 0
    assert [p.code for p in r.problems] == [FieldProblem.INVALID_VALUE] * 6


def test_sequences_and_text_have_limits() -> None:
    r = Reader()
    assert r.sequence(list(range(10)), "s", max_len=3) == [0, 1, 2]
    assert r.text("abcdef", "t", max_length=4) == "abcd"
    assert r.sequence([1, 2, 3], "u", max_len=3) == [1, 2, 3]
    assert [(p.code, p.path, dict(p.params)) for p in r.problems] == [
        (FieldProblem.TOO_MANY_ITEMS, "s", {"value": 10, "max": 3}),
        (FieldProblem.TOO_LONG, "t", {"length": 6, "max": 4}),
    ]


def test_text_that_is_not_text_is_found_in_keys_and_values() -> None:
    r = Reader()
    r.plain_text({"ok": ["fine\t\n", {"a\ud800": 1, "b": "x\x00y"}], "c": "\u202e"}, "doc")
    assert [(p.path, dict(p.params)) for p in r.problems] == [
        ("doc.ok[1].a\\ud800", {"char": "U+D800", "position": 2, "reason": "key"}),
        ("doc.ok[1].b", {"char": "U+0000", "position": 2}),
        ("doc.c", {"char": "U+202E", "position": 1}),
    ]
    clean = Reader()
    clean.plain_text({"名称": ["主卧 🛏", 1, None, {"x": [True, 2.5]}]})
    assert clean.problems == []
    assert escaped("a\x00b\u202e") == "a\\u0000b\\u202e"


def test_a_reader_with_a_limit_stops_and_says_so() -> None:
    r = Reader(max_problems=3)
    with pytest.raises(TooManyProblems) as stopped:
        for i in range(10):
            r.flag(i, f"f{i}")
    assert [p.code for p in stopped.value.problems] == [FieldProblem.WRONG_TYPE] * 3 + [
        FieldProblem.TOO_MANY_PROBLEMS
    ]
    assert stopped.value.problems[-1].params == {"shown": 3}
    unlimited = Reader()
    for i in range(500):
        unlimited.flag(i, "f")
    assert len(unlimited.problems) == 500
