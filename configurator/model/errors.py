"""Errors of the configurator package."""

from __future__ import annotations

from collections.abc import Sequence

from kernel.problems import Problem

__all__ = ["ConfiguratorError", "InvalidDesign"]


class ConfiguratorError(Exception):
    """Base class for every error raised by the configurator package."""


class InvalidDesign(ConfiguratorError):
    """The document cannot be read or built as a design; ``problems`` say where and why."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        first = problems[0] if problems else None
        summary = f"{first.path}: {first.code}" if first else "invalid design"
        super().__init__(f"{summary} ({len(problems)} problem(s))")
        self.problems = tuple(problems)
