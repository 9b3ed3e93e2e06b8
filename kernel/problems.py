"""Problems: expected mistakes in a design, returned as data, never raised one at a time.

Every package names its codes in a ``StrEnum`` derived from ``ProblemCode``, and a problem is
made only through ``Problem.of``. Human wording is not here: a message catalogue keyed by
``code`` renders it at the edge, and a test walks every code enum so none lacks its words.

A problem may carry ``fixes``: concrete changes to the design document (RFC 6902 JSON Patches,
``kernel.json_patch``) that the engine has applied and re-evaluated before offering them; a
rule proposes candidates, ``configurator.rules.fixes`` keeps only those that work.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType

__all__ = [
    "Fix",
    "FixCode",
    "Param",
    "Problem",
    "ProblemCode",
    "Severity",
    "errors_in",
    "has_errors",
]

Param = str | int | float | bool | None


class Severity(StrEnum):
    """How bad a problem is: an error blocks building, a warning and info do not."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class ProblemCode(StrEnum):
    """The base of every package's problem codes (it has no members of its own). A code's
    value is unique across all the enums, so ``named`` can read one back from JSON."""

    @classmethod
    def every(cls) -> list[ProblemCode]:
        """Every member of every code enum derived from ``cls`` (in imported modules)."""
        found: list[ProblemCode] = list(cls)
        for sub in cls.__subclasses__():
            found += sub.every()
        return found

    @classmethod
    def named(cls, value: str) -> ProblemCode:
        """The code whose value is ``value`` (``ValueError`` if no imported enum has it)."""
        for code in cls.every():
            if code.value == value:
                return code
        raise ValueError(f"unknown problem code {value!r}")


class FixCode(StrEnum):
    """The base of every package's fix codes (it has no members of its own); values are
    unique across the enums, as for ``ProblemCode``."""

    @classmethod
    def every(cls) -> list[FixCode]:
        """Every member of every code enum derived from ``cls`` (in imported modules)."""
        found: list[FixCode] = list(cls)
        for sub in cls.__subclasses__():
            found += sub.every()
        return found


@dataclass(frozen=True, slots=True, kw_only=True)
class Fix:
    """A concrete change that removes a problem: what it does (``code`` and ``params``, for
    its wording) and the JSON Patch against the design document that does it. Each operation
    is a mapping (``op``, ``path``, ``value``...) of JSON values, never changed."""

    code: FixCode
    params: Mapping[str, Param] = field(default_factory=lambda: MappingProxyType({}))
    patch: tuple[Mapping[str, object], ...] = ()

    @classmethod
    def of(cls, code: FixCode, patch: Iterable[Mapping[str, object]], /, **params: Param) -> Fix:
        """A fix with ``params`` given as keywords."""
        return cls(
            code=code,
            params=MappingProxyType(params),
            patch=tuple(MappingProxyType(dict(op)) for op in patch),
        )

    def as_dict(self) -> dict[str, object]:
        """Plain JSON-ready form: ``{code, params, patch}``."""
        return {
            "code": str(self.code),
            "params": dict(self.params),
            "patch": [dict(op) for op in self.patch],
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Problem:
    """One finding about a design: a stable ``code``, where (``path``) and its numbers."""

    code: ProblemCode
    severity: Severity = Severity.ERROR
    path: str = ""
    params: Mapping[str, Param] = field(default_factory=lambda: MappingProxyType({}))
    fixes: tuple[Fix, ...] = ()  # checked: each removes this problem and adds no error

    @classmethod
    def of(
        cls, code: ProblemCode, path: str, severity: Severity = Severity.ERROR, /, **params: Param
    ) -> Problem:
        """A problem with ``params`` given as keywords: the one way to make one.

        Examples
        --------
        >>> from kernel.fields import FieldProblem
        >>> Problem.of(FieldProblem.OUT_OF_RANGE, "cabinets[0].width_mm", max=2400).params
        mappingproxy({'max': 2400})
        """
        return cls(code=code, severity=severity, path=path, params=MappingProxyType(params))

    def as_dict(self) -> dict[str, object]:
        """Plain JSON-ready form, keys in a fixed order (without the fixes: see ``Fix``)."""
        return {
            "code": str(self.code),
            "severity": str(self.severity),
            "path": self.path,
            "params": dict(self.params),
        }

    @property
    def identity(self) -> tuple[object, ...]:
        """What tells this problem from another in the same design, whatever its sizes: its
        code, path and the params that name things (ids, reasons, kinds), not the numbers,
        which a change to the design may move."""
        names = tuple(
            sorted((k, v) for k, v in self.params.items() if isinstance(v, str | bool) or v is None)
        )
        return (str(self.code), self.path, names)


def has_errors(problems: Iterable[Problem]) -> bool:
    """Tell whether any problem is an error.

    Examples
    --------
    >>> from kernel.fields import FieldProblem
    >>> has_errors([Problem.of(FieldProblem.UNKNOWN_KEY, "x", Severity.WARNING)])
    False
    """
    return any(p.severity is Severity.ERROR for p in problems)


def errors_in(problems: Iterable[Problem]) -> list[Problem]:
    """The problems that stop a design from being made (errors), in order."""
    return [p for p in problems if p.severity is Severity.ERROR]
