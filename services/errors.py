"""What a use case can refuse, as exceptions that carry data; the CLI and the API turn each
into their own words and status (one place each)."""

from __future__ import annotations

from collections.abc import Sequence

from kernel.problems import Problem

__all__ = [
    "DesignHasErrors",
    "InvalidInput",
    "NotFound",
    "ServiceError",
]


class ServiceError(Exception):
    """Base class for every refusal of a use case."""


class DesignHasErrors(ServiceError):
    """What cannot be made is neither quoted nor sent to the factory; ``problems`` are the
    errors that stand in the way."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__(f"the design has {len(problems)} error(s)")
        self.problems = tuple(problems)


class NotFound(ServiceError):
    """No such object (or none the caller may see)."""

    def __init__(self, kind: str, key: str) -> None:
        super().__init__(f"no {kind} {key!r}")
        self.kind, self.key = kind, key


class InvalidInput(ServiceError):
    """Input that cannot be read; ``problems`` say where and why, one per mistake."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        first = problems[0] if problems else None
        super().__init__(f"{first.path}: {first.code}" if first else "invalid input")
        self.problems = tuple(problems)
