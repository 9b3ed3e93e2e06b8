"""The catalog, price list and promotions as read from the versioned files in
``catalog/data/``: the ``CatalogSource`` the CLI and the web app give the use cases."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

from catalog.catalog import Catalog
from persistence.catalog_files import DEFAULT_CATALOG_DIR, load_catalog
from persistence.price_files import load_price_list, load_promotions
from pricing.price import PriceBook

__all__ = ["CatalogFiles"]


class CatalogFiles:
    """Reads (and checks) each file once, on first use; ``InvalidCatalog`` names the file and
    key at fault."""

    def __init__(
        self, directory: Path = DEFAULT_CATALOG_DIR, *, catalog: Catalog | None = None
    ) -> None:
        self._directory = directory
        self._given = catalog  # already loaded (the web app's, say): not read again

    @cached_property
    def _catalog(self) -> Catalog:
        return self._given or load_catalog(self._directory)

    @cached_property
    def _book(self) -> PriceBook:
        return PriceBook(
            price_list=load_price_list(self._catalog, self._directory),
            promotions=load_promotions(self._directory),
        )

    def catalog(self) -> Catalog:
        """The catalog in force."""
        return self._catalog

    def price_book(self) -> PriceBook:
        """The price list and promotions in force."""
        return self._book
