"""Codes of the problems that stop a cabinet from being built as asked."""

from __future__ import annotations

from kernel.problems import ProblemCode

__all__ = ["BuildProblem"]


class BuildProblem(ProblemCode):
    """A cabinet that does not fit its template, or an interior that cannot be built."""

    MATERIAL_NOT_ALLOWED = "material_not_allowed"
    DIMENSION_OUT_OF_RANGE = "dimension_out_of_range"
    INVALID_OPTION = "invalid_option"
    UNKNOWN_OPTION = "unknown_option"
    UNKNOWN_WALL = "unknown_wall"
    INTERIOR_WIDTH_MISMATCH = "interior_width_mismatch"
    SECTION_TOO_NARROW = "section_too_narrow"
    ITEM_OUT_OF_RANGE = "item_out_of_range"
    ITEMS_COLLIDE = "items_collide"
    DRAWER_FIT = "drawer_fit"
    HANDLE_TOO_LONG = "handle_too_long"
    CORNER_INTERIOR = "corner_interior"
