"""Issue 13's journey in headless Chromium, at 1440 and 1024 px: a consumer saves a design and
books a visit through the API with it attached; the designer of the visit signs in on the
store workspace, sees the lead (with its reasons and SLA countdown) and the appointment,
accepts the lead, and opens the very design the consumer made in the editor."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from fastapi import FastAPI

from services.accounts import add_user
from services.errors import NotFound
from services.identity import Role
from services.leads import link_designer
from tests.e2e.guard import Guard, serious_violations
from tests.e2e.test_journey import shot
from tests.web.bookings_api import with_demo_stores
from tests.web.designs_api import BEDROOM

pytestmark = pytest.mark.e2e

PASSWORD = "a long enough password"  # noqa: S105 (the test account's)
VIEWPORTS = {"laptop": (1440, 900), "tablet": (1024, 768)}


def book_with_design(browser: Any, base_url: str, name: str, phone: str) -> dict[str, Any]:
    """A visitor saves the bedroom as ``name`` and books the first free visit at Xuhui."""
    context = browser.new_context(base_url=base_url)
    saved = context.request.post("/api/v1/designs", data={"document": {**BEDROOM, "name": name}})
    assert saved.status == 201, saved.text()
    design_id = saved.json()["id"]
    today = datetime.now(UTC).date()
    for day in (today + timedelta(days=n) for n in range(1, 10)):
        slots = context.request.get(
            f"/api/v1/stores/sh-xuhui/slots?kind=store_visit&date={day.isoformat()}"
        ).json()["slots"]
        if slots:
            break
    csrf = next(c["value"] for c in context.cookies() if c["name"] == "millwork_csrf")
    booked = context.request.post(
        "/api/v1/appointments",
        data={
            "store_id": "sh-xuhui",
            "kind": "store_visit",
            "start": slots[0]["start"],
            "name": "李伟",
            "phone": phone,
            "design_id": design_id,
        },
        headers={"Idempotency-Key": f"e2e-{phone}", "X-CSRF-Token": csrf},
    )
    assert booked.status == 201, booked.text()
    answer: dict[str, Any] = booked.json()
    context.close()
    assert answer["lead_id"] and answer["design_id"] == design_id
    return answer


@pytest.mark.parametrize("device", list(VIEWPORTS))
def test_a_booked_visit_reaches_its_designer_who_accepts_and_opens_the_design(
    browser: Any, base_url: str, app: FastAPI, device: str
) -> None:
    backend = app.state.backend
    try:
        backend.bookings.calendar("sh-xuhui")
    except NotFound:  # the first run in this module's app
        with_demo_stores(backend)
    name = f"Journey bedroom {device}"
    phone = "13800138000" if device == "laptop" else "13900139000"
    booking = book_with_design(browser, base_url, name, phone)
    designer = booking["designer"]["id"]
    login = f"e2e.{designer}.{device}"
    add_user(login, Role.DESIGNER, PASSWORD, store_id="sh-xuhui", backend=backend)
    link_designer(designer, login, backend=backend)

    width, height = VIEWPORTS[device]
    guard = Guard(base_url)
    context = browser.new_context(
        base_url=base_url, viewport={"width": width, "height": height}, has_touch=device == "tablet"
    )
    guard.watch(context)
    page = context.new_page()
    page.goto("/workspace?lang=zh-CN")
    page.get_by_test_id("signin-login").fill(login)
    page.get_by_test_id("signin-password").fill(PASSWORD)
    page.get_by_test_id("signin-submit").click()
    lead_id = booking["lead_id"]
    lead = page.get_by_test_id(f"lead-{lead_id}")
    lead.wait_for()
    assert page.get_by_test_id(f"lead-state-{lead_id}").inner_text() == "待接收"
    assert re.search(r"剩余 .+ 接收", page.get_by_test_id(f"sla-{lead_id}").inner_text())
    assert lead.locator("[data-code=booked_designer]").count() == 1
    appointment = page.get_by_test_id("week-list").get_by_test_id(f"appointment-{booking['id']}")
    assert appointment.get_attribute("data-lead") == lead_id
    assert "李伟" in appointment.inner_text()
    assert serious_violations(page) == []
    shot(page, f"workspace-{device}")

    page.get_by_test_id(f"accept-{lead_id}").click()
    page.wait_for_function(
        "id => document.querySelector(`[data-testid=lead-${id}]`)?.dataset.state === 'accepted'",
        arg=lead_id,
    )
    assert page.get_by_test_id(f"accept-{lead_id}").count() == 0
    page.get_by_test_id(f"open-design-{lead_id}").click()
    page.wait_for_url(f"**/designs/{booking['design_id']}")
    page.wait_for_function(
        "name => document.querySelector('#design-name')?.value === name", arg=name
    )
    shot(page, f"designer-opens-design-{device}")
    context.close()
    guard.check()
