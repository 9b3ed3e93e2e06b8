"""Fixtures of the persistence tests: a quote to keep, and databases (``databases.py``): a
test that takes ``db_url`` or ``engine`` runs on SQLite and on PostgreSQL."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine

from catalog.catalog import Catalog
from catalog.price_list import PriceList
from configurator.build.design_build import build_design
from configurator.model.document import parse_design
from configurator.views.plan import render_plan_svg
from pricing.price import PriceBook, price_design
from pricing.promotions import Customer, Promotions
from pricing.quote import Quote, issue_quote
from tests.persistence.databases import DATABASES, empty_database, migrated

BEDROOM = Path(__file__).parents[2] / "examples" / "bedroom.json"
NOW = datetime(2026, 11, 24, 12, tzinfo=UTC)


@pytest.fixture(scope="session")
def bedroom_quote(catalog: Catalog, price_list: PriceList, promotions: Promotions) -> Quote:
    design = parse_design(json.loads(BEDROOM.read_text()))
    build = build_design(design, catalog)
    price = price_design(
        build,
        catalog,
        PriceBook(price_list=price_list, promotions=promotions),
        now=NOW,
        customer=Customer(member=True, coupon="WELCOME300"),
    )
    return issue_quote(
        design,
        price,
        number="Q-2026-000001",
        issued_at=NOW,
        validity_days=price_list.quote_validity_days,
        drawings={"plan": render_plan_svg(build)},
    )


@pytest.fixture(params=DATABASES)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database, on SQLite and on PostgreSQL."""
    with empty_database(request.param, tmp_path) as url:
        yield url


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    """The engine of ``db_url``, migrated to the latest schema."""
    with migrated(db_url) as engine:
        yield engine
