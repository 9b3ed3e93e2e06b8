"""The use cases that derive one view of a design refuse what the view cannot show."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from services.design_views import draw_elevation, draw_plan, fill_wall, make_cut_list
from services.errors import DesignHasErrors, InvalidInput
from services.model import make_model_glb
from tests.builders import a_cabinet, a_document
from tests.fakes import FixedCatalogs

L_SHAPED = json.loads(
    (Path(__file__).parents[2] / "examples" / "l-shaped-bedroom.json").read_text()
)


def test_views_of_a_good_design(catalogs: FixedCatalogs) -> None:
    cuts = make_cut_list(L_SHAPED, catalogs=catalogs)
    assert cuts.parts and cuts.catalog_version == catalogs.catalog().version
    assert draw_plan(L_SHAPED, catalogs=catalogs).startswith("<svg")
    assert draw_elevation(L_SHAPED, catalogs=catalogs, wall=0).startswith("<svg")
    glb, parts = make_model_glb(L_SHAPED, catalogs=catalogs)
    assert glb[:4] == b"glTF" and parts == len(cuts.parts)
    spans = fill_wall(L_SHAPED, catalogs=catalogs, wall=0, template="wardrobe_hinged")
    assert spans and all(s.span.start_mm < s.span.end_mm for s in spans)
    assert any(s.fix is not None for s in spans)


def test_a_cabinet_that_cannot_be_built_has_no_cut_list(catalogs: FixedCatalogs) -> None:
    with pytest.raises(DesignHasErrors) as refused:
        make_cut_list(a_document(a_cabinet(template="sofa")), catalogs=catalogs)
    assert [p.code for p in refused.value.problems] == ["unknown_template"]


def test_a_room_that_cannot_be_drawn_has_no_model(catalogs: FixedCatalogs) -> None:
    """Was: an empty design in a room of one point crashed trimesh ("Can't export empty
    scenes!"), a 500 over the API (found by Schemathesis)."""
    point = {"outline_mm": [[0, 0], [0, 0], [0, 0]], "ceiling_mm": 1000}
    with pytest.raises(DesignHasErrors) as refused:
        make_model_glb({**a_document(room=point), "cabinets": []}, catalogs=catalogs)
    assert {p.code for p in refused.value.problems} == {"invalid_room"}


def test_a_missing_wall_or_template_is_named(catalogs: FixedCatalogs) -> None:
    with pytest.raises(InvalidInput) as wall:
        draw_elevation(L_SHAPED, catalogs=catalogs, wall=6)
    assert wall.value.problems[0].params == {"value": 6, "max": 5}
    with pytest.raises(InvalidInput) as template:
        fill_wall(L_SHAPED, catalogs=catalogs, wall=0, template="sofa")
    assert template.value.problems[0].code == "unknown_template"
    with pytest.raises(InvalidInput) as filler:  # a filler alone fills no wall
        fill_wall(L_SHAPED, catalogs=catalogs, wall=0, template="filler")
    assert "filler" not in str(filler.value.problems[0].params["allowed"])
