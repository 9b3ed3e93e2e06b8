"""What every validation rule looks at: the built design with each cabinet's footprint and
heights, and the touching tolerance rules share. Rules import this module; the registry and the
evaluation import the rules, so nothing imports back."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial

from shapely import Polygon

from catalog.catalog import Catalog
from configurator.build.design_build import DesignBuild, PlacedCabinet
from configurator.build.placement import plan_rectangle
from configurator.model.design import Design
from configurator.room.geometry import Wall, footprint_polygon, plan_polygon
from kernel.memo import Memo, no_memo
from kernel.problems import Problem

__all__ = ["TOUCH_TOL_MM", "Context", "Placed", "Rule", "near", "placed_cabinets", "shrunk"]


Bounds = tuple[float, float, float, float]


@dataclass(frozen=True, slots=True, kw_only=True)
class Placed:
    """A built cabinet with what the room rules need: its index, footprint and heights."""

    index: int
    cabinet: PlacedCabinet
    footprint: Polygon
    core: Polygon  # the footprint less the touching tolerance: what another thing may not hit
    bounds: Bounds  # of the footprint, for quick rejection
    bottom: float
    top: float

    @property
    def path(self) -> str:
        """The cabinet's path in the design document."""
        return f"cabinets[{self.index}]"


@dataclass(frozen=True, slots=True, kw_only=True)
class Context:
    """Everything a rule may look at."""

    design: Design
    catalog: Catalog
    build: DesignBuild
    walls: tuple[Wall, ...]
    floor: Polygon
    placed: tuple[Placed, ...]
    room_ok: bool
    memo: Memo = no_memo  # for work that depends on one cabinet only (same catalog)


Rule = Callable[[Context], Sequence[Problem]]


TOUCH_TOL_MM = 1.0  # two things may touch; overlapping deeper than this is a clash


def shrunk(polygon: Polygon) -> Polygon:
    """``polygon`` less half the touching tolerance all round."""
    return polygon.buffer(-TOUCH_TOL_MM / 2, join_style="mitre")


def near(a: Bounds, b: Bounds) -> bool:
    """Whether two bounding boxes (x0, y0, x1, y1) meet: a cheap test before shapely's."""
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def _bounds(shape: Polygon) -> Bounds:
    x0, y0, x1, y1 = shape.bounds  # shapely's own: no coordinate arrays copied out
    return (x0, y0, x1, y1)


def _inset(pc: PlacedCabinet) -> Polygon:
    """The footprint less half the touching tolerance all round (no shapely buffer: the
    footprint is a rectangle in the cabinet's own frame)."""
    half = TOUCH_TOL_MM / 2
    width, depth = pc.cabinet.envelope.hi[0], pc.cabinet.envelope.hi[1]
    return plan_polygon(plan_rectangle(pc.transform, (half, half, width - half, depth - half)))


def _plan(pc: PlacedCabinet) -> tuple[Polygon, Polygon, Bounds]:
    """The footprint, its core and its bounds."""
    shape = footprint_polygon(pc)
    core = _inset(pc) if pc.cabinet.outline is None else shrunk(shape)
    return shape, core, _bounds(shape)


def placed_cabinets(build: DesignBuild, design: Design, memo: Memo = no_memo) -> tuple[Placed, ...]:
    """Each built cabinet with its footprint and heights; ``memo`` may hand back the
    footprint of a cabinet of the same size standing at the same place."""
    index = {c.id: i for i, c in enumerate(design.cabinets)}
    out = []
    for pc in build.cabinets:
        bottom = pc.transform[2][3]
        footprint, core, bounds = memo(
            ("plan", pc.cabinet.envelope, pc.cabinet.outline, pc.transform), partial(_plan, pc)
        )
        out.append(
            Placed(
                index=index[pc.cabinet.spec.id],
                cabinet=pc,
                footprint=footprint,
                core=core,
                bounds=bounds,
                bottom=bottom,
                top=bottom + pc.cabinet.envelope.hi[2],
            )
        )
    return tuple(out)
