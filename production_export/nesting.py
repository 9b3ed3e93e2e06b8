"""Sheet nesting for panel saws: three-stage guillotine layouts with kerf, trims and grain.

Layout shape (what a beam saw cuts): stage 1 rips the trimmed sheet into *strips* running along
its length (x); stage 2 crosscuts a strip into *columns*; stage 3 splits a column into pieces
stacked across the strip (y); a last trim cut may free a piece narrower than its column
(non-exact three-stage). Every cut costs one kerf. Parts whose material has grain keep their
length along the sheet's length; others may turn.

Search in two phases. First the best of a few greedy plans (fewest sheets, then the emptiest
sheet as empty as possible): sheet by sheet, adding the densest strip that fits; strips built
best-fit in three part orders and two orientation policies, then packed onto sheets first-fit
decreasing; the same with parts going straight onto sheets. Then an improvement search (after
the bin-packing tabu searches of Lodi, Martello and Vigo): the emptiest sheet gives its parts,
one at a time, to one, two or three other sheets that the greedy plans repack together, until a
sheet is empty; moves must concentrate the area, so the search cannot cycle. It stops at the
lower bound, when no sheet can give a part away, or when its work budget is spent.

Work is counted, never timed: every repack the search asks for and every greedy plan it runs
adds units (a cost fitted to their running time, see ``_Search``), so the same parts give the
same layout on any machine under any load. The module never reads the clock; a caller who needs
a wall-clock deadline passes ``should_stop``, a safety net the benchmark never reaches.

Lengths fit within ``kernel.units.ABS_TOL_MM`` (0.01 mm), the model's one tolerance: lengths
closer than that are the same length (a cabinet's 600.004 mm side is its 600 mm). It is far
above the rounding of float sums of a few hundred lengths (about 1e-10 mm) and far below what a
saw cuts or an export shows (0.1 mm), so a part sticks out of its space by 0.01 mm at most.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from kernel.units import ABS_TOL_MM

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
    return [o for o in found if o[0] <= lx + ABS_TOL_MM and o[1] <= wy + ABS_TOL_MM]


Fit = tuple[float, _Strip, "_Column | None", Option]  # (waste, strip, column or new, option)


def _spot(strip: _Strip, options: list[Option], lx: float, kerf: float) -> Fit | None:
    """The least wasteful place for a part in a strip: stacked on a column, or as a new
    column; None if it fits nowhere. At equal waste, stacking (no new cut) wins."""
    best: Fit | None = None
    top = strip.height + ABS_TOL_MM
    gap = kerf if strip.columns else 0.0
    for option in options:
        dx, dy = option[0], option[1]
        if dy > top:
            continue
        for column in strip.columns:
            if dx <= column.width + ABS_TOL_MM and column.used + kerf + dy <= top:
                waste = (column.width - dx) * dy
                if best is None or waste < best[0]:
                    best = (waste, strip, column, option)
        if strip.used + gap + dx <= lx + ABS_TOL_MM:
            waste = (strip.height - dy) * dx + 0.5
            if best is None or waste < best[0]:
                best = (waste, strip, None, option)
    return best


def _put(fit: Fit, index: int, kerf: float) -> None:
    """Put a part where ``fit`` says: on top of its column, or as the strip's next column."""
    _, strip, column, option = fit
    if column is None:
        strip.used += (kerf if strip.columns else 0.0) + option[0]
        strip.columns.append(_Column(width=option[0], used=option[1], pieces=[(index, option)]))
    else:
        column.used += kerf + option[1]
        column.pieces.append((index, option))


def _opened(height: float, index: int, option: Option) -> _Strip:
    """A new strip ``height`` high holding one part."""
    strip = _Strip(height=height, used=0.0)
    _put((0.0, strip, None, option), index, 0.0)
    return strip


