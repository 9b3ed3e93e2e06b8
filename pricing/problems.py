"""Codes of the problems found while pricing or reading promotions."""

from __future__ import annotations

from kernel.problems import ProblemCode

__all__ = ["PricingProblem"]


class PricingProblem(ProblemCode):
    """A coupon that does not apply, a price list out of date, promotions that clash."""

    UNKNOWN_COUPON = "unknown_coupon"
    COUPON_EXPIRED = "coupon_expired"
    COUPON_NOT_STARTED = "coupon_not_started"
    PRICE_LIST_NOT_VALID = "price_list_not_valid"
    UNKNOWN_REGION = "unknown_region"
    OVERLAPPING_EXCLUSIVE = "overlapping_exclusive"
