"""Leads: a person who booked, asked for a quote or left a number, and one lead per person.

A lead is identified by its normalised phone number (``sales.phone``). A new contact from a
number that already has a lead still open, or one made within the protection period (保护期),
joins that lead and keeps its owner: the store that won the customer is not undercut by a
second channel.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from sales.geo import GeoPoint
from sales.ids import DesignerId, DistrictCode, LeadId, StoreId
from sales.reasons import Reason, RouteReason
from sales.stores import Skill

__all__ = ["PROTECTION", "Duplicate", "Lead", "LeadSource", "LeadState", "find_duplicate"]

PROTECTION = timedelta(days=60)
"""How long a closed lead still owns its phone number (the trade uses 30–90 days)."""


class LeadSource(StrEnum):
    """How the lead came in."""

    BOOKING = "booking"
    QUOTE_REQUEST = "quote_request"
    PHONE = "phone"  # left a number to be called back


class LeadState(StrEnum):
    """Where the lead is: waiting in the pool, with a designer (accepted or not), closed."""

    POOLED = "pooled"
    ASSIGNED = "assigned"
    ACCEPTED = "accepted"
    WON = "won"
    LOST = "lost"

    @property
    def open(self) -> bool:
        """Tell whether the lead is still being worked."""
        return self not in (LeadState.WON, LeadState.LOST)


@dataclass(frozen=True, slots=True, kw_only=True)
class Lead:
    """A lead and what routing reads: where the customer is, what they want, and the store
    and designer of their appointment when they booked one."""

    id: LeadId
    source: LeadSource
    phone: str  # E.164, from normalise_phone
    created_at: datetime
    state: LeadState = LeadState.POOLED
    design_id: str | None = None  # the customer's own design, opened by the designer
    district: DistrictCode | None = None
    location: GeoPoint | None = None
    skill: Skill | None = None
    chosen_store: StoreId | None = None
    booked_store: StoreId | None = None
    booked_designer: DesignerId | None = None
    store: StoreId | None = None  # where routing sent it (None: the pool)
    designer: DesignerId | None = None  # who works it


@dataclass(frozen=True, slots=True)
class Duplicate:
    """A new contact joins ``owner``, which keeps its store and designer; ``reason`` is the
    record of that decision."""

    owner: Lead
    reason: Reason


def find_duplicate(
    phone: str, at: datetime, leads: Iterable[Lead], protection: timedelta = PROTECTION
) -> Duplicate | None:
    """The earliest lead that a contact from ``phone`` at ``at`` joins, if any: one still
    open, or closed but made within ``protection`` before ``at``."""
    owners = [
        lead
        for lead in leads
        if lead.phone == phone and (lead.state.open or at - lead.created_at < protection)
    ]
    owner = min(owners, key=lambda lead: (lead.created_at, lead.id), default=None)
    if owner is None:
        return None
    reason = Reason.of(
        RouteReason.DUPLICATE,
        lead=owner.id,
        state=str(owner.state),
        store=owner.store,
        designer=owner.designer,
        days=(at - owner.created_at).days,
    )
    return Duplicate(owner, reason)