def _place(strips: list[_Strip], index: int, options: list[Option], lx: float, kerf: float) -> bool:
    """Best fit into an existing strip; False if it fits none."""
    best: Fit | None = None
    for strip in strips:
        fit = _spot(strip, options, lx, kerf)
        if fit is not None and (best is None or fit[0] < best[0]):
            best = fit
    if best is None:
        return False
    _put(best, index, kerf)
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
            option = policy(options[i])
            strips.append(_opened(option[1], i, option))
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
        option = policy(options[i])
        dy = option[1]
        strip = _opened(dy, i, option)
        for n, sheet in enumerate(sheets):
            if heights[n] + kerf + dy <= wy + ABS_TOL_MM:
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
    """A strip ``height`` high filled greedily (in the order of ``left``, largest parts first,
    best fit with stacking); with the part area it holds."""
    strip = _Strip(height=height, used=0.0)
    area = 0.0
    for i in left:
        fitting = [o for o in options[i] if o[1] <= height + ABS_TOL_MM]
        if not fitting:
            continue
        # the first part stands as the policy says (every option fits the sheet's length)
        fit = (
            _spot(strip, fitting, lx, kerf) if strip.columns else (0.0, strip, None, stand(fitting))
        )
        if fit is not None:
            _put(fit, i, kerf)
            area += fitting[0][0] * fitting[0][1]
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
    left = sorted(order, key=lambda i: -options[i][0][0] * options[i][0][1])  # largest first
    sheets: list[list[_Strip]] = []
    while left:
        sheet: list[_Strip] = []
        room = wy
        while left:
            room_tall = room + ABS_TOL_MM
            heights = _candidates({o[1] for i in left for o in options[i] if o[1] <= room_tall})
            best: tuple[float, _Strip] | None = None  # (part area, strip)
            for h in heights:
                strip, area = _fill_strip(h, left, options, lx, kerf, stand)
                # more part area per mm of height, compared exactly (cross-multiplied): of
                # strips equally dense, the lowest, tried first, stays
                if strip is not None and (best is None or area * best[1].height > best[0] * h):
                    best = (area, strip)
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
            if used + kerf + strip.height <= wy + ABS_TOL_MM:
                bins[n] = (used + kerf + strip.height, [*content, strip])
                break
        else:
            bins.append((strip.height, [strip]))
    return [content for _, content in bins]


POLICIES: dict[str, Callable[[list[Option]], Option]] = {
    "flat": lambda opts: min(opts, key=lambda o: (o[1], -o[0])),
    "tall": lambda opts: max(opts, key=lambda o: (o[1], -o[0])),
}


def _orders(parts: Sequence[NestPart], options: list[list[Option]]) -> list[list[int]]:
    """Parts by their area, by their lowest possible height and by their highest."""
    ids = list(range(len(parts)))
    return [
        sorted(ids, key=lambda i: -_area(parts[i])),
        sorted(ids, key=lambda i: (-min(o[1] for o in options[i]), -_area(parts[i]))),
        sorted(ids, key=lambda i: (-max(o[1] for o in options[i]), -_area(parts[i]))),
    ]


def _area(part: NestPart) -> float:
    return part.length * part.width


def _items(sheet: list[_Strip]) -> list[int]:
    return [i for strip in sheet for column in strip.columns for i, _ in column.pieces]


def _key(sheets: list[list[_Strip]], areas: list[float]) -> tuple[int, float]:
    """Fewer sheets first, then the emptiest sheet as empty as possible (easier to drop)."""
    return len(sheets), min(sum(areas[i] for i in _items(sheet)) for sheet in sheets)


def _construct(
    parts: Sequence[NestPart], options: list[list[Option]], lx: float, wy: float, kerf: float
) -> list[list[_Strip]]:
    """The best of the greedy plans: sheet by sheet with the densest strips (groups up to
    ``LARGE_GROUP`` parts), strips first then sheets, parts straight onto sheets."""
    areas = [_area(p) for p in parts]
    plans: list[list[list[_Strip]]] = []
    if len(parts) <= LARGE_GROUP:
        everything = list(range(len(parts)))
        plans += [_sheetwise(everything, options, lx, wy, kerf, s) for s in POLICIES.values()]
    for order in _orders(parts, options)[: 1 if len(parts) > LARGE_GROUP else None]:
        for policy in POLICIES.values():
            plans.append(_sheets(_strips(order, options, lx, kerf, policy), wy, kerf))
            plans.append(_direct(order, options, lx, wy, kerf, policy))
    return min(plans, key=lambda plan: _key(plan, areas))


LARGE_GROUP = 150  # above this many parts: no sheet-by-sheet plan, one order (time grows ~n²)


# -- improving a plan: emptying its emptiest sheet into the others ------------------------

# The search counts its work in units of roughly 0.4-0.5 µs of CPU on the benchmark machine;
# the costs below were fitted to the time of the benchmark's repacks of k parts (within about
# ±40 %), so that a budget bounds the time on small repacks as on large ones.
SEARCH_BUDGET = 2_200_000
"""Work units the improvement search may spend per sheet orientation (about 1 s; see
BENCHMARKS.md): the smallest round budget that keeps the benchmark at 7115 sheets."""


def _strip_run_cost(k: int) -> int:
    """Both strip plans of one part order and one policy over ``k`` parts."""
    return k * k + 12 * k + 12


def _sheetwise_run_cost(k: int) -> int:
    """One sheet-by-sheet plan over ``k`` parts (up to 24 candidate strips per strip)."""
    return 10 * k * k


