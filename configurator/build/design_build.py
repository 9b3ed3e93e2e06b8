"""Build a whole design: every cabinet into parts and hardware, placed in the room.

This is the one parametric model the 3D view, the validation, the price and the cut list are
derived from.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, replace

from catalog.catalog import Catalog
from configurator.build.boards import JointLayouts
from configurator.build.cabinet import BuiltCabinet, build_cabinet
from configurator.build.parts import HardwareLine, Part
from configurator.build.placement import Transform, place, wall_count
from configurator.build.problems import BuildProblem
from configurator.build.twins import relabelled
from configurator.model.design import Cabinet, Design, WallPlacement, cabinet_key, twin_key
from kernel.memo import Memo, no_memo
from kernel.problems import Problem

__all__ = ["DesignBuild", "PlacedCabinet", "build_design"]


@dataclass(frozen=True, slots=True, kw_only=True)
class PlacedCabinet:
    """A built cabinet and where it stands in the room."""

    cabinet: BuiltCabinet
    transform: Transform


@dataclass(frozen=True, slots=True, kw_only=True)
class DesignBuild:
    """Every cabinet that could be built, and the problems of those that could not."""

    design: Design
    cabinets: tuple[PlacedCabinet, ...]
    problems: tuple[Problem, ...]

    @property
    def parts(self) -> tuple[Part, ...]:
        """All parts, cabinet by cabinet."""
        return tuple(p for c in self.cabinets for p in c.cabinet.parts)

    @property
    def hardware(self) -> tuple[HardwareLine, ...]:
        """All hardware lines, cabinet by cabinet."""
        return tuple(h for c in self.cabinets for h in c.cabinet.hardware)


def build_design(design: Design, catalog: Catalog, memo: Memo = no_memo) -> DesignBuild:
    """Build and place every cabinet of ``design``; ``memo`` may hand back a cabinet built
    before (for the same catalog) instead of building it again. A cabinet whose twin (see
    ``configurator.build.twins``) was built here without problems is that build re-labelled."""
    placed: list[PlacedCabinet] = []
    problems: list[Problem] = []
    twins: dict[Hashable, BuiltCabinet] = {}  # this call's only: keyed on immutable specs
    joints: JointLayouts = {}  # this call's only: the cabinets' joint layouts, shared
    walls = wall_count(design.room)
    for i, spec in enumerate(design.cabinets):
        path = f"cabinets[{i}]"
        if isinstance(spec.placement, WallPlacement) and spec.placement.wall >= walls:
            problems.append(
                Problem.of(
                    BuildProblem.UNKNOWN_WALL,
                    f"{path}.wall",
                    value=spec.placement.wall,
                    max=walls - 1,
                )
            )
            continue
        built, found = _build_or_twin(spec, catalog, path, memo, twins, joints)
        problems += found
        if built is not None:
            elevation = (
                spec.elevation_mm
                if spec.elevation_mm is not None
                else float(built.template.elevation_mm)
            )
            transform = place(
                spec, design.room, overall_depth=built.envelope.hi[1], elevation=elevation
            )
            placed.append(PlacedCabinet(cabinet=built, transform=transform))
    return DesignBuild(design=design, cabinets=tuple(placed), problems=tuple(problems))


def _build_or_twin(
    spec: Cabinet,
    catalog: Catalog,
    path: str,
    memo: Memo,
    twins: dict[Hashable, BuiltCabinet],
    joints: JointLayouts,
) -> tuple[BuiltCabinet | None, tuple[Problem, ...]]:
    """``build_cabinet``, remembered by what the cabinet is and its path (its problems name
    it): a cabinet that only moved is not built again. The cabinet remembered may have stood
    elsewhere, so the result carries ``spec`` itself. A cabinet whose twin was built before
    in this call, without problems (they would name the twin's path), is that build
    re-labelled; ``memo`` remembers it as its own, so that an edit of the twin does not
    build it again."""
    key = twin_key(spec)
    twin = twins.get(key)

    def compute() -> tuple[BuiltCabinet | None, tuple[Problem, ...]]:
        if twin is not None:
            return relabelled(twin, spec), ()
        built, found = build_cabinet(spec, catalog, path=path, joints=joints)
        return built, tuple(found)

    built, found = memo(("build", path, cabinet_key(spec)), compute)
    if built is not None and built.spec is not spec:
        built = replace(built, spec=spec)
    if twin is None and built is not None and not found:
        twins[key] = built
    return built, found
