"""What a use case can refuse, as exceptions that carry data; the CLI and the API turn each
into their own words and status (one place each)."""

from __future__ import annotations

from collections.abc import Sequence

from kernel.problems import Problem

__all__ = [
    "AlreadyExists",
    "DesignHasErrors",
    "Forbidden",
    "InvalidInput",
    "NotFound",
    "NotSignedIn",
    "QuotaExceeded",
    "RevisionRequired",
    "ServiceError",
    "StaleRevision",
    "StaleVersion",
    "TooManyAttempts",
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
        shown = key if len(key) <= 64 else key[:64] + "…"  # never echo 60 KB back
        super().__init__(f"no {kind} {shown!r}")
        self.kind, self.key = kind, key


class InvalidInput(ServiceError):
    """Input that cannot be read; ``problems`` say where and why, one per mistake."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        first = problems[0] if problems else None
        super().__init__(f"{first.path}: {first.code}" if first else "invalid input")
        self.problems = tuple(problems)


class NotSignedIn(ServiceError):
    """The use case needs an account (a wrong login or password says the same, on purpose)."""


class Forbidden(ServiceError):
    """The actor sees the object but their role may not do this with it."""

    def __init__(self, action: str) -> None:
        super().__init__(f"not allowed: {action}")
        self.action = action


class AlreadyExists(ServiceError):
    """A login (or other unique name) that is taken."""

    def __init__(self, kind: str, key: str) -> None:
        super().__init__(f"{kind} {key!r} already exists")
        self.kind, self.key = kind, key


class RevisionRequired(ServiceError):
    """An update that does not say which revision it changes (HTTP: no ``If-Match``)."""


class StaleRevision(ServiceError):
    """An update of a revision that is no longer the latest: someone saved in between."""

    def __init__(self, current: int) -> None:
        super().__init__(f"the design is at revision {current}")
        self.current = current


class StaleVersion(ServiceError):
    """An update of something (a store's schedule) that changed since the caller read it:
    ``current`` is the tag of what is there now."""

    def __init__(self, kind: str, current: str) -> None:
        super().__init__(f"the {kind} was changed by someone else: load it again")
        self.current = current


class TooManyAttempts(ServiceError):
    """Too many failed log-ins: try again after ``retry_after_s`` seconds."""

    def __init__(self, retry_after_s: int) -> None:
        super().__init__(f"too many attempts; retry after {retry_after_s} s")
        self.retry_after_s = retry_after_s


class QuotaExceeded(ServiceError):
    """An account (or a design) holds as much as it may: more designs, more revisions."""
