"""Design documents arrive as JSON text (a file for the CLI, a request body for the API);
both read it here, so both refuse the same things with the same words."""

from __future__ import annotations

import json
from typing import Any

__all__ = ["read_json"]


def _reject_constant(name: str) -> float:
    raise ValueError(f"{name} is not a number a design may contain")


def read_json(data: str | bytes) -> Any:
    """Parse JSON text, or raise ``ValueError`` with a message for a person.

    Refused: invalid JSON, text that is not UTF-8, ``NaN``/``Infinity`` and nesting too deep
    for the parser (which would otherwise end in a ``RecursionError``).
    """
    try:
        return json.loads(data, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise ValueError(
            f"not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"
        ) from None
    except UnicodeDecodeError:
        raise ValueError("not valid JSON: the text is not UTF-8") from None
    except RecursionError:
        raise ValueError("not valid JSON for a design: nested too deeply") from None
