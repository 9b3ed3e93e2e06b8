"""The OpenAPI description says what the API really takes and answers, and Schemathesis,
reading it in-process, finds no answer that breaks it: no 500, every status and body as
described, invalid data refused and valid data accepted."""

from __future__ import annotations

import json
import tempfile
from datetime import timedelta
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig
from schemathesis.openapi.checks import RejectedPositiveData

from catalog.catalog import Catalog
from configurator.model.document import MAX_CABINETS, MAX_INTERIOR_ITEMS, MAX_VERTICES
from configurator.model.schema import design_schema
from persistence.db import migrate
from sales.problems import SalesProblem
from web.app import create_app

BEDROOM = json.loads((Path(__file__).parents[2] / "examples" / "bedroom.json").read_text())


@pytest.fixture(scope="module")
def spec(catalog: Catalog) -> dict[str, Any]:
    answer = TestClient(create_app(catalog=catalog)).get("/openapi.json")
    description: dict[str, Any] = answer.json()
    return description


def test_evaluate_takes_the_design_schema_with_an_example(spec: dict[str, Any]) -> None:
    body = spec["paths"]["/api/v1/evaluate"]["post"]["requestBody"]
    media = body["content"]["application/json"]
    assert body["required"] and list(body["content"]) == ["application/json"]
    assert media["schema"] == {"$ref": "#/components/schemas/Design"}
    design = spec["components"]["schemas"]["Design"]
    assert design == {k: v for k, v in design_schema().items() if k not in ("$schema", "$id")}
    assert design["properties"]["cabinets"]["maxItems"] == MAX_CABINETS
    assert media["example"] == BEDROOM
    jsonschema.Draft202012Validator(design_schema()).validate(media["example"])


def test_every_error_answer_is_described_with_the_error_shape(spec: dict[str, Any]) -> None:
    error = {"$ref": "#/components/schemas/Error"}
    evaluate = spec["paths"]["/api/v1/evaluate"]["post"]["responses"]
    assert set(evaluate) == {"200", "400", "405", "413", "415", "422"}
    for status in ("400", "405", "413", "415", "422"):
        assert evaluate[status]["content"]["application/json"]["schema"] == error, status
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            assert "405" in operation["responses"], (method, path)
    assert {"Error", "Problem", "Design", "Evaluation"} <= set(spec["components"]["schemas"])


def test_the_error_shape_describes_real_errors(catalog: Catalog, spec: dict[str, Any]) -> None:
    schema = {**spec["components"]["schemas"]["Error"], "$defs": {}}
    resolver = {"components": spec["components"], **schema}
    validator = jsonschema.Draft202012Validator(resolver)
    c = TestClient(create_app(catalog=catalog))
    answers = [
        c.post("/api/v1/evaluate", content=b"{", headers={"Content-Type": "application/json"}),
        c.post("/api/v1/evaluate", json={"schema": 1}),
        c.post("/api/v1/evaluate?lang=fr", json=BEDROOM),
        c.post("/api/v1/evaluate", content=b"{}"),
        c.get("/api/v1/evaluate"),
    ]
    assert [a.status_code for a in answers] == [400, 422, 422, 415, 405]
    for answer in answers:
        validator.validate(answer.json())


def test_the_schema_mirrors_the_limits() -> None:
    schema = design_schema()
    room = schema["properties"]["room"]["properties"]
    assert room["outline_mm"]["maxItems"] == MAX_VERTICES
    assert (
        all("maxItems" in room[k] for k in ("openings", "obstacles"))
        and "at most 512 KiB" in schema["description"]
    )


# --- Schemathesis over the app's own description, in-process (no network) -----------------

CONFIG = SchemathesisConfig.from_dict(
    {
        "seed": 20261130,
        "generation": {"max-examples": 30, "deterministic": True, "database": "none"},
        # The operations share no state; there are no links to follow.
        "phases": {"stateful": {"enabled": False}},
        # A save without If-Match is answered 428 Precondition Required (RFC 6585; DESIGN.md
        # §5), besides Schemathesis' usual refusals of a missing header.
        "checks": {
            "missing_required_header": {"expected-statuses": [400, 401, 403, 406, 415, 422, 428]}
        },
    }
)
# a database of this module's own, migrated once (the app keeps accounts and designs)
_DATABASE = f"sqlite:///{Path(tempfile.mkdtemp(prefix='millwork-openapi-')) / 'millwork.db'}"
migrate(_DATABASE)
_APP = create_app(database=_DATABASE)
API = schemathesis.openapi.from_asgi("/openapi.json", _APP, config=CONFIG)


