"""Sheet nesting for panel saws: three-stage guillotine layouts with kerf, trims and grain.

Layout shape (what a beam saw cuts): stage 1 rips the trimmed sheet into *strips* running along
its length (x); stage 2 crosscuts a strip into *columns*; stage 3 splits a column into pieces
stacked across the strip (y); a last trim cut may free a piece narrower than its column
(non-exact three-stage). Every cut costs one kerf. Parts whose material has grain keep their
length along the sheet's length; others may turn.

Search, a portfolio keeping the plan with the fewest sheets (then the emptiest sheet as empty
as possible): sheet by sheet, adding the densest strip that fits; strips built best-fit from
the parts in several orders and orientation policies, then packed onto sheets first-fit
decreasing; the same with parts going straight onto sheets; a few rounds of iterated greedy.
Groups above ``LARGE_GROUP`` parts get one order only (the cost grows with the square of the
group). Deterministic for a given ``seed``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from random import Random

__all__ = ["NestPart", "Placement", "SheetLayout", "Stock", "nest"]


@dataclass(frozen=True, slots=True, kw_only=True)
class NestPart:
    """A part to cut: ``length`` runs along the grain; ``rotatable`` when the board has none."""

    part_id: str
    length: float
    width: float
    rotatable: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class Stock:
    """A raw sheet (``length`` along its grain) and the saw's kerf and edge trim, mm."""

    length: float
    width: float
    kerf: float = 0.0
    trim: float = 0.0

    @property
    def usable(self) -> tuple[float, float]:
        """Length and width left after trimming every edge."""
        return self.length - 2 * self.trim, self.width - 2 * self.trim


@dataclass(frozen=True, slots=True, kw_only=True)
class Placement:
    """Where a part lies on its sheet: ``x`` along the sheet's length, ``y`` across, from the
    raw sheet's corner; ``rotated`` means the part's length runs along ``y``."""

    part_id: str
    x: float
    y: float
    length: float
    width: float
    rotated: bool

    @property
    def extent(self) -> tuple[float, float]:
        """Size along x and y."""
        return (self.width, self.length) if self.rotated else (self.length, self.width)


@dataclass(frozen=True, slots=True, kw_only=True)
class SheetLayout:
    """One sheet's placements and its strips' y bands (the first-stage cuts)."""

    stock: Stock
    placements: tuple[Placement, ...]

    @property
    def yield_(self) -> float:
        """Part area over raw sheet area."""
        used = sum(p.length * p.width for p in self.placements)
        return used / (self.stock.length * self.stock.width)


# -- the search ----------------------------------------------------------------------------

Option = tuple[float, float, bool]  # (dx, dy, rotated) in sheet coordinates


@dataclass(slots=True)
class _Column:
    width: float
    used: float  # stacked height, kerfs included
    pieces: list[tuple[int, Option]] = field(default_factory=list)


@dataclass(slots=True)
class _Strip:
    height: float
    used: float  # columns' widths, kerfs included
    columns: list[_Column] = field(default_factory=list)


def _options(part: NestPart, lx: float, wy: float) -> list[Option]:
    found = [(part.length, part.width, False)]
    if part.rotatable and part.length != part.width:
        found.append((part.width, part.length, True))
    return [o for o in found if o[0] <= lx + 1e-9 and o[1] <= wy + 1e-9]


Fit = tuple[float, _Strip, "_Column | None", Option]  # (waste, strip, column or new, option)


def _fits(strips: list[_Strip], options: list[Option], lx: float, kerf: float) -> Iterator[Fit]:
    """Every place in the strips where a part fits: stacked on a column, or as a new column;
    with the area it would waste."""
    for strip in strips:
        for dx, dy, rot in options:
            if dy > strip.height + 1e-9:
                continue
            for column in strip.columns:
                if dx <= column.width + 1e-9 and column.used + kerf + dy <= strip.height + 1e-9:
                    yield (column.width - dx) * dy, strip, column, (dx, dy, rot)
            gap = kerf if strip.columns else 0.0
            if strip.used + gap + dx <= lx + 1e-9:
                # +0.5: at equal waste, stacking (no new cut across the strip) wins
                yield (strip.height - dy) * dx + 0.5, strip, None, (dx, dy, rot)


