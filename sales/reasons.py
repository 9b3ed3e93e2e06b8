"""Why a lead went where it went: a code and its numbers, never prose (the pages word it),
kept with every routing decision so a dispute can be replayed."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType

from kernel.problems import Param

__all__ = ["Reason", "RouteReason"]


class RouteReason(StrEnum):
    """Each rule of routing that can decide."""

    DUPLICATE = "duplicate"  # same phone within the protection period: the earlier lead keeps it
    BOOKED_STORE = "booked_store"  # the customer booked an appointment at this store
    CHOSEN_STORE = "chosen_store"  # the customer picked the store (store page, QR code)
    SERVICE_DISTRICT = "service_district"  # the store serves the customer's district
    NEAREST_STORE = "nearest_store"  # the nearest store with room, within reach
    FALLBACK_POOL = "fallback_pool"  # no store could take it: the HQ pool
    BOOKED_DESIGNER = "booked_designer"  # the designer of the customer's appointment
    FAIR_SHARE = "fair_share"  # the available designer furthest below their fair share
    NO_DESIGNER = "no_designer"  # nobody available with the skill: the manager assigns
    SLA_REASSIGNED = "sla_reassigned"  # not accepted in time: given to another designer
    SLA_ESCALATED = "sla_escalated"  # lapsed again, or nobody else: the manager decides
    BY_MANAGER = "by_manager"  # the store manager handed it to this designer


@dataclass(frozen=True, slots=True)
class Reason:
    """One decision's reason: its rule and the figures it used."""

    code: RouteReason
    params: Mapping[str, Param] = field(default_factory=lambda: MappingProxyType({}))

    @classmethod
    def of(cls, code: RouteReason, /, **params: Param) -> Reason:
        """A reason with ``params`` given as keywords.

        Examples
        --------
        >>> Reason.of(RouteReason.NEAREST_STORE, km=3.2).as_dict()
        {'code': 'nearest_store', 'params': {'km': 3.2}}
        """
        return cls(code, MappingProxyType(params))

    def as_dict(self) -> dict[str, object]:
        """Plain JSON-ready form."""
        return {"code": str(self.code), "params": dict(self.params)}
