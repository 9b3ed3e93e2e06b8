"""Price lists: versioned rates with a validity window, next to the catalog (DOMAIN.md A17).

Rates are ``Decimal`` in the price list's currency, tax-inclusive. How a design is priced from
them is ``pricing``'s business; this module only holds and checks the numbers.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum
from types import MappingProxyType

from catalog.catalog import Catalog
from catalog.problems import CatalogProblem
from kernel.fields import FieldProblem, Reader
from kernel.money import Currency
from kernel.problems import Problem

__all__ = ["DepositRule", "Method", "PriceList", "ProductLine", "parse_price_list"]


class Method(StrEnum):
    """How board is priced."""

    UNFOLDED = "unfolded"  # 展开面积: every part's area x the material's rate
    PROJECTED = "projected"  # 投影面积: front elevation x the product line's rate, extras on top
    SHEETS = "sheets"  # raw sheets consumed x the sheet rate


@dataclass(frozen=True, slots=True, kw_only=True)
class ProductLine:
    """A template priced by projected area: what is included and what extras cost."""

    rate: Decimal
    shelves_per_m: int
    extra_shelf: Decimal
    drawer: Decimal


@dataclass(frozen=True, slots=True, kw_only=True)
class DepositRule:
    """定金: a percentage of the total or a fixed amount, rounded up to ``round_to``."""

    kind: str
    value: Decimal
    round_to: Decimal


@dataclass(frozen=True, slots=True, kw_only=True)
class PriceList:
    """One version of every rate."""

    version: str
    currency: Currency
    valid_from: date
    valid_until: date
    vat_rate: Decimal
    method: Method
    region: str
    quote_validity_days: int
    sheet_yield: Decimal
    nonstandard_coefficient: Decimal
    min_order: Decimal
    deposit: DepositRule
    board: Mapping[str, Decimal]
    large_board: Mapping[str, Decimal]
    sheet: Mapping[str, Decimal]
    large_sheet: Mapping[str, Decimal]
    projected: Mapping[str, ProductLine]
    machining: Mapping[str, Decimal]
    installation: Mapping[str, Decimal]
    delivery: Mapping[str, Decimal]
    edge_band: Mapping[str, Decimal]
    hardware: Mapping[str, Decimal]
    front_style: Mapping[str, Decimal] = field(default_factory=dict)  # per leaf of a style

    def is_valid_on(self, day: date) -> bool:
        """Whether the price list applies on ``day``."""
        return self.valid_from <= day <= self.valid_until


_TOP = (
    "version",
    "currency",
    "valid_from",
    "valid_until",
    "vat_rate",
    "method",
    "region",
    "quote_validity_days",
    "sheet_yield",
    "nonstandard_coefficient",
    "min_order",
    "deposit",
    "board",
    "large_board",
    "sheet",
    "large_sheet",
    "projected",
    "machining",
    "installation",
    "delivery",
    "edge_band",
    "hardware",
)
_MACHINING = ("hole", "cup", "cam", "groove_m")


def _rates(r: Reader, value: object, path: str) -> Mapping[str, Decimal]:
    table = r.open_mapping(value, path)
    return MappingProxyType({k: r.decimal(v, f"{path}.{k}") for k, v in table.items()})


def _line(r: Reader, value: object, path: str) -> ProductLine:
    m = r.mapping(value, path, required=("rate", "shelves_per_m", "extra_shelf", "drawer"))
    return ProductLine(
        rate=r.decimal(m.get("rate"), f"{path}.rate"),
        shelves_per_m=r.integer(
            m.get("shelves_per_m"), f"{path}.shelves_per_m", minimum=0, maximum=20
        ),
        extra_shelf=r.decimal(m.get("extra_shelf"), f"{path}.extra_shelf"),
        drawer=r.decimal(m.get("drawer"), f"{path}.drawer"),
    )


def parse_price_list(
    doc: Mapping[str, object], catalog: Catalog, *, source: str = "prices.toml"
) -> tuple[PriceList | None, list[Problem]]:
    """Read a price list and check that it prices everything the catalog offers."""
    r = Reader()
    m = r.mapping(doc, f"{source}:", required=_TOP, optional=("front_style",))
    p = f"{source}:"
    dep = r.mapping(m.get("deposit"), f"{p}deposit", required=("kind", "value", "round_to"))
    kind = r.text(dep.get("kind"), f"{p}deposit.kind", choices=("percent", "fixed"))
    method = r.text(m.get("method"), f"{p}method", choices=[x.value for x in Method])
    price_list = PriceList(
        version=r.text(m.get("version"), f"{p}version", pattern=r"[\w.\-]{1,40}"),
        currency=Currency(
            r.text(m.get("currency"), f"{p}currency", choices=list(Currency)) or Currency.CNY
        ),
        valid_from=r.day(m.get("valid_from"), f"{p}valid_from"),
        valid_until=r.day(m.get("valid_until"), f"{p}valid_until"),
        vat_rate=r.decimal(m.get("vat_rate"), f"{p}vat_rate", maximum=Decimal(1)),
        method=Method(method) if method in list(Method) else Method.UNFOLDED,
        region=r.text(m.get("region"), f"{p}region"),
        quote_validity_days=r.integer(
            m.get("quote_validity_days"), f"{p}quote_validity_days", minimum=1, maximum=365
        ),
        sheet_yield=r.decimal(
            m.get("sheet_yield"), f"{p}sheet_yield", minimum=Decimal("0.1"), maximum=Decimal(1)
        ),
        nonstandard_coefficient=r.decimal(
            m.get("nonstandard_coefficient"),
            f"{p}nonstandard_coefficient",
            minimum=Decimal(1),
            maximum=Decimal(3),
        ),
        min_order=r.decimal(m.get("min_order"), f"{p}min_order"),
        deposit=DepositRule(
            kind=kind,
            value=r.decimal(dep.get("value"), f"{p}deposit.value"),
            round_to=r.decimal(
                dep.get("round_to"), f"{p}deposit.round_to", minimum=Decimal("0.01")
            ),
        ),
        board=_rates(r, m.get("board"), f"{p}board"),
        large_board=_rates(r, m.get("large_board"), f"{p}large_board"),
        sheet=_rates(r, m.get("sheet"), f"{p}sheet"),
        large_sheet=_rates(r, m.get("large_sheet"), f"{p}large_sheet"),
        projected=MappingProxyType(
            {
                k: _line(r, v, f"{p}projected.{k}")
                for k, v in r.open_mapping(m.get("projected"), f"{p}projected").items()
            }
        ),
        machining=_rates(r, m.get("machining"), f"{p}machining"),
        installation=_rates(r, m.get("installation"), f"{p}installation"),
        delivery=_rates(r, m.get("delivery"), f"{p}delivery"),
        edge_band=_rates(r, m.get("edge_band"), f"{p}edge_band"),
        hardware=_rates(r, m.get("hardware"), f"{p}hardware"),
        front_style=_rates(r, m.get("front_style", {}), f"{p}front_style"),
    )
    if not r.problems:
        _cross_check(r, price_list, catalog, p)
    return (None if r.problems else price_list), r.problems


def _cross_check(r: Reader, pl: PriceList, catalog: Catalog, p: str) -> None:
    """Every material, band, item and operation the catalog can use has a rate; a material
    sold in a large format has its large-format rates."""
    large = [code for code, m in catalog.materials.items() if m.large_sheet_mm]
    for table, codes, key in (
        (pl.board, list(catalog.materials), "board"),
        (pl.large_board, large, "large_board"),
        (pl.sheet, list(catalog.materials), "sheet"),
        (pl.large_sheet, large, "large_sheet"),
        (pl.edge_band, list(catalog.edge_bands), "edge_band"),
        (pl.hardware, list(catalog.hardware), "hardware"),
    ):
        for code in codes:
            if code not in table:
                r.fail(CatalogProblem.MISSING_RATE, f"{p}{key}.{code}")
    for code in catalog.front_styles:
        if code not in pl.front_style:
            r.fail(CatalogProblem.MISSING_RATE, f"{p}front_style.{code}")
    for op in _MACHINING:
        if op not in pl.machining:
            r.fail(CatalogProblem.MISSING_RATE, f"{p}machining.{op}")
    for template in pl.projected:
        if template not in catalog.templates:
            r.fail(CatalogProblem.UNKNOWN_TEMPLATE, f"{p}projected.{template}", value=template)
    _check_terms(r, pl, p)


def _check_terms(r: Reader, pl: PriceList, p: str) -> None:
    """The default region has rates, the window is not reversed, a deposit is at most 100 %."""
    if pl.region not in pl.installation or pl.region not in pl.delivery:
        r.fail(CatalogProblem.MISSING_RATE, f"{p}region", value=pl.region)
    if pl.valid_until < pl.valid_from:
        r.fail(
            FieldProblem.OUT_OF_RANGE,
            f"{p}valid_until",
            value=str(pl.valid_until),
            min=str(pl.valid_from),
            max="any",
        )
    if pl.deposit.kind == "percent" and pl.deposit.value > 1:
        r.fail(
            FieldProblem.OUT_OF_RANGE,
            f"{p}deposit.value",
            value=str(pl.deposit.value),
            min="0",
            max="1",
        )
