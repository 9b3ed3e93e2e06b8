"""The validation engine: build the design, then run every registered rule over it.

A rule is a small function from a ``Context`` to the problems it finds; ``RULES`` lists them
in the order their problems are reported. Problems are data (code, severity, path, params);
wording and fixes come from the message catalogue at the edge.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from shapely import Polygon

from catalog.catalog import Catalog
from configurator.build import DesignBuild, PlacedCabinet, build_design
from configurator.design import Design
from configurator.placement import plan_rectangle
from configurator.room import Wall, check_room, floor_polygon, footprint_polygon, walls
from kernel.problems import Problem, has_errors

__all__ = ["TOUCH_TOL_MM", "Context", "Evaluation", "Placed", "Rule", "evaluate", "near", "shrunk"]


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


Rule = Callable[[Context], Sequence[Problem]]


@dataclass(frozen=True, slots=True, kw_only=True)
class Evaluation:
    """A built design and every problem found in it."""

    build: DesignBuild
    problems: tuple[Problem, ...]

    @property
    def has_errors(self) -> bool:
        """Whether anything stops the design from being made."""
        return has_errors(self.problems)


TOUCH_TOL_MM = 1.0  # two things may touch; overlapping deeper than this is a clash


def shrunk(polygon: Polygon) -> Polygon:
    """``polygon`` less half the touching tolerance all round."""
    return polygon.buffer(-TOUCH_TOL_MM / 2, join_style="mitre")


def near(a: Bounds, b: Bounds) -> bool:
    """Whether two bounding boxes (x0, y0, x1, y1) meet: a cheap test before shapely's."""
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def _bounds(shape: Polygon) -> Bounds:
    xs, ys = shape.exterior.xy
    return (min(xs), min(ys), max(xs), max(ys))


def _inset(pc: PlacedCabinet) -> Polygon:
    """The footprint less half the touching tolerance all round (no shapely buffer: the
    footprint is a rectangle in the cabinet's own frame)."""
    half = TOUCH_TOL_MM / 2
    width, depth = pc.cabinet.envelope.hi[0], pc.cabinet.envelope.hi[1]
    return Polygon(plan_rectangle(pc.transform, (half, half, width - half, depth - half)))


def _placed(build: DesignBuild, design: Design) -> tuple[Placed, ...]:
    index = {c.id: i for i, c in enumerate(design.cabinets)}
    out = []
    for pc in build.cabinets:
        bottom = pc.transform[2][3]
        out.append(
            Placed(
                index=index[pc.cabinet.spec.id],
                cabinet=pc,
                footprint=(shape := footprint_polygon(pc)),
                core=_inset(pc),
                bounds=_bounds(shape),
                bottom=bottom,
                top=bottom + pc.cabinet.envelope.hi[2],
            )
        )
    return tuple(out)


def evaluate(design: Design, catalog: Catalog, rules: Sequence[Rule] | None = None) -> Evaluation:
    """Build ``design`` and run ``rules`` (all registered rules by default)."""
    from configurator.rules import RULES  # the registry imports this module's Context

    build = build_design(design, catalog)
    room_problems = check_room(design.room)
    ctx = Context(
        design=design,
        catalog=catalog,
        build=build,
        walls=tuple(walls(design.room)),
        floor=floor_polygon(design.room),
        placed=_placed(build, design),
        room_ok=not room_problems,
    )
    problems = [*room_problems, *build.problems]
    for rule in RULES if rules is None else rules:
        problems += rule(ctx)
    return Evaluation(build=build, problems=tuple(problems))
