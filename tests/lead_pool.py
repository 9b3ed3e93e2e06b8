"""A lead let lapse until the SLA gives it back to its store's manager, for the tests of
what the manager then does with it."""

from __future__ import annotations

from datetime import timedelta

from sales.leads import LeadState
from services.backend import Backend
from services.lead_records import LeadRecord
from services.leads import run_sla
from tests.fakes import FixedClock

__all__ = ["escalate"]


def escalate(lead_id: str, backend: Backend, clock: FixedClock) -> LeadRecord:
    """Move ``clock`` past each due time of the lead and run the SLA job until the lead is
    back in its store's pool (reassigned once at most, then escalated)."""
    for _ in range(3):
        lead = backend.leads.get(lead_id)
        if lead.state is LeadState.POOLED:
            return lead
        assert lead.sla_due is not None, lead
        clock.moment = lead.sla_due + timedelta(minutes=1)
        run_sla(backend=backend)
    raise AssertionError(f"lead {lead_id} was not escalated")