def _lookup_cost(k: int) -> int:
    """Asking for a repack of ``k`` parts at all: the group's parts, its area, the memo."""
    return k + 12


def _never() -> bool:
    """The default ``should_stop``: nothing but the budget stops the search."""
    return False


def _capacity(lx: float, wy: float) -> float:
    """The most part area a sheet can hold, its lengths stretched by the fit tolerance: a
    group of parts with more area can never fit, one with less is never refused on area."""
    return (lx + ABS_TOL_MM) * (wy + ABS_TOL_MM)


def _lower_bound(options: list[list[Option]], areas: list[float], lx: float, wy: float) -> int:
    """Sheets no plan can do without: by area, and one per part that shares a sheet with no
    other such part (longer than half the sheet both ways in every orientation)."""
    by_area = math.ceil(sum(areas) / _capacity(lx, wy))
    half_x, half_y = (lx + ABS_TOL_MM) / 2, (wy + ABS_TOL_MM) / 2
    big = sum(1 for opts in options if all(o[0] > half_x and o[1] > half_y for o in opts))
    return max(by_area, big)


@dataclass(slots=True)
class _Search:
    """Repacks parts onto a given number of sheets with the greedy plans; remembers answers
    and counts the work spent: every repack asked for (``_lookup_cost``, remembered or not)
    and every greedy plan it runs (``_strip_run_cost``, ``_sheetwise_run_cost``), so that
    ``budget`` bounds the search's time on any input, never measured in seconds."""

    options: list[list[Option]]
    areas: list[float]
    lx: float
    wy: float
    kerf: float
    budget: int = SEARCH_BUDGET
    should_stop: Callable[[], bool] = _never
    work: int = 0
    stopped: bool = False  # the caller's should_stop said so; stays True
    known: dict[tuple[frozenset[int], int], list[list[_Strip]] | None] = field(default_factory=dict)

    @property
    def spent(self) -> bool:
        """The work budget is used up, or the caller asked to stop."""
        return self.work >= self.budget or self.stopped

    def ask_to_stop(self) -> bool:
        """Ask the caller's ``should_stop`` (only here: once per move and once per repack the
        search has not seen before); once it says yes, the search is over."""
        self.stopped = self.stopped or self.should_stop()
        return self.stopped

    def repack(self, items: list[int], sheets: int) -> list[list[_Strip]] | None:
        """``items`` on at most ``sheets`` sheets, or None if no greedy plan manages."""
        self.work += _lookup_cost(len(items))
        if sum(self.areas[i] for i in items) > sheets * _capacity(self.lx, self.wy):
            return None
        key = (frozenset(items), sheets)
        if key not in self.known:
            if self.ask_to_stop():
                return None
            self.known[key] = self._repack(items, sheets)
        return self.known[key]

    def _repack(self, items: list[int], sheets: int) -> list[list[_Strip]] | None:
        o, lx, wy, kerf = self.options, self.lx, self.wy, self.kerf
        orders = [
            sorted(items, key=lambda i: (-min(x[1] for x in o[i]), -self.areas[i])),
            sorted(items, key=lambda i: -self.areas[i]),
            sorted(items, key=lambda i: -max(x[0] for x in o[i])),
        ]
        # the same plans are never run twice: an order equal to an earlier one, or the second
        # policy when no part can turn (both would stand every part alike)
        policies = list(POLICIES.values())[: 2 if any(len(o[i]) > 1 for i in items) else 1]
        for n, order in enumerate(orders):
            if order in orders[:n]:
                continue
            for policy in policies:
                self.work += _strip_run_cost(len(items))
                for plan in (
                    _sheets(_strips(order, o, lx, kerf, policy), wy, kerf),
                    _direct(order, o, lx, wy, kerf, policy),
                ):
                    if len(plan) <= sheets:
                        return plan
        for policy in policies:  # largest parts first whatever the order
            self.work += _sheetwise_run_cost(len(items))
            plan = _sheetwise(items, o, lx, wy, kerf, policy)
            if len(plan) <= sheets:
                return plan
        return None


def _improve(search: _Search, plan: list[list[_Strip]], bound: int) -> list[list[_Strip]]:
    """Move the parts of the emptiest sheet, one at a time, into one to three other sheets
    repacked together, as long as that concentrates the area (sum of squared sheet areas
    grows, so nothing cycles); a sheet left empty is gone. Stops at the lower bound, when no
    sheet can give a part away, when the work budget is spent or when the caller asks."""
    plan = list(plan)
    stuck: set[int] = set()  # sheets that could not give a part away since the last move
    while len(plan) > bound and not search.spent and not search.ask_to_stop():
        search.work += len(search.areas)  # every sheet's fill, every part once
        fill = [sum(search.areas[i] for i in _items(sheet)) for sheet in plan]
        targets = [n for n in range(len(plan)) if n not in stuck]
        if not targets:
            break
        target = min(targets, key=lambda n: (fill[n], len(_items(plan[n]))))
        moved = _give_away(search, plan, fill, target)
        if moved is None:
            stuck.add(target)
        else:
            plan, stuck = moved, set()
    return plan


