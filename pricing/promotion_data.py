"""Read promotions data (``catalog/data/promotions.toml`` parsed) and check it: kinds,
amounts, windows, tiers, duplicate ids and overlapping exclusive promotions."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

from kernel.fields import FieldProblem, Reader
from kernel.problems import Problem
from pricing.lines import Category
from pricing.problems import PricingProblem
from pricing.promotions import KINDS, Promotion, Promotions

__all__ = ["parse_promotions"]


def parse_promotions(
    doc: Mapping[str, object], *, source: str = "promotions.toml"
) -> tuple[Promotions, list[Problem]]:
    """Read promotions and check them: kinds, amounts, windows, overlapping exclusives."""
    r = Reader()
    m = r.mapping(doc, f"{source}:", required=("stacking",), optional=("promotion",))
    stacking = tuple(
        r.text(k, f"{source}:stacking[{i}]", choices=KINDS)
        for i, k in enumerate(r.sequence(m.get("stacking"), f"{source}:stacking"))
    )
    items = tuple(
        _promotion(r, p, f"{source}:promotion[{i}]")
        for i, p in enumerate(r.sequence(m.get("promotion", []), f"{source}:promotion"))
    )
    _check_overlaps(r, items, source)
    return Promotions(stacking=stacking, items=items), r.problems


_FIELDS = ("id", "kind", "name", "name_zh", "valid_from", "valid_until")
_OPTIONAL = (
    "group",
    "exclusive",
    "item",
    "price",
    "category",
    "percent",
    "tiers",
    "code",
    "amount",
    "min_spend",
    "max_uses",
    "per_customer",
    "threshold",
    "quantity",
)
_NEEDS = {
    "flash": ("item", "price"),
    "category": ("category", "percent"),
    "threshold": ("tiers",),
    "coupon": ("code",),
    "member": ("percent",),
    "gift": ("threshold", "item", "quantity"),
}


def _promotion(r: Reader, value: object, path: str) -> Promotion:
    m = r.mapping(value, path, required=_FIELDS, optional=_OPTIONAL)
    kind = r.text(m.get("kind"), f"{path}.kind", choices=KINDS)
    for key in _NEEDS.get(kind, ()):
        if key not in m:
            r.fail(FieldProblem.MISSING_KEY, f"{path}.{key}")
    if kind == "coupon" and "amount" not in m and "percent" not in m:
        r.fail(FieldProblem.MISSING_KEY, f"{path}.amount", alternative="percent")

    def money(key: str) -> Decimal | None:
        return r.decimal(m[key], f"{path}.{key}") if key in m else None

    def count(key: str) -> int | None:
        return r.integer(m[key], f"{path}.{key}", minimum=0, maximum=10**9) if key in m else None

    percent = (
        r.decimal(m["percent"], f"{path}.percent", maximum=Decimal(1)) if "percent" in m else None
    )
    tiers = tuple(
        _tier(r, t, f"{path}.tiers[{i}]")
        for i, t in enumerate(r.sequence(m.get("tiers", []), f"{path}.tiers"))
    )
    if any(off > spend for spend, off in tiers) or list(tiers) != sorted(tiers):
        r.fail(
            FieldProblem.INVALID_VALUE,
            f"{path}.tiers",
            value="tiers",
            allowed="ascending [spend, off] pairs with off <= spend",
        )
    promo = Promotion(
        id=r.text(m.get("id"), f"{path}.id", pattern=r"[A-Za-z0-9_\-]{1,40}"),
        kind=kind,
        name=r.text(m.get("name"), f"{path}.name"),
        name_zh=r.text(m.get("name_zh"), f"{path}.name_zh"),
        valid_from=r.moment(m.get("valid_from"), f"{path}.valid_from"),
        valid_until=r.moment(m.get("valid_until"), f"{path}.valid_until"),
        group=r.text(m["group"], f"{path}.group") if "group" in m else None,
        exclusive=r.flag(m["exclusive"], f"{path}.exclusive") if "exclusive" in m else False,
        item=r.text(m["item"], f"{path}.item") if "item" in m else None,
        price=money("price"),
        category=r.text(m["category"], f"{path}.category", choices=[c.value for c in Category])
        if "category" in m
        else None,
        percent=percent,
        tiers=tiers,
        code=r.text(m["code"], f"{path}.code").upper() if "code" in m else None,
        amount=money("amount"),
        min_spend=money("min_spend") or Decimal(0),
        max_uses=count("max_uses"),
        per_customer=count("per_customer"),
        threshold=money("threshold"),
        quantity=count("quantity") or 0,
    )
    if promo.valid_until < promo.valid_from:
        r.fail(
            FieldProblem.OUT_OF_RANGE,
            f"{path}.valid_until",
            value=promo.valid_until.isoformat(),
            min=promo.valid_from.isoformat(),
            max="any",
        )
    return promo


def _tier(r: Reader, value: object, path: str) -> tuple[Decimal, Decimal]:
    pair = r.sequence(value, path, min_len=2)
    if len(pair) != 2:
        return (Decimal(0), Decimal(0))
    return r.decimal(pair[0], f"{path}[0]"), r.decimal(pair[1], f"{path}[1]")


def _check_overlaps(r: Reader, items: Sequence[Promotion], source: str) -> None:
    """Two exclusive promotions of one kind must not run at the same time: which one applies
    would be a matter of luck."""
    exclusive = [(i, p) for i, p in enumerate(items) if p.exclusive]
    for n, (_, a) in enumerate(exclusive):
        for j, b in exclusive[n + 1 :]:
            if a.kind == b.kind and a.valid_from <= b.valid_until and b.valid_from <= a.valid_until:
                r.fail(
                    PricingProblem.OVERLAPPING_EXCLUSIVE,
                    f"{source}:promotion[{j}]",
                    value=b.id,
                    other=a.id,
                )
    ids = [p.id for p in items]
    for i, ident in enumerate(ids):
        if ident in ids[:i]:
            r.fail(FieldProblem.DUPLICATE_ID, f"{source}:promotion[{i}].id", value=ident)
