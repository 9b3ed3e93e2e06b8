"""Issue 13's journey in headless Chromium, entirely through the pages, at 1440 and 1024 px:
a consumer opens a design in the editor, follows "Book a visit", books a free time on the
book page and gets the confirmation; the designer of that visit signs in on the store
workspace, sees the lead (with its reasons and SLA countdown) and the appointment, accepts
the lead, and opens the very design the consumer made (same id, same revision)."""

from __future__ import annotations

import dataclasses
import re
from datetime import UTC, datetime
from typing import Any

import pytest
from fastapi import FastAPI

from services.accounts import add_user
from services.errors import NotFound
from services.identity import Role
from services.lead_records import LeadScope
from services.leads import link_designer
from tests.e2e.guard import Guard, serious_violations
from tests.e2e.test_journey import DEVICES, shot
from tests.fakes import FixedClock
from tests.lead_pool import escalate
from tests.web.bookings_api import with_demo_stores

pytestmark = pytest.mark.e2e

PASSWORD = "a long enough password"  # noqa: S105 (the test account's)


def saved_design(context: Any, design_id: str) -> dict[str, Any]:
    """The design as the API answers ``context``: its revision and document."""
    answer = context.request.get(f"/api/v1/designs/{design_id}")
    assert answer.ok, answer.text()
    design: dict[str, Any] = answer.json()
    return {"revision": design["revision"], "document": design["document"]}


def book_from_the_editor(page: Any, phone: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """A visitor opens the demo bedroom in the editor, follows "Book a visit" and books the
    first free time of the store the book page offers: the booking's answer (as the page
    received it) and the design as it was booked."""
    page.goto("/?lang=zh-CN")
    page.get_by_test_id("demo-bedroom").click()
    page.wait_for_url(re.compile(r"/designs/[^/?]+$"))
    design_id = page.url.rsplit("/", 1)[1]
    page.get_by_test_id("book-visit").click()
    page.wait_for_url(f"**/book?design={design_id}")
    design = saved_design(page.context, design_id)
    slot = page.locator("[data-testid=slots][data-store] button.slot").first
    slot.wait_for()
    slot.click()
    page.get_by_test_id("name").fill("李伟")
    page.get_by_test_id("phone").fill(phone)
    with page.expect_response(
        lambda r: "/api/v1/appointments" in r.url and r.request.method == "POST"
    ) as answer:
        page.get_by_test_id("book-button").click()
    assert answer.value.status == 201, answer.value.text()
    page.get_by_test_id("confirmation").wait_for()
    booking: dict[str, Any] = answer.value.json()
    assert booking["store_name"] in page.get_by_test_id("booked-text").inner_text()
    assert booking["lead_id"] and booking["design_id"] == design_id
    assert booking["design_revision"] == design["revision"]
    return booking, design


def with_stores(app: FastAPI) -> Any:
    backend = app.state.backend
    try:
        backend.bookings.calendar("sh-xuhui")
    except NotFound:  # the first test in this module's app
        with_demo_stores(backend)
    return backend


@pytest.mark.parametrize("device", list(DEVICES))
def test_a_visit_booked_from_a_design_reaches_its_designer_who_accepts_and_opens_it(
    browser: Any, base_url: str, app: FastAPI, device: str
) -> None:
    backend = with_stores(app)
    guard = Guard(base_url)
    consumer = browser.new_context(base_url=base_url, **DEVICES[device])
    guard.watch(consumer)
    page = consumer.new_page()
    phone = "138 0013 8000" if device == "laptop" else "139 0013 9000"
    booking, design = book_from_the_editor(page, phone)
    assert serious_violations(page) == []
    shot(page, f"journey-booked-{device}")
    consumer.close()

    designer = booking["designer"]["id"]
    login = f"e2e.{designer}.{device}"
    add_user(login, Role.DESIGNER, PASSWORD, store_id=booking["store_id"], backend=backend)
    link_designer(designer, login, backend=backend)
    context = browser.new_context(base_url=base_url, **DEVICES[device])
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
        "name => document.querySelector('#design-name')?.value === name",
        arg=design["document"]["name"],
    )
    assert saved_design(context, booking["design_id"]) == design  # the very design, unchanged
    shot(page, f"designer-opens-design-{device}")
    context.close()
    guard.check()


def test_the_manager_hands_a_lead_back_in_the_pool_to_a_designer(
    browser: Any, base_url: str, app: FastAPI
) -> None:
    backend = with_stores(app)
    guard = Guard(base_url)
    context = browser.new_context(base_url=base_url, **DEVICES["laptop"])
    guard.watch(context)
    left = context.request.post(
        "/api/v1/leads", data={"phone": "13700137000", "store_id": "sh-xuhui"}
    )
    assert left.status == 202, left.text()
    found, _ = backend.leads.page(LeadScope(store_id="sh-xuhui"), None, 100)
    lead_id = next(r.id for r in found if r.phone == "+8613700137000")
    # nobody accepts it in time, twice: back in the store's pool (the SLA job, run later)
    clock = FixedClock(datetime.now(UTC))
    escalate(lead_id, dataclasses.replace(backend, clock=clock), clock)
    add_user(
        "e2e.xuhui.manager", Role.STORE_MANAGER, PASSWORD, store_id="sh-xuhui", backend=backend
    )

    page = context.new_page()
    page.goto("/workspace?lang=en")
    page.get_by_test_id("signin-login").fill("e2e.xuhui.manager")
    page.get_by_test_id("signin-password").fill(PASSWORD)
    page.get_by_test_id("signin-submit").click()
    page.get_by_test_id(f"assign-{lead_id}").wait_for()
    assert page.get_by_test_id(f"lead-state-{lead_id}").inner_text() == "waiting to be assigned"
    page.get_by_test_id(f"assign-designer-{lead_id}").select_option("d-zhang")
    assert serious_violations(page) == []
    shot(page, "workspace-manager-pooled")
    page.get_by_test_id(f"assign-{lead_id}").click()
    page.wait_for_function(
        "id => document.querySelector(`[data-testid=lead-${id}]`)?.dataset.state === 'assigned'",
        arg=lead_id,
    )
    lead = page.get_by_test_id(f"lead-{lead_id}")
    assert "d-zhang" in lead.inner_text()
    assert page.get_by_test_id(f"assign-{lead_id}").count() == 0
    assert lead.locator("[data-code=by_manager]").count() == 1
    shot(page, "workspace-manager-assigned")
    context.close()
    guard.check()