POOL = {1: 12, 2: 7, 3: 5}  # how many of the emptiest other sheets are tried, by group size


def _give_away(
    search: _Search, plan: list[list[_Strip]], fill: list[float], target: int
) -> list[list[_Strip]] | None:
    """The plan with one part of ``target`` moved into other sheets, or None."""
    others = sorted((n for n in range(len(plan)) if n != target), key=lambda n: fill[n])
    givers = sorted(_items(plan[target]), key=lambda i: -search.areas[i])
    held = {n: _items(plan[n]) for n in others[: max(POOL.values())]}
    for size, pool in POOL.items():  # the cheap moves first: into one sheet, then two, three
        for j in givers:
            for group in itertools.combinations(others[:pool], size):
                if search.spent:
                    return None
                items = [i for n in group for i in held[n]] + [j]
                repacked = search.repack(items, size)
                if repacked is None:
                    continue
                before = fill[target] ** 2 + sum(fill[n] ** 2 for n in group)
                after = (fill[target] - search.areas[j]) ** 2 + sum(
                    sum(search.areas[i] for i in _items(sheet)) ** 2 for sheet in repacked
                )
                # strictly more concentrated, compared without tolerance (should rounding
                # ever let a move that gains nothing through, the budget still ends the search)
                if after > before:
                    rest = [plan[n] for n in range(len(plan)) if n != target and n not in group]
                    left = _without(plan[target], j)
                    return rest + repacked + ([left] if left else [])
    return None


def _without(sheet: list[_Strip], index: int) -> list[_Strip]:
    """The sheet with one part taken out (its place stays empty; the cuts still work)."""
    out = []
    for strip in sheet:
        columns = [
            _Column(width=c.width, used=c.used, pieces=[p for p in c.pieces if p[0] != index])
            for c in strip.columns
        ]
        columns = [c for c in columns if c.pieces]
        if columns:
            out.append(_Strip(height=strip.height, used=strip.used, columns=columns))
    return out


def _solve(
    parts: Sequence[NestPart],
    lx: float,
    wy: float,
    kerf: float,
    budget: int,
    should_stop: Callable[[], bool],
) -> list[list[_Strip]] | None:
    options = [_options(p, lx, wy) for p in parts]
    if any(not o for o in options):
        return None
    plan = _construct(parts, options, lx, wy, kerf)
    areas = [_area(p) for p in parts]
    search = _Search(
        options=options,
        areas=areas,
        lx=lx,
        wy=wy,
        kerf=kerf,
        budget=budget,
        should_stop=should_stop,
    )
    return _improve(search, plan, _lower_bound(options, areas, lx, wy))


def nest(
    parts: Sequence[NestPart],
    stock: Stock,
    *,
    budget: int = SEARCH_BUDGET,
    should_stop: Callable[[], bool] | None = None,
) -> list[SheetLayout]:
    """Lay ``parts`` out on as few sheets of ``stock`` as the search finds.

    Tries strips along the sheet's length and across it and keeps the better; the greedy
    plans of each are improved until the search has spent ``budget`` work units (see
    ``SEARCH_BUDGET``), so the result depends on the input alone: the same parts give the same
    layout on any machine, idle or busy.

    ``should_stop`` is the caller's safety net for a wall-clock deadline (for instance
    ``lambda: clock() > deadline``; this module never reads a clock). The search asks it once
    per improvement move and once per repack it has not seen before; once it returns True the
    search ends and the best complete layout found so far is returned (the greedy plans are
    always built in full). Results stay deterministic as long as it never fires; with the
    default budget the benchmark never reaches it (BENCHMARKS.md), it is there for inputs far
    larger than those.

    Raises ``ValueError`` naming a part that fits no sheet in any allowed orientation.
    """
    if not parts:
        return []
    lx, wy = stock.usable
    stop = _never if should_stop is None else should_stop
    # On a square sheet with every part free to turn, strips across are the same problem.
    symmetric = lx == wy and all(p.rotatable for p in parts)
    along = _solve(parts, lx, wy, stock.kerf, budget, stop)
    across = (
        None if symmetric else _solve([_turned(p) for p in parts], wy, lx, stock.kerf, budget, stop)
    )
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
