"""Properties of every cabinet the engine builds, over random valid cabinets of every
template: parts never interpenetrate, stay inside the envelope, the envelope is the requested
size, and the 3D model and the cut list are the same parts."""

from __future__ import annotations

import csv
import io
import itertools
from collections import Counter
from typing import Any

import numpy as np
import pytest
import trimesh
from hypothesis import given
from hypothesis import strategies as st

from catalog.catalog import Catalog
from catalog.hardware import HardwareKind
from catalog.templates import CornerKind
from configurator.build.design_build import DesignBuild
from configurator.build.parts import Face, OpKind, Part, Role
from configurator.views.glb import render_glb
from kernel.units import ABS_TOL_MM, isclose_mm
from production_export.cut_list import render_cut_list_csv
from tests.builders import a_build
from tests.strategies import CATALOG, TEMPLATES, cabinets


def built(cabinet: dict[str, Any]) -> DesignBuild:
    build = a_build(CATALOG, cabinet)
    assert [p for p in build.problems if p.severity == "error"] == []
    assert len(build.cabinets) == 1
    return build


def interpenetrations(parts: tuple[Part, ...]) -> list[tuple[str, str]]:
    """Pairs of parts sharing volume that no groove of either part explains."""
    clashes = []
    for a, b in itertools.combinations(parts, 2):
        common = a.box.intersection(b.box)
        if common is None or min(common.size(i) for i in range(3)) <= ABS_TOL_MM:
            continue
        if not any(r.contains(common, ABS_TOL_MM) for r in a.recesses + b.recesses):
            clashes.append((a.part_id, b.part_id))
    return clashes


@pytest.mark.parametrize("template", TEMPLATES)
@given(data=st.data())
def test_parts_never_interpenetrate(template: str, data: st.DataObject) -> None:
    build = built(data.draw(cabinets(template)))
    assert interpenetrations(build.parts) == []


@pytest.mark.parametrize("template", TEMPLATES)
@given(data=st.data())
def test_every_part_lies_inside_the_envelope_of_the_requested_size(
    template: str, data: st.DataObject
) -> None:
    cabinet = data.draw(cabinets(template))
    placed = built(cabinet).cabinets[0].cabinet
    env = placed.envelope
    front = CATALOG.material(cabinet["front_material"]).thickness_mm
    t = CATALOG.template(template)
    overlay = t.fronts.value in ("hinged", "drawers")
    # the envelope is width x height as requested; depth is the carcass depth plus the
    # fronts that stand in front of it (README, "Cabinet depth"), an L unit's second arm
    depth = cabinet["depth_mm"] + (front if overlay else 0)
    if t.corner is CornerKind.L:
        depth = cabinet["options"].get("arm_mm", t.option_default("arm_mm"))
    assert env.lo == (0, 0, 0)
    assert env.hi == (cabinet["width_mm"], depth, cabinet["height_mm"])
    for part in placed.parts:
        assert env.contains(part.box, ABS_TOL_MM), part.part_id
    lo = np.min([p.box.lo for p in placed.parts], axis=0)
    hi = np.max([p.box.hi for p in placed.parts], axis=0)
    # the parts reach the envelope's sides, floor, top and back; its front only where fronts
    # exist (a drawer unit without drawers is an open box)
    assert np.allclose(lo[[0, 2]], [0, 0]) and np.allclose(hi, env.hi)


def glb_parts(build: DesignBuild) -> dict[str, list[float]]:
    """Part nodes of the GLB and their sorted extents in mm."""
    scene = trimesh.load(io.BytesIO(render_glb(build, CATALOG)), file_type="glb")
    out = {}
    for node in scene.graph.nodes_geometry:
        if node.startswith("room:"):
            continue
        matrix, geometry = scene.graph[node]
        extents = scene.geometry[geometry].extents
        scale = np.linalg.norm(matrix[:3, :3], axis=0) * extents * 1000.0
        out[node] = sorted(float(v) for v in scale)
    return out


@pytest.mark.slow
@pytest.mark.parametrize("template", TEMPLATES)
@given(data=st.data())
def test_glb_and_cut_list_hold_the_same_parts_with_the_same_sizes(
    template: str, data: st.DataObject
) -> None:
    build = built(data.draw(cabinets(template)))
    rows = list(csv.DictReader(io.StringIO(render_cut_list_csv(build.parts))))
    nodes = glb_parts(build)
    assert sorted(nodes) == sorted(r["part_id"] for r in rows)
    assert sum(int(r["quantity"]) for r in rows) == len(nodes) == len(build.parts)
    for row in rows:
        finished = sorted(
            float(row[k]) for k in ("finished_length_mm", "finished_width_mm", "thickness_mm")
        )
        assert np.allclose(nodes[row["part_id"]], finished, atol=0.051), row["part_id"]


@pytest.mark.parametrize("template", TEMPLATES)
@given(data=st.data())
def test_cut_size_is_finished_size_less_the_bands(template: str, data: st.DataObject) -> None:
    for part in built(data.draw(cabinets(template))).parts:

        def band(code: str | None) -> float:
            return CATALOG.edge_band(code).thickness_mm if code else 0.0

        e = part.edges
        assert isclose_mm(part.cut_length_mm, part.length_mm - band(e.w1) - band(e.w2))
        assert isclose_mm(part.cut_width_mm, part.width_mm - band(e.l1) - band(e.l2))
        assert part.cut_length_mm > 0 and part.cut_width_mm > 0


def totals(build: DesignBuild, catalog: Catalog) -> Counter[HardwareKind]:
    count: Counter[HardwareKind] = Counter()
    for line in build.hardware:
        count[catalog.item(line.code).kind] += line.quantity
    return count


@pytest.mark.parametrize("template", TEMPLATES)
@given(data=st.data())
def test_hardware_quantities_add_up_to_the_parts_that_need_them(
    template: str, data: st.DataObject
) -> None:
    build = built(data.draw(cabinets(template)))
    kinds = totals(build, CATALOG)
    roles = Counter(p.role for p in build.parts)
    cups = sum(1 for p in build.parts for op in p.operations if op.kind is OpKind.CUP)
    assert kinds[HardwareKind.HINGE] == kinds[HardwareKind.HINGE_PLATE] == cups
    assert kinds[HardwareKind.SHELF_SUPPORT] == 4 * roles[Role.SHELF]
    assert kinds[HardwareKind.RUNNER] == roles[Role.DRAWER_FRONT]
    assert kinds[HardwareKind.RAIL_SUPPORT] == 2 * kinds[HardwareKind.RAIL]
    assert kinds[HardwareKind.CONNECTOR] == sum(
        1 for p in build.parts for op in p.operations if op.kind is OpKind.CAM
    )


def within(centre: float, radius: float, limit: float) -> bool:
    return centre - radius >= -ABS_TOL_MM and centre + radius <= limit + ABS_TOL_MM


@pytest.mark.parametrize("template", TEMPLATES)
@given(data=st.data())
def test_every_operation_lies_on_its_part(template: str, data: st.DataObject) -> None:
    for part in built(data.draw(cabinets(template))).parts:
        for op in part.operations:
            r = op.diameter_mm / 2
            on_end = op.face in (Face.W1, Face.W2)  # drilled into an end: along u by depth
            on_edge = op.face in (Face.L1, Face.L2)
            for u, v in op.positions():
                assert on_end or within(u, r, part.length_mm), (part.part_id, op)
                assert on_edge or within(v, r, part.width_mm), (part.part_id, op)
            if op.face in (Face.A, Face.B):
                assert op.depth_mm <= part.thickness_mm + ABS_TOL_MM, (part.part_id, op)
