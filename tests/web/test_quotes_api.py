"""Quotes over the API: issued from a saved revision (201, numbered, frozen), read as JSON, HTML
and PDF by whoever may read the design, and the same bytes on every read, whatever the catalog
and price list say later."""

from __future__ import annotations

import copy
import dataclasses
import http.client
import io
import json
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from pypdf import PdfReader
from sqlalchemy import Engine

import web.app
from catalog.catalog import Catalog
from catalog.price_list import PriceList
from persistence.db import make_engine
from pricing.price import PriceBook
from pricing.promotion_kinds import Promotions
from tests.builders import a_cabinet, a_document
from tests.fakes import FixedCatalogs
from tests.persistence.databases import DATABASES, empty_database
from tests.web.api_clients import BEDROOM, NOW, account, an_app, save, visitor
from tests.web.serving import serving
from web.hardening import DOCUMENT_SECURITY_POLICY

FIRST = f"Q-{NOW.year}-000001"


@pytest.fixture
def app(catalog: Catalog, database_url: str) -> FastAPI:
    return an_app(catalog, database_url)


def _issue(client: TestClient, design: str, query: str = "") -> dict[str, object]:
    answer = client.post(f"/api/v1/designs/{design}/quotes{query}")
    assert answer.status_code == 201, answer.text
    quote: dict[str, object] = answer.json()
    assert answer.headers["location"] == f"/api/v1/quotes/{quote['number']}"
    return quote


def test_a_quote_is_issued_and_read_back(app: FastAPI) -> None:
    alice = account(app, "alice")
    design = save(alice, BEDROOM)
    issued = _issue(alice, design)
    assert issued["number"] == FIRST
    kept = alice.get(f"/api/v1/designs/{design}").json()["document"]
    assert issued["design"] == kept and issued["design_name"] == BEDROOM["name"]
    assert issued["issued_at"] == NOW.isoformat()
    assert {"plan", "wall 0"} <= set(issued["drawings"])  # type: ignore[arg-type]
    price = issued["price"]
    assert isinstance(price, dict) and Decimal(price["total"]) > 0
    assert alice.get(f"/api/v1/quotes/{FIRST}").json() == issued
    listed = alice.get(f"/api/v1/designs/{design}/quotes").json()
    assert listed == {
        "quotes": [{"number": FIRST, "url": f"/api/v1/quotes/{FIRST}"}],
        "next_cursor": None,
    }


def test_a_quote_is_of_the_revision_asked_for_with_the_price_options(app: FastAPI) -> None:
    alice = account(app, "alice")
    design = save(alice, BEDROOM)
    wider = copy.deepcopy(BEDROOM)
    wider["cabinets"][0]["width_mm"] += 100
    alice.put(f"/api/v1/designs/{design}", json={"document": wider}, headers={"If-Match": '"1"'})
    latest = _issue(alice, design)
    first = _issue(alice, design, "?revision=1&member=true&region=beijing&lang=zh-CN")
    revision = f"/api/v1/designs/{design}/revisions"
    assert latest["design"] == alice.get(f"{revision}/2").json()["document"]
    assert first["design"] == alice.get(f"{revision}/1").json()["document"]
    price = first["price"]
    assert isinstance(price, dict) and price["region"] == "beijing"
    evaluated = alice.post(
        "/api/v1/evaluate?member=true&region=beijing&lang=zh-CN", json=BEDROOM
    ).json()["price"]
    assert price == evaluated  # the same price, words and all, frozen
    refused = {"?revision=9": "unknown_revision", "?region=atlantis": "unknown_region"}
    for query, code in refused.items():
        answer = alice.post(f"/api/v1/designs/{design}/quotes{query}")
        assert answer.status_code == 422 and answer.json()["error"]["code"] == code
    assert alice.post(f"/api/v1/designs/{design}/quotes?method=guess").status_code == 422


