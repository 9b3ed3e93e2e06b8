"""A store manager hands a lead of their store to a designer by hand (issue 13): a lead in
the store's pool — no designer was free with the skill, or it lapsed and came back to the
manager — goes to one of the store's designers, who must accept it within the SLA like any
other. The hand-over is a routing decision (``by_manager``, with who made it)."""

from __future__ import annotations

from kernel.problems import Problem
from sales.leads import LeadState
from sales.reasons import RouteReason
from sales.sla import sla_due
from services.backend import Backend
from services.errors import Forbidden, InvalidInput
from services.identity import Actor, Role
from services.lead_records import Decision, LeadRecord
from services.leads import SLA, LeadConflict, read_lead
from services.problems import ServiceProblem

__all__ = ["hand_over"]


def hand_over(lead_id: str, designer_id: str, *, actor: Actor, backend: Backend) -> LeadRecord:
    """Give a pooled lead of the manager's store to ``designer_id`` of that store
    (``NotFound`` for a lead not theirs to see, ``Forbidden`` for anyone but a store manager,
    ``InvalidInput`` for a designer not of the store, ``LeadConflict`` for a lead with a
    designer already)."""
    record = read_lead(lead_id, actor=actor, backend=backend)
    if actor.role is not Role.STORE_MANAGER:
        raise Forbidden("assign a lead: only the store manager")
    _waiting(record)
    assert record.store_id is not None  # a manager sees their store's leads only
    calendar = backend.bookings.calendar(record.store_id)
    if designer_id not in {d.id for d in calendar.designers}:
        unknown = Problem.of(
            ServiceProblem.UNKNOWN_DESIGNER,
            "designer_id",
            designer=designer_id,
            store=record.store_id,
        )
        raise InvalidInput([unknown])
    now = backend.clock.now()
    decision = Decision(
        at=now,
        step="designer",
        code=str(RouteReason.BY_MANAGER),
        store_id=record.store_id,
        designer_id=designer_id,
        actor_id=actor.account_id,
    )
    if not backend.leads.hand_over(lead_id, decision, sla_due(now, calendar.store, SLA)):
        _waiting(backend.leads.get(lead_id))  # taken meanwhile: accepted, or with whom
        raise LeadConflict(Problem.of(ServiceProblem.LEAD_NOT_POOLED, "lead", lead=lead_id))
    return backend.leads.get(lead_id)


def _waiting(record: LeadRecord) -> None:
    """Refuse (409) a lead that is not waiting in its store's pool."""
    if record.state is LeadState.ACCEPTED:
        raise LeadConflict(Problem.of(ServiceProblem.LEAD_ACCEPTED, "lead", lead=record.id))
    if record.state is not LeadState.POOLED or record.store_id is None:
        raise LeadConflict(Problem.of(ServiceProblem.LEAD_NOT_POOLED, "lead", lead=record.id))
