from __future__ import annotations

import tomllib
from typing import Any

import pytest

from catalog.catalog import Catalog
from catalog.price_list import parse_price_list
from persistence.catalog_files import DEFAULT_CATALOG_DIR


@pytest.fixture
def doc() -> dict[str, Any]:
    return tomllib.loads((DEFAULT_CATALOG_DIR / "prices.toml").read_text())


def paths(doc: dict[str, Any], catalog: Catalog) -> list[tuple[str, str]]:
    price_list, problems = parse_price_list(doc, catalog)
    assert (price_list is None) == bool(problems)
    return [(p.code, p.path) for p in problems]


def test_the_demo_price_list_prices_everything(doc: dict[str, Any], catalog: Catalog) -> None:
    assert paths(doc, catalog) == []


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d["board"].pop("PB18_OAK"), ("missing_rate", "prices.toml:board.PB18_OAK")),
        (
            lambda d: d["hardware"].update(HINGE_110_FO=18.0),
            ("wrong_type", "prices.toml:hardware.HINGE_110_FO"),
        ),
        (
            lambda d: d["board"].update(PB18_WHITE="-1"),
            ("out_of_range", "prices.toml:board.PB18_WHITE"),
        ),
        (lambda d: d.update(region="mars"), ("missing_rate", "prices.toml:region")),
        (lambda d: d["deposit"].update(value="1.5"), ("out_of_range", "prices.toml:deposit.value")),
        (lambda d: d.update(method="by_weight"), ("invalid_value", "prices.toml:method")),
        (
            lambda d: d["projected"].update(sofa=d["projected"]["top_box"]),
            ("unknown_template", "prices.toml:projected.sofa"),
        ),
    ],
)
def test_a_broken_price_list_names_the_key(
    doc: dict[str, Any], catalog: Catalog, change: Any, expected: tuple[str, str]
) -> None:
    change(doc)
    assert paths(doc, catalog) == [expected]


def test_validity_window(doc: dict[str, Any], catalog: Catalog) -> None:
    doc["valid_until"], doc["valid_from"] = doc["valid_from"], doc["valid_until"]
    assert paths(doc, catalog) == [("out_of_range", "prices.toml:valid_until")]


def test_the_edge_overlength_is_not_a_price(doc: dict[str, Any], catalog: Catalog) -> None:
    """It is a fact of production, in the catalog's construction rules; a price list that
    still sets it is refused rather than silently ignored."""
    doc["edge_overlength_mm"] = 50
    [(code, path)] = paths(doc, catalog)
    assert code == "unknown_key" and path.endswith("edge_overlength_mm")
