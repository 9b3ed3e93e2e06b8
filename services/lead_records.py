"""What leads keep and hand around: a new contact, a lead as stored with its decisions, the
facts a routing decision reads under the lock, and the plan it makes."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from types import MappingProxyType
from typing import Any

from sales.geo import GeoPoint
from sales.ids import DesignerId, DistrictCode, LeadId, StoreId
from sales.leads import Lead, LeadSource, LeadState
from sales.routing import Workload
from sales.stores import Skill
from services.sales_records import Calendar, Notification

__all__ = [
    "Contact",
    "DecideLead",
    "Decision",
    "LeadFacts",
    "LeadPlan",
    "LeadRecord",
    "LeadScope",
    "LeadTally",
    "SlaChange",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class Contact:
    """A person getting in touch: by booking (``appointment_id`` with the store and designer
    it booked), asking for a quote, or leaving a number. ``phone`` is E.164 already."""

    source: LeadSource
    phone: str
    at: datetime
    name: str = ""
    design_id: str | None = None
    district: str | None = None
    location: GeoPoint | None = None
    skill: Skill | None = None
    chosen_store: str | None = None
    booked_store: str | None = None
    booked_designer: str | None = None
    appointment_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Decision:
    """One routing decision: its step, the reason's code and figures, where it sent the
    lead, who decided (``None``: the rules)."""

    at: datetime
    step: str  # duplicate, store, designer, sla, accepted
    code: str
    params: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    store_id: str | None = None
    designer_id: str | None = None
    actor_id: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "at": self.at.isoformat(),
            "step": self.step,
            "code": self.code,
            "params": dict(self.params),
            "store_id": self.store_id,
            "designer_id": self.designer_id,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class LeadRecord:
    """A lead as kept, with its decisions (oldest first)."""

    id: str
    source: LeadSource
    phone: str
    name: str
    state: LeadState
    store_id: str | None
    designer_id: str | None
    design_id: str | None
    appointment_id: str | None
    district: str | None = None
    location: GeoPoint | None = None
    skill: Skill | None = None
    lapsed: tuple[str, ...] = ()
    created_at: datetime
    assigned_at: datetime | None = None
    accepted_at: datetime | None = None
    sla_due: datetime | None = None
    decisions: tuple[Decision, ...] = ()

    def lead(self) -> Lead:
        """The sales core's view of it."""
        return Lead(
            id=LeadId(self.id),
            source=self.source,
            phone=self.phone,
            created_at=self.created_at,
            state=self.state,
            design_id=self.design_id,
            district=DistrictCode(self.district) if self.district else None,
            location=self.location,
            skill=self.skill,
            store=StoreId(self.store_id) if self.store_id else None,
            designer=DesignerId(self.designer_id) if self.designer_id else None,
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class LeadFacts:
    """What a routing decision reads under the lock: the leads of the contact's phone, the
    stores that take leads with their designers, each designer's workload, and when each
    store took its recent routed leads (its daily cap counts them on its own date)."""

    contact: Contact
    same_phone: tuple[LeadRecord, ...]
    calendars: tuple[Calendar, ...]
    workload: Mapping[str, Workload]
    routed: tuple[tuple[str, datetime], ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class LeadPlan:
    """What to keep: ``lead`` new or changed (its id is an existing one when the contact
    joins it), its new decisions, and the design to put in the store's care."""

    lead: LeadRecord
    new: bool
    decisions: tuple[Decision, ...]
    notifications: tuple[Notification, ...] = ()


DecideLead = Callable[[LeadFacts], LeadPlan]
"""A contact's routing decision on the facts read under the lock."""


@dataclass(frozen=True, slots=True, kw_only=True)
class SlaChange:
    """A lapsed lead's change, kept only if the lead is still as it was read (assigned to
    ``expected_designer`` since ``expected_at``): the new state, designer and due time, the
    decisions, and the store manager's notice."""

    lead_id: str
    expected_designer: str
    expected_at: datetime
    state: LeadState
    designer_id: str | None
    assigned_at: datetime | None
    sla_due: datetime | None
    lapsed: tuple[str, ...]
    decisions: tuple[Decision, ...]
    notifications: tuple[Notification, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class LeadScope:
    """The leads a list may show: one designer's, one store's, or every store's."""

    designer_id: str | None = None
    store_id: str | None = None
    every_store: bool = False


@dataclass(frozen=True, slots=True)
class LeadTally:
    """How many leads of a source are in a store (``None``: the pool) and state."""

    source: str
    store_id: str | None
    state: str
    count: int
