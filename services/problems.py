"""Codes of the problems the use cases find in what they are asked (not in designs)."""

from __future__ import annotations

from kernel.problems import ProblemCode

__all__ = ["ServiceProblem"]


class ServiceProblem(ProblemCode):
    """A list cursor that is not one, a store or a login that cannot be used."""

    INVALID_CURSOR = "invalid_cursor"
    UNKNOWN_STORE = "unknown_store"
    STORE_REQUIRED = "store_required"
    STORE_NOT_ALLOWED = "store_not_allowed"
    INVALID_LOGIN = "invalid_login"
    WEAK_PASSWORD = "weak_password"  # noqa: S105 (a problem code, not a password)
    UNKNOWN_REVISION = "unknown_revision"
    ACCOUNT_DISABLED = "account_disabled"
    INVALID_RANGE = "invalid_range"  # a date range backwards or too long
    KEY_REUSED = "idempotency_key_reused"  # an Idempotency-Key sent again with another body
    BOOKING_CANCELLED = "booking_cancelled"  # a cancelled appointment cannot be moved
    ADDRESS_REQUIRED = "address_required"  # a home measurement needs the home's address
    LEAD_ACCEPTED = "lead_already_accepted"  # accepted already (HTTP 409)
    LEAD_REASSIGNED = "lead_reassigned"  # given to someone else, or to the manager (HTTP 409)
    LEAD_NOT_POOLED = "lead_not_pooled"  # with a designer already: not the manager's to give
    UNKNOWN_DESIGNER = "unknown_designer"  # no such designer in the lead's store
