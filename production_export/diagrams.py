"""Cutting diagrams: each sheet drawn with its parts, the cut sequence and the yield, and the
offcuts worth keeping; as one PDF (reportlab, A4 landscape, a page per sheet)."""

from __future__ import annotations

import io
from collections.abc import Sequence

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from configurator.views.svg import Sheet
from kernel.units import ABS_TOL_MM
from production_export.nest_groups import NestedSheet
from production_export.nesting import SheetLayout

__all__ = [
    "KEEP_MM",
    "cut_sequence",
    "offcuts",
    "render_nesting_pdf",
    "render_sheet_svg",
]

KEEP_MM = (100.0, 100.0)  # offcuts at least this long and wide are kept (OpenCutList default)


Rect = tuple[float, float, float, float]


def _rects(layout: SheetLayout) -> list[Rect]:
    return [(p.x, p.y, p.x + p.extent[0], p.y + p.extent[1]) for p in layout.placements]


def _bands(rects: Sequence[Rect], axis: int) -> list[tuple[float, float, list[Rect]]]:
    """Groups of pieces between cuts along ``axis``: (start, end, pieces)."""
    out: list[tuple[float, float, list[Rect]]] = []
    for r in sorted(rects, key=lambda r: r[axis]):
        if out and r[axis] < out[-1][1] - ABS_TOL_MM:  # starts before the band ends: no cut
            start, end, group = out[-1]
            out[-1] = (start, max(end, r[axis + 2]), [*group, r])
        else:
            out.append((r[axis], r[axis + 2], [r]))
    return out


def cut_sequence(layout: SheetLayout) -> list[str]:
    """The saw's cuts in order: rips along the sheet (stage 1), crosscuts in each strip
    (stage 2), splits in each column (stage 3); positions in mm from the raw sheet's edge."""
    steps = []
    for i, (y0, y1, strip) in enumerate(_bands(_rects(layout), 1), start=1):
        steps.append(f"{i}. rip strip y {y0:g}-{y1:g}")
        for j, (x0, x1, column) in enumerate(_bands(strip, 0), start=1):
            pieces = len(column)
            steps.append(
                f"{i}.{j} crosscut x {x0:g}-{x1:g}"
                + (f", split into {pieces}" if pieces > 1 else "")
            )
    return steps


def offcuts(layout: SheetLayout, keep: tuple[float, float] = KEEP_MM) -> list[Rect]:
    """Leftovers at least ``keep`` in both directions: the end of each strip, and the sheet
    below the last strip (inside the trims)."""
    stock = layout.stock
    right, bottom = stock.length - stock.trim, stock.width - stock.trim
    found: list[Rect] = []
    last = stock.trim
    for y0, y1, strip in _bands(_rects(layout), 1):
        end = max(r[2] for r in strip) + stock.kerf
        found.append((end, y0, right, y1))
        last = y1 + stock.kerf
    found.append((stock.trim, last, right, bottom))
    return [r for r in found if r[2] - r[0] >= keep[0] and r[3] - r[1] >= keep[1]]


