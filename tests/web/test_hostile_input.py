"""The API tried as an attacker would (issue 10, item 6): every refusal is JSON in the one
error shape, with a 4xx and the problems found; nothing an outsider sends reaches the 500
handler, and nothing costly is computed for a document past the limits."""

from __future__ import annotations

import copy
import json
import logging
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import anyio
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from catalog.catalog import Catalog
from configurator.model.document import (
    MAX_CABINETS,
    MAX_DOCUMENT_BYTES,
    MAX_INTERIOR_ITEMS,
    MAX_ITEMS_PER_SECTION,
    MAX_OBSTACLES,
    MAX_OPENINGS,
    MAX_OPTIONS,
    MAX_PROBLEMS,
    MAX_SECTIONS,
    MAX_VERTICES,
)
from web.app import create_app

EXAMPLES = Path(__file__).parents[2] / "examples"
BEDROOM: dict[str, Any] = json.loads((EXAMPLES / "bedroom.json").read_text())
JSON = {"Content-Type": "application/json"}


@pytest.fixture(scope="module")
def client(module_app: FastAPI) -> TestClient:
    return TestClient(module_app, raise_server_exceptions=False)


def bedroom() -> dict[str, Any]:
    return copy.deepcopy(BEDROOM)


def post(client: TestClient, body: bytes | str, **headers: str) -> Any:
    data = body.encode() if isinstance(body, str) else body
    return client.post("/api/v1/evaluate", content=data, headers={**JSON, **headers})


def refused(response: Any, status: int, code: str) -> dict[str, Any]:
    """The answer is ``status`` in the one error shape with ``code``; its error part."""
    assert response.status_code == status, response.text[:500]
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "problems"}
    assert body["error"]["code"] == code
    assert "Traceback" not in response.text
    error: dict[str, Any] = body["error"]
    return error


def problems(error: dict[str, Any]) -> list[tuple[str, str]]:
    return [(p["code"], p["path"]) for p in error["problems"]]


def with_width(raw: str) -> str:
    """The bedroom with its cabinet's width written as the JSON text ``raw``."""
    text = json.dumps(bedroom())
    assert text.count('"width_mm": 1600') == 1
    return text.replace('"width_mm": 1600', f'"width_mm": {raw}')


# --- numbers -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    ["1" + "0" * 400, "-" + "9" * 400, "1" + "0" * 5000, "1" + "0" * 100_000, "10000000000001"],
)
def test_whole_numbers_of_any_size_are_out_of_range(client: TestClient, raw: str) -> None:
    """Was: a 500 with a traceback (OverflowError converting to float) from a few hundred
    digits, and Python's 'Exceeds the limit (4300 digits)' past 4,300."""
    error = refused(post(client, with_width(raw)), 422, "invalid_design")
    assert problems(error) == [("out_of_range", "cabinets[0].width_mm")]
    digits = len(raw.lstrip("-"))
    shown = error["problems"][0]["params"]["value"]
    assert shown == float(raw) if digits < 16 else shown.endswith(f"a {digits}-digit number")


