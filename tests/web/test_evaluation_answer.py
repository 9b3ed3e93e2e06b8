"""The live evaluation's answer is the same bytes whatever the server remembers and however
it encodes: each price line's JSON remembered per line object, and orjson in place of
``json``, change nothing but the time taken."""

from __future__ import annotations

import json
import math
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from starlette.responses import JSONResponse

import web.app
from bench.designs import showroom
from catalog.catalog import Catalog
from catalog.price_list import Method
from configurator.model.errors import InvalidDesign
from services.evaluation import PriceRequest, evaluate_design
from services.memo import EvaluationCache
from tests.fakes import FixedCatalogs, FixedClock
from tests.services.conftest import NOW
from tests.services.test_evaluation_cache import edit_sessions, member_pricing
from web.json_output import FastJSONResponse, dumps
from web.views import evaluation_view


def answer(
    document: dict[str, Any],
    catalogs: FixedCatalogs,
    request: PriceRequest,
    language: str,
    cache: EvaluationCache | None,
) -> bytes | None:
    """The body ``POST /api/v1/evaluate`` answers: with the server's cache and encoder, or
    as first written (no memory, Starlette's ``JSONResponse``); ``None`` if unreadable."""
    try:
        report = evaluate_design(
            document, catalogs=catalogs, clock=FixedClock(NOW), request=request, cache=cache
        )
    except InvalidDesign:
        return None
    if cache is None:
        return bytes(JSONResponse(evaluation_view(report, language)).body)
    return bytes(FastJSONResponse(evaluation_view(report, language, memo=cache.views)).body)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    session=edit_sessions(),
    method=st.sampled_from([None, *Method]),
    language=st.sampled_from(["en", "zh"]),
    size=st.sampled_from([4, 4096]),
)
def test_the_answer_is_the_same_bytes_with_the_cache_and_orjson(
    catalog: Catalog,
    price_list: Any,
    promotions: Any,
    session: list[dict[str, Any]],
    method: Method | None,
    language: str,
    size: int,
) -> None:
    catalogs, request = member_pricing(catalog, price_list, promotions, method)
    cache = EvaluationCache(size)  # small sizes forget while the designs are evaluated
    for edited in session:
        fast = answer(edited, catalogs, request, language, cache)
        assert fast == answer(edited, catalogs, request, language, None)


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats()
    | st.floats(min_value=-1e-3, max_value=1e-3)
    | st.text()
    | st.sampled_from(["中文", "é\u2028\x7f</", "\x00\x1f\t\n", "\ud800"]),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.dictionaries(st.text(max_size=5) | st.integers(0, 9), inner, max_size=4)
    ),
    max_leaves=12,
)


def starlette(value: Any) -> bytes | type[Exception]:
    try:
        return bytes(JSONResponse(value).body)
    except (ValueError, TypeError) as exc:
        return type(exc)


def ours(value: Any) -> bytes | type[Exception]:
    try:
        return dumps(value)
    except (ValueError, TypeError) as exc:
        return type(exc)


@settings(max_examples=500)
@given(value=json_values)
def test_dumps_writes_what_starlette_writes_or_fails_alike(value: Any) -> None:
    assert ours(value) == starlette(value)


@pytest.mark.parametrize(
    "value",
    [1e-05, 5e-07, -1e-4, 1e-4, 0.0, -0.0, 1e16, 1e22, math.inf, math.nan, 2**64, -(2**63) - 1],
)
def test_dumps_writes_floats_and_whole_numbers_as_json_does(value: Any) -> None:
    assert ours({"v": [value]}) == starlette({"v": [value]})
    if isinstance(ours(value), bytes):
        assert json.loads(dumps(value)) == value or math.isnan(value)


def test_live_evaluations_run_one_at_a_time_in_a_process(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Evaluations queue on the event loop, not in threads that share the GIL."""
    running, most = 0, 0
    lock = threading.Lock()
    evaluate = web.app._evaluate

    def counted(*args: Any) -> Any:
        nonlocal running, most
        with lock:
            running += 1
            most = max(most, running)
        time.sleep(0.05)  # long enough for the other requests to arrive
        try:
            return evaluate(*args)
        finally:
            with lock:
                running -= 1

    monkeypatch.setattr(web.app, "_evaluate", counted)
    body = json.dumps(showroom(2)).encode()

    def post(_: int) -> int:
        headers = {"content-type": "application/json"}
        return client.post("/api/v1/evaluate", content=body, headers=headers).status_code

    with ThreadPoolExecutor(4) as pool:
        assert list(pool.map(post, range(4))) == [200] * 4
    assert most == 1
