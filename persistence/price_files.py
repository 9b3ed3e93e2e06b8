"""Read the price list and promotions files; store issued quotes as JSON files."""

from __future__ import annotations

import json
from pathlib import Path

from catalog.catalog import Catalog
from catalog.errors import InvalidCatalog
from catalog.price_list import PriceList, parse_price_list
from persistence.catalog_files import DEFAULT_CATALOG_DIR, read_toml
from persistence.pricing_json import quote_from_json, quote_to_json
from pricing.promotion_data import parse_promotions
from pricing.promotion_kinds import Promotions
from pricing.quote import Quote, quote_number
from services.errors import NotFound, QuoteNumberTaken

__all__ = ["QuoteFiles", "load_price_list", "load_promotions"]


def _toml(path: Path) -> dict[str, object]:
    data, problems = read_toml(path)
    if problems:
        raise InvalidCatalog(problems)
    return data


def load_price_list(catalog: Catalog, directory: Path = DEFAULT_CATALOG_DIR) -> PriceList:
    """The price list in ``directory``; ``InvalidCatalog`` names each key at fault."""
    price_list, problems = parse_price_list(_toml(directory / "prices.toml"), catalog)
    if price_list is None:
        raise InvalidCatalog(problems)
    return price_list


def load_promotions(directory: Path = DEFAULT_CATALOG_DIR) -> Promotions:
    """The promotions in ``directory``; ``InvalidCatalog`` names each key at fault."""
    promotions, problems = parse_promotions(_toml(directory / "promotions.toml"))
    if problems:
        raise InvalidCatalog(problems)
    return promotions


class QuoteFiles:
    """Issued quotes as ``<number>.json`` files under a folder (until the database exists)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def next_number(self, year: int) -> str:
        """The next free number of ``year``."""
        taken = sorted(self.folder.glob(f"Q-{year}-*.json")) if self.folder.exists() else []
        last = int(taken[-1].stem.rsplit("-", 1)[1]) if taken else 0
        return quote_number(year, last + 1)

    def save(self, quote: Quote) -> Path:
        """Write a new quote; an existing number is never overwritten."""
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / f"{quote.number}.json"
        with path.open("x", encoding="utf-8") as handle:
            json.dump(quote_to_json(quote), handle, ensure_ascii=False, indent=2)
        return path

    def load(self, number: str) -> Quote:
        """Read an issued quote back."""
        data = json.loads((self.folder / f"{number}.json").read_text(encoding="utf-8"))
        return quote_from_json(data)

    def add(self, quote: Quote) -> None:
        """Keep a new quote (``QuoteNumberTaken`` if its number is used)."""
        try:
            self.save(quote)
        except FileExistsError:
            raise QuoteNumberTaken(quote.number) from None

    def get(self, number: str) -> Quote:
        """An issued quote (``NotFound`` if there is none)."""
        try:
            return self.load(number)
        except FileNotFoundError:
            raise NotFound("quote", number) from None