@pytest.mark.parametrize("raw", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_are_not_json_numbers(client: TestClient, raw: str) -> None:
    error = refused(post(client, with_width(raw)), 400, "invalid_json")
    assert "not a number a design may contain" in error["message"]


def test_a_float_too_large_is_not_finite(client: TestClient) -> None:
    error = refused(post(client, with_width("1e400")), 422, "invalid_design")
    assert problems(error) == [("not_finite", "cabinets[0].width_mm")]


@pytest.mark.parametrize(
    "value",
    [
        "\uff11\uff12\uff10\uff10",  # "1200" in full-width digits
        "1200",
        "1200.0",
        "1.2e3",
        "1_200",
        " 1200",
        "NaN",
        "Infinity",
        "0x4b0",
    ],
)
def test_numbers_written_as_text_are_refused_not_converted(client: TestClient, value: str) -> None:
    """Full-width digits from a Chinese IME and Decimal-like strings are text, not numbers,
    though ``int()`` and ``Decimal()`` would read several of them."""
    doc = bedroom()
    doc["cabinets"][0]["width_mm"] = value
    error = refused(post(client, json.dumps(doc)), 422, "invalid_design")
    assert problems(error) == [("wrong_type", "cabinets[0].width_mm")]


def test_numbers_in_options_are_bounded(client: TestClient) -> None:
    doc = bedroom()
    doc["cabinets"][0]["options"] = {"plinth_mm": 10**20, "door_count": "\uff12"}  # full-width 2
    text = json.dumps(doc).replace(str(10**20), "9" * 5000)
    error = refused(post(client, text), 422, "invalid_design")
    assert problems(error) == [("out_of_range", "cabinets[0].options.plinth_mm")]


# --- text ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "path"),
    [
        ('"\\ud800": 1', "\\ud800"),  # unpaired surrogate in a key: was a 500 (UTF-8 encoding)
        ('"ok\\udfffkey": 1', "ok\\udfffkey"),
        ('"a\\u0000b": 1', "a\\u0000b"),  # NUL in a key
        ('"name": "\\ud83d"', "name"),  # half a surrogate pair in a value
        ('"name": "bed\\u0000room"', "name"),  # NUL in a value
        ('"name": "\\u202egnp.exe"', "name"),  # right-to-left override
    ],
)
def test_text_that_is_not_text_is_refused(client: TestClient, text: str, path: str) -> None:
    doc = json.dumps(bedroom())
    body = doc[:-1] + ", " + text + "}"
    error = refused(post(client, body), 422, "invalid_design")
    assert problems(error) == [("invalid_text", path)]
    assert error["problems"][0]["params"]["char"].startswith("U+")
    assert error["message"]  # worded, and written as UTF-8 without trouble


def test_a_surrogate_encoded_as_utf8_is_refused_too(client: TestClient) -> None:
    """Python's JSON reader decodes bytes with 'surrogatepass': ED A0 80 becomes U+D800."""
    body = json.dumps(bedroom()).encode()[:-1] + b', "name": "\xed\xa0\x80"}'
    error = refused(post(client, body), 422, "invalid_design")
    assert problems(error) == [("invalid_text", "name")]
    assert error["problems"][0]["params"]["char"] == "U+D800"


def test_a_key_that_is_not_text_is_worded_as_a_key(client: TestClient) -> None:
    body = json.dumps(bedroom())[:-1] + ', "x\\ud800": 1}'
    error = refused(post(client, body), 422, "invalid_design")
    assert error["problems"][0]["params"] == {"char": "U+D800", "position": 2, "reason": "key"}
    assert error["message"].startswith("x\\ud800: this key's character 2 is U+D800")


def test_text_deep_inside_is_found_with_its_path(client: TestClient) -> None:
    doc = bedroom()
    doc["cabinets"][0]["options"] = {"handle": "H\x00"}
    doc["room"]["openings"][1]["id"] = "w\x1b1"
    error = refused(post(client, json.dumps(doc)), 422, "invalid_design")
    assert sorted(problems(error)) == [
        ("invalid_text", "cabinets[0].options.handle"),
        ("invalid_text", "room.openings[1].id"),
    ]


def test_ordinary_text_passes(client: TestClient) -> None:
    doc = bedroom()
    doc["name"] = "主卧衣柜\tMaster bedroom 🛏 — 2026\n"
    assert post(client, json.dumps(doc)).status_code == 200


def test_overlong_text_is_refused(client: TestClient) -> None:
    doc = bedroom()
    doc["name"] = "x" * 1000
    doc["cabinets"][0]["template"] = "t" * 100_000
    error = refused(post(client, json.dumps(doc)), 422, "invalid_design")
    assert problems(error) == [("too_long", "name"), ("too_long", "cabinets[0].template")]


# --- structure -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        b"[" * 100_000 + b"]" * 100_000,
        b'{"a":' * 50_000 + b"1" + b"}" * 50_000,
        b'{"schema": "millwork/design@1", "x": ' + b"[" * 5_000 + b"]" * 5_000 + b"}",
    ],
    ids=["arrays", "objects", "inside"],
)
def test_deep_nesting_is_refused(client: TestClient, body: bytes) -> None:
    error = refused(post(client, body), 400, "invalid_json")
    assert "nested too deeply" in error["message"]


