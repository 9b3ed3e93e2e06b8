"""Codes of the validation rules' problems (README: Validation)."""

from __future__ import annotations

from kernel.problems import ProblemCode

__all__ = ["RuleProblem"]


class RuleProblem(ProblemCode):
    """What a rule finds in a built design standing in its room."""

    PART_EXCEEDS_SHEET = "part_exceeds_sheet"
    PART_TOO_SMALL = "part_too_small"
    SHELF_SAG = "shelf_sag"
    HINGE_COUNT = "hinge_count"
    DOOR_TOO_LARGE = "door_too_large"
    SLIDING_DOOR_SIZE = "sliding_door_size"
    HANGING_SPACE = "hanging_space"
    OUTSIDE_ROOM = "outside_room"
    CABINET_OVERLAP = "cabinet_overlap"
    BLOCKS_OPENING = "blocks_opening"
    OBSTACLE_CONFLICT = "obstacle_conflict"
    CEILING_HEIGHT = "ceiling_height"
    TILT_UP_CLEARANCE = "tilt_up_clearance"
    FRONT_CLEARANCE = "front_clearance"
    CORNER_BLOCKED = "corner_blocked"
    CORNER_UNIT_OFF_CORNER = "corner_unit_off_corner"
    FLOOR_UNIT_RAISED = "floor_unit_raised"
    TOP_BOX_UNSUPPORTED = "top_box_unsupported"
    MACHINING_CLASH = "machining_clash"
    SHELF_UNSUPPORTED = "shelf_unsupported"
    DOOR_AGAINST_WALL = "door_against_wall"
