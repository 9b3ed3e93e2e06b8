"""One DXF per part for CNC drilling and grooving (DOMAIN.md B7), built with ezdxf in memory.

Convention. The part lies face A up (the face at the larger coordinate of its thickness axis,
see ``configurator.build.parts``), length along x, width along y, origin at the corner of the *cut*
panel (w1 end, l1 edge): the outline is the cut size and every coordinate is measured on the
sawn panel, edge bands not included. Layers carry the operation and its numbers, ``_`` for the
decimal point's neighbour ``p`` (12.5 -> ``12p5``):

- ``OUTLINE_T<t>``: the cut outline, a closed polyline; ``t`` the board thickness;
- ``DRILL_D<d>_Z<depth>_<face>``: vertical bores (circles) from face ``A`` (up) or ``B``
  (the flip side); cups and cam housings are bores of their diameter;
- ``HDRILL_D<d>_Z<depth>_<edge>``: horizontal bores into an edge (``W1``, ``W2``, ``L1``,
  ``L2``), drawn as a line from the edge inwards as deep as the bore;
- ``GROOVE_W<width>_Z<depth>_<face>``: grooves, closed rectangles.
"""

from __future__ import annotations

import io
from typing import Any

from ezdxf.addons.r12writer import r12writer

from catalog.catalog import Catalog
from configurator.build.parts import Face, Operation, OpKind, Part

__all__ = ["groove_outline", "layer_name", "render_part_dxf"]


def _n(value: float) -> str:
    """A number for a layer name: ``12.5`` -> ``12p5``, ``5.0`` -> ``5``.

    Examples
    --------
    >>> _n(12.5), _n(5.0)
    ('12p5', '5')
    """
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", "p")


def layer_name(op: Operation) -> str:
    """The layer an operation goes on."""
    if op.kind is OpKind.GROOVE:
        return f"GROOVE_W{_n(op.width_mm)}_Z{_n(op.depth_mm)}_{op.face.value}"
    if op.face in (Face.A, Face.B):
        return f"DRILL_D{_n(op.diameter_mm)}_Z{_n(op.depth_mm)}_{op.face.value}"
    return f"HDRILL_D{_n(op.diameter_mm)}_Z{_n(op.depth_mm)}_{op.face.value}"


def render_part_dxf(part: Part, catalog: Catalog) -> str:
    """The part's DXF as text: R12, entities only (ezdxf's streaming ``r12writer``: fast
    and deterministic; every CAM reads it). Lengths in mm."""
    band = {
        e: catalog.edge_band(c).thickness_mm if c else 0.0
        for e, c in zip(("l1", "l2", "w1", "w2"), part.edges, strict=True)
    }
    length, width = part.cut_length_mm, part.cut_width_mm
    out = io.StringIO()
    with r12writer(out) as dxf:
        dxf.add_polyline(
            [(0, 0), (length, 0), (length, width), (0, width)],
            closed=True,
            layer=f"OUTLINE_T{_n(part.thickness_mm)}",
        )
        for op in part.operations:
            _draw(dxf, op, layer_name(op), shift=(band["w1"], band["l1"]), size=(length, width))
    return out.getvalue()


def groove_outline(
    op: Operation, shift: tuple[float, float], size: tuple[float, float]
) -> list[tuple[float, float]]:
    """The corners of a groove on the sawn panel. A groove that runs to the finished part's
    end (a back groove along a side, made on the banded size) stops at the sawn outline: the
    band on that end is glued on after grooving, so the groove never runs past the panel.

    Examples
    --------
    >>> from configurator.build.parts import Face, Operation, OpKind
    >>> groove = Operation(kind=OpKind.GROOVE, face=Face.A, u=0, v=40, u_end=1000, v_end=40,
    ...     diameter_mm=0, depth_mm=8, width_mm=9)
    >>> groove_outline(groove, (0.8, 0.0), (998.4, 600))
    [(0.0, 35.5), (998.4, 35.5), (998.4, 44.5), (0.0, 44.5)]
    """
    du, dv = shift
    length, width = size
    half = op.width_mm / 2
    u0, u1 = sorted((op.u - du, op.u_end - du))
    v0, v1 = sorted((op.v - dv, op.v_end - dv))
    if v0 == v1:
        v0, v1 = v0 - half, v1 + half
    else:
        u0, u1 = u0 - half, u1 + half
    u0, u1 = max(u0, 0.0), min(u1, length)
    v0, v1 = max(v0, 0.0), min(v1, width)
    return [(u0, v0), (u1, v0), (u1, v1), (u0, v1)]


def _draw(
    dxf: Any, op: Operation, layer: str, *, shift: tuple[float, float], size: tuple[float, float]
) -> None:
    """Draw one operation with an ``r12writer`` (only partly annotated in ezdxf)."""
    du, dv = shift
    if op.kind is OpKind.GROOVE:
        dxf.add_polyline(groove_outline(op, shift, size), closed=True, layer=layer)
        return
    if op.face in (Face.A, Face.B):
        for u, v in op.positions():
            dxf.add_circle((u - du, v - dv), op.diameter_mm / 2, layer=layer)
        return
    length, width = size
    u, v = op.u - du, op.v - dv
    inward = {
        Face.W1: (0.0, v, op.depth_mm, v),
        Face.W2: (length, v, length - op.depth_mm, v),
        Face.L1: (u, 0.0, u, op.depth_mm),
        Face.L2: (u, width, u, width - op.depth_mm),
    }
    x0, y0, x1, y1 = inward[op.face]
    dxf.add_line((x0, y0), (x1, y1), layer=layer)
