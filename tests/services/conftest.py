from __future__ import annotations

from datetime import UTC, datetime

import pytest

from catalog.catalog import Catalog
from catalog.price_list import PriceList
from pricing.price import PriceBook
from pricing.promotion_kinds import Promotions
from tests.fakes import FixedCatalogs, FixedClock, InMemoryQuotes

NOW = datetime(2026, 11, 24, 4, tzinfo=UTC)


@pytest.fixture
def catalogs(catalog: Catalog, price_list: PriceList, promotions: Promotions) -> FixedCatalogs:
    return FixedCatalogs(catalog, PriceBook(price_list=price_list, promotions=promotions))


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


@pytest.fixture
def quotes() -> InMemoryQuotes:
    return InMemoryQuotes()
