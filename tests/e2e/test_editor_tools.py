"""The editor's tools past the main journey, in headless Chromium: the pages of nothing (404,
and 403 for a quote without a session), an L room's plan with its dimensions readable,
beams, columns and pipe boxes placed on walls, a cabinet resized with the plan's handles, its
interior edited in the elevation on the 32 mm grid, and a designer in store who sees the
customer's name and whose overrides the history records with who and why."""

from __future__ import annotations

import re
from typing import Any

import pytest
from fastapi import FastAPI

from services.accounts import add_user
from services.designs import create_design, share_design, take_on
from services.identity import Role
from tests.e2e.guard import Guard
from tests.e2e.test_journey import DEVICES, accessible, shot, start
from tests.web.designs_api import BEDROOM, with_stores

pytestmark = pytest.mark.e2e

PRICED = "() => /\\d/.test(document.querySelector('[data-testid=price-total]').textContent)"
SETTLED = "() => !document.querySelector('#price-total').classList.contains('stale')"
SAVED = "() => document.querySelector('[data-testid=save-status]').dataset.state === 'saved'"


def steady_box(locator: Any) -> Any:
    """The element's box once the plan holds still: a redraw (an answer arriving) replaces
    the element, and a box asked for in between is None."""
    for _ in range(50):
        locator.wait_for()
        box = locator.bounding_box()
        if box is not None:
            return box
        locator.page.wait_for_timeout(100)
    raise AssertionError(f"{locator} never held still")


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_a_page_of_nothing_says_so_in_html(browser: Any, base_url: str, lang: str) -> None:
    guard = Guard(base_url, expected=(403, 404))
    context = browser.new_context(base_url=base_url, **DEVICES["laptop"])
    guard.watch(context)
    page = context.new_page()
    for path, status in (("/designs/nope", 404), ("/s/mwl_gone", 404), ("/quotes/Q-1", 403)):
        answer = page.goto(f"{path}?lang={lang}")
        assert answer is not None and answer.status == status
        assert page.get_by_test_id("error-page").get_attribute("data-status") == str(status)
        assert page.get_by_test_id("error-start").get_attribute("href") == "/"
        accessible(page)
        shot(page, f"error-{status}-{lang}")
    assert page.get_by_test_id("error-sign-in").is_visible()  # the 403 offers to sign in
    context.close()
    guard.check()


def texts_overlap(page: Any, selector: str) -> list[tuple[str, str]]:
    """The pairs of texts under ``selector`` whose boxes on screen overlap."""
    pairs: list[tuple[str, str]] = page.evaluate(
        """sel => {
          const boxes = [...document.querySelectorAll(sel)]
            .map(t => [t.textContent, t.getBoundingClientRect()]);
          const out = [];
          boxes.forEach(([a, p], i) => boxes.slice(i + 1).forEach(([b, q]) => {
            const apart = p.right <= q.left || q.right <= p.left || p.bottom <= q.top
              || q.bottom <= p.top;
            if (!apart) out.push([a, b]);
          }));
          return out;
        }""",
        selector,
    )
    return pairs


@pytest.mark.parametrize("shape", ["l", "u"])
def test_an_l_or_u_room_is_drawn_with_readable_dimensions(
    browser: Any, base_url: str, shape: str
) -> None:
    guard = Guard(base_url)
    context = browser.new_context(base_url=base_url, **DEVICES["tablet"])
    guard.watch(context)
    page = context.new_page()
    page.goto("/?lang=en")
    page.get_by_test_id(f"shape-{shape}").check()
    page.get_by_test_id("new-design").click()
    page.wait_for_url(re.compile(r"/designs/[^/]+$"))
    page.wait_for_function(PRICED)
    corners = 6 if shape == "l" else 8
    assert page.locator("#plan .corner-handle").count() == corners
    assert page.locator("#plan .wall-dim").count() == corners
    assert page.locator("#plan .wall-dim.inside").count() == (2 if shape == "l" else 3)
    assert texts_overlap(page, "#plan .wall-dim text") == []
    shot(page, f"room-{shape}-1024")
    context.close()
    guard.check()