def _place(strips: list[_Strip], index: int, options: list[Option], lx: float, kerf: float) -> bool:
    """Best fit into an existing strip; False if it fits none."""
    best = min(_fits(strips, options, lx, kerf), key=lambda fit: fit[0], default=None)
    if best is None:
        return False
    _, strip, column, option = best
    if column is None:
        strip.used += (kerf if strip.columns else 0.0) + option[0]
        strip.columns.append(_Column(width=option[0], used=option[1], pieces=[(index, option)]))
    else:
        column.used += kerf + option[1]
        column.pieces.append((index, option))
    return True


def _strips(
    order: Sequence[int],
    options: list[list[Option]],
    lx: float,
    kerf: float,
    policy: Callable[[list[Option]], Option],
) -> list[_Strip]:
    strips: list[_Strip] = []
    for i in order:
        if not _place(strips, i, options[i], lx, kerf):
            dx, dy, rot = policy(options[i])
            strips.append(
                _Strip(
                    height=dy,
                    used=dx,
                    columns=[_Column(width=dx, used=dy, pieces=[(i, (dx, dy, rot))])],
                )
            )
    return strips


def _direct(
    order: Sequence[int],
    options: list[list[Option]],
    lx: float,
    wy: float,
    kerf: float,
    policy: Callable[[list[Option]], Option],
) -> list[list[_Strip]]:
    """Sheet by sheet: each part best-fit into any sheet's strips, else a new strip on the
    first sheet with room for it, else a new sheet."""
    sheets: list[list[_Strip]] = []
    heights: list[float] = []
    for i in order:
        if _place([s for sheet in sheets for s in sheet], i, options[i], lx, kerf):
            continue
        dx, dy, rot = policy(options[i])
        strip = _Strip(
            height=dy, used=dx, columns=[_Column(width=dx, used=dy, pieces=[(i, (dx, dy, rot))])]
        )
        for n, sheet in enumerate(sheets):
            if heights[n] + kerf + dy <= wy + 1e-9:
                sheet.append(strip)
                heights[n] += kerf + dy
                break
        else:
            sheets.append([strip])
            heights.append(dy)
    return sheets


def _fill_strip(
    height: float,
    left: Sequence[int],
    options: list[list[Option]],
    lx: float,
    kerf: float,
    stand: Callable[[list[Option]], Option],
) -> tuple[_Strip | None, float]:
    """A strip ``height`` high filled greedily (largest parts first, best fit with stacking)
    from ``left``; with the part area it holds."""
    strip = _Strip(height=height, used=-kerf)
    area = 0.0
    for i in sorted(left, key=lambda i: -max(o[0] * o[1] for o in options[i])):
        fitting = [o for o in options[i] if o[1] <= height + 1e-9]
        if not fitting:
            continue
        if strip.columns and _place([strip], i, fitting, lx, kerf):
            area += fitting[0][0] * fitting[0][1]
            continue
        dx, dy, rot = stand(fitting)
        if strip.used + kerf + dx <= lx + 1e-9:
            strip.used += kerf + dx
            strip.columns.append(_Column(width=dx, used=dy, pieces=[(i, (dx, dy, rot))]))
            area += dx * dy
    if not strip.columns:
        return None, 0.0
    return strip, area


def _sheetwise(
    order: Sequence[int],
    options: list[list[Option]],
    lx: float,
    wy: float,
    kerf: float,
    stand: Callable[[list[Option]], Option],
) -> list[list[_Strip]]:
    """Sheet by sheet: keep adding the densest strip (part area over strip area) that fits
    the sheet's remaining height, each strip as high as one of the parts left."""
    left = list(order)
    sheets: list[list[_Strip]] = []
    while left:
        sheet: list[_Strip] = []
        room = wy
        while left:
            heights = _candidates({o[1] for i in left for o in options[i] if o[1] <= room + 1e-9})
            best: tuple[float, _Strip] | None = None
            for h in heights:
                strip, area = _fill_strip(h, left, options, lx, kerf, stand)
                if strip is not None and (best is None or area / h > best[0] + 1e-9):
                    best = (area / h, strip)
            if best is None:
                break
            strip = best[1]
            sheet.append(strip)
            room -= strip.height + kerf
            placed = {i for c in strip.columns for i, _ in c.pieces}
            left = [i for i in left if i not in placed]
        if not sheet:  # a part taller than an empty sheet cannot happen: options fit
            raise AssertionError("no strip fits an empty sheet")
        sheets.append(sheet)
    return sheets


