"""Costing: a built design and a price list in, quote lines out (DOMAIN.md A17).

Methods: ``unfolded`` (every part's area x its material's rate, plus edge band, hardware and
machining), ``projected`` (front elevation x the product line's rate, extras on top; templates
without a product line fall back to unfolded), ``sheets`` (raw sheets consumed, estimated as
area / (usable sheet area x yield), plus the rest as unfolded). Quantities leave the model's
millimetres through ``kernel.quantities`` (areas to 0.001 m², lengths to 0.01 m, halves up),
once per line, on the line's total. The minimum-order top-up is not a cost: it is worked out
after the promotions (``pricing.minimum``).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Hashable, Mapping, Sequence
from decimal import Decimal

from catalog.catalog import Catalog
from catalog.construction import Construction
from catalog.materials import Material
from catalog.price_list import Method, PriceList
from configurator.build.cabinet import BuiltCabinet
from configurator.build.design_build import DesignBuild, PlacedCabinet
from configurator.build.fronts import door_leaves, front_style_of
from configurator.build.parts import OpKind, Part, Role
from configurator.build.twins import relabelled_id
from configurator.model.design import cabinet_key, twin_key
from kernel.ids import CabinetId, HardwareCode
from kernel.memo import Memo, no_memo
from kernel.quantities import area_m2, metres
from pricing.errors import MissingRate
from pricing.lines import Category, QuoteLine, fmt_money, fmt_qty, line

__all__ = ["cost_design"]


def _area(parts: Sequence[Part]) -> Decimal:
    return area_m2(sum(p.length_mm * p.width_mm for p in parts))


def _rate(table: Mapping[str, Decimal], code: str, what: str, version: str) -> Decimal:
    rate = table.get(code)
    if rate is None:
        raise MissingRate(what, code, version)
    return rate


def cost_design(
    build: DesignBuild,
    catalog: Catalog,
    price_list: PriceList,
    *,
    method: Method | None = None,
    region: str | None = None,
    memo: Memo = no_memo,
) -> list[QuoteLine]:
    """Every line of a design's price, cabinet by cabinet, then the order-level lines;
    ``memo`` may hand back a cabinet's lines worked out before (same catalog and price
    list)."""
    chosen = method or price_list.method
    lines: list[QuoteLine] = []
    unfolded_parts: list[Part] = []
    twins: dict[Hashable, tuple[CabinetId, tuple[QuoteLine, ...]]] = {}  # this call's only
    for placed in build.cabinets:
        twin = twins.get(key := twin_key(placed.cabinet.spec))
        cabinet_lines, board_parts = _cabinet_once(placed, catalog, price_list, chosen, memo, twin)
        if twin is None:
            twins[key] = (placed.cabinet.spec.id, cabinet_lines)
        lines += cabinet_lines
        unfolded_parts += board_parts
    if chosen is Method.SHEETS:
        lines += _sheets(unfolded_parts, catalog, price_list)
    lines += _order(build, price_list, region or price_list.region)
    return lines


def _cabinet(
    placed: PlacedCabinet, catalog: Catalog, pl: PriceList, method: Method
) -> tuple[list[QuoteLine], list[Part]]:
    built = placed.cabinet
    cid = built.spec.id
    if _by_product(built, pl, method):
        made = _projected(placed, pl)
        rest: list[QuoteLine] = []
        board_parts: list[Part] = []
    else:
        board_parts = list(built.parts)
        made = [] if method is Method.SHEETS else _board(cid, built.parts, catalog, pl)
        rest = (
            _edges(cid, built.parts, catalog.construction, pl)
            + _hardware(placed, catalog, pl)
            + _machining(cid, built.parts, pl)
        )
    if built.spec.width_mm not in built.template.standard_widths and made:
        base = sum((x.amount for x in made), Decimal(0))
        coefficient = pl.nonstandard_coefficient - 1
        made.append(
            line(
                f"{cid}/nonstandard",
                cabinet=cid,
                category=Category.NONSTANDARD,
                item="nonstandard",
                names=(
                    f"Non-standard width {built.spec.width_mm:g} mm "
                    f"(x{pl.nonstandard_coefficient})",
                    f"非标宽度 {built.spec.width_mm:g} mm（系数 {pl.nonstandard_coefficient}）",
                ),
                quantity=coefficient,
                unit="×",
                rate=base,
            )
        )
        made[-1] = made[-1]._replace(
            note=f"{fmt_money(base)} × {fmt_qty(coefficient)} (x{pl.nonstandard_coefficient} - 1)"
        )
    return made + rest + _front_style(placed, catalog, pl), board_parts


def _by_product(built: BuiltCabinet, pl: PriceList, method: Method) -> bool:
    """Whether a product line's projected-area rate prices the cabinet's board (else its
    parts' area or sheets do)."""
    return method is Method.PROJECTED and built.template.code in pl.projected


def _front_style(placed: PlacedCabinet, catalog: Catalog, pl: PriceList) -> list[QuoteLine]:
    """Making the doors' style, per leaf, whatever the board is priced by (a projected-area
    rate includes plain doors only)."""
    built = placed.cabinet
    style = front_style_of(built.spec, catalog)
    rate = pl.front_style.get(style.code, Decimal(0))
    if not rate:  # before finding the leaves: plain doors (most) cost nothing to style
        return []
    leaves = door_leaves(built.parts)
    if not leaves:
        return []
    cid = built.spec.id
    return [
        line(
            f"{cid}/style/{style.code}",
            cabinet=cid,
            category=Category.FRONT_STYLE,
            item=style.code,
            names=(f"Door style: {style.name}", f"门型：{style.name_zh}"),
            quantity=Decimal(len(leaves)),
            unit="pcs",
            rate=rate,
        )
    ]


def _cabinet_once(
    placed: PlacedCabinet,
    catalog: Catalog,
    pl: PriceList,
    method: Method,
    memo: Memo,
    twin: tuple[CabinetId, tuple[QuoteLine, ...]] | None,
) -> tuple[tuple[QuoteLine, ...], tuple[Part, ...]]:
    """``_cabinet``, remembered by what the cabinet is: no line depends on where it stands.
    A cabinet with a ``twin`` costed before (``configurator.build.twins``: the same but for
    its id) has the twin's lines re-labelled."""

    def compute() -> tuple[tuple[QuoteLine, ...], tuple[Part, ...]]:
        if twin is not None:
            old, lines = twin
            new = placed.cabinet.spec.id
            unfolded = () if _by_product(placed.cabinet, pl, method) else placed.cabinet.parts
            return tuple(_relabelled(x, old, new) for x in lines), unfolded
        made, board_parts = _cabinet(placed, catalog, pl, method)
        return tuple(made), tuple(board_parts)

    return memo(("cost", method, cabinet_key(placed.cabinet.spec)), compute)


def _relabelled(x: QuoteLine, old: CabinetId, new: CabinetId) -> QuoteLine:
    """A twin's line as cabinet ``new``'s: only its key and cabinet (its first fields) name
    the cabinet. Built from its fields in order: ``_replace`` costs three times as much."""
    return tuple.__new__(QuoteLine, (relabelled_id(x.key, old, new), new, *x[2:]))


def _by_sheet(parts: Sequence[Part], catalog: Catalog) -> dict[tuple[str, bool], list[Part]]:
    """``parts`` by material, and by whether they must be cut from its large sheet; each
    material looked up once (a cabinet has a few materials and dozens of parts)."""
    trim = catalog.construction.sheet_trim_mm
    materials: dict[str, Material] = {}
    grouped: dict[tuple[str, bool], list[Part]] = defaultdict(list)
    for p in parts:
        m = materials.get(p.material)
        if m is None:
            m = materials[p.material] = catalog.material(p.material)
        grouped[(p.material, _large(p, m, trim))].append(p)
    return grouped


def _large(part: Part, m: Material, trim: float) -> bool:
    """Whether ``part`` must be cut from its material ``m``'s large sheet (the standard one
    cannot give it once ``trim`` is sawn off)."""
    if m.large_sheet_mm is None:
        return False
    standard = (m.sheet_length_mm, m.sheet_width_mm)
    turnable = not part.grained
    fits = m.sheet_for(part.cut_length_mm, part.cut_width_mm, turnable=turnable, trim_mm=trim)
    return fits is not None and fits != standard


def _board(cid: str, parts: Sequence[Part], catalog: Catalog, pl: PriceList) -> list[QuoteLine]:
    """Board by unfolded area per material; parts from the large sheet on a line of their own
    at the large-board rate."""
    by_material = _by_sheet(parts, catalog)
    return [
        line(
            f"{cid}/board/{m}/large" if large else f"{cid}/board/{m}",
            cabinet=cid,
            category=Category.BOARD,
            item=m,
            names=_board_names(catalog.material(m), large=large),
            quantity=_area(ps),
            unit="m²",
            rate=(
                _rate(pl.large_board, m, "large_board", pl.version)
                if large
                else _rate(pl.board, m, "board", pl.version)
            ),
        )
        for (m, large), ps in sorted(by_material.items())
    ]


def _board_names(m: Material, *, large: bool) -> tuple[str, str]:
    """A board line as customers read it: the board's name, not its code."""
    if large:
        return f"{m.name}, large sheet (unfolded area)", f"{m.name_zh} 大规格（展开面积）"
    return f"{m.name} (unfolded area)", f"{m.name_zh}（展开面积）"


def _projected(placed: PlacedCabinet, pl: PriceList) -> list[QuoteLine]:
    built = placed.cabinet
    cid, spec = built.spec.id, built.spec
    product = pl.projected[built.template.code]
    area = area_m2(built.front_length_mm * spec.height_mm)  # both arms of an L unit
    out = [
        line(
            f"{cid}/product",
            cabinet=cid,
            category=Category.PRODUCT,
            item=built.template.code,
            names=(
                f"{built.template.name} {built.front_length_mm:g}×{spec.height_mm:g} "
                "(projected area)",
                f"{built.template.name_zh} {built.front_length_mm:g}×{spec.height_mm:g}"
                "（投影面积）",
            ),
            quantity=area,
            unit="m²",
            rate=product.rate,
        )
    ]
    shelves = sum(1 for p in built.parts if p.role in (Role.SHELF, Role.FIXED_SHELF))
    # the allowance grows with the width pro rata (4 per metre: 4.8 at 1200 mm): a whole
    # number of included shelves would step up every 250 mm and make a wider cabinet cheaper
    length = Decimal(str(built.front_length_mm))
    included = (Decimal(product.shelves_per_m) * length / 1000).quantize(Decimal("0.001"))
    if shelves > included:
        out.append(
            line(
                f"{cid}/extra/shelf",
                cabinet=cid,
                category=Category.EXTRA,
                item="shelf",
                names=(
                    f"Extra shelves beyond {included:g} included (pro rata by width)",
                    f"超出赠送 {included:g} 块（按宽度折算）的层板",
                ),
                quantity=Decimal(shelves - included),
                unit="pcs",
                rate=product.extra_shelf,
            )
        )
    drawers = sum(1 for p in built.parts if p.role is Role.DRAWER_FRONT)
    if drawers:
        out.append(
            line(
                f"{cid}/extra/drawer",
                cabinet=cid,
                category=Category.EXTRA,
                item="drawer",
                names=("Drawers", "抽屉"),
                quantity=Decimal(drawers),
                unit="pcs",
                rate=product.drawer,
            )
        )
    return out


def _edges(cid: str, parts: Sequence[Part], k: Construction, pl: PriceList) -> list[QuoteLine]:
    band_mm: dict[str, float] = defaultdict(float)
    band_length_mm = k.band_length_mm  # looked up once: a cabinet has dozens of edges
    for p in parts:
        for code, along in p.banded_edges():
            band_mm[code] += band_length_mm(along)
    return [
        line(
            f"{cid}/edge/{code}",
            cabinet=cid,
            category=Category.EDGE_BAND,
            item=code,
            names=(
                f"Edge band {code} (+{k.edge_overlength_mm:g} mm per edge)",
                f"封边 {code}（每边加长 {k.edge_overlength_mm:g} mm）",
            ),
            quantity=metres(mm),
            unit="m",
            rate=_rate(pl.edge_band, code, "edge band", pl.version),
        )
        for code, mm in sorted(band_mm.items())
    ]


def _hardware(placed: PlacedCabinet, catalog: Catalog, pl: PriceList) -> list[QuoteLine]:
    cid = placed.cabinet.spec.id
    # pieces add up as ints, made Decimal once per item (the same number: a whole Decimal);
    # an item cut to length adds up its metres
    amounts: dict[str, int | Decimal] = defaultdict(int)
    for h in placed.cabinet.hardware:
        if catalog.item(h.code).unit == "m":
            amounts[h.code] += h.quantity * metres(h.length_mm or 0)
        else:
            amounts[h.code] += h.quantity
    out = []
    for code, quantity in amounts.items():
        item = catalog.item(HardwareCode(code))
        out.append(
            line(
                f"{cid}/hw/{code}",
                cabinet=cid,
                category=Category.HARDWARE,
                item=code,
                names=(item.name, item.name_zh),
                quantity=Decimal(quantity),
                unit=item.unit.value,
                rate=_rate(pl.hardware, code, "hardware", pl.version),
            )
        )
    return out


_HOLE, _CAM, _GROOVE = OpKind.HOLE, OpKind.CAM, OpKind.GROOVE


def _machining(cid: str, parts: Sequence[Part], pl: PriceList) -> list[QuoteLine]:
    # counted by identity, not in a dict keyed by the kind: a str-enum key takes dict's slow
    # path, and a cabinet has a hundred operations or more
    holes = cups = cams = 0
    groove = 0.0
    for p in parts:
        for op in p.operations:
            kind = op.kind
            if kind is _HOLE:
                holes += op.repeat
            elif kind is _GROOVE:
                groove += abs(op.u_end - op.u) + abs(op.v_end - op.v)
            elif kind is _CAM:
                cams += op.repeat
            else:  # the fourth kind, OpKind.CUP
                cups += op.repeat
    counted = (
        ("hole", "Drilling", "钻孔", holes),
        ("cup", "Hinge cups", "铰链杯孔", cups),
        ("cam", "Cam housings", "偏心件孔", cams),
    )
    out = [
        line(
            f"{cid}/machining/{key}",
            cabinet=cid,
            category=Category.MACHINING,
            item=key,
            names=(en, zh),
            quantity=Decimal(count),
            unit="pcs",
            rate=pl.machining[key],
        )
        for key, en, zh, count in counted
        if count
    ]
    if groove:
        out.append(
            line(
                f"{cid}/machining/groove",
                cabinet=cid,
                category=Category.MACHINING,
                item="groove",
                names=("Back-panel grooves", "背板槽"),
                quantity=metres(groove),
                unit="m",
                rate=pl.machining["groove_m"],
            )
        )
    return out


def _sheets(parts: Sequence[Part], catalog: Catalog, pl: PriceList) -> list[QuoteLine]:
    by_material = _by_sheet(parts, catalog)
    out = []
    trim = catalog.construction.sheet_trim_mm
    for (code, large), ps in sorted(by_material.items()):
        m = catalog.material(code)
        size = m.large_sheet_mm if large and m.large_sheet_mm else m.sheets[0]
        usable = area_m2((size[0] - 2 * trim) * (size[1] - 2 * trim))
        sheets = math.ceil(_area(ps) / (usable * pl.sheet_yield))
        what = f"{code} {size[0]:g}×{size[1]:g}" if large else code
        out.append(
            line(
                f"sheets/{code}/large" if large else f"sheets/{code}",
                cabinet=None,
                category=Category.BOARD,
                item=code,
                names=(
                    f"Sheets of {what} ({_area(ps)} m² at {pl.sheet_yield:%} yield)",
                    f"{what} 大板（{_area(ps)} m²，出材率 {pl.sheet_yield:%}）",
                ),
                quantity=Decimal(sheets),
                unit="sheet",
                rate=(
                    _rate(pl.large_sheet, code, "large_sheet", pl.version)
                    if large
                    else _rate(pl.sheet, code, "sheet", pl.version)
                ),
            )
        )
    return out


def _order(build: DesignBuild, pl: PriceList, region: str) -> list[QuoteLine]:
    area = area_m2(
        sum(p.cabinet.front_length_mm * p.cabinet.spec.height_mm for p in build.cabinets)
    )
    out = []
    if build.cabinets:
        out.append(
            line(
                "order/installation",
                cabinet=None,
                category=Category.INSTALLATION,
                item=region,
                names=(f"Installation ({region}, projected area)", f"安装费（{region}，投影面积）"),
                quantity=area,
                unit="m²",
                rate=_rate(pl.installation, region, "installation", pl.version),
            )
        )
        out.append(
            line(
                "order/delivery",
                cabinet=None,
                category=Category.DELIVERY,
                item=region,
                names=(f"Delivery ({region})", f"配送费（{region}）"),
                quantity=Decimal(1),
                unit="order",
                rate=_rate(pl.delivery, region, "delivery", pl.version),
            )
        )
    return out
