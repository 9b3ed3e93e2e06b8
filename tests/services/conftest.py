from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from catalog.catalog import Catalog
from catalog.price_list import PriceList
from pricing.price import PriceBook
from pricing.promotion_kinds import Promotions
from services.backend import Backend
from tests.fakes import FixedCatalogs, FixedClock, InMemoryQuotes, fake_backend
from tests.persistence.databases import DATABASES, empty_database, migrated
from web.wiring import database_backend

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


@pytest.fixture(params=["fake", *DATABASES])
def backend(
    request: pytest.FixtureRequest, tmp_path: Path, clock: FixedClock, catalogs: FixedCatalogs
) -> Iterator[Backend]:
    """The use cases' ports in memory, on SQLite and on PostgreSQL: a test that takes it
    holds the fakes to what the database adapters do."""
    if request.param == "fake":
        yield fake_backend(clock, catalogs)
        return
    with empty_database(request.param, tmp_path) as url, migrated(url) as engine:
        yield database_backend(engine, catalogs, clock)
