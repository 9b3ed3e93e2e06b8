"""Shared pieces of the ``millwork`` commands: reading designs, writing files, the price
request and the catalog the use cases get."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from catalog.price_list import Method
from persistence.catalog_source import CatalogFiles
from pricing.promotions import Customer
from services.evaluation import PriceRequest
from web.cli_errors import CliError
from web.json_input import read_json

__all__ = [
    "aligned",
    "catalog_files",
    "moment",
    "price_request",
    "read_document",
    "write_file",
]

CHINA = timezone(timedelta(hours=8), "CST")


def catalog_files() -> CatalogFiles:
    """The catalog, price list and promotions from ``catalog/data/``, read on first use."""
    return CatalogFiles()


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
    if not 2000 <= moment.year <= 2100:  # prices and quotes of another century are typos
        raise CliError([f"--at {text!r} is not a date between 2000 and 2100"])
    if len(text) in (8, 10):  # a date without a time: noon
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


def aligned(rows: Sequence[Sequence[str]]) -> list[str]:
    """Rows of cells as lines of a table, each column as wide as its widest cell (the last
    column is not padded).

    >>> aligned([["login", "role"], ["admin1", "admin"]])
    ['login   role', 'admin1  admin']
    """
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))] if rows else []
    return [
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in rows
    ]
