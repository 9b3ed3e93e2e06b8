"""Shared pieces of the ``millwork`` command line: reading designs, writing files, the
adapters the use cases get, and the one place that turns a refusal into clear lines."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from catalog.errors import InvalidCatalog
from catalog.price_list import Method
from configurator.model.errors import InvalidDesign
from kernel.problems import Problem
from persistence.catalog_source import CatalogFiles
from pricing.promotions import Customer
from production_export.errors import NoSheetSize, PartTooLarge
from services.errors import DesignHasErrors, InvalidInput, ServiceError
from services.evaluation import PriceRequest
from web.json_input import read_json
from web.messages import render_problem

__all__ = [
    "CliError",
    "catalog_files",
    "error_lines",
    "moment",
    "price_request",
    "read_document",
    "write_file",
]

CHINA = timezone(timedelta(hours=8), "CST")


class CliError(Exception):
    """Input that cannot be used; the message is shown as it is."""

    def __init__(self, lines: Sequence[str]) -> None:
        super().__init__("\n".join(lines))
        self.lines = list(lines)


def catalog_files() -> CatalogFiles:
    """The catalog, price list and promotions from ``catalog/data/``, read on first use."""
    return CatalogFiles()


def error_lines(exc: Exception, args: argparse.Namespace) -> list[str] | None:
    """The words for a refusal (``error: ...`` lines), or ``None`` for a real failure."""
    source = getattr(args, "design", None) or getattr(args, "parts", None)

    def problems(found: Sequence[Problem], prefix: str = "error") -> list[str]:
        where = f"{source}: " if source else ""
        return [f"{prefix}: {where}{render_problem(p)}" for p in found]

    if isinstance(exc, CliError):
        return [f"error: {line}" for line in exc.lines]
    if isinstance(exc, InvalidCatalog):
        return [f"catalog: {render_problem(p)}" for p in exc.problems]
    if isinstance(exc, InvalidDesign | DesignHasErrors | InvalidInput):
        return problems(exc.problems)
    if isinstance(exc, NoSheetSize):
        return [
            f"error: {source}: material {exc.material!r} is not in the catalog: give --sheet "
            "LENGTHxWIDTH"
        ]
    if isinstance(exc, PartTooLarge):
        return [f"error: {source}: {exc.material}: {exc.reason}"]
    if isinstance(exc, ServiceError):
        return [f"error: {exc}"]
    return None


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


def moment(text: str | None) -> datetime | None:
    """``--at``: an ISO date or date-time (dates at noon, China time); ``None``: now."""
    if text is None:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise CliError([f"--at {text!r} is not an ISO date like 2026-11-24"]) from None
    if len(text) == 10:
        moment = moment.replace(hour=12)
    return moment if moment.tzinfo else moment.replace(tzinfo=CHINA)


def write_file(path: str | Path, data: bytes | str) -> None:
    """Write ``data`` to ``path``, or raise ``CliError``."""
    try:
        if isinstance(data, str):
            Path(path).write_text(data, encoding="utf-8")
        else:
            Path(path).write_bytes(data)
    except OSError as exc:
        raise CliError([f"{path}: cannot write ({exc.strerror})"]) from None


def price_request(args: argparse.Namespace) -> PriceRequest:
    """Who asks, by which method, as of when: from ``--member --coupon --region --method
    --at``."""
    return PriceRequest(
        customer=Customer(member=args.member, coupon=args.coupon, region=args.region),
        method=Method(args.method) if args.method else None,
        at=moment(args.at),
    )
