"""Why a booking or a lead is refused: problem codes of the sales side (wording in the
message catalogue at the edge)."""

from __future__ import annotations

from kernel.problems import ProblemCode

__all__ = ["SalesProblem"]


class SalesProblem(ProblemCode):
    """Refusals of a booking request or of a lead's details."""

    SLOT_TAKEN = "slot_taken"  # every designer who could take it is booked (HTTP 409)
    TOO_SOON = "booking_too_soon"  # within the minimum notice
    BEYOND_WINDOW = "booking_beyond_window"  # past the last bookable day, or in the past
    STORE_CLOSED = "store_closed"  # a closure covers the day
    DAY_FULL = "store_day_full"  # the store's cap of the kind that day is reached
    NOT_A_SLOT = "not_a_slot"  # outside opening hours, or not on the kind's step
    NO_DESIGNER = "no_designer"  # nobody of the store has the skill, or the one asked for
    PHONE_INVALID = "phone_invalid"  # not a telephone number we can call back
