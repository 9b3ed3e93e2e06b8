"""Design documents arrive as JSON text (a file for the CLI, a request body for the API);
both read it here, so both refuse the same things with the same words."""

from __future__ import annotations

import json
from typing import Any

from kernel.fields import HugeNumber

__all__ = ["MAX_DIGITS", "read_json"]

# A whole number longer than this is out of every range a design has; it is not converted
# (Python refuses past 4,300 digits, and converting costs time growing with the square of the
# length) but handed on as a ``HugeNumber``, which the reader refuses as out of range.
MAX_DIGITS = 30


def _reject_constant(name: str) -> float:
    raise ValueError(f"{name} is not a number a design may contain")


def _whole_number(text: str) -> int | HugeNumber:
    digits = len(text.lstrip("-"))
    if digits > MAX_DIGITS:
        return HugeNumber(digits=digits, negative=text.startswith("-"))
    return int(text)


def read_json(data: str | bytes) -> Any:
    """Parse JSON text, or raise ``ValueError`` with a message for a person.

    Refused: invalid JSON, text that is not UTF-8, ``NaN``/``Infinity`` and nesting too deep
    for the parser (which would otherwise end in a ``RecursionError``). Whole numbers of more
    than ``MAX_DIGITS`` digits are read as ``HugeNumber``.
    """
    try:
        if isinstance(data, bytes):
            # json.loads would guess UTF-16 or UTF-32 from the first bytes; a BOM is let be,
            # and surrogates pass as json.loads lets them (they are refused as text later)
            data = data.decode("utf-8-sig", "surrogatepass")
        return json.loads(data, parse_constant=_reject_constant, parse_int=_whole_number)
    except json.JSONDecodeError as exc:
        raise ValueError(
            f"not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"
        ) from None
    except UnicodeDecodeError:
        raise ValueError("not valid JSON: the text is not UTF-8") from None
    except RecursionError:
        raise ValueError("not valid JSON for a design: nested too deeply") from None