def render_nesting_pdf(sheets: Sequence[NestedSheet], *, title: str) -> bytes:
    """A page per sheet: the layout to scale, part ids, offcuts hatched, cuts and yield."""
    out = io.BytesIO()
    page = landscape(A4)
    canvas = Canvas(out, pagesize=page, pageCompression=1, invariant=1)
    canvas.setTitle(title)
    for n, sheet in enumerate(sheets, start=1):
        _page(canvas, sheet, f"{title} - sheet {n}/{len(sheets)}", page)
        canvas.showPage()
    if not sheets:
        canvas.drawString(20 * mm, page[1] - 20 * mm, f"{title}: nothing to cut")
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def _page(canvas: Canvas, sheet: NestedSheet, heading: str, page: tuple[float, float]) -> None:
    layout, stock = sheet.layout, sheet.layout.stock
    scale = min((page[0] - 110 * mm) / stock.length, (page[1] - 40 * mm) / stock.width)
    ox, oy = 12 * mm, page[1] - 25 * mm

    def box(x0: float, y0: float, x1: float, y1: float) -> tuple[float, float, float, float]:
        return ox + x0 * scale, oy - y1 * scale, (x1 - x0) * scale, (y1 - y0) * scale

    canvas.setFont("Helvetica-Bold", 11)
    canvas.drawString(ox, page[1] - 15 * mm, heading)
    canvas.setFont("Helvetica", 8)
    canvas.drawString(
        ox,
        page[1] - 20 * mm,
        f"{sheet.material} {sheet.thickness_mm:g} mm, sheet {stock.length:g} x "
        f"{stock.width:g}, kerf {stock.kerf:g}, trim {stock.trim:g}, "
        f"yield {layout.yield_:.1%}",
    )
    canvas.setFillGray(0.93)
    canvas.rect(*box(0, 0, stock.length, stock.width), fill=1)
    canvas.setFillColorRGB(0.86, 0.92, 0.86)
    for rect in offcuts(layout):
        canvas.rect(*box(*rect), fill=1)
    for p in layout.placements:
        dx, dy = p.extent
        canvas.setFillColorRGB(0.97, 0.93, 0.85)
        canvas.rect(*box(p.x, p.y, p.x + dx, p.y + dy), fill=1)
        canvas.setFillGray(0)
        cx, cy = ox + (p.x + dx / 2) * scale, oy - (p.y + dy / 2) * scale
        canvas.setFont("Helvetica", 6 if min(dx, dy) * scale > 7 * mm else 4)
        canvas.drawCentredString(cx, cy + 1, p.part_id)
        canvas.drawCentredString(
            cx, cy - 6, f"{p.length:g} x {p.width:g}" + (" R" if p.rotated else "")
        )
    canvas.setFont("Helvetica", 6.5)
    text = canvas.beginText(page[0] - 92 * mm, page[1] - 25 * mm)
    text.textLine("Cut sequence")
    for step in cut_sequence(layout)[:70]:
        text.textLine(step)
    kept = offcuts(layout)
    if kept:
        text.textLine("")
        text.textLine("Offcuts kept")
        for x0, y0, x1, y1 in kept:
            text.textLine(f"{x1 - x0:g} x {y1 - y0:g} at ({x0:g}, {y0:g})")
    canvas.drawText(text)


def render_sheet_svg(sheet: NestedSheet, *, title: str) -> str:
    """One sheet's cutting diagram as SVG (A4 landscape): parts to scale with ids and sizes,
    kept offcuts shaded, the cut sequence beside it, the yield in the title block."""
    layout, stock = sheet.layout, sheet.layout.stock
    svg = Sheet(
        title,
        f"{sheet.material} {sheet.thickness_mm:g} mm, {stock.length:g} x "
        f"{stock.width:g}, kerf {stock.kerf:g}, trim {stock.trim:g}, "
        f"yield {layout.yield_:.1%}",
    )
    scale = min(200 / stock.length, 160 / stock.width)
    ox, oy = 12.0, 14.0

    def box(x0: float, y0: float, x1: float, y1: float, style: str) -> None:
        svg.rect(
            ox + x0 * scale, oy + y0 * scale, (x1 - x0) * scale, (y1 - y0) * scale, style=style
        )

    box(0, 0, stock.length, stock.width, "fill:#eeeeee;stroke:#000;stroke-width:0.3")
    for rect in offcuts(layout):
        box(*rect, "fill:#dcebdc;stroke:#6a6;stroke-width:0.2")
    for p in layout.placements:
        dx, dy = p.extent
        box(p.x, p.y, p.x + dx, p.y + dy, "fill:#f7eed9;stroke:#000;stroke-width:0.25")
        cx, cy = ox + (p.x + dx / 2) * scale, oy + (p.y + dy / 2) * scale
        size = 1.8 if min(dx, dy) * scale > 8 else 1.2
        svg.text(cx, cy - size / 2, p.part_id, size=size)
        svg.text(
            cx,
            cy + size,
            f"{p.length:g} x {p.width:g}" + (" R" if p.rotated else ""),
            size=size * 0.8,
        )
    for n, step in enumerate(cut_sequence(layout)[:60]):
        svg.text(250, 16 + n * 2.4, step, size=1.8)
    return svg.render()
