"""Read the price list and promotions files."""

from __future__ import annotations

from pathlib import Path

from catalog.catalog import Catalog
from catalog.errors import InvalidCatalog
from catalog.price_list import PriceList, parse_price_list
from persistence.catalog_files import DEFAULT_CATALOG_DIR, read_toml
from pricing.promotion_data import parse_promotions
from pricing.promotion_kinds import Promotions

__all__ = ["load_price_list", "load_promotions"]


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
