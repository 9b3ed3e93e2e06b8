"""Evaluate a design: its problems, its price and its parts in figures, in one call for the
CLI, the API and the pages (gather the catalog and the time, compute, return)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime

from catalog.price_list import Method
from configurator.build.bom import BomSummary, summarize
from configurator.model.design import Design
from configurator.model.document import parse_design
from configurator.rules.evaluate import Evaluation, evaluate
from configurator.rules.fixes import offer_fixes
from kernel.memo import no_memo
from kernel.problems import Problem
from pricing.price import Price, price_design
from pricing.problems import PricingProblem
from pricing.promotions import Customer
from services.errors import InvalidInput
from services.memo import EvaluationCache, LruMemo
from services.ports import CatalogSource, Clock

__all__ = ["DesignReport", "PriceRequest", "evaluate_design"]


@dataclass(frozen=True, slots=True, kw_only=True)
class PriceRequest:
    """Who asks for a price, by which method, as of when (``None``: now)."""

    customer: Customer = field(default_factory=Customer)
    method: Method | None = None
    at: datetime | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class DesignReport:
    """A design evaluated: the build with its problems, the price and the parts summary."""

    design: Design
    evaluation: Evaluation
    price: Price
    parts: BomSummary
    priced_at: datetime

    @property
    def problems(self) -> tuple[Problem, ...]:
        """Every problem: the design's, then the price's (an unknown coupon, say)."""
        return (*self.evaluation.problems, *self.price.problems)


def evaluate_design(
    document: object,
    *,
    catalogs: CatalogSource,
    clock: Clock,
    request: PriceRequest | None = None,
    cache: EvaluationCache | None = None,
    fixes: bool = False,
) -> DesignReport:
    """Parse ``document`` (``InvalidDesign`` if it cannot be read), validate and price it
    (``InvalidInput`` for a region the price list does not serve). With a ``cache`` (one per
    process, for live editing), cabinets unchanged since an earlier call are not built,
    checked or priced again; the report is the same either way. With ``fixes``, each problem
    carries the fixes that were checked to remove it (``configurator.rules.fixes``)."""
    asked = request or PriceRequest()
    catalog, book = catalogs.catalog(), catalogs.price_book()
    region = asked.customer.region
    if region and region not in book.price_list.installation:
        known = ", ".join(sorted(book.price_list.installation))
        raise InvalidInput(
            [Problem.of(PricingProblem.UNKNOWN_REGION, "region", value=region, allowed=known)]
        )
    memo = cache.memo_for(catalog, book) if cache is not None else no_memo
    design = parse_design(document)
    evaluation = evaluate(design, catalog, memo=memo)
    if fixes and evaluation.problems:
        # without a process cache, one for this call: each candidate rebuilds only what it changed
        checking = memo if cache is not None else LruMemo(EvaluationCache.DEFAULT_SIZE)
        offered = offer_fixes(design, evaluation, catalog, memo=checking)
        evaluation = replace(evaluation, problems=offered)
    now = asked.at or clock.now()
    price = price_design(
        evaluation.build,
        catalog,
        book,
        now=now,
        customer=asked.customer,
        method=asked.method,
        memo=memo,
    )
    return DesignReport(
        design=design,
        evaluation=evaluation,
        price=price,
        parts=summarize(evaluation.build, catalog),
        priced_at=now,
    )
