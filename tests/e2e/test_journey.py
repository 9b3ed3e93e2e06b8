"""The issue's journey in headless Chromium, on a laptop (mouse and keyboard) and on a
1024 x 768 touch tablet: a rectangular room, a hinged wardrobe from the gallery, its width
changed (the price follows, no reload), a shelf span made too wide (``shelf_sag``), fixed from
the problem list, undone and redone, saved, found again after a reload, and shared: the link,
opened logged out, shows it read-only."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI

from services.accounts import add_user
from services.identity import Role
from tests.e2e.guard import Guard, canvas_colours, serious_violations
from tests.web.designs_api import with_stores

pytestmark = pytest.mark.e2e

DEVICES = {
    "laptop": {"viewport": {"width": 1440, "height": 900}},
    "tablet": {"viewport": {"width": 1024, "height": 768}, "has_touch": True},
}


def press(locator: Any, touch: bool) -> None:
    if touch:
        locator.tap()
    else:
        locator.click()


def shot(page: Any, name: str) -> None:
    """Keep a screenshot when MILLWORK_SCREENSHOTS names a folder (to look at them)."""
    folder = os.environ.get("MILLWORK_SCREENSHOTS")
    if folder:
        page.screenshot(path=str(Path(folder) / f"{name}.png"))


def problems(page: Any) -> list[str]:
    codes: list[str] = page.locator("[data-testid=problem-list] li[data-code]").evaluate_all(
        "items => items.map(i => i.dataset.code)"
    )
    return codes


def wait_problems(page: Any, present: bool, code: str = "shelf_sag") -> None:
    page.wait_for_function(
        "([code, present]) => [...document.querySelectorAll('[data-testid=problem-list] li')]"
        ".some(li => li.dataset.code === code) === present",
        arg=[code, present],
    )


def accessible(page: Any) -> None:
    assert serious_violations(page) == []


def start(browser: Any, guard: Guard, start_with: str, *, lang: str = "", **device: Any) -> Any:
    """A new browser (no session) on the start page, a design started with the button
    ``start_with``: the page in its editor."""
    context = browser.new_context(base_url=guard.origin, **(device or DEVICES["laptop"]))
    guard.watch(context)
    page = context.new_page()
    page.goto(f"/?lang={lang}" if lang else "/")
    page.get_by_test_id(start_with).click()
    page.wait_for_url(re.compile(r"/designs/[^/]+$"))
    return page


@pytest.mark.parametrize("device", list(DEVICES))
def test_design_a_room_in_the_browser(browser: Any, base_url: str, device: str) -> None:
    touch = device == "tablet"
    guard = Guard(base_url)
    context = browser.new_context(base_url=base_url, **DEVICES[device])
    guard.watch(context)
    page = context.new_page()

    page.goto("/")
    accessible(page)
    shot(page, f"start-{device}")
    press(page.get_by_test_id("new-design"), touch)
    page.wait_for_url(re.compile(r"/designs/[^/]+$"))
    editor_url = page.url
    page.evaluate("window.stillHere = true")  # gone if the page reloads

    # a hinged wardrobe from the gallery
    press(page.get_by_test_id("add-cabinet"), touch)
    gallery = page.get_by_test_id("template-wardrobe_hinged")
    gallery.wait_for()
    accessible(page)
    press(gallery, touch)
    page.get_by_test_id("cabinet-W1").wait_for()
    total = page.get_by_test_id("price-total")
    page.wait_for_function(
        "() => /\\d/.test(document.querySelector('[data-testid=price-total]').textContent)"
    )
    before = total.inner_text()

    # its width: the price changes without a reload
    width = page.get_by_test_id("cabinet-width")
    width.fill("1600")
    width.press("Enter")
    page.wait_for_function(
        "before => document.querySelector('[data-testid=price-total]').textContent !== before",
        arg=before,
    )
    assert page.evaluate("window.stillHere") is True
    assert total.inner_text() != before

    # one section across the wardrobe: its shelves sag
    press(page.get_by_test_id("customise-interior"), touch)
    sections = page.get_by_test_id("interior-sections")
    sections.fill("1")
    sections.press("Enter")
    wait_problems(page, True)
    entry = page.locator("[data-testid=problem-list] li[data-code=shelf_sag]").first
    assert entry.get_attribute("data-cabinet") == "W1"
    page.wait_for_function("() => document.querySelector('[data-testid=viewer-3d] canvas')")
    accessible(page)
    shot(page, f"editor-sag-{device}")

    # fixed in one click from the problem list
    press(entry.get_by_test_id("fix-shelf_sag").first, touch)
    wait_problems(page, False)
    fixed_interior = page.get_by_test_id("interior-sections").input_value()
    assert int(fixed_interior) > 1

    # undo brings the sagging shelf back, redo the fix; the keyboard does the same
    press(page.get_by_test_id("undo"), touch)
    wait_problems(page, True)
    press(page.get_by_test_id("redo"), touch)
    wait_problems(page, False)
    if not touch:
        page.locator("body").press("Control+z")
        wait_problems(page, True)
        page.locator("body").press("Control+Shift+z")
        wait_problems(page, False)

    # saved as revisions; a reload finds the same design
    status = page.get_by_test_id("save-status")
    page.wait_for_function(
        "() => document.querySelector('[data-testid=save-status]').dataset.state === 'saved'"
    )
    assert status.inner_text()
    assert canvas_colours(page) > 20  # the 3D view draws the room, not a blank canvas
    shot(page, f"editor-{device}")
    page.reload()
    press(page.get_by_test_id("cabinet-W1"), touch)
    assert page.get_by_test_id("cabinet-width").input_value() == "1600"
    assert page.get_by_test_id("interior-sections").input_value() == fixed_interior
    page.wait_for_function(
        "() => /\\d/.test(document.querySelector('[data-testid=price-total]').textContent)"
    )
    assert "shelf_sag" not in problems(page)
    assert page.url == editor_url

    # shared: a visitor without a session sees it read-only
    press(page.get_by_test_id("share"), touch)
    link = page.get_by_test_id("share-url")
    link.wait_for()
    shared_url = link.get_attribute("href")
    assert shared_url and shared_url.startswith("/s/")
    stranger = browser.new_context(base_url=base_url, **DEVICES[device])
    guard.watch(stranger)
    shared = stranger.new_page()
    shared.goto(shared_url)
    shared.get_by_test_id("cabinet-W1").wait_for()
    assert shared.get_by_test_id("read-only").is_visible()
    assert not shared.get_by_test_id("add-cabinet").is_visible()
    assert not shared.get_by_test_id("undo").is_visible()
    press(shared.get_by_test_id("cabinet-W1"), touch)
    assert shared.get_by_test_id("cabinet-width").is_disabled()
    shared.wait_for_function(
        "() => /\\d/.test(document.querySelector('[data-testid=price-total]').textContent)"
    )
    accessible(shared)
    shot(shared, f"shared-{device}")
    stranger.close()
    context.close()
    guard.check()


def test_a_quote_asks_a_visitor_to_sign_up_then_shows_its_pdf(browser: Any, base_url: str) -> None:
    guard = Guard(base_url)
    page = start(browser, guard, "demo-bedroom", lang="en")
    context = page.context
    page.wait_for_function(
        "() => /\\d/.test(document.querySelector('[data-testid=price-total]').textContent)"
    )
    design_total = page.get_by_test_id("price-total").inner_text()
    page.get_by_test_id("request-quote").click()
    page.locator("#login").fill("quote_e2e")
    page.locator("#password").fill("a long enough secret 2026")
    page.locator("#sign-up").click()
    page.wait_for_url(re.compile(r"/quotes/[^/?]+"))
    total = page.get_by_test_id("quote-total")
    total.wait_for()
    assert total.inner_text() == design_total  # the design's price, frozen
    accessible(page)
    shot(page, "quote")
    pdf = context.request.get(page.get_by_test_id("quote-pdf").get_attribute("href"))
    assert pdf.ok and pdf.headers["content-type"] == "application/pdf"
    assert pdf.body().startswith(b"%PDF")
    context.close()
    guard.check()


def test_an_edit_from_another_tab_gives_a_conflict_prompt(browser: Any, base_url: str) -> None:
    guard = Guard(base_url, expected=(412,))
    first = start(browser, guard, "demo-bedroom")
    context = first.context
    second = context.new_page()
    second.goto(first.url)
    for page in (first, second):
        page.get_by_test_id("cabinet-W1").click()
    saved = "() => document.querySelector('[data-testid=save-status]').dataset.state === 'saved'"
    first.get_by_test_id("cabinet-width").fill("1500")
    first.get_by_test_id("cabinet-width").press("Enter")
    first.wait_for_function(saved)
    # the second tab still has the revision before: its save is refused, never forced
    second.get_by_test_id("cabinet-height").fill("2300")
    second.get_by_test_id("cabinet-height").press("Enter")
    second.get_by_test_id("conflict").wait_for()
    assert second.get_by_test_id("save-status").get_attribute("data-state") == "conflict"
    accessible(second)
    second.locator("#load-theirs").click()
    second.get_by_test_id("cabinet-W1").click()
    assert second.get_by_test_id("cabinet-width").input_value() == "1500"
    assert second.get_by_test_id("cabinet-height").input_value() == "2400"
    context.close()
    guard.check()


def test_the_room_is_edited_and_a_wall_filled_from_the_proposal(
    browser: Any, base_url: str
) -> None:
    guard = Guard(base_url)
    page = start(browser, guard, "new-design")
    context = page.context
    page.locator("#room-title").click()
    wall = page.get_by_test_id("wall-length-1")
    wall.fill("4200")
    wall.press("Enter")
    # the opposite wall follows: the room stays a rectangle
    assert page.get_by_test_id("wall-length-3").input_value() == "4200"
    # the right-hand wall dragged outwards in the plan: the room grows, square
    x, y = page.evaluate(
        "() => { const r = document.querySelector(\"#plan [data-wall='1']\")"
        ".getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; }"
    )
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + 30, y, steps=4)
    page.mouse.up()
    page.wait_for_function("() => Number(document.querySelector('#field-wall-0').value) > 4200")
    assert (
        page.get_by_test_id("wall-length-3").input_value()
        == page.get_by_test_id("wall-length-1").input_value()
    )
    page.locator("#room-wall").select_option("2")
    page.get_by_test_id("add-door").click()
    assert page.locator("#plan .opening.door").count() == 1
    page.get_by_test_id("add-cabinet").click()
    page.get_by_test_id("fill-wardrobe_hinged").click()
    page.get_by_test_id("fill-proposal").first.click()
    page.get_by_test_id("cabinet-W1").wait_for()
    assert page.locator("#plan .cabinet").count() >= 2
    wait_problems(page, False, "outside_room")
    page.get_by_test_id("elevation-toggle").click()
    page.wait_for_function(
        "() => document.querySelector('[data-testid=elevation-view]').src"
        ".startsWith('data:image/svg+xml')"
    )
    accessible(page)
    context.close()
    guard.check()


def test_select_in_3d_drag_in_the_plan_and_open_the_doors(browser: Any, base_url: str) -> None:
    guard = Guard(base_url)
    page = start(browser, guard, "demo-bedroom")
    page.wait_for_function(
        "() => window.millwork.viewer && window.millwork.viewer.screenPoint('W1')"
    )
    # a click on the wardrobe in the 3D view selects it
    point = page.evaluate("window.millwork.viewer.screenPoint('W1')")
    page.mouse.click(point["x"], point["y"])
    chosen = "[data-testid=cabinet-W1][aria-pressed=true]"
    page.wait_for_function(f"() => document.querySelector('{chosen}') !== null")
    before = canvas_colours(page)
    page.get_by_test_id("doors-toggle").click()
    assert page.get_by_test_id("doors-toggle").get_attribute("aria-pressed") == "true"
    assert canvas_colours(page) != before  # the doors swung open
    # dragged along its wall in the plan, it moves there and snaps to whole millimetres
    box = page.locator("#plan [data-cabinet=W1]").bounding_box()
    assert box is not None
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + 60, y, steps=5)
    page.mouse.up()
    page.wait_for_function("() => Number(document.querySelector('#field-offset').value) > 0")
    offset = int(page.locator("#field-offset").input_value())
    assert 0 < offset <= 2000
    page.get_by_test_id("undo").click()
    page.wait_for_function("() => Number(document.querySelector('#field-offset').value) === 0")
    page.context.close()
    guard.check()


def test_a_designer_in_store_saves_changes_with_why(
    browser: Any, base_url: str, app: FastAPI
) -> None:
    backend = app.state.backend
    with_stores(backend)
    add_user(
        "designer_e2e", Role.DESIGNER, "a long enough password", store_id="sh-1", backend=backend
    )
    guard = Guard(base_url)
    context = browser.new_context(base_url=base_url, viewport={"width": 1024, "height": 768})
    guard.watch(context)
    signed = context.request.post(
        "/api/v1/session", data={"login": "designer_e2e", "password": "a long enough password"}
    )
    assert signed.ok
    page = context.new_page()
    page.goto("/?lang=en")
    page.get_by_test_id("demo-bedroom").click()
    page.wait_for_url(re.compile(r"/designs/[^/]+$"))
    page.get_by_test_id("in-store").wait_for()
    assert "designer_e2e" in page.get_by_test_id("in-store").inner_text()
    page.get_by_test_id("change-note").fill("customer wants it narrower")
    page.get_by_test_id("cabinet-W1").click()
    page.get_by_test_id("cabinet-width").fill("1400")
    page.get_by_test_id("cabinet-width").press("Enter")
    saved = "() => document.querySelector('[data-testid=save-status]').dataset.state === 'saved'"
    page.wait_for_function(saved)
    page.get_by_test_id("history").click()
    page.get_by_test_id("revision-2").wait_for()
    assert "customer wants it narrower" in page.get_by_test_id("revision-2").inner_text()
    accessible(page)
    context.close()
    guard.check()


@pytest.mark.parametrize("lang", ["en", "zh-CN"])
def test_a_wall_cabinet_goes_over_a_base_cabinet(browser: Any, base_url: str, lang: str) -> None:
    guard = Guard(base_url)
    page = start(browser, guard, "new-design", lang=lang)
    for template, cabinet in (("base_cabinet", "B1"), ("wall_cabinet", "W1")):
        page.get_by_test_id("add-cabinet").click()
        # the design with the new cabinet is evaluated by the server
        with page.expect_response(
            lambda r, c=cabinet: (
                "/api/v1/evaluate" in r.url and f'"{c}"' in (r.request.post_data or "")
            )
        ) as answer:
            page.get_by_test_id(f"template-{template}").click()
        page.get_by_test_id(f"cabinet-{cabinet}").wait_for()
    body = answer.value.json()
    # hung at 1450 mm, the wall cabinet takes the base cabinet's place along the wall, and
    # the server agrees they do not overlap
    assert page.get_by_test_id("cabinet-offset").input_value() == "0"
    assert page.locator("#plan [data-cabinet]").count() == 2
    assert "cabinet_overlap" not in str(body)
    assert "cabinet_overlap" not in problems(page)
    accessible(page)
    shot(page, f"wall-over-base-{lang}-1440")
    page.set_viewport_size({"width": 1024, "height": 768})
    shot(page, f"wall-over-base-{lang}-1024")
    page.context.close()
    guard.check()
