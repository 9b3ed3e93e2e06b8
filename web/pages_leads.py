"""The store workspace and the sales view of leads (issue 13 item 5): server-rendered shells
(``web.pages.page``) whose data come from the leads API.

``/workspace``: a signed-in designer's (or store manager's) appointments today and this week,
their leads with the time left to accept each, accept, and the customer's design to open.
``/sales/leads``: leads by source, store and state with conversion (sales, store managers).
Signed out, both show a sign-in form.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from web.pages import page

__all__ = ["router"]

router = APIRouter(include_in_schema=False)


@router.get("/workspace", response_class=HTMLResponse)
def workspace_page(request: Request) -> HTMLResponse:
    """The store workspace (its data: ``/api/v1/agenda`` and ``/api/v1/leads``)."""
    return page(request, "workspace.html", "workspace")


@router.get("/sales/leads", response_class=HTMLResponse)
def sales_leads_page(request: Request) -> HTMLResponse:
    """The sales view of leads (its data: ``/api/v1/leads/summary`` and ``/api/v1/leads``)."""
    return page(request, "sales_leads.html", "sales_leads")
