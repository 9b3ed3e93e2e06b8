"""Strict reading of plain JSON/TOML data into typed values, collecting every mistake.

Both the catalog files and the design document are plain mappings from outside; this reader
checks types, finiteness, ranges and unknown keys, and records a ``Problem`` with the path of
each mistake instead of stopping at the first, so a user sees all of them at once.
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Mapping, Sequence
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation

from kernel.problems import Param, Problem, ProblemCode

__all__ = ["MISSING", "FieldProblem", "Reader"]


class _Missing:
    """Stands for a required key that is absent, already reported as ``missing_key``."""

    def __repr__(self) -> str:
        return "MISSING"


MISSING = _Missing()


class _Absent(dict[str, object]):
    """The contents of a missing object: every key reads as ``MISSING``, so nothing inside
    it is reported again."""

    def get(self, key: str, default: object = None) -> object:
        return MISSING


ABSENT = _Absent()


class FieldProblem(ProblemCode):
    """Codes of the mistakes found in plain data: by the reader, and by the parsers that use
    it (a duplicate id)."""

    WRONG_TYPE = "wrong_type"
    MISSING_KEY = "missing_key"
    UNKNOWN_KEY = "unknown_key"
    NOT_FINITE = "not_finite"
    OUT_OF_RANGE = "out_of_range"
    NOT_WHOLE = "not_whole"
    INVALID_VALUE = "invalid_value"
    DUPLICATE_ID = "duplicate_id"


_TYPE_NAMES = {dict: "an object", list: "a list", str: "a string", bool: "true or false"}


def _kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int | float):
        return "a number"
    return _TYPE_NAMES.get(type(value), type(value).__name__)


class Reader:
    """Collects problems while reading values out of untrusted mappings.

    Every accessor returns a usable fallback after recording a problem, so reading goes on and
    reports every mistake; callers check ``problems`` at the end.
    """

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def fail(self, code: ProblemCode, path: str, **params: Param) -> None:
        """Record one problem at ``path``."""
        self.problems.append(Problem.of(code, path, **params))

    def mapping(
        self,
        value: object,
        path: str,
        *,
        required: Collection[str] = (),
        optional: Collection[str] = (),
    ) -> Mapping[str, object]:
        """Check that ``value`` is an object with exactly the allowed keys."""
        if value is MISSING:
            return ABSENT
        if not isinstance(value, Mapping):
            self.fail(FieldProblem.WRONG_TYPE, path, expected="an object", got=_kind(value))
            return {}
        for key in value:
            if key not in required and key not in optional:
                allowed = ", ".join(sorted([*required, *optional]))
                self.fail(FieldProblem.UNKNOWN_KEY, _join(path, str(key)), allowed=allowed)
        absent = [key for key in required if key not in value]
        for key in absent:
            self.fail(FieldProblem.MISSING_KEY, _join(path, key))
        return {**value, **dict.fromkeys(absent, MISSING)} if absent else value

    def open_mapping(self, value: object, path: str) -> Mapping[str, object]:
        """Check that ``value`` is an object whose keys are names chosen by the data."""
        if value is MISSING:
            return ABSENT
        if not isinstance(value, Mapping):
            self.fail(FieldProblem.WRONG_TYPE, path, expected="an object", got=_kind(value))
            return {}
        return value

    def sequence(self, value: object, path: str, *, min_len: int = 0) -> Sequence[object]:
        """Check that ``value`` is a list of at least ``min_len`` items."""
        if value is MISSING:
            return ()
        if not isinstance(value, list | tuple):
            self.fail(FieldProblem.WRONG_TYPE, path, expected="a list", got=_kind(value))
            return ()
        if len(value) < min_len:
            self.fail(FieldProblem.OUT_OF_RANGE, path, min=min_len, value=len(value), unit="items")
        return value

    def text(
        self,
        value: object,
        path: str,
        *,
        pattern: str | None = None,
        choices: Collection[str] | None = None,
    ) -> str:
        """Read a string, optionally matching ``pattern`` or one of ``choices``."""
        if value is MISSING:
            return ""
        if not isinstance(value, str):
            self.fail(FieldProblem.WRONG_TYPE, path, expected="a string", got=_kind(value))
            return ""
        if choices is not None and value not in choices:
            self.fail(
                FieldProblem.INVALID_VALUE, path, value=value, allowed=", ".join(sorted(choices))
            )
        elif pattern is not None and not re.fullmatch(pattern, value):
            self.fail(FieldProblem.INVALID_VALUE, path, value=value, pattern=pattern)
        return value

    def number(
        self,
        value: object,
        path: str,
        *,
        minimum: float,
        maximum: float,
        whole: bool = False,
    ) -> float:
        """Read a finite number in ``[minimum, maximum]``; ``whole`` asks for an integer value."""
        if value is MISSING:
            return minimum
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.fail(FieldProblem.WRONG_TYPE, path, expected="a number", got=_kind(value))
            return minimum
        number = float(value)
        if not math.isfinite(number):
            self.fail(FieldProblem.NOT_FINITE, path, value=str(value))
            return minimum
        if whole and not number.is_integer():
            self.fail(FieldProblem.NOT_WHOLE, path, value=number)
        if not minimum <= number <= maximum:
            self.fail(FieldProblem.OUT_OF_RANGE, path, value=number, min=minimum, max=maximum)
            return min(max(number, minimum), maximum)
        return number

    def integer(self, value: object, path: str, *, minimum: int, maximum: int) -> int:
        """Read a whole number in ``[minimum, maximum]`` (``3.0`` is accepted, ``3.5`` is not)."""
        return int(self.number(value, path, minimum=minimum, maximum=maximum, whole=True))

    def decimal(
        self,
        value: object,
        path: str,
        *,
        minimum: Decimal = Decimal(0),
        maximum: Decimal | None = None,
    ) -> Decimal:
        """Read an exact decimal given as a string (``"165.00"``) or a whole number; floats
        are refused because they cannot hold money exactly."""
        if value is MISSING:
            return minimum
        if isinstance(value, bool) or not isinstance(value, str | int):
            self.fail(
                FieldProblem.WRONG_TYPE,
                path,
                expected='a decimal string like "12.50"',
                got=_kind(value),
            )
            return minimum
        try:
            number = Decimal(value)
        except InvalidOperation:
            self.fail(FieldProblem.INVALID_VALUE, path, value=str(value), allowed="a decimal")
            return minimum
        if not number.is_finite():
            self.fail(FieldProblem.NOT_FINITE, path, value=str(value))
            return minimum
        if number < minimum or (maximum is not None and number > maximum):
            self.fail(
                FieldProblem.OUT_OF_RANGE,
                path,
                value=str(number),
                min=str(minimum),
                max=str(maximum) if maximum is not None else "any",
            )
            return minimum
        return number

    def moment(self, value: object, path: str) -> datetime:
        """Read a timezone-aware date and time (TOML offset date-time)."""
        if value is MISSING:
            return datetime.min.replace(tzinfo=UTC)
        if not isinstance(value, datetime) or value.tzinfo is None:
            self.fail(
                FieldProblem.WRONG_TYPE,
                path,
                expected="a date-time with a time zone",
                got=_kind(value),
            )
            return datetime.min.replace(tzinfo=UTC)
        return value

    def day(self, value: object, path: str) -> date:
        """Read a calendar date."""
        if value is MISSING:
            return date.min
        if isinstance(value, datetime) or not isinstance(value, date):
            self.fail(FieldProblem.WRONG_TYPE, path, expected="a date", got=_kind(value))
            return date.min
        return value

    def flag(self, value: object, path: str) -> bool:
        """Read ``true`` or ``false``."""
        if value is MISSING:
            return False
        if not isinstance(value, bool):
            self.fail(FieldProblem.WRONG_TYPE, path, expected="true or false", got=_kind(value))
            return False
        return value


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key
