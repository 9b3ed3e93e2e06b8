"""Problems: expected mistakes in a design, returned as data, never raised one at a time.

Human wording is not here: a message catalogue keyed by ``code`` renders it at the edge.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType

__all__ = ["Param", "Problem", "Severity", "has_errors"]

Param = str | int | float | bool | None


class Severity(StrEnum):
    """How bad a problem is: an error blocks building, a warning and info do not."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, slots=True, kw_only=True)
class Problem:
    """One finding about a design: a stable ``code``, where (``path``) and its numbers."""

    code: str
    severity: Severity = Severity.ERROR
    path: str = ""
    params: Mapping[str, Param] = field(default_factory=lambda: MappingProxyType({}))

    @classmethod
    def of(
        cls, code: str, path: str, severity: Severity = Severity.ERROR, /, **params: Param
    ) -> Problem:
        """A problem with ``params`` given as keywords.

        Examples
        --------
        >>> Problem.of("ceiling_height", "cabinets[0]", max_mm=2580).params["max_mm"]
        2580
        """
        return cls(code=code, severity=severity, path=path, params=MappingProxyType(params))

    def as_dict(self) -> dict[str, object]:
        """Plain JSON-ready form, keys in a fixed order."""
        return {
            "code": self.code,
            "severity": str(self.severity),
            "path": self.path,
            "params": dict(self.params),
        }


def has_errors(problems: Iterable[Problem]) -> bool:
    """Tell whether any problem is an error.

    Examples
    --------
    >>> has_errors([Problem(code="x", severity=Severity.WARNING)])
    False
    """
    return any(p.severity is Severity.ERROR for p in problems)