def test_a_design_with_errors_is_not_quoted(app: FastAPI) -> None:
    alice = account(app, "alice")
    overlapping = save(alice, a_document(a_cabinet(), a_cabinet(id="W2")))
    answer = alice.post(f"/api/v1/designs/{overlapping}/quotes?lang=zh-CN")
    assert answer.status_code == 422
    error = answer.json()["error"]
    assert error["code"] == "design_has_errors"
    assert {p["code"] for p in error["problems"]} == {"cabinet_overlap"}
    assert all(p["message"] and p["severity"] == "error" for p in error["problems"])
    # each refusal says how to mend it: a checked patch the page applies in one click
    assert all(f["patch"] and f["message"] for p in error["problems"] for f in p["fixes"])
    assert any(p["fixes"] for p in error["problems"])
    assert alice.get(f"/api/v1/designs/{overlapping}/quotes").json() == {
        "quotes": [],
        "next_cursor": None,
    }
    assert _issue(alice, save(alice, BEDROOM))["number"] == FIRST  # no number was used


def test_a_visitor_must_sign_up_first(app: FastAPI) -> None:
    guest = visitor(app)
    design = save(guest, BEDROOM)
    csrf = {"X-CSRF-Token": guest.cookies["millwork_csrf"]}
    answer = guest.post(f"/api/v1/designs/{design}/quotes", headers=csrf)
    assert answer.status_code == 403 and answer.json()["error"]["code"] == "forbidden"
    assert "sign up" in answer.json()["error"]["message"]
    no_token = guest.post(f"/api/v1/designs/{design}/quotes")
    assert no_token.status_code == 403 and no_token.json()["error"]["code"] == "csrf_failed"
    nobody = TestClient(app).post(f"/api/v1/designs/{design}/quotes")
    assert nobody.status_code == 401 and nobody.json()["error"]["code"] == "not_signed_in"
    signed_up = guest.post(
        "/api/v1/accounts",
        json={"login": "guest", "password": "a long enough password"},
        headers=csrf,
    )
    assert signed_up.status_code == 201
    csrf = {"X-CSRF-Token": guest.cookies["millwork_csrf"]}
    answer = guest.post(f"/api/v1/designs/{design}/quotes", headers=csrf)
    assert answer.status_code == 201 and answer.json()["number"] == FIRST


def test_only_who_may_read_the_design_sees_its_quotes(app: FastAPI) -> None:
    alice, bob = account(app, "alice"), account(app, "bob")
    design = save(alice, BEDROOM)
    _issue(alice, design)
    assert bob.post(f"/api/v1/designs/{design}/quotes").status_code == 404
    assert bob.get(f"/api/v1/designs/{design}/quotes").status_code == 404
    for suffix in ("", ".pdf", ".html"):
        hidden = bob.get(f"/api/v1/quotes/{FIRST}{suffix}")
        assert hidden.status_code == 404 and hidden.json()["error"]["code"] == "not_found"
        unknown = alice.get(f"/api/v1/quotes/Q-2026-999999{suffix}")
        assert unknown.status_code == 404, suffix
        assert TestClient(app).get(f"/api/v1/quotes/{FIRST}{suffix}").status_code == 401
    assert alice.get(f"/api/v1/quotes/{FIRST}.txt").status_code == 404
    assert bob.post("/api/v1/designs/nothing/quotes").status_code == 404


def test_the_documents_of_a_quote(app: FastAPI) -> None:
    alice = account(app, "alice")
    _issue(alice, save(alice, BEDROOM))
    pdf = alice.get(f"/api/v1/quotes/{FIRST}.pdf")
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    assert pdf.headers["content-disposition"] == f'inline; filename="{FIRST}.pdf"'
    reader = PdfReader(io.BytesIO(pdf.content))
    assert len(reader.pages) >= 3  # the quote, then the plan and an elevation
    assert reader.metadata is not None and FIRST in str(reader.metadata.title)
    html = alice.get(f"/api/v1/quotes/{FIRST}.html")
    assert html.status_code == 200 and html.headers["content-type"] == "text/html; charset=utf-8"
    assert html.headers["content-security-policy"] == DOCUMENT_SECURITY_POLICY
    assert FIRST in html.text and "报价单" in html.text and "<svg" in html.text
    english = alice.get(f"/api/v1/quotes/{FIRST}.html?lang=en")
    assert "Quote" in english.text and "报价单" not in english.text
    # made out to a person who issued it online (no store looks after it yet)
    assert "客户: alice · 经办人: 客户在线自助报价" in html.text
    assert "Customer: alice · Issued by: the customer, online" in english.text
    assert "Store:" not in english.text
    assert "alice" in reader.pages[0].extract_text()
    assert alice.get(f"/api/v1/quotes/{FIRST}").json()["customer"] == "alice"
    assert alice.get(f"/api/v1/quotes/{FIRST}.pdf?lang=fr").status_code == 422