def test_obstacles_go_on_walls_with_their_sizes(browser: Any, base_url: str) -> None:
    guard = Guard(base_url)
    page = start(browser, guard, "new-design", lang="en")
    page.wait_for_function(PRICED)
    page.locator("#room-panel summary").click()
    page.locator("#room-wall").select_option("1")
    page.get_by_test_id("add-column").click()
    page.locator("#plan [data-obstacle=c1]").wait_for()
    width = page.get_by_test_id("obstacle-0-width")
    width.fill("600")
    width.press("Enter")
    offset = page.get_by_test_id("obstacle-0-offset")
    offset.fill("0")
    with page.expect_response(lambda r: "/api/v1/evaluate" in r.url):
        offset.press("Enter")
    # dragged along its wall in the plan (wall 2 runs up the screen), then undone
    page.wait_for_function(SETTLED)  # the plan is drawn again when the price comes in
    column = steady_box(page.locator("#plan [data-obstacle=c1] polygon"))
    x, y = column["x"] + column["width"] / 2, column["y"] + column["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x, y - 60, steps=6)
    page.mouse.up()
    page.wait_for_function(
        "() => Number(document.querySelector('[data-testid=obstacle-0-offset]').value) > 0"
    )
    page.get_by_test_id("undo").click()
    page.wait_for_function(
        "() => document.querySelector('[data-testid=obstacle-0-offset]').value === '0'"
    )
    page.get_by_test_id("add-beam").click()
    page.locator("#plan [data-obstacle=b1]").wait_for()
    bottom = page.get_by_test_id("obstacle-1-bottom")
    bottom.fill("2300")
    bottom.press("Enter")
    # a wardrobe on wall 2 stands clear of the column; the server's 3D model has both
    # (the model asked for the wardrobe's room: one asked for earlier may still be on its way)
    with page.expect_response(
        lambda r: "/preview/model.glb" in r.url and '"W1"' in (r.request.post_data or "")
    ) as model:
        page.get_by_test_id("add-cabinet").click()
        page.locator("#gallery-wall").select_option("1")
        page.get_by_test_id("template-wardrobe_hinged").click()
        page.get_by_test_id("cabinet-W1").wait_for()
    assert b"room:obstacle-c1" in model.value.body() and b"room:obstacle-b1" in model.value.body()
    # placed clear of the column (600 mm wide from the wall's start)
    assert int(page.get_by_test_id("cabinet-offset").input_value()) >= 600
    page.wait_for_function(SAVED)
    page.reload()
    page.locator("#plan [data-obstacle=c1]").wait_for()
    page.locator("#room-panel summary").click()
    assert page.get_by_test_id("obstacle-0-width").input_value() == "600"
    assert page.get_by_test_id("obstacle-1-bottom").input_value() == "2300"
    accessible(page)
    shot(page, "obstacles-1440")
    page.context.close()
    guard.check()


def drag(page: Any, testid: str, dx: float, dy: float) -> None:
    box = steady_box(page.get_by_test_id(testid))
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + dx, y + dy, steps=8)
    page.mouse.up()


def test_resize_in_the_plan_and_edit_the_interior_on_the_grid(browser: Any, base_url: str) -> None:
    guard = Guard(base_url)
    page = start(browser, guard, "demo-bedroom", lang="zh-CN")
    page.wait_for_function(PRICED)
    page.get_by_test_id("cabinet-W1").click()
    total = page.get_by_test_id("price-total").inner_text()
    drag(page, "resize-end", 60, 0)
    page.wait_for_function(
        "t => document.querySelector('[data-testid=price-total]').textContent !== t", arg=total
    )
    wider = int(page.get_by_test_id("cabinet-width").input_value())
    assert wider > 1600
    # dragged far past the wall's end: the width stops at the template's widest
    drag(page, "resize-end", 2000, 0)
    page.wait_for_timeout(300)
    assert 1600 < int(page.get_by_test_id("cabinet-width").input_value()) <= 2400
    page.get_by_test_id("undo").click()
    page.get_by_test_id("undo").click()
    page.wait_for_function("() => document.querySelector('#field-width').value === '1600'")

    page.get_by_test_id("customise-interior").click()
    page.get_by_test_id("interior-view").wait_for()
    page.get_by_test_id("interior-section-2").click(position={"x": 5, "y": 5})
    page.get_by_test_id("add-drawer").click()
    page.get_by_test_id("add-rail").click()
    assert page.locator("[data-testid=interior-view] .item-drawer").count() == 1
    shelf = page.get_by_test_id("item-1-1")
    before = int(shelf.get_attribute("data-at"))
    drag(page, "item-1-1", 0, -40)
    page.wait_for_function(
        "b => Number(document.querySelector('[data-testid=item-1-1]').dataset.at) > b", arg=before
    )
    moved = int(page.get_by_test_id("item-1-1").get_attribute("data-at"))
    assert moved % 32 == 0
    page.get_by_test_id("item-1-1").focus()
    page.keyboard.press("ArrowUp")
    page.wait_for_function(
        "m => Number(document.querySelector('[data-testid=item-1-1]').dataset.at) === m + 32",
        arg=moved,
    )
    typed = page.get_by_test_id("item-at")
    typed.fill("1000")
    typed.press("Enter")
    page.wait_for_function(
        "() => document.querySelector('[data-testid=item-1-1]').dataset.at === '992'"
    )
    accessible(page)
    shot(page, "interior-zh-1440")
    page.get_by_test_id("undo").click()
    page.wait_for_function(
        "m => Number(document.querySelector('[data-testid=item-1-1]').dataset.at) === m + 32",
        arg=moved,
    )
    page.context.close()
    guard.check()