def test_nesting_the_parser_takes_is_still_only_data(client: TestClient) -> None:
    doc = json.dumps(bedroom())
    body = doc[:-1] + ', "x": ' + "[" * 900 + "]" * 900 + "}"
    error = refused(post(client, body), 422, "invalid_design")
    assert problems(error) == [("unknown_key", "x")]


def test_unknown_keys_are_refused_everywhere(client: TestClient) -> None:
    doc = bedroom()
    doc["colour"] = "red"
    doc["room"]["openings"][0]["glass"] = True
    doc["cabinets"][0]["price"] = 1
    error = refused(post(client, json.dumps(doc)), 422, "invalid_design")
    assert problems(error) == [
        ("unknown_key", "colour"),
        ("unknown_key", "room.openings[0].glass"),
        ("unknown_key", "cabinets[0].price"),
    ]


@pytest.mark.parametrize("schema", [None, "millwork/design@2", 1])
def test_the_schema_id_must_be_the_one(client: TestClient, schema: object) -> None:
    doc = bedroom()
    doc["schema"] = schema
    error = refused(post(client, json.dumps(doc)), 422, "invalid_design")
    assert problems(error) == [("invalid_value", "schema")]


# --- limits on counts ----------------------------------------------------------------------


def _many(doc: dict[str, Any], where: str, n: int) -> str:
    room, cabinet = doc["room"], doc["cabinets"][0]
    section = {"width_mm": None, "items": [{"kind": "shelf", "at_mm": 300}]}
    if where == "cabinets":
        doc["cabinets"] = [dict(cabinet, id=f"C{i}") for i in range(n)]
    elif where == "room.outline_mm":
        room["outline_mm"] = [[i, i * i % 97] for i in range(n)]
    elif where == "room.openings":
        room["openings"] = [dict(room["openings"][0], id=f"o{i}") for i in range(n)]
    elif where == "room.obstacles":
        room["obstacles"] = [dict(room["obstacles"][0], id=f"b{i}") for i in range(n)]
    elif where == "room.obstacles[0].outline_mm":
        room["obstacles"][0]["outline_mm"] = [[i, 2700 + i % 3] for i in range(n)]
    elif where == "cabinets[0].interior.sections":
        cabinet["interior"] = {"sections": [section] * n}
    elif where == "cabinets[0].interior.sections[0].items":
        cabinet["interior"] = {"sections": [{"width_mm": None, "items": section["items"] * n}]}
    elif where == "cabinets[0].options":
        cabinet["options"] = {f"o{i}": i for i in range(n)}
    return json.dumps(doc)


LIMITS = {
    "cabinets": MAX_CABINETS,
    "room.outline_mm": MAX_VERTICES,
    "room.openings": MAX_OPENINGS,
    "room.obstacles": MAX_OBSTACLES,
    "room.obstacles[0].outline_mm": MAX_VERTICES,
    "cabinets[0].interior.sections": MAX_SECTIONS,
    "cabinets[0].interior.sections[0].items": MAX_ITEMS_PER_SECTION,
    "cabinets[0].options": MAX_OPTIONS,
}


@pytest.mark.parametrize("where", LIMITS)
def test_counts_past_the_limits_are_refused_quickly(client: TestClient, where: str) -> None:
    """Was: 5,000 cabinets computed for a minute (and 1,000 answered with 114 MB)."""
    limit = LIMITS[where]
    many = 5 * limit if where == "cabinets" else 10 * limit
    started = time.perf_counter()
    error = refused(post(client, _many(bedroom(), where, many)), 422, "invalid_design")
    assert time.perf_counter() - started < 5
    found = [p for p in error["problems"] if p["code"] == "too_many_items"]
    assert [(p["path"], p["params"]) for p in found] == [(where, {"value": many, "max": limit})]
    assert found[0]["message"] == f"has {many} items; at most {limit} are allowed"


