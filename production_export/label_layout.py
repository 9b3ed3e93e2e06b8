"""Where part labels are printed (a choice the CLI offers without loading the PDF library)."""

from __future__ import annotations

from enum import StrEnum

__all__ = ["LabelLayout"]


class LabelLayout(StrEnum):
    """Where the labels go."""

    ROLL = "roll"  # 70 x 40 mm, a page per label
    A4 = "a4"  # 3 columns x 7 rows of 70 x 40 mm on A4