def test_in_store_the_customer_is_named_and_overrides_say_who_and_why(
    browser: Any, base_url: str, app: FastAPI
) -> None:
    backend = app.state.backend
    with_stores(backend)
    password = "a long enough password"  # noqa: S105 - the test accounts'
    customer = add_user("zhang_e2e", Role.CONSUMER, password, name="张先生", backend=backend)
    designer = add_user(
        "li_e2e", Role.DESIGNER, password, store_id="sh-1", name="李工", backend=backend
    )
    design = create_design(BEDROOM, actor=customer.actor, backend=backend)
    take_on(
        share_design(design.id, actor=customer.actor, backend=backend),
        actor=designer.actor,
        backend=backend,
    )
    guard = Guard(base_url)
    context = browser.new_context(base_url=base_url, **DEVICES["tablet"])
    guard.watch(context)
    assert context.request.post(
        "/api/v1/session", data={"login": "li_e2e", "password": password}
    ).ok
    page = context.new_page()
    page.goto(f"/designs/{design.id}?lang=zh-CN")
    page.get_by_test_id("customer-name").wait_for()
    assert "张先生" in page.get_by_test_id("customer-name").inner_text()
    page.wait_for_function(PRICED)
    page.get_by_test_id("cabinet-W1").click()
    width = page.get_by_test_id("cabinet-width")
    width.fill("1500")
    width.press("Enter")
    note = page.get_by_test_id("change-note")
    page.wait_for_function(
        "() => document.querySelector('[data-testid=change-note]').ariaInvalid === 'true'"
    )
    page.wait_for_function(SAVED)  # saved at once all the same: a reload loses nothing
    note.fill("客户要求避开门")
    width.fill("1400")
    width.press("Enter")
    page.wait_for_function(SAVED)
    page.get_by_test_id("history").click()
    page.get_by_test_id("revision-3").wait_for()
    page.wait_for_function(
        "() => document.querySelector('[data-testid=revision-3]').textContent.includes('李工')"
    )
    latest = page.get_by_test_id("revision-3").inner_text()
    assert "客户要求避开门" in latest and "门店修改" in latest
    assert "张先生" in page.get_by_test_id("revision-1").inner_text()
    accessible(page)
    shot(page, "in-store-history-1024")
    context.close()
    guard.check()


def test_a_room_drawn_corner_by_corner(browser: Any, base_url: str) -> None:
    guard = Guard(base_url)
    context = browser.new_context(base_url=base_url, **DEVICES["tablet"])
    guard.watch(context)
    page = context.new_page()
    page.goto("/?lang=en")
    page.get_by_test_id("shape-draw").check()
    pad = page.get_by_test_id("draw-pad")
    box = pad.bounding_box()
    pad.click(position={"x": box["width"] / 2, "y": box["height"] / 2})
    assert len(page.get_by_test_id("room-corners").input_value().split()) == 1
    # typed, as with a keyboard: a T-shaped room, its last wall left for the page to close
    page.get_by_test_id("room-corners").fill(
        "0,0 6000,0 6000,2000 4000,2000 4000,4000 2000,4000 2000,2000 0,2000"
    )
    page.get_by_test_id("draw-ok").wait_for()
    accessible(page)
    shot(page, "start-draw-1024")
    page.get_by_test_id("new-design").click()
    page.wait_for_url(re.compile(r"/designs/[^/]+$"))
    page.wait_for_function(PRICED)
    assert page.locator("#plan .corner-handle").count() == 8
    assert texts_overlap(page, "#plan .wall-dim text") == []
    context.close()
    guard.check()
