"""Twins (cabinets equal but for their id and place) are built once per design and
re-labelled: each must come out exactly as if it had been built on its own."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.designs import showroom
from catalog.catalog import Catalog
from configurator.build.cabinet import build_cabinet
from configurator.build.design_build import DesignBuild, build_design
from configurator.model.design import twin_key
from configurator.model.document import parse_design
from configurator.rules.context import Placed
from configurator.rules.evaluate import rule_context
from configurator.rules.problems import RuleProblem
from configurator.rules.structure import each_cabinet
from kernel.problems import Problem
from tests.builders import a_document
from tests.strategies import CATALOG, EXAMPLE_DOCUMENTS, cabinets


def assert_each_built_alone(build: DesignBuild, catalog: Catalog) -> None:
    """Every cabinet of ``build`` and every problem as ``build_cabinet`` makes them."""
    alone = []
    for i, spec in enumerate(build.design.cabinets):
        built, problems = build_cabinet(spec, catalog, path=f"cabinets[{i}]")
        alone += problems
        if built is not None:
            assert [c.cabinet for c in build.cabinets if c.cabinet.spec is spec] == [built]
    assert list(build.problems) == alone


@pytest.mark.parametrize("document", [showroom(30), *EXAMPLE_DOCUMENTS])
def test_twins_in_real_designs_come_out_as_built_alone(
    document: dict[str, Any], catalog: Catalog
) -> None:
    assert_each_built_alone(build_design(parse_design(document), catalog), catalog)


def test_the_showroom_has_twins() -> None:
    """The test above shares builds: the showroom repeats its cabinets."""
    specs = parse_design(showroom(30)).cabinets
    assert len({twin_key(s) for s in specs}) < 20


@settings(max_examples=25, deadline=None)
@given(
    cabinet=cabinets(),
    ids=st.lists(st.sampled_from(["A", "B1", "A1", "C10"]), min_size=2, unique=True),
)
def test_twins_come_out_as_built_alone(cabinet: dict[str, Any], ids: list[str]) -> None:
    """Equal cabinets under ids that are prefixes of one another, with or without problems."""
    twins = [{**cabinet, "id": ident, "offset_mm": 0} for ident in ids]
    build = build_design(parse_design(a_document(*twins)), CATALOG)
    assert_each_built_alone(build, CATALOG)


def test_a_rule_skips_only_the_twins_of_sound_cabinets(catalog: Catalog) -> None:
    """``each_cabinet`` checks a twin again when the first one had problems (they name its
    own path), and not when it had none."""
    document = showroom(30)
    design = parse_design(document)
    ctx = rule_context(design, catalog, build_design(design, catalog))
    checked: list[str] = []

    def check(placed: Placed, _: Catalog) -> list[Problem]:
        checked.append(placed.path)
        if placed.cabinet.cabinet.template.code != "wardrobe_hinged":
            return []
        return [Problem.of(RuleProblem.MACHINING_CLASH, placed.path)]

    problems = each_cabinet(ctx, check)
    hinged = [f"cabinets[{i}]" for i in range(30) if i % 8 in (0, 6)]
    assert [p.path for p in problems] == hinged
    assert set(hinged) <= set(checked)
    # the sliding wardrobes: 1 (oak fronts), 9 (MDF), then twins of 1 (17, 25)
    assert [p for p in checked if p in {f"cabinets[{i}]" for i in (1, 9, 17, 25)}] == [
        "cabinets[1]",
        "cabinets[9]",
    ]
