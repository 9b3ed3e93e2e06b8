"""A small SVG writer for printable drawings: paper millimetres, standard scales, dimension
lines. Text is escaped; numbers are written with 0.01 mm resolution."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from xml.sax.saxutils import escape, quoteattr

__all__ = ["A4_LANDSCAPE", "SCALES", "Sheet", "pick_scale"]

A4_LANDSCAPE = (297.0, 210.0)
SCALES = (10, 20, 25, 50, 100, 200)  # 1:n, the ones a designer prints at
FONT = "Noto Sans CJK SC, Noto Sans, DejaVu Sans, Arial, sans-serif"


def pick_scale(width_mm: float, height_mm: float, box: tuple[float, float]) -> int:
    """The largest standard scale (smallest n) at which a drawing fits ``box`` paper mm.

    Examples
    --------
    >>> pick_scale(3600, 3000, (250, 150))  # 180 x 150 paper mm at 1:20
    20
    """
    for n in SCALES:
        if width_mm / n <= box[0] and height_mm / n <= box[1]:
            return n
    return SCALES[-1]


def _n(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


class Sheet:
    """An A4 landscape sheet collecting SVG elements in paper millimetres."""

    def __init__(self, title: str, subtitle: str) -> None:
        self.size = A4_LANDSCAPE
        self.parts: list[str] = []
        self.title, self.subtitle = title, subtitle

    def add(self, element: str) -> None:
        """Add raw SVG (already escaped)."""
        self.parts.append(element)

    def path(self, d: str, *, style: str) -> None:
        """A path with data ``d``."""
        self.add(f'<path d="{d}" style={quoteattr(style)}/>')

    def polygon(self, points: Sequence[tuple[float, float]], *, style: str) -> None:
        """A closed polygon."""
        coords = " ".join(f"{_n(x)},{_n(y)}" for x, y in points)
        self.add(f'<polygon points="{coords}" style={quoteattr(style)}/>')

    def line(self, a: tuple[float, float], b: tuple[float, float], *, style: str) -> None:
        """A straight line."""
        self.add(
            f'<line x1="{_n(a[0])}" y1="{_n(a[1])}" x2="{_n(b[0])}" y2="{_n(b[1])}" '
            f"style={quoteattr(style)}/>"
        )

    def rect(self, x: float, y: float, w: float, h: float, *, style: str) -> None:
        """An axis-aligned rectangle (paper coordinates, y down)."""
        self.add(
            f'<rect x="{_n(x)}" y="{_n(y)}" width="{_n(w)}" height="{_n(h)}" '
            f"style={quoteattr(style)}/>"
        )

    def text(
        self,
        x: float,
        y: float,
        content: str,
        *,
        size: float = 2.5,
        angle: float = 0.0,
        weight: str = "normal",
    ) -> None:
        """Text centred on (x, y); ``angle`` in degrees, clockwise."""
        rotate = f' transform="rotate({_n(angle)} {_n(x)} {_n(y)})"' if angle else ""
        self.add(
            f'<text x="{_n(x)}" y="{_n(y)}" font-size="{_n(size)}" '
            f'text-anchor="middle" dominant-baseline="middle" font-weight="{weight}"'
            f"{rotate}>{escape(content)}</text>"
        )

    def dimension(
        self, a: tuple[float, float], b: tuple[float, float], label: str, *, offset: float
    ) -> None:
        """A dimension line between ``a`` and ``b`` drawn ``offset`` paper mm to their left
        (seen from a to b), with extension lines, ticks and the label above the line."""
        dx, dy = b[0] - a[0], b[1] - a[1]
        length = (dx * dx + dy * dy) ** 0.5 or 1.0
        nx, ny = dy / length, -dx / length
        pa = (a[0] + nx * offset, a[1] + ny * offset)
        pb = (b[0] + nx * offset, b[1] + ny * offset)
        thin = "stroke:#333;stroke-width:0.18"
        for base, end in ((a, pa), (b, pb)):
            self.line(
                (base[0] + nx * 0.8, base[1] + ny * 0.8),
                (end[0] + nx * 1.2, end[1] + ny * 1.2),
                style=thin,
            )
        self.line(pa, pb, style=thin)
        for p in (pa, pb):
            self.line(
                (p[0] - (dx + dy) / length * 0.9, p[1] - (dy - dx) / length * 0.9),
                (p[0] + (dx + dy) / length * 0.9, p[1] + (dy - dx) / length * 0.9),
                style="stroke:#333;stroke-width:0.3",
            )
        angle = _upright(dx, dy)
        mid = ((pa[0] + pb[0]) / 2 + nx * 1.6, (pa[1] + pb[1]) / 2 + ny * 1.6)
        self.text(mid[0], mid[1], label, size=2.2, angle=angle)

    def render(self, body_groups: Iterable[str] = ()) -> str:
        """The whole SVG document, with a frame and a title block."""
        w, h = self.size
        title = [
            f'<rect x="5" y="5" width="{_n(w - 10)}" height="{_n(h - 10)}" '
            'style="fill:none;stroke:#000;stroke-width:0.35"/>',
            f'<rect x="{_n(w - 105)}" y="{_n(h - 19)}" width="100" height="14" '
            'style="fill:#fff;stroke:#000;stroke-width:0.25"/>',
        ]
        head = (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{_n(w)}mm" height="{_n(h)}mm" '
            f'viewBox="0 0 {_n(w)} {_n(h)}" font-family={quoteattr(FONT)}>'
            '<rect width="100%" height="100%" fill="#fff"/>'
        )
        texts = (
            f'<text x="{_n(w - 102)}" y="{_n(h - 13.5)}" font-size="3.2" '
            f'font-weight="bold">{escape(self.title)}</text>'
            f'<text x="{_n(w - 102)}" y="{_n(h - 8)}" font-size="2.4">'
            f"{escape(self.subtitle)}</text>"
        )
        return "\n".join([head, *title, *self.parts, *body_groups, texts, "</svg>"]) + "\n"


def _upright(dx: float, dy: float) -> float:
    """Text angle along a direction, turned so that it never reads upside down."""
    angle = math.degrees(math.atan2(dy, dx))
    if angle > 90:
        angle -= 180
    elif angle <= -90:
        angle += 180
    return angle
