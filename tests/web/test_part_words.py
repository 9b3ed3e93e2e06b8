"""Customers read problem messages: a part is named in words, not by its factory id."""

from __future__ import annotations

import pytest

from configurator.rules.proposals import RuleFix
from kernel.problems import Fix, Problem, ProblemCode
from web.messages import fix_message, message
from web.part_words import part_words


@pytest.mark.parametrize(
    ("part_id", "en", "zh"),
    [
        ("W1-S1-SHELF1", "shelf 1 of section 1 in W1", "W1 第1格第1块层板"),
        ("W1-S2-FIXED3", "fixed shelf 3 of section 2 in W1", "W1 第2格第3块固定层板"),
        ("W1-DOOR4", "door 4 of W1", "W1 的第4扇门"),
        ("H-A-BACK2", "back panel 2 of H-A", "H-A 的第2块背板"),
        ("W1-DIV1", "divider 1 of W1", "W1 的第1块中竖板"),
        ("W1-SIDE-L", "the left side of W1", "W1 左侧板"),
        ("W1-TOP", "the top of W1", "W1 顶板"),
        ("C-S1-DRW2-FRONT", "the front of drawer 2 in section 1 of C", "C 第1格第2个抽屉的抽面"),
        (
            "C-S1-DRW2-SIDE-R",
            "the right side of drawer 2 in section 1 of C",
            "C 第1格第2个抽屉的右侧板",
        ),
    ],
)
def test_a_part_id_reads_as_the_part(part_id: str, en: str, zh: str) -> None:
    assert (part_words(part_id, "en"), part_words(part_id, "zh-CN")) == (en, zh)


@pytest.mark.parametrize("part_id", ["W1-DOOR2-STILE-L", "SHELF", "", "W1-S1-SHELF"])
def test_an_id_of_no_known_pattern_is_shown_as_it_is(part_id: str) -> None:
    assert part_words(part_id, "zh-CN") == part_id


WALL = Problem.of(
    ProblemCode.named("door_against_wall"),
    "cabinets[0]",
    part_id="W1-DOOR4",
    cabinet="W1",
    side="right",
    gap_mm=50,
)


def test_a_door_against_a_wall_says_which_door_and_side_in_the_customers_language() -> None:
    assert message(WALL, "en").startswith("door 4 of W1 is hinged on its right side, less than")
    zh = message(WALL, "zh-CN")
    assert zh.startswith("W1 的第4扇门的铰链装在右侧，靠墙且离墙不足 50 mm")
    assert "right" not in zh and "W1-DOOR4" not in zh


def test_the_flip_hinges_fix_says_the_side_in_chinese() -> None:
    flip = Fix.of(RuleFix.FLIP_HINGES, [], cabinet="W1", side="left")
    assert fix_message(flip, "zh-CN") == "将 W1 的门改为左侧开铰"
    assert fix_message(flip, "en") == "hinge the doors of W1 on the left"