STRIP_HEIGHTS = 24  # candidate strip heights tried per strip (evenly over those possible)


def _candidates(heights: set[float]) -> list[float]:
    """At most ``STRIP_HEIGHTS`` of ``heights``, evenly spread, the tallest always in."""
    ordered = sorted(heights)
    if len(ordered) <= STRIP_HEIGHTS:
        return ordered
    step = len(ordered) / STRIP_HEIGHTS
    return sorted({ordered[int(k * step)] for k in range(STRIP_HEIGHTS)} | {ordered[-1]})


def _sheets(strips: list[_Strip], wy: float, kerf: float) -> list[list[_Strip]]:
    """First-fit decreasing of strips (by height) onto sheets."""
    bins: list[tuple[float, list[_Strip]]] = []
    for strip in sorted(strips, key=lambda s: -s.height):
        for n, (used, content) in enumerate(bins):
            if used + kerf + strip.height <= wy + 1e-9:
                bins[n] = (used + kerf + strip.height, [*content, strip])
                break
        else:
            bins.append((strip.height, [strip]))
    return [content for _, content in bins]


POLICIES: dict[str, Callable[[list[Option]], Option]] = {
    "flat": lambda opts: min(opts, key=lambda o: (o[1], -o[0])),
    "tall": lambda opts: max(opts, key=lambda o: (o[1], -o[0])),
}


def _orders(parts: Sequence[NestPart], options: list[list[Option]], rng: Random) -> list[list[int]]:
    ids = list(range(len(parts)))

    def low(i: int) -> float:
        return min(o[1] for o in options[i])

    keys: list[Callable[[int], tuple[float, ...]]] = [
        lambda i: (-low(i), -parts[i].length * parts[i].width),
        lambda i: (-max(o[1] for o in options[i]), -parts[i].length * parts[i].width),
        lambda i: (-parts[i].length * parts[i].width,),
        lambda i: (-(parts[i].length + parts[i].width),),
        lambda i: (-max(parts[i].length, parts[i].width),),
    ]
    orders = [sorted(ids, key=k) for k in keys]
    for _ in range(6):  # a few shuffled tie-breaks of the best-known order
        noise = {i: rng.random() for i in ids}
        orders.append(sorted(ids, key=lambda i: (-round(low(i) / 10), noise[i])))
    return orders


def _key(sheets: list[list[_Strip]], options: list[list[Option]]) -> tuple[int, float]:
    """Fewer sheets first, then the emptiest sheet as empty as possible (easier to drop)."""

    def area(sheet: list[_Strip]) -> float:
        return sum(o[0] * o[1] for st in sheet for c in st.columns for _, o in c.pieces)

    return len(sheets), min(area(sheet) for sheet in sheets)


@dataclass(slots=True)
class _Best:
    """The best plan found so far, and the part order that made it."""

    options: list[list[Option]]
    sheets: list[list[_Strip]] = field(default_factory=list)
    key: tuple[int, float] | None = None
    order: list[int] = field(default_factory=list)

    def offer(self, sheets: list[list[_Strip]], order: list[int]) -> None:
        key = _key(sheets, self.options)
        if self.key is None or key < self.key:
            self.sheets, self.key, self.order = sheets, key, order


