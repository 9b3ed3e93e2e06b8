"""Issue 13's pages in headless Chromium: a consumer books a visit from their design (the
store nearest their district, a free time, their name and phone), meets a slot someone just
took and gets the next free ones, books, downloads the invitation, and moves the booking on
its own page; the store's manager changes the opening hours and the free times follow."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from fastapi import FastAPI

from sales.hours import Interval
from services.accounts import add_user
from services.identity import Role
from tests.e2e.guard import Guard, serious_violations
from tests.e2e.test_journey import DEVICES, shot
from tests.web.bookings_api import with_demo_stores

pytestmark = pytest.mark.e2e

SHANGHAI = ZoneInfo("Asia/Shanghai")
PASSWORD = "a long enough password"  # noqa: S105 (the test account's)


@pytest.fixture(scope="module")
def stores(app: FastAPI) -> None:
    backend = app.state.backend
    with_demo_stores(backend)
    add_user("pudong.manager", Role.STORE_MANAGER, PASSWORD, store_id="sh-pudong", backend=backend)


def accessible(page: Any) -> None:
    assert serious_violations(page) == []


def free_starts(context: Any, day: str) -> list[str]:
    answer = context.request.get(f"/api/v1/stores/sh-pudong/slots?kind=store_visit&date={day}")
    assert answer.ok
    return [s["start"][11:16] for s in answer.json()["slots"]]


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_a_consumer_books_a_visit_for_their_design(
    browser: Any, base_url: str, stores: None, lang: str
) -> None:
    guard = Guard(base_url, expected=(409,))
    context = browser.new_context(base_url=base_url, accept_downloads=True, **DEVICES["laptop"])
    guard.watch(context)
    page = context.new_page()
    page.goto(f"/?lang={lang}")
    page.get_by_test_id("demo-bedroom").click()
    page.wait_for_url(re.compile(r"/designs/[^/]+$"))
    design_id = page.url.rsplit("/", 1)[1]
    page.get_by_test_id("book-visit").click()
    page.wait_for_url(re.compile(r"/book\?design="))
    assert page.url.endswith(f"/book?design={design_id}")

    # the store nearest the customer's district comes first, on the list and the map
    page.get_by_test_id("store-sh-xuhui").wait_for()
    page.get_by_test_id("district").fill("浦东")
    with page.expect_response(lambda r: "/stores/sh-pudong/slots" in r.url):
        page.get_by_test_id("district").press("Tab")  # the change event
    assert page.get_by_test_id("store-sh-pudong").is_checked()
    assert page.get_by_test_id("map-sh-pudong").is_visible()
    assert "2.1" in page.get_by_test_id("store-list").locator("li").first.inner_text()
    accessible(page)

    # a free time, then someone else takes it before the customer presses Book
    slot = page.locator("[data-testid=slots][data-store=sh-pudong] button.slot").first
    slot.wait_for()
    start = slot.get_attribute("data-start")
    assert start is not None
    slot.click()
    page.get_by_test_id("name").fill("李伟")
    page.get_by_test_id("phone").fill("138 0013 8000")
    taken = context.request.get(
        f"/api/v1/stores/sh-pudong/slots?kind=store_visit&date={start[:10]}"
    ).json()["slots"]
    for n in range(next(s for s in taken if s["start"] == start)["designers"]):
        someone = browser.new_context(base_url=base_url)  # other customers, quicker
        other = someone.request.post(
            "/api/v1/appointments",
            data={
                "store_id": "sh-pudong",
                "kind": "store_visit",
                "start": start,
                "name": f"Other {n}",
                "phone": "13900139000",
            },
            headers={"Idempotency-Key": f"other-{lang}-{n}"},
        )
        assert other.status == 201, other.text()
        someone.close()
    shot(page, f"book-{lang}")
    page.get_by_test_id("book-button").click()
    offers = page.get_by_test_id("slot-taken").locator("button")
    offers.first.wait_for()
    assert start[11:16] in page.get_by_test_id("slot-taken").inner_text()
    assert all(start[11:16] not in o for o in offers.all_inner_texts())
    accessible(page)

    # the first offer instead: booked, with the invitation and the manage link
    offer_text = offers.first.inner_text()
    offers.first.click()
    page.get_by_test_id("book-button").click()
    page.get_by_test_id("confirmation").wait_for()
    assert not page.locator("#book-steps").is_visible()  # the form gives way to the answer
    text = page.get_by_test_id("booked-text").inner_text()
    assert "浦东体验店" in text and offer_text.split()[-1] in text
    accessible(page)
    shot(page, f"booked-{lang}")
    with page.expect_download() as download:
        page.get_by_test_id("ics-link").click()
    ics = download.value.path().read_text()
    assert "BEGIN:VCALENDAR" in ics and "TZID:Asia/Shanghai" in ics

    # the booking's own page: moved to another free time
    page.get_by_test_id("manage-link").click()
    page.wait_for_url(re.compile(r"/appointments/manage/mwb_"))
    page.get_by_test_id("fact-store").wait_for()
    before = page.get_by_test_id("fact-when").inner_text()
    # to another day (late in the store's day, the booked one may have no other free time)
    page.locator("button.day:not([disabled])").last.click()
    page.locator("[data-testid=slots] button.slot").first.click()
    page.get_by_test_id("move").click()
    page.wait_for_function(
        "before => document.querySelector('[data-testid=fact-when]').textContent !== before",
        arg=before,
    )
    accessible(page)
    shot(page, f"manage-{lang}")
    page.get_by_test_id("cancel").click()
    page.get_by_test_id("cancel-sure").click()
    page.wait_for_function(
        "() => /Cancelled|已取消/"
        ".test(document.querySelector('[data-testid=visit-state]').textContent)"
    )
    assert not page.get_by_test_id("move").is_visible()
    context.close()
    guard.check()


def test_the_manager_changes_the_hours_and_the_free_times_follow(
    browser: Any, base_url: str, stores: None
) -> None:
    guard = Guard(base_url, expected=(422,))
    context = browser.new_context(base_url=base_url, **DEVICES["tablet"])
    guard.watch(context)
    page = context.new_page()
    page.goto("/stores/sh-pudong/manage?lang=en")  # signed out: the form to sign in
    page.locator("#login").fill("pudong.manager")
    page.locator("#password").fill(PASSWORD)
    page.locator("#manager-sign-in button[type=submit]").click()
    page.get_by_test_id("designer-d-chen").wait_for()
    accessible(page)

    # three days ahead in Shanghai: past every notice, within the window
    day = (datetime.now(SHANGHAI) + timedelta(days=3)).date()
    assert free_starts(context, day.isoformat())[0] == "10:00"
    weekday = day.weekday()
    customer = browser.new_context(base_url=base_url)  # booked before the hours change
    booked = customer.request.post(
        "/api/v1/appointments",
        data={
            "store_id": "sh-pudong",
            "kind": "store_visit",
            "start": f"{day}T10:00:00+08:00",
            "name": "Early",
            "phone": "13900139001",
        },
    )
    assert booked.status == 201, booked.text()
    customer.close()
    page.locator(f'[data-path="hours[{weekday}][0][0]"]').fill("14:00")
    page.locator(f'[data-path="hours[{weekday}][0][1]"]').fill("18:00")
    page.get_by_test_id("save-schedule").click()
    page.wait_for_function(
        "() => document.querySelector('[data-testid=save-status]').dataset.state === 'saved'"
    )
    assert free_starts(context, day.isoformat()) == [
        "14:00",
        "14:30",
        "15:00",
        "15:30",
        "16:00",
        "16:30",
        "17:00",
    ]
    # the visit booked at ten stays booked, and the page says so
    assert f"{day} 10:00" in page.get_by_test_id("stranded").inner_text()
    accessible(page)
    shot(page, "store-manage")

    # a mistake is refused and marked where it is
    page.locator(f'[data-path="hours[{weekday}][0][1]"]').fill("13:00")
    page.get_by_test_id("save-schedule").click()
    page.get_by_test_id("schedule-problems").wait_for()
    assert (
        page.locator(f'[data-path="hours[{weekday}][0][0]"]').get_attribute("aria-invalid")
        == "true"
    )
    accessible(page)

    # the book page shows the new hours that day
    book = context.new_page()
    book.goto("/book?lang=en")
    book.get_by_test_id("store-sh-pudong").wait_for()
    with book.expect_response(lambda r: "/stores/sh-pudong/slots" in r.url):
        book.get_by_test_id("store-sh-pudong").check()
    book.get_by_test_id(f"day-{_iso(day)}").click()
    first = book.locator("[data-testid=slots][data-store=sh-pudong] button.slot").first
    first.wait_for()
    assert first.inner_text() == "14:00"
    context.close()
    guard.check()


def _iso(day: date) -> str:
    return day.isoformat()


def test_a_booking_whose_answer_was_lost_is_sent_again_under_its_key(
    browser: Any, base_url: str, app: FastAPI, stores: None
) -> None:
    """The first answer never reaches the page (the server booked it); pressing Book again
    sends the same request under the same Idempotency-Key: the page shows the booking, and
    the store has it once."""
    guard = Guard(base_url)
    context = browser.new_context(base_url=base_url, **DEVICES["laptop"])
    guard.watch(context)
    keys: list[str] = []

    def lose_the_first_answer(route: Any) -> None:
        keys.append(route.request.headers["idempotency-key"])
        answer = route.fetch()  # the server books it...
        if len(keys) == 1:
            assert answer.status == 201
            route.abort("connectionreset")  # ...and the answer is lost on the way
        else:
            route.fulfill(response=answer)

    page = context.new_page()
    page.goto("/book?lang=en")
    page.get_by_test_id("store-sh-xuhui").wait_for()
    page.route("**/api/v1/appointments?*", lose_the_first_answer)
    slot = page.locator("[data-testid=slots][data-store] button.slot").last
    slot.wait_for()
    store = page.get_by_test_id("slots").get_attribute("data-store")
    start = slot.get_attribute("data-start")
    assert store and start
    at = datetime.fromisoformat(start)
    around = Interval(at - timedelta(minutes=1), at + timedelta(minutes=1))

    def booked() -> int:
        return len(app.state.backend.bookings.booked(store, around))

    before = booked()
    slot.click()
    page.get_by_test_id("name").fill("Retry")
    page.get_by_test_id("phone").fill("+86 139 0013 9000")
    page.get_by_test_id("book-button").click()
    page.wait_for_function(
        "() => /again/.test(document.querySelector('[data-testid=book-notice]').textContent)"
    )
    page.get_by_test_id("book-button").click()
    page.get_by_test_id("confirmation").wait_for()
    assert len(keys) == 2 and keys[0] == keys[1]
    assert booked() == before + 1
    context.close()
    # the lost answer is a network error in the console, nothing else
    assert all("ERR_" in e for e in guard.errors), guard.errors
    guard.errors.clear()
    guard.check()


def tab_to(page: Any, selector: str, limit: int = 80) -> None:
    """Press Tab until the focus is on ``selector`` (the keyboard's way there)."""
    for _ in range(limit):
        if page.evaluate("s => document.activeElement?.matches(s) ?? false", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"{selector} is not reached with Tab")


def test_a_visit_is_booked_with_the_keyboard_alone(
    browser: Any, base_url: str, stores: None
) -> None:
    guard = Guard(base_url)
    context = browser.new_context(base_url=base_url, **DEVICES["tablet"])
    guard.watch(context)
    page = context.new_page()
    page.goto("/book")
    page.locator("[data-testid=slots][data-store] button.slot").first.wait_for()
    tab_to(page, "[data-testid=district]")
    page.keyboard.type("浦东新区")
    with page.expect_response(lambda r: "/stores/sh-pudong/slots" in r.url):
        page.keyboard.press("Tab")
    tab_to(page, "[data-testid=kind-store_visit]")  # the checked radio; arrows move on
    page.keyboard.press("ArrowRight")
    assert page.get_by_test_id("kind-measurement").is_checked()
    assert page.get_by_test_id("address").is_visible()
    with page.expect_response(lambda r: "kind=store_visit" in r.url):
        page.keyboard.press("ArrowLeft")
    assert page.get_by_test_id("kind-store_visit").is_checked()
    page.locator("[data-testid=slots][data-kind=store_visit] button.slot").first.wait_for()
    tab_to(page, "[data-testid=slots][data-store=sh-pudong][data-kind=store_visit] button.slot")
    page.keyboard.press("Enter")
    assert "·" in page.get_by_test_id("choice").inner_text()
    tab_to(page, "[data-testid=name]")
    page.keyboard.type("键盘")
    page.keyboard.press("Tab")
    page.keyboard.type("13800138001")
    tab_to(page, "[data-testid=book-button]")
    page.keyboard.press("Enter")
    page.get_by_test_id("confirmation").wait_for()
    assert page.evaluate("document.activeElement.id") == "booked-title"
    tab_to(page, "[data-testid=ics-link]")
    context.close()
    guard.check()
