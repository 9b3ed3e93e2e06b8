from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

from catalog.catalog import Catalog
from catalog.price_list import PriceList
from persistence.catalog_files import load_catalog
from persistence.price_files import load_price_list, load_promotions
from pricing.promotion_kinds import Promotions

settings.register_profile(
    "default", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "ci", max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "stress", max_examples=800, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "default")
)


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog()


@pytest.fixture(scope="session")
def price_list(catalog: Catalog) -> PriceList:
    return load_price_list(catalog)


@pytest.fixture(scope="session")
def promotions() -> Promotions:
    return load_promotions()
