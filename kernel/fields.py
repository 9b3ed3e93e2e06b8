"""Strict reading of plain JSON/TOML data into typed values, collecting every mistake.

Both the catalog files and the design document are plain mappings from outside; this reader
checks types, finiteness, ranges, lengths, unknown keys and text that is not text, and records
a ``Problem`` with the path of each mistake instead of stopping at the first, so a user sees all
of them at once (up to a limit, for input from strangers).
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation

from kernel.problems import Param, Problem, ProblemCode, Severity

__all__ = [
    "MISSING",
    "FieldProblem",
    "HugeNumber",
    "Reader",
    "TooManyProblems",
    "at_most",
    "escaped",
]


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
    INVALID_TEXT = "invalid_text"
    TOO_LONG = "too_long"
    TOO_MANY_ITEMS = "too_many_items"
    TOO_MANY_PROBLEMS = "too_many_problems"


class TooManyProblems(Exception):
    """Raised by a ``Reader`` with a ``max_problems`` once the limit is reached; its
    ``problems`` (the limit, then ``too_many_problems``) are what was found until then."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__(f"stopped after {len(problems) - 1} problems")
        self.problems = tuple(problems)


@dataclass(frozen=True, slots=True)
class HugeNumber:
    """A whole number written with more digits than any value of a plain file needs: a JSON
    reader gives this instead of converting the digits (which costs time and memory, and does
    not fit a float), so the reader can refuse it as out of range, saying how long it was."""

    digits: int
    negative: bool = False

    def __str__(self) -> str:
        return f"{'-' if self.negative else ''}a {self.digits}-digit number"


# Characters that are not text in a design, a name or a code: C0 controls but tab, line feed
# and carriage return; DEL and the C1 controls; unpaired UTF-16 surrogates (they cannot be
# written as UTF-8 at all); bidirectional embeddings, overrides and isolates (they make text
# read differently from what it is).
_NOT_TEXT = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


_TYPE_NAMES = {dict: "an object", list: "a list", str: "a string", bool: "true or false"}


def _kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int | float | HugeNumber):
        return "a number"
    return _TYPE_NAMES.get(type(value), type(value).__name__)


class Reader:
    """Collects problems while reading values out of untrusted mappings.

    Every accessor returns a usable fallback after recording a problem, so reading goes on and
    reports every mistake; callers check ``problems`` at the end. With ``max_problems``, the
    reader stops at that many: it adds one ``too_many_problems`` and raises ``TooManyProblems``.
    """

    def __init__(self, *, max_problems: int | None = None) -> None:
        self.problems: list[Problem] = []
        self.max_problems = max_problems

    def fail(self, code: ProblemCode, path: str, **params: Param) -> None:
        """Record one problem at ``path``."""
        if self.max_problems is not None and len(self.problems) >= self.max_problems:
            self.problems.append(
                Problem.of(FieldProblem.TOO_MANY_PROBLEMS, "", shown=self.max_problems)
            )
            raise TooManyProblems(self.problems)
        self.problems.append(Problem.of(code, path, **params))

    def plain_text(self, value: object, path: str = "") -> None:
        """Check every string in ``value``, keys included, at any depth: each must be text
        (no control characters but tab and line breaks, no unpaired surrogates, no
        bidirectional controls). Paths show an offending key with its characters escaped."""
        if not _has_bad_text(value):
            return  # the common case, found without building a path for every value
        stack: list[tuple[object, str]] = [(value, path)]
        while stack:
            item, at = stack.pop()
            if isinstance(item, str):
                self._text_is_text(item, at)
            elif isinstance(item, dict):
                for key, inner in reversed(list(item.items())):
                    where = _join(at, escaped(str(key)))
                    self._text_is_text(str(key), where, key=True)
                    stack.append((inner, where))
            elif isinstance(item, list | tuple):
                stack.extend((inner, f"{at}[{i}]") for i, inner in reversed(list(enumerate(item))))

    def _text_is_text(self, text: str, path: str, *, key: bool = False) -> None:
        bad = _NOT_TEXT.search(text)
        if bad:
            where: dict[str, Param] = {"reason": "key"} if key else {}
            char, position = f"U+{ord(bad.group()):04X}", bad.start() + 1
            self.fail(FieldProblem.INVALID_TEXT, path, char=char, position=position, **where)

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

    def sequence(
        self, value: object, path: str, *, min_len: int = 0, max_len: int | None = None
    ) -> Sequence[object]:
        """Check that ``value`` is a list of at least ``min_len`` and at most ``max_len`` items;
        of a longer list only the first ``max_len`` are read."""
        if value is MISSING:
            return ()
        if not isinstance(value, list | tuple):
            self.fail(FieldProblem.WRONG_TYPE, path, expected="a list", got=_kind(value))
            return ()
        if len(value) < min_len:
            self.fail(FieldProblem.OUT_OF_RANGE, path, min=min_len, value=len(value), unit="items")
        if max_len is not None and len(value) > max_len:
            self.fail(FieldProblem.TOO_MANY_ITEMS, path, value=len(value), max=max_len)
            return value[:max_len]
        return value

    def text(
        self,
        value: object,
        path: str,
        *,
        pattern: str | None = None,
        choices: Collection[str] | None = None,
        max_length: int | None = None,
    ) -> str:
        """Read a string, optionally matching ``pattern`` or one of ``choices``, of at most
        ``max_length`` characters (code points)."""
        if value is MISSING:
            return ""
        if not isinstance(value, str):
            self.fail(FieldProblem.WRONG_TYPE, path, expected="a string", got=_kind(value))
            return ""
        if max_length is not None and len(value) > max_length:
            self.fail(FieldProblem.TOO_LONG, path, length=len(value), max=max_length)
            return value[:max_length]
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
        """Read a finite number in ``[minimum, maximum]``; ``whole`` asks for an integer value.
        Whole numbers of any size are compared exactly (never converted to a float first)."""
        if value is MISSING:
            return minimum
        if isinstance(value, HugeNumber):
            return self._beyond(value, path, minimum, maximum)
        if type(value) is int and not minimum <= value <= maximum:
            return self._beyond(value, path, minimum, maximum)
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

    def _beyond(self, value: int | HugeNumber, path: str, minimum: float, maximum: float) -> float:
        """Refuse a whole number outside the range, however long, without converting it."""
        self.fail(FieldProblem.OUT_OF_RANGE, path, value=_shown(value), min=minimum, max=maximum)
        return minimum if _negative(value) else maximum

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
        if isinstance(value, str) and not _DECIMAL.fullmatch(value):
            # Decimal() also reads full-width digits (U+FF11...), "1_000", "NaN" and exponents
            # like "1e999999" that later break quantize(); a price is written plainly.
            self.fail(FieldProblem.INVALID_VALUE, path, value=value, allowed="a decimal")
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