def test_a_quote_reads_the_same_bytes_even_after_the_prices_change(
    app: FastAPI, catalog: Catalog, price_list: PriceList, promotions: Promotions
) -> None:
    alice = account(app, "alice")
    design = save(alice, BEDROOM)
    before = _issue(alice, design)
    paths = [f"/api/v1/quotes/{FIRST}{s}" for s in ("", ".pdf", ".html", "?lang=zh-CN")]
    first = [alice.get(p).content for p in paths]
    assert [alice.get(p).content for p in paths] == first
    dearer = dataclasses.replace(
        price_list, version="dearer", board={k: v * 2 for k, v in price_list.board.items()}
    )
    book = PriceBook(price_list=dearer, promotions=promotions)
    changed = FixedCatalogs(dataclasses.replace(catalog, version="next"), book)
    app.state.backend = dataclasses.replace(app.state.backend, catalogs=changed)
    assert [alice.get(p).content for p in paths] == first
    after = _issue(alice, design)
    assert after["number"] == f"Q-{NOW.year}-000002"
    assert after["price"]["price_list_version"] == "dearer"  # type: ignore[index]
    assert after["price"]["total"] != before["price"]["total"]  # type: ignore[index]


def _post(where: tuple[str, int], path: str, token: str) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection(*where, timeout=60)
    try:
        connection.request("POST", path, headers={"Authorization": f"Bearer {token}"})
        answer = connection.getresponse()
        return answer.status, answer.read()
    finally:
        connection.close()


@pytest.mark.parametrize("kind", DATABASES)
def test_quotes_issued_at_once_get_consecutive_numbers(
    kind: str, catalog: Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    engines: list[Engine] = []

    def kept(url: str) -> Engine:
        engines.append(make_engine(url))
        return engines[-1]

    monkeypatch.setattr(web.app, "make_engine", kept)  # to close its connections at the end
    with empty_database(kind, tmp_path) as url:
        app = an_app(catalog, url)
        try:
            alice = account(app, "alice")
            design = save(alice, BEDROOM)
            token = alice.headers["Authorization"].removeprefix("Bearer ")
            path = f"/api/v1/designs/{design}/quotes"
            with serving(app) as where, ThreadPoolExecutor(20) as pool:
                answers = list(pool.map(lambda _: _post(where, path, token), range(20)))
            assert [status for status, _ in answers] == [201] * 20
            numbers = sorted(json.loads(body)["number"] for _, body in answers)
            assert numbers == [f"Q-{NOW.year}-{n:06d}" for n in range(1, 21)]
            listed = alice.get(f"{path}?limit=100").json()["quotes"]
            assert [q["number"] for q in listed] == numbers
            pages, cursor = [], ""  # a page at a time: 7 + 7 + 6, in order, none twice
            while cursor is not None:
                page = alice.get(f"{path}?limit=7&cursor={cursor}" if cursor else f"{path}?limit=7")
                pages.append([q["number"] for q in page.json()["quotes"]])
                cursor = page.json()["next_cursor"]
            assert [len(p) for p in pages] == [7, 7, 6] and [n for p in pages for n in p] == numbers
            for bad in ("limit=101", "cursor=%00", "cursor=Q-2026-1", "cursor=x"):
                assert alice.get(f"{path}?{bad}").status_code == 422, bad
        finally:
            for engine in engines:
                engine.dispose()
