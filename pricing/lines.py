"""Quote lines: what a design costs, line by line, each explaining itself in words."""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum
from typing import NamedTuple

from kernel.money import round_amount

__all__ = ["Category", "QuoteLine", "fmt_money", "fmt_qty", "line"]


class Category(StrEnum):
    """What a line is for; promotions target categories."""

    BOARD = "board"
    PRODUCT = "product"  # projected-area product line
    EXTRA = "extra"  # extras on a product line
    EDGE_BAND = "edge_band"
    HARDWARE = "hardware"
    MACHINING = "machining"
    FRONT_STYLE = "front_style"  # making a door style's frame, per leaf
    NONSTANDARD = "nonstandard"
    INSTALLATION = "installation"
    DELIVERY = "delivery"
    MINIMUM = "minimum"
    GIFT = "gift"


class QuoteLine(NamedTuple):
    """``quantity`` ``unit`` at ``rate`` = ``amount`` (rounded to the cent: a named point).

    ``key`` is stable across re-pricing (cabinet/category/item) so discounts can refer to it;
    ``cabinet`` is ``None`` for order-level lines.
    """

    key: str
    cabinet: str | None
    category: Category
    item: str
    description: str
    description_zh: str
    quantity: Decimal
    unit: str
    rate: Decimal
    amount: Decimal
    note: str = ""  # a formula of its own, where ``quantity x rate`` does not say it

    @property
    def formula(self) -> str:
        """The line's calculation in words: ``2.16 m² × ¥380.00/m²``."""
        if self.note:
            return self.note
        return f"{fmt_qty(self.quantity)} {self.unit} × {fmt_money(self.rate)}/{self.unit}"


def fmt_money(amount: Decimal) -> str:
    """``¥1,234.50``-style text, sign first.

    Examples
    --------
    >>> fmt_money(Decimal("-1234.5"))
    '-¥1,234.50'
    """
    q = round_amount(amount)
    return f"{'-' if q < 0 else ''}¥{abs(q):,.2f}"


def fmt_qty(quantity: Decimal) -> str:
    """A quantity without trailing zeros.

    Examples
    --------
    >>> fmt_qty(Decimal("2.160")), fmt_qty(Decimal("4"))
    ('2.16', '4')
    """
    text = f"{quantity:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


_new = tuple.__new__


def line(  # noqa: PLR0913 - a line is these fields; keyword-only, so calls stay readable
    key: str,
    *,
    cabinet: str | None,
    category: Category,
    item: str,
    names: tuple[str, str],
    quantity: Decimal,
    unit: str,
    rate: Decimal,
) -> QuoteLine:
    """A line whose amount is ``quantity x rate`` rounded to the cent, with its formula."""
    amount = round_amount(quantity * rate)
    # built from its fields in order (key, cabinet, category, item, description,
    # description_zh, quantity, unit, rate, amount, note): a design has hundreds of lines, and
    # ``QuoteLine(...)`` costs half as much again
    return _new(QuoteLine, (key, cabinet, category, item, *names, quantity, unit, rate, amount, ""))
