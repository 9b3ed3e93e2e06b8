"""Read promotions data (``catalog/data/promotions.toml`` parsed) and check it: kinds,
amounts, windows, tiers, duplicate ids and overlapping exclusive promotions."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from kernel.fields import FieldProblem, Reader
from kernel.problems import Problem
from pricing.lines import Category
from pricing.problems import PricingProblem
from pricing.promotion_kinds import (
    CategoryDiscount,
    Coupon,
    FlashPrice,
    Gift,
    MemberDiscount,
    Promotion,
    PromotionKind,
    Promotions,
    Terms,
    ThresholdDiscount,
)

__all__ = ["parse_promotions"]

_KINDS = [k.value for k in PromotionKind]


def parse_promotions(
    doc: Mapping[str, object], *, source: str = "promotions.toml"
) -> tuple[Promotions, list[Problem]]:
    """Read promotions and check them: kinds, amounts, windows, overlapping exclusives."""
    r = Reader()
    m = r.mapping(doc, f"{source}:", required=("stacking",), optional=("promotion",))
    stacking = tuple(
        PromotionKind(kind)
        for i, k in enumerate(r.sequence(m.get("stacking"), f"{source}:stacking"))
        if (kind := r.text(k, f"{source}:stacking[{i}]", choices=_KINDS)) in _KINDS
    )
    entries = [
        _promotion(r, p, f"{source}:promotion[{i}]")
        for i, p in enumerate(r.sequence(m.get("promotion", []), f"{source}:promotion"))
    ]
    _check_overlaps(r, entries, source)
    items = tuple(e.promotion for e in entries if e.promotion is not None)
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
_NEEDS: Mapping[str, tuple[str, ...]] = {
    PromotionKind.FLASH: ("item", "price"),
    PromotionKind.CATEGORY: ("category", "percent"),
    PromotionKind.THRESHOLD: ("tiers",),
    PromotionKind.COUPON: ("code",),
    PromotionKind.MEMBER: ("percent",),
    PromotionKind.GIFT: ("threshold", "item", "quantity"),
}


@dataclass(frozen=True, slots=True)
class _Entry:
    """One promotion as read: its kind as written, its terms, and the typed promotion
    (``None`` when the kind is unknown)."""

    kind: str
    terms: Terms
    promotion: Promotion | None


@dataclass(frozen=True, slots=True, kw_only=True)
class _Keys:
    """The kind-specific keys as read (every key is read and checked whatever the kind;
    each kind keeps the ones it uses)."""

    item: str | None
    price: Decimal | None
    category: str | None
    percent: Decimal | None
    tiers: tuple[tuple[Decimal, Decimal], ...]
    code: str | None
    amount: Decimal | None
    min_spend: Decimal
    max_uses: int | None
    per_customer: int | None
    threshold: Decimal | None
    quantity: int


def _promotion(r: Reader, value: object, path: str) -> _Entry:
    m = r.mapping(value, path, required=_FIELDS, optional=_OPTIONAL)
    kind = r.text(m.get("kind"), f"{path}.kind", choices=_KINDS)
    for key in _NEEDS.get(kind, ()):
        if key not in m:
            r.fail(FieldProblem.MISSING_KEY, f"{path}.{key}")
    if kind == PromotionKind.COUPON and "amount" not in m and "percent" not in m:
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
        for i, t in enumerate(
            # a threshold promotion without a tier could never apply nor say why
            r.sequence(m.get("tiers", []), f"{path}.tiers", min_len=1 if "tiers" in m else 0)
        )
    )
    if any(off > spend for spend, off in tiers) or list(tiers) != sorted(tiers):
        r.fail(
            FieldProblem.INVALID_VALUE,
            f"{path}.tiers",
            value="tiers",
            allowed="ascending [spend, off] pairs with off <= spend",
        )
    terms = Terms(
        id=r.text(m.get("id"), f"{path}.id", pattern=r"[A-Za-z0-9_\-]{1,40}"),
        name=r.text(m.get("name"), f"{path}.name"),
        name_zh=r.text(m.get("name_zh"), f"{path}.name_zh"),
        valid_from=r.moment(m.get("valid_from"), f"{path}.valid_from"),
        valid_until=r.moment(m.get("valid_until"), f"{path}.valid_until"),
        group=r.text(m["group"], f"{path}.group") if "group" in m else None,
        exclusive=r.flag(m["exclusive"], f"{path}.exclusive") if "exclusive" in m else False,
    )
    keys = _Keys(
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
    if terms.valid_until < terms.valid_from:
        r.fail(
            FieldProblem.OUT_OF_RANGE,
            f"{path}.valid_until",
            value=terms.valid_until.isoformat(),
            min=terms.valid_from.isoformat(),
            max="any",
        )
    return _Entry(kind=kind, terms=terms, promotion=_typed(kind, terms, keys))


def _typed(kind: str, terms: Terms, k: _Keys) -> Promotion | None:
    """The promotion of ``kind`` (missing keys are already reported; they read as zero)."""
    zero = Decimal(0)
    match kind:
        case PromotionKind.FLASH:
            return FlashPrice(terms=terms, item=k.item or "", price=k.price or zero)
        case PromotionKind.CATEGORY:
            return CategoryDiscount(
                terms=terms, category=k.category or "", percent=k.percent or zero
            )
        case PromotionKind.THRESHOLD:
            return ThresholdDiscount(terms=terms, tiers=k.tiers)
        case PromotionKind.COUPON:
            return Coupon(
                terms=terms,
                code=k.code or "",
                amount=k.amount,
                percent=k.percent,
                min_spend=k.min_spend,
                max_uses=k.max_uses,
                per_customer=k.per_customer,
            )
        case PromotionKind.MEMBER:
            return MemberDiscount(terms=terms, percent=k.percent or zero)
        case PromotionKind.GIFT:
            return Gift(
                terms=terms, threshold=k.threshold or zero, item=k.item or "", quantity=k.quantity
            )
    return None  # an unknown kind, already reported


def _tier(r: Reader, value: object, path: str) -> tuple[Decimal, Decimal]:
    pair = r.sequence(value, path, min_len=2)
    if len(pair) != 2:
        return (Decimal(0), Decimal(0))
    return r.decimal(pair[0], f"{path}[0]"), r.decimal(pair[1], f"{path}[1]")


def _check_overlaps(r: Reader, entries: Sequence[_Entry], source: str) -> None:
    """Two exclusive promotions of one kind must not run at the same time: which one applies
    would be a matter of luck."""
    exclusive = [(i, e) for i, e in enumerate(entries) if e.terms.exclusive]
    for n, (_, a) in enumerate(exclusive):
        for j, b in exclusive[n + 1 :]:
            if (
                a.kind == b.kind
                and a.terms.valid_from <= b.terms.valid_until
                and b.terms.valid_from <= a.terms.valid_until
            ):
                r.fail(
                    PricingProblem.OVERLAPPING_EXCLUSIVE,
                    f"{source}:promotion[{j}]",
                    value=b.terms.id,
                    other=a.terms.id,
                )
    ids = [e.terms.id for e in entries]
    for i, ident in enumerate(ids):
        if ident in ids[:i]:
            r.fail(FieldProblem.DUPLICATE_ID, f"{source}:promotion[{i}].id", value=ident)