def _has_bad_text(value: object) -> bool:
    """Whether any string in ``value`` (keys too) holds a character that is not text."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if _NOT_TEXT.search(item):
                return True
        elif isinstance(item, dict):
            if item and _NOT_TEXT.search("".join(map(str, item))):
                return True
            stack.extend(item.values())
        elif isinstance(item, list | tuple):
            stack.extend(item)
    return False


_DECIMAL = re.compile(r"[+-]?[0-9]{1,30}(\.[0-9]{1,30})?")


def _shown(value: int | HugeNumber) -> Param:
    """A whole number as a message shows it: as a float, like every other number read, or by
    its length when it is too long for that."""
    if isinstance(value, HugeNumber):
        return str(value)
    if abs(value) < 10**15:
        return float(value)
    try:
        digits = len(str(abs(value)))
    except ValueError:  # past Python's limit for int-to-text conversion: estimate
        digits = int(abs(value).bit_length() * math.log10(2)) + 1
    return str(HugeNumber(digits=digits, negative=value < 0))


def _negative(value: int | HugeNumber) -> bool:
    return value.negative if isinstance(value, HugeNumber) else value < 0


def escaped(text: str) -> str:
    """``text`` with each character that is not text written as ``\\uXXXX``, fit for a path
    or a message (an unpaired surrogate cannot even be encoded as UTF-8)."""
    return _NOT_TEXT.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def at_most(problems: tuple[Problem, ...], limit: int) -> tuple[Problem, ...]:
    """The first ``limit`` problems, then one ``too_many_problems`` as severe as the worst of
    those left out (so an answer never looks error-free when it is not). The reader's
    ``max_problems`` stops reading at its limit; this cuts a list already found.

    Examples
    --------
    >>> found = tuple(Problem.of(FieldProblem.UNKNOWN_KEY, f"k{i}") for i in range(5))
    >>> [p.code.value for p in at_most(found, 2)]
    ['unknown_key', 'unknown_key', 'too_many_problems']
    """
    if len(problems) <= limit:
        return problems
    left_out = problems[limit:]
    worst = min((p.severity for p in left_out), key=list(Severity).index)
    errors_left_out = sum(p.severity is Severity.ERROR for p in left_out)
    summary = Problem.of(
        FieldProblem.TOO_MANY_PROBLEMS,
        "",
        worst,
        shown=limit,
        total=len(problems),
        errors_left_out=errors_left_out,
    )
    return (*problems[:limit], summary)
