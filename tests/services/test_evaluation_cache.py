"""The evaluation cache changes nothing but the time taken: a design evaluated with it, after
any other designs and edits, gives exactly the report it gives without it; and an edit of
one cabinet builds, checks and prices that cabinet only."""

from __future__ import annotations

import copy
import threading
from collections.abc import Callable, Hashable
from functools import partial
from typing import Any, TypeVar

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.designs import showroom
from catalog.catalog import Catalog
from catalog.price_list import Method
from configurator.model.document import parse_design
from configurator.model.errors import InvalidDesign
from configurator.rules.evaluate import evaluate
from pricing.price import PriceBook, price_design
from pricing.promotions import Customer
from services.evaluation import DesignReport, PriceRequest, evaluate_design
from services.memo import EvaluationCache, LruMemo
from tests.fakes import FixedCatalogs, FixedClock
from tests.services.conftest import NOW
from tests.strategies import design_documents

T = TypeVar("T")


def outcome(
    document: dict[str, Any],
    catalogs: FixedCatalogs,
    request: PriceRequest,
    cache: EvaluationCache | None,
) -> DesignReport | str:
    """The report, or the problems of a document that cannot be read."""
    try:
        return evaluate_design(
            document, catalogs=catalogs, clock=FixedClock(NOW), request=request, cache=cache
        )
    except InvalidDesign as exc:
        return repr(exc.problems)


def edits(document: dict[str, Any], delta: int, shift: int) -> list[dict[str, Any]]:
    """The document, then with its first cabinet a little wider, then moved, then with its last
    one's interior the default, then with its cabinets in the opposite order (every path changes)
    and then as first given again."""
    wider, moved, plain, reversed_ = (copy.deepcopy(document) for _ in range(4))
    cabinets = wider["cabinets"]
    if cabinets:
        cabinets[0]["width_mm"] += delta
        plain["cabinets"][-1]["interior"] = None
        first = moved["cabinets"][0]
        if "offset_mm" in first:
            first["offset_mm"] += shift
        else:
            first["position"]["x_mm"] += shift
    reversed_["cabinets"].reverse()
    return [document, wider, moved, plain, reversed_, document]


@st.composite
def edit_sessions(draw: st.DrawFn) -> list[dict[str, Any]]:
    """One or two random designs, each followed by its ``edits``: what a live editor sends."""
    documents = draw(st.lists(design_documents(), min_size=1, max_size=2))
    delta, shift = draw(st.integers(-20, 20)), draw(st.integers(0, 200))
    return [edited for document in documents for edited in edits(document, delta, shift)]


def member_pricing(
    catalog: Catalog, price_list: Any, promotions: Any, method: Method | None
) -> tuple[FixedCatalogs, PriceRequest]:
    """The catalogs and a member's request with a coupon, priced by ``method``."""
    catalogs = FixedCatalogs(catalog, PriceBook(price_list=price_list, promotions=promotions))
    customer = Customer(member=True, coupon="WELCOME300")
    return catalogs, PriceRequest(customer=customer, method=method)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    session=edit_sessions(),
    method=st.sampled_from([None, *Method]),
    size=st.sampled_from([8, 4096]),
)
def test_a_cached_evaluation_is_the_uncached_one(
    catalog: Catalog,
    price_list: Any,
    promotions: Any,
    session: list[dict[str, Any]],
    method: Method | None,
    size: int,
) -> None:
    catalogs, request = member_pricing(catalog, price_list, promotions, method)
    cache = EvaluationCache(size)  # small sizes forget while the designs are evaluated
    for edited in session:
        cached = outcome(edited, catalogs, request, cache)
        assert cached == outcome(edited, catalogs, request, None)


class Recording:
    """A memo that says which keys it had to compute."""

    def __init__(self) -> None:
        self.memo = LruMemo(4096)
        self.computed: list[Hashable] = []

    def __call__(self, key: Hashable, compute: Callable[[], T], /) -> T:
        def recorded() -> T:
            self.computed.append(key)
            return compute()

        return self.memo(key, recorded)

    def kinds(self) -> list[str]:
        return sorted(str(k[0]) for k in self.computed if isinstance(k, tuple))


def test_an_edit_of_one_cabinet_works_out_that_cabinet_only(
    catalog: Catalog, price_list: Any, promotions: Any
) -> None:
    book = PriceBook(price_list=price_list, promotions=promotions)
    document = showroom(30)
    memo = Recording()
    for _ in range(2):  # the second time, nothing is worked out again
        design = parse_design(document)
        evaluation = evaluate(design, catalog, memo=memo)
        price_design(evaluation.build, catalog, book, now=NOW, memo=memo)
    # build, cost, plan, front zone, hinged sides, 6 cabinet rules
    assert len(memo.computed) == 30 * 11
    memo.computed.clear()
    document["cabinets"][7]["width_mm"] -= 5
    design = parse_design(document)
    evaluation = evaluate(design, catalog, memo=memo)
    price = price_design(evaluation.build, catalog, book, now=NOW, memo=memo)
    rules = ["_part_sizes", "_shelf_sag", "_doors", "_sliding_doors", "_hanging_space"]
    rules.append("_machining")
    assert memo.kinds() == sorted(["build", "cost", "plan", "front_zone", "hinged_sides", *rules])
    assert evaluation == evaluate(design, catalog)
    assert price == price_design(evaluate(design, catalog).build, catalog, book, now=NOW)


def test_a_moved_cabinet_is_not_built_again(catalog: Catalog) -> None:
    document = showroom(4)
    memo = Recording()
    evaluate(parse_design(document), catalog, memo=memo)
    memo.computed.clear()
    document["cabinets"][1]["offset_mm"] += 100
    design = parse_design(document)
    evaluation = evaluate(design, catalog, memo=memo)
    assert memo.kinds() == ["front_zone", "plan"]  # where it stands, nothing else
    assert evaluation.build.cabinets[1].cabinet.spec is design.cabinets[1]
    assert evaluation == evaluate(design, catalog)


def test_the_cache_starts_anew_for_another_catalog_or_price_book(
    catalog: Catalog, price_list: Any, promotions: Any
) -> None:
    book = PriceBook(price_list=price_list, promotions=promotions)
    cache = EvaluationCache()
    memo = cache.memo_for(catalog, book)
    assert cache.memo_for(catalog, book) is memo
    other = PriceBook(price_list=price_list, promotions=promotions)  # equal, but another one
    assert cache.memo_for(catalog, other) is not memo


def test_the_memo_stays_within_its_size_when_threads_share_it() -> None:
    memo = LruMemo(50)

    def work(offset: int) -> None:
        for i in range(2000):
            key = (offset + i) % 120
            assert memo(key, partial(int, key)) == key

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(memo) == 50
    assert memo.hits + memo.misses == 8000


def test_a_memo_holds_at_least_one_value() -> None:
    with pytest.raises(ValueError, match="at least one"):
        LruMemo(0)