def test_interior_items_of_a_whole_design_are_limited(client: TestClient) -> None:
    doc = bedroom()
    shelves = [{"kind": "shelf", "at_mm": 100 + 60 * k} for k in range(MAX_ITEMS_PER_SECTION)]
    doc["cabinets"][0]["interior"] = {
        "sections": [{"width_mm": None, "items": shelves}] * MAX_SECTIONS
    }
    per_cabinet = MAX_SECTIONS * MAX_ITEMS_PER_SECTION
    n = MAX_INTERIOR_ITEMS // per_cabinet + 1
    doc["cabinets"] = [dict(doc["cabinets"][0], id=f"C{i}") for i in range(n)]
    error = refused(post(client, json.dumps(doc)), 422, "invalid_design")
    assert problems(error)[-1] == ("too_many_items", "cabinets")
    assert error["problems"][-1]["params"] == {"value": n * per_cabinet, "max": MAX_INTERIOR_ITEMS}


def test_at_the_limits_a_design_is_evaluated(client: TestClient) -> None:
    doc = json.loads(_many(bedroom(), "room.openings", MAX_OPENINGS))
    doc["room"]["obstacles"] = []
    assert post(client, json.dumps(doc)).status_code == 200


def _wrong_typed_cabinets(size: int) -> bytes:
    bad = {
        "id": 1,
        "template": 1,
        "width_mm": "x",
        "height_mm": "x",
        "depth_mm": "x",
        "carcass_material": 1,
        "front_material": 1,
        "interior": {"sections": [{"width_mm": "x", "items": [1, 2, 3]}]},
    }
    n = size // (len(json.dumps(bad)) + 2) - 1
    body = json.dumps({"schema": "millwork/design@1", "room": {}, "cabinets": [bad] * n}).encode()
    assert size - 1000 < len(body) <= size
    return body


def test_reading_stops_after_so_many_problems(client: TestClient) -> None:
    """Was: a 1 MB body of wrong-typed cabinets ran for minutes and answered with ~1 GB."""
    body = _wrong_typed_cabinets(MAX_DOCUMENT_BYTES - 1024)
    started = time.perf_counter()
    response = post(client, body)
    assert time.perf_counter() - started < 5
    error = refused(response, 422, "invalid_design")
    assert len(error["problems"]) == MAX_PROBLEMS + 1
    last = error["problems"][-1]
    assert last["code"] == "too_many_problems" and last["params"] == {"shown": MAX_PROBLEMS}
    assert len(response.content) < 100_000


def test_an_evaluation_lists_at_most_so_many_problems(client: TestClient) -> None:
    doc = bedroom()
    doc["cabinets"] = [dict(doc["cabinets"][0], id=f"C{i}") for i in range(20)]  # all overlap
    response = post(client, json.dumps(doc))
    assert response.status_code == 200
    listed = response.json()["problems"]
    assert len(listed) == MAX_PROBLEMS + 1
    last = listed[-1]
    assert last["code"] == "too_many_problems" and last["severity"] == "error"
    assert last["params"]["shown"] == MAX_PROBLEMS and last["params"]["total"] >= 190
    assert set(response.json()) == {"problems", "price", "parts_summary"}


# --- the body: size and media type ---------------------------------------------------------


def test_a_body_past_the_limit_is_413(client: TestClient) -> None:
    body = _wrong_typed_cabinets(1_000_000)
    started = time.perf_counter()
    error = refused(post(client, body), 413, "payload_too_large")
    assert time.perf_counter() - started < 2
    assert "524288 bytes" in error["message"]


def test_a_chunked_body_past_the_limit_is_413_too(client: TestClient) -> None:
    """No Content-Length: the limit is counted while reading."""

    def chunks() -> Iterator[bytes]:
        for _ in range(64):
            yield b" " * 16_384  # 1 MiB in all

    response = client.post("/api/v1/evaluate", content=chunks(), headers=JSON)
    assert "content-length" not in {k.lower() for k in response.request.headers}
    refused(response, 413, "payload_too_large")


def test_a_body_at_the_limit_is_read(client: TestClient) -> None:
    text = json.dumps(bedroom())
    body = text + " " * (MAX_DOCUMENT_BYTES - len(text))
    assert post(client, body).status_code == 200


