"""Part labels as PDF (DOMAIN.md B8): one 70 x 40 mm label per part, on a roll (a page per
label) or on A4 sheets (3 x 7 labels). Each carries the part id in text and as Code 128 (also
its CNC file name), a QR code with the part's data as compact JSON, the cut size, material,
cabinet and order, and a small drawing of the part with its banded edges drawn bold."""

from __future__ import annotations

import io
import json
from collections.abc import Sequence

import segno
from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from configurator.build.parts import Part
from kernel.units import format_mm
from production_export.label_layout import LabelLayout

__all__ = ["label_payload", "render_labels_pdf"]

LABEL = (70 * mm, 40 * mm)


def label_payload(part: Part, order: str) -> str:
    """The QR code's text: compact JSON a scanner or the factory's app reads back.

    Examples
    --------
    >>> from configurator.build.parts import Box, Edges, Role
    >>> p = Part(part_id="W1-TOP", cabinet_id="W1", role=Role.TOP, name="Top",
    ...     material="PB18_WHITE", thickness_mm=18, length_mm=964, width_mm=580,
    ...     cut_length_mm=962.4, cut_width_mm=578.2, grained=False, edges=Edges(l1="ABS10"),
    ...     box=Box((0, 0, 0), (1, 1, 1)), length_axis=0, width_axis=1)
    >>> label_payload(p, "Q-2026-000001")
    '{"o":"Q-2026-000001","p":"W1-TOP","L":"962.4","W":"578.2","T":"18","m":"PB18_WHITE","e":["ABS10","","",""]}'
    """
    return json.dumps(
        {
            "o": order,
            "p": part.part_id,
            "L": format_mm(part.cut_length_mm),
            "W": format_mm(part.cut_width_mm),
            "T": format_mm(part.thickness_mm),
            "m": part.material,
            "e": [e or "" for e in part.edges],
        },
        separators=(",", ":"),
    )


def render_labels_pdf(
    parts: Sequence[Part], *, order: str, layout: LabelLayout = LabelLayout.ROLL
) -> bytes:
    """Labels for ``parts`` of ``order``, in the order given."""
    out = io.BytesIO()
    size = LABEL if layout is LabelLayout.ROLL else A4
    canvas = Canvas(out, pagesize=size, pageCompression=1, invariant=1)
    canvas.setTitle(f"Labels {order}")
    per_page = 1 if layout is LabelLayout.ROLL else 21
    for n, part in enumerate(parts):
        slot = n % per_page
        if n and slot == 0:
            canvas.showPage()
        x, y = _slot(slot, layout)
        _label(canvas, part, order, x, y)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def _slot(slot: int, layout: LabelLayout) -> tuple[float, float]:
    if layout is LabelLayout.ROLL:
        return 0.0, 0.0
    column, row = slot % 3, slot // 3
    return column * LABEL[0], A4[1] - 8.5 * mm - (row + 1) * LABEL[1]


def _label(canvas: Canvas, part: Part, order: str, x: float, y: float) -> None:
    w, h = LABEL
    canvas.setStrokeGray(0.8)
    canvas.rect(x + 1, y + 1, w - 2, h - 2)
    canvas.setFont("Helvetica-Bold", 9)
    canvas.drawString(x + 3 * mm, y + h - 6 * mm, part.part_id)
    canvas.setFont("Helvetica", 6)
    canvas.drawString(x + 3 * mm, y + h - 9.5 * mm, f"{order}  cabinet {part.cabinet_id}")
    canvas.drawString(x + 3 * mm, y + h - 12.5 * mm, f"{part.name}"[:40])
    size = (
        f"{format_mm(part.cut_length_mm)} x {format_mm(part.cut_width_mm)} x "
        f"{format_mm(part.thickness_mm)} mm"
    )
    canvas.setFont("Helvetica-Bold", 7.5)
    canvas.drawString(x + 3 * mm, y + h - 16.5 * mm, size)
    canvas.setFont("Helvetica", 6)
    grain = "grain along length" if part.grained else "no grain"
    canvas.drawString(x + 3 * mm, y + h - 19.5 * mm, f"{part.material}, {grain}")
    barcode = Code128(part.part_id, barHeight=8 * mm, barWidth=0.25 * mm, quiet=False)
    room = w - 23 * mm  # left of the edge drawing
    if barcode.width > room:  # long ids (batch prefixes): narrower bars, same symbol
        barcode = Code128(
            part.part_id, barHeight=8 * mm, barWidth=0.25 * mm * room / barcode.width, quiet=False
        )
    barcode.drawOn(canvas, x + 3 * mm, y + 3 * mm)
    _qr(canvas, label_payload(part, order), x + w - 17 * mm, y + h - 17 * mm)
    _edges(canvas, part, x + w - 17 * mm, y + 4 * mm)


def _qr(canvas: Canvas, text: str, x: float, y: float) -> None:
    """A QR code (segno) drawn as dark runs, 15 mm square with its quiet zone."""
    # a fixed mask: any of the eight is valid QR, and choosing the "best" costs 5x the time
    matrix = segno.make(text, error="m", micro=False, mask=0).matrix
    side = 15 * mm
    cell = side / (len(matrix) + 4)
    canvas.setFillGray(0)
    for r, row in enumerate(matrix):
        top = y + side - (r + 2 + 1) * cell
        c = 0
        while c < len(row):
            if row[c]:
                start = c
                while c < len(row) and row[c]:
                    c += 1
                canvas.rect(x + (start + 2) * cell, top, (c - start) * cell, cell, stroke=0, fill=1)
            else:
                c += 1


def _edges(canvas: Canvas, part: Part, x: float, y: float) -> None:
    """The part in small, length across: banded edges bold, bare ones thin."""
    box_w, box_h = 14 * mm, 9 * mm
    ratio = part.cut_width_mm / part.cut_length_mm if part.cut_length_mm else 1
    pw, ph = (
        (box_w, min(box_h, box_w * ratio)) if ratio <= box_h / box_w else (box_h / ratio, box_h)
    )
    x0, y0 = x + (box_w - pw) / 2, y + (box_h - ph) / 2
    sides = {
        "l1": ((x0, y0), (x0 + pw, y0)),
        "l2": ((x0, y0 + ph), (x0 + pw, y0 + ph)),
        "w1": ((x0, y0), (x0, y0 + ph)),
        "w2": ((x0 + pw, y0), (x0 + pw, y0 + ph)),
    }
    canvas.setStrokeGray(0)
    for name, ((ax, ay), (bx, by)) in sides.items():
        banded = getattr(part.edges, name) is not None
        canvas.setLineWidth(1.6 if banded else 0.3)
        canvas.line(ax, ay, bx, by)
    canvas.setLineWidth(1)
