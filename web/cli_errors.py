"""The one place the ``millwork`` command line turns a refusal into clear lines. Light on
purpose: ``web/cli.py`` imports it before it knows which command runs."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from catalog.errors import InvalidCatalog
from configurator.model.errors import InvalidDesign
from kernel.problems import Problem
from production_export.errors import NoSheetSize, PartTooLarge
from services.errors import DesignHasErrors, InvalidInput, ServiceError
from web.messages import render_problem

__all__ = ["CliError", "error_lines"]


class CliError(Exception):
    """Input that cannot be used; the message is shown as it is."""

    def __init__(self, lines: Sequence[str]) -> None:
        super().__init__("\n".join(lines))
        self.lines = list(lines)


def error_lines(exc: Exception, args: argparse.Namespace) -> list[str] | None:
    """The words for a refusal (``error: ...`` lines), or ``None`` for a real failure."""
    source = getattr(args, "design", None) or getattr(args, "parts", None)
    where = f"{source}: " if source else ""
    if isinstance(exc, CliError):
        return [f"error: {line}" for line in exc.lines]
    if isinstance(exc, InvalidCatalog):
        return [f"catalog: {render_problem(p)}" for p in exc.problems]
    if isinstance(exc, DesignHasErrors) and getattr(args, "command", None) == "export":
        return [
            *_problems(where, exc.problems),
            f"error: not exported: {len(exc.problems)} error(s); --force exports anyway and "
            "records them in manifest.json",
        ]
    if isinstance(exc, InvalidDesign | DesignHasErrors | InvalidInput):
        return _problems(where, exc.problems)
    if isinstance(exc, NoSheetSize):
        return [
            f"error: {where}material {exc.material!r} is not in the catalog: give --sheet "
            "LENGTHxWIDTH"
        ]
    if isinstance(exc, PartTooLarge):
        return [f"error: {where}{exc.material}: {exc.reason}"]
    if isinstance(exc, ServiceError):
        return [f"error: {exc}"]
    return None


def _problems(where: str, found: Sequence[Problem]) -> list[str]:
    return [f"error: {where}{render_problem(p)}" for p in found]
