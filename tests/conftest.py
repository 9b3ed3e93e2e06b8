from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from argon2 import PasswordHasher
from hypothesis import HealthCheck, settings

from catalog.catalog import Catalog
from catalog.price_list import PriceList
from persistence.catalog_files import load_catalog
from persistence.price_files import load_price_list, load_promotions
from pricing.promotion_kinds import Promotions
from services import credentials

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


@pytest.fixture(autouse=True, scope="session")
def quick_password_hashes() -> Iterator[None]:
    """Argon2 at its cheapest in the tests (one pass over 1 MiB, not three over 64 MiB): the
    hashes are real argon2id and checked the same way, but hundreds of test accounts cost
    milliseconds instead of a minute. ``tests/services/test_credentials.py`` checks the
    product's own cost. Servers started as subprocesses keep the product's cost."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(credentials, "_HASHER", PasswordHasher(time_cost=1, memory_cost=1024))
        yield


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog()


@pytest.fixture(scope="session")
def price_list(catalog: Catalog) -> PriceList:
    return load_price_list(catalog)


@pytest.fixture(scope="session")
def promotions() -> Promotions:
    return load_promotions()