@pytest.mark.parametrize(
    "content_type",
    [None, "text/plain", "application/x-www-form-urlencoded", "application/json; charset=latin-1"],
)
def test_a_json_body_must_say_it_is_json(client: TestClient, content_type: str | None) -> None:
    headers = {} if content_type is None else {"Content-Type": content_type}
    response = client.post("/api/v1/evaluate", content=json.dumps(BEDROOM), headers=headers)
    refused(response, 415, "unsupported_media_type")


@pytest.mark.parametrize("content_type", ["application/json", "Application/JSON; charset=UTF-8"])
def test_json_with_or_without_charset_is_taken(client: TestClient, content_type: str) -> None:
    response = client.post(
        "/api/v1/evaluate", content=json.dumps(BEDROOM), headers={"Content-Type": content_type}
    )
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("method", "path", "allow"),
    [
        ("POST", "/health", "GET"),
        ("DELETE", "/api/v1/catalog", "GET"),
        ("POST", "/static/css/home.css", "GET, HEAD"),
        ("GET", "/api/v1/evaluate", "POST"),
        ("PUT", "/api/v1/evaluate", "POST"),
        # a path with a route per method: Starlette named only the first route's
        ("OPTIONS", "/api/v1/session", "DELETE, POST"),
        ("PATCH", "/api/v1/designs/x", "GET, PUT"),
    ],
)
def test_a_wrong_method_is_405_with_allow(
    client: TestClient, method: str, path: str, allow: str
) -> None:
    response = client.request(method, path)
    refused(response, 405, "method_not_allowed")
    assert sorted(response.headers["allow"].split(", ")) == sorted(allow.split(", "))


@pytest.mark.parametrize(
    "query", ["lang=fr", "member=perhaps", "method=cheap", "coupon=" + "x" * 65]
)
def test_invalid_query_parameters_are_422(client: TestClient, query: str) -> None:
    response = client.post(f"/api/v1/evaluate?{query}", json=BEDROOM)
    error = refused(response, 422, "invalid_request")
    assert error["problems"][0]["path"].startswith("query.")


# --- our own mistakes ----------------------------------------------------------------------


def test_an_unexpected_exception_is_a_json_500_without_details(
    catalog: Catalog, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(*_: object, **__: object) -> None:
        raise RuntimeError("secret internals")

    monkeypatch.setattr("web.app.evaluate_design", broken)
    client = TestClient(create_app(catalog=catalog), raise_server_exceptions=False)
    with caplog.at_level(logging.ERROR, logger="millwork.web"):
        response = post(client, json.dumps(BEDROOM))
    error = refused(response, 500, "internal_error")
    assert "secret" not in response.text and "RuntimeError" not in response.text
    assert error["problems"] == []
    assert response.headers["x-content-type-options"] == "nosniff"
    assert any("POST /api/v1/evaluate" in r.getMessage() and r.exc_info for r in caplog.records)


def test_bad_input_never_reaches_the_500_handler(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    bodies = [
        with_width("1" + "0" * 400),
        json.dumps(bedroom())[:-1] + ', "\\ud800": 1}',
        _wrong_typed_cabinets(200_000).decode(),
        json.dumps(bedroom()).encode()[:-1] + b', "\xed\xa0\x80": 1}',  # a surrogate as UTF-8
        '"just a string"',
        "[]",
        "null",
        "",
    ]
    with caplog.at_level(logging.ERROR, logger="millwork.web"):
        statuses = [post(client, b).status_code for b in bodies]
    assert all(400 <= s < 500 for s in statuses), statuses
    assert not caplog.records


def test_a_content_length_that_is_not_a_number_is_400(catalog: Catalog) -> None:
    """Servers refuse it before the app sees it; the app does not rely on that."""
    app = create_app(catalog=catalog)
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"{}", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/api/v1/evaluate",
        "raw_path": b"/api/v1/evaluate",
        "root_path": "",
        "query_string": b"",
        "headers": [(b"content-type", b"application/json"), (b"content-length", b"2x")],
        "client": ("127.0.0.1", 1),
        "server": ("127.0.0.1", 80),
    }
    anyio.run(app, scope, receive, send)
    assert sent[0]["status"] == 400
    headers = dict(sent[0]["headers"])
    assert headers[b"x-content-type-options"] == b"nosniff"
    assert json.loads(sent[1]["body"])["error"]["code"] == "bad_request"
