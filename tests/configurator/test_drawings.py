"""The plan and elevation SVGs: well-formed, at a standard scale, naming what they show."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from catalog.catalog import Catalog
from configurator.build.design_build import DesignBuild, build_design
from configurator.model.document import parse_design
from configurator.views.elevation import render_elevation_svg
from configurator.views.plan import render_plan_svg

EXAMPLES = Path(__file__).parents[2] / "examples"
NS = {"svg": "http://www.w3.org/2000/svg"}


@pytest.fixture
def l_shaped(catalog: Catalog) -> DesignBuild:
    design = parse_design(json.loads((EXAMPLES / "l-shaped-bedroom.json").read_text()))
    return build_design(design, catalog)


def texts(svg: str) -> list[str]:
    root = ET.fromstring(svg)  # noqa: S314 - our own output
    return ["".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text")]


def test_plan_is_a4_at_a_standard_scale_with_every_cabinet_and_wall(l_shaped: DesignBuild) -> None:
    svg = render_plan_svg(l_shaped)
    root = ET.fromstring(svg)  # noqa: S314
    assert (root.get("width"), root.get("height")) == ("297mm", "210mm")
    labels = texts(svg)
    assert {"W1", "D1", "S1", "W2"} <= set(labels)
    assert {"5000", "2500", "1500", "4000"} <= set(labels)  # wall lengths
    assert "1600×598" in labels  # overall width x depth with doors
    assert any(re.search(r"1:(20|25|50|100)", t) for t in labels)
    assert "b1 ▽2350" in labels and "d1" in labels


def test_elevation_shows_the_wall_s_cabinets_with_dimension_chains(
    l_shaped: DesignBuild, catalog: Catalog
) -> None:
    labels = texts(render_elevation_svg(l_shaped, catalog, wall=0))
    assert {"W1", "D1"} <= set(labels) and "W2" not in labels
    # seen from the room, wall 0 runs right to left: 1200 | D1 600 | 1400 | W1 1600 | 200
    assert [t for t in labels if t.isdigit() and int(t) < 5000][:5] == [
        "1200",
        "600",
        "1400",
        "1600",
        "200",
    ]
    assert "5000" in labels and "2400" in labels and "800" in labels
    assert "w1 1500×1500" in labels


def test_elevation_of_the_wall_under_the_beam(l_shaped: DesignBuild, catalog: Catalog) -> None:
    labels = texts(render_elevation_svg(l_shaped, catalog, wall=4))
    assert "b1 ▽2350" in labels and "W2" in labels and "2300" in labels


def test_elevations_of_every_wall_render(l_shaped: DesignBuild, catalog: Catalog) -> None:
    for wall in range(6):
        ET.fromstring(render_elevation_svg(l_shaped, catalog, wall=wall))  # noqa: S314


def test_text_is_escaped(catalog: Catalog) -> None:
    doc = json.loads((EXAMPLES / "bedroom.json").read_text())
    doc["name"] = "<Tom & Jerry's> 卧室"
    build = build_design(parse_design(doc), catalog)
    assert "<Tom & Jerry's> 卧室" in texts(render_plan_svg(build))