def _signed_in_consumer() -> tuple[dict[str, str], str]:
    """A consumer's session (its cookie and CSRF headers) and one of their designs."""
    browser = TestClient(_APP)
    answer = browser.post(
        "/api/v1/accounts", json={"login": "fuzz.owner", "password": "a long passphrase"}
    )
    assert answer.status_code == 201, answer.text
    csrf = browser.cookies["millwork_csrf"]
    headers = {"X-CSRF-Token": csrf}
    saved = browser.post("/api/v1/designs", json={"document": BEDROOM}, headers=headers)
    assert saved.status_code == 201, saved.text
    cookie = f"millwork_session={browser.cookies['millwork_session']}; millwork_csrf={csrf}"
    return {"Cookie": cookie, **headers}, saved.json()["id"]


SIGNED_IN, OWN_DESIGN = _signed_in_consumer()


def _beyond_the_schema(problem: dict[str, Any]) -> bool:
    """What the parser checks and a JSON Schema cannot say: ids unique in their list, the
    interior items of all cabinets together (and the note that the list of problems stops),
    text free of control characters, what a login may look like."""
    items = problem["code"] == "too_many_items" and problem["params"]["max"] == MAX_INTERIOR_ITEMS
    beyond = ("duplicate_id", "too_many_problems", "invalid_text", "invalid_login")
    return problem["code"] in beyond or problem["code"] in BEYOND_THE_SCHEMA or items


# Refusals of a schema-valid design a drawing or model cannot be made of: a cabinet that cannot
# be built, a room that cannot be drawn, a wall the room does not have, a template (to fill a
# wall with) the catalog does not have.
# A revision the design does not have, a list cursor this server did not give.
# And a booking the rules refuse: a date range too long or backwards, a number that is not a
# telephone's, a measurement without an address, a time the store does not offer, a key used
# for another request.
BEYOND_THE_SCHEMA = {
    "design_has_errors",
    "unknown_wall",
    "unknown_template",
    "invalid_range",
    "phone_invalid",
    "address_required",
    "idempotency_key_reused",
    "booking_cancelled",
    "unknown_revision",
    "invalid_cursor",
    *(str(code) for code in SalesProblem),
}


@API.hook
def filter_failure(_: Any, failure: Any, case: Any, response: Any) -> bool:
    """Keep every failure but a schema-valid request refused only for what the schema cannot
    say (an ``If-Match`` that names another revision or version is answered 412, DESIGN.md §5)."""
    if not isinstance(failure, RejectedPositiveData):
        return True
    if response.status_code == 412:
        return bool(response.json()["error"]["code"] not in {"stale_revision", "stale_version"})
    if response.status_code != 422:
        return True
    error = response.json()["error"]
    if error["code"] in BEYOND_THE_SCHEMA:
        return False
    found = error["problems"]
    return not found or not all(_beyond_the_schema(p) for p in found)


@pytest.mark.slow
@API.parametrize()
@settings(
    max_examples=30,
    deadline=timedelta(seconds=10),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_schemathesis_finds_nothing(case: Any) -> None:
    case.call_and_validate()


@pytest.mark.slow
@API.parametrize()
@settings(
    max_examples=30,
    deadline=timedelta(seconds=10),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_schemathesis_finds_nothing_signed_in_on_a_design_of_ones_own(case: Any) -> None:
    # the same, as a signed-in consumer (session cookie and CSRF token), the design in the path
    # being one of theirs: bodies, queries and headers meet the real thing, not a 401 or 404
    if "design_id" in (case.path_parameters or {}):
        case.path_parameters["design_id"] = OWN_DESIGN
    case.call_and_validate(headers=SIGNED_IN)
