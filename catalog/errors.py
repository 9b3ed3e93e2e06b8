"""Errors of the catalog package: a broken catalog, or a lookup of something it lacks."""

from __future__ import annotations

from collections.abc import Sequence

from kernel.problems import Problem

__all__ = ["CatalogError", "InvalidCatalog", "UnknownCode"]


class CatalogError(Exception):
    """Base class for every error raised by the catalog package."""


class InvalidCatalog(CatalogError):
    """The catalog data is broken; ``problems`` name each file and key at fault."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        lines = [f"{p.path}: {p.code} {dict(p.params)}" for p in problems]
        super().__init__("invalid catalog:\n  " + "\n  ".join(lines))
        self.problems = tuple(problems)


class UnknownCode(CatalogError):
    """A lookup named a material, band, hardware item or template the catalog lacks."""

    def __init__(self, kind: str, code: str) -> None:
        super().__init__(f"unknown {kind} {code!r}")
        self.kind, self.code = kind, code