def _solve(
    parts: Sequence[NestPart], lx: float, wy: float, kerf: float, seed: int
) -> list[list[_Strip]] | None:
    options = [_options(p, lx, wy) for p in parts]
    if any(not o for o in options):
        return None
    rng = Random(seed)  # noqa: S311 - a reproducible search, not a secret
    best = _Best(options=options)

    def attempt(order: list[int]) -> None:
        for policy in POLICIES.values():
            best.offer(_sheets(_strips(order, options, lx, kerf, policy), wy, kerf), order)
            best.offer(_direct(order, options, lx, wy, kerf, policy), order)

    large = len(parts) > LARGE_GROUP  # big batches: one good order, no restarts
    everything = list(range(len(parts)))
    if not large:  # sheet by sheet, densest strips first
        for stand in POLICIES.values():
            best.offer(_sheetwise(everything, options, lx, wy, kerf, stand), everything)
    for order in _orders(parts, options, rng)[: 1 if large else None]:
        attempt(order)
    for _ in range(0 if large else ITERATIONS):  # iterated greedy: emptiest sheet goes first
        emptiest = min(best.sheets, key=lambda sh: _key([sh], options)[1])
        first = [i for st in emptiest for c in st.columns for i, _ in c.pieces]
        rest = [i for i in best.order if i not in set(first)]
        rng.shuffle(first)
        attempt(first + rest if rng.random() < 0.5 else _jiggle(best.order, rng))
    return best.sheets


ITERATIONS = 8
LARGE_GROUP = 150  # above this many parts the search keeps to one order (time grows ~n²)


def _jiggle(order: list[int], rng: Random) -> list[int]:
    """The order with a few neighbours swapped."""
    out = list(order)
    for _ in range(max(1, len(out) // 10)):
        i = rng.randrange(len(out) - 1) if len(out) > 1 else 0
        out[i], out[i + 1 if i + 1 < len(out) else i] = (
            out[i + 1 if i + 1 < len(out) else i],
            out[i],
        )
    return out


def nest(parts: Sequence[NestPart], stock: Stock, *, seed: int = 0) -> list[SheetLayout]:
    """Lay ``parts`` out on as few sheets of ``stock`` as the search finds.

    Tries strips along the sheet's length and across it and keeps the better. Raises
    ``ValueError`` naming a part that fits no sheet in any allowed orientation.
    """
    if not parts:
        return []
    lx, wy = stock.usable
    along = _solve(parts, lx, wy, stock.kerf, seed)
    across = _solve([_turned(p) for p in parts], wy, lx, stock.kerf, seed)
    if along is None and across is None:
        too_big = next(
            p for p in parts if not _options(p, lx, wy) and not _options(_turned(p), wy, lx)
        )
        raise ValueError(
            f"part {too_big.part_id} ({too_big.length:g} x {too_big.width:g}) "
            f"does not fit a {stock.length:g} x {stock.width:g} sheet"
            + (f" ({max(lx, 0):g} x {max(wy, 0):g} after trims)" if stock.trim else "")
        )
    if across is not None and (along is None or len(across) < len(along)):
        return [_layout(sheet, parts, stock, transposed=True) for sheet in across]
    assert along is not None
    return [_layout(sheet, parts, stock, transposed=False) for sheet in along]


def _turned(part: NestPart) -> NestPart:
    """The same part seen in a sheet turned by 90°: its length runs across."""
    return NestPart(
        part_id=part.part_id, length=part.width, width=part.length, rotatable=part.rotatable
    )


def _layout(
    strips: list[_Strip], parts: Sequence[NestPart], stock: Stock, *, transposed: bool
) -> SheetLayout:
    placements = []
    y = stock.trim
    for strip in strips:
        x = stock.trim
        for column in strip.columns:
            cy = y
            for index, (_, dy, rot) in column.pieces:
                part = parts[index]
                px, py = (cy, x) if transposed else (x, cy)
                placements.append(
                    Placement(
                        part_id=part.part_id,
                        x=px,
                        y=py,
                        length=part.length,
                        width=part.width,
                        rotated=rot,
                    )
                )
                cy += dy + stock.kerf
            x += column.width + stock.kerf
        y += strip.height + stock.kerf
    return SheetLayout(stock=stock, placements=tuple(placements))
