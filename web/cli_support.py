"""Shared pieces of the ``millwork`` command line: reading designs, clear errors, writing
files. Bad input never shows a traceback: ``CliError`` carries one line per problem."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from catalog.catalog import Catalog
from configurator.build.design_build import DesignBuild, build_design
from configurator.model.design import Design
from configurator.model.document import parse_design
from configurator.model.errors import InvalidDesign
from configurator.room.geometry import check_room
from kernel.problems import Problem, has_errors
from web.json_input import read_json
from web.messages import render_problem

CHINA = timezone(timedelta(hours=8), "CST")


class CliError(Exception):
    """Input that cannot be used; the message is shown as it is."""

    def __init__(self, lines: Sequence[str]) -> None:
        super().__init__("\n".join(lines))
        self.lines = list(lines)


def problems_error(source: str, problems: Sequence[Problem]) -> CliError:
    return CliError([f"{source}: {render_problem(p)}" for p in problems])


def read_design(path: str) -> Design:
    """Read and parse a design file, or raise ``CliError``."""
    return parse_document(path, read_document(path))


def parse_document(path: str, document: object) -> Design:
    try:
        return parse_design(document)
    except InvalidDesign as exc:
        raise problems_error(path, exc.problems) from None


def read_document(path: str) -> Any:
    """Read a design file's JSON, or raise ``CliError``."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CliError([f"{path}: no such file"]) from None
    except IsADirectoryError:
        raise CliError([f"{path}: is a directory, not a design file"]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CliError([f"{path}: cannot read ({exc})"]) from None
    try:
        return read_json(text)
    except ValueError as exc:
        raise CliError([f"{path}: {exc}"]) from None


def build_or_fail(path: str, catalog: Catalog) -> DesignBuild:
    """Build the design in ``path``; every blocking problem becomes a ``CliError``."""
    build = build_design(read_design(path), catalog)
    if has_errors(build.problems):
        raise problems_error(path, [p for p in build.problems if p.severity == "error"])
    return build


def moment(text: str | None) -> datetime:
    """``--at``: an ISO date or date-time (dates at noon, China time); now by default."""
    if text is None:
        return datetime.now(UTC)
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise CliError([f"--at {text!r} is not an ISO date like 2026-11-24"]) from None
    if len(text) == 10:
        moment = moment.replace(hour=12)
    return moment if moment.tzinfo else moment.replace(tzinfo=CHINA)


def write_file(path: str, data: bytes | str) -> None:
    try:
        if isinstance(data, str):
            Path(path).write_text(data, encoding="utf-8")
        else:
            Path(path).write_bytes(data)
    except OSError as exc:
        raise CliError([f"{path}: cannot write ({exc.strerror})"]) from None


def build_for_drawing(path: str, catalog: Catalog) -> DesignBuild:
    """Build for a drawing: cabinets that cannot be built are left out, as in the 3D view."""
    return build_design(read_design(path), catalog)


def check_drawable(path: str, build: DesignBuild) -> None:
    problems = check_room(build.design.room)
    if problems:
        raise problems_error(path, problems)
