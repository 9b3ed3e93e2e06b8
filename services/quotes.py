"""Issue a quote: evaluate the design, refuse it if it cannot be made, draw it, then freeze
its price and drawings under the next number and keep it (one step of the ``QuoteStore``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from catalog.catalog import Catalog
from configurator.build.design_build import DesignBuild
from configurator.model.design import WallPlacement
from configurator.views.elevation import render_elevation_svg
from configurator.views.plan import render_plan_svg
from kernel.problems import errors_in
from pricing.quote import Parties, Quote
from pricing.quote import issue_quote as freeze_quote
from services.access import Owned, may_issue_quote, may_read
from services.backend import Backend
from services.designs import read_revision
from services.errors import DesignHasErrors, Forbidden, NotFound
from services.evaluation import PriceRequest, evaluate_design
from services.identity import Actor, Role
from services.ports import CatalogSource, Clock, QuoteSource, QuoteStore

__all__ = ["design_quotes", "issue_design_quote", "issue_quote", "quote_drawings", "read_quote"]


def issue_quote(  # noqa: PLR0913 - keyword-only after the document it quotes
    document: Mapping[str, Any],
    *,
    catalogs: CatalogSource,
    clock: Clock,
    quotes: QuoteStore,
    request: PriceRequest | None = None,
    source: QuoteSource | None = None,
    parties: Parties | None = None,
) -> Quote:
    """A new, numbered, frozen quote of ``document``, made out to ``parties``;
    ``DesignHasErrors`` when something in it cannot be made (no quote for that; each error
    with its checked fixes). ``source``: the saved revision it is of."""
    report = evaluate_design(document, catalogs=catalogs, clock=clock, request=request)
    if errors_in(report.evaluation.problems):
        # refused: evaluate again with the checked fixes, so the customer can mend it in a click
        checked = evaluate_design(
            document, catalogs=catalogs, clock=clock, request=request, fixes=True
        )
        raise DesignHasErrors(errors_in(checked.evaluation.problems))
    issued_at = clock.now()  # a price may be asked as of another day; the quote is issued now
    validity_days = catalogs.price_book().price_list.quote_validity_days
    drawings = quote_drawings(report.evaluation.build, catalogs.catalog())

    def make(number: str) -> Quote:
        return freeze_quote(
            report.design,
            report.price,
            number=number,
            issued_at=issued_at,
            validity_days=validity_days,
            drawings=drawings,
            parties=parties,
        )

    return quotes.issue(issued_at.year, make, source)


def issue_design_quote(
    design_id: str,
    revision: int | None,
    *,
    actor: Actor,
    backend: Backend,
    request: PriceRequest | None = None,
) -> Quote:
    """A quote of a saved design's revision (``None``: the latest), issued by someone who may
    (the owner once signed up, the store's designers and manager)."""
    kept = read_revision(design_id, revision, actor=actor, backend=backend)
    owned = backend.designs.owned(design_id)
    if not may_issue_quote(actor, owned):
        raise Forbidden("issue a quote (sign up first)")
    return issue_quote(
        kept.document,
        catalogs=backend.catalogs,
        clock=backend.clock,
        quotes=backend.quotes,
        request=request,
        source=QuoteSource(design_id, kept.number),
        parties=_parties(owned, actor, backend),
    )


def _parties(owned: Owned, actor: Actor, backend: Backend) -> Parties:
    """The customer (the design's owner), the store looking after the design and who asks,
    by the names they have now: the quote keeps them as they were."""

    def named(account_id: int) -> str:
        account = backend.accounts.get(account_id)
        return account.name or account.login or ""

    store = None
    if owned.store_id is not None:
        found = backend.stores.get(owned.store_id)
        store = f"{found.name}, {found.city}"
    return Parties(
        customer=named(owned.owner_id) or None,
        store=store,
        issued_by=named(actor.account_id) or None,
    )


def read_quote(number: str, *, actor: Actor, backend: Backend) -> Quote:
    """An issued quote, for whoever may read the design it was issued from (sales: every
    quote, also those issued from a file); ``NotFound`` for anyone else."""
    source = backend.quotes.source(number)
    if source is None:
        visible = actor.role is Role.SALES
    else:
        visible = may_read(actor, backend.designs.owned(source.design_id))
    if not visible:
        raise NotFound("quote", number)
    return backend.quotes.get(number)


def design_quotes(
    design_id: str, *, actor: Actor, backend: Backend, after: str | None = None, limit: int = 50
) -> tuple[list[str], str | None]:
    """A page of the numbers of the quotes issued from a design, oldest first, after the
    number ``after``, and the number to ask after for the next page (``None``: no more),
    for whoever may read the design (``NotFound`` for anyone else)."""
    if not may_read(actor, backend.designs.owned(design_id)):
        raise NotFound("design", design_id)
    numbers = backend.quotes.of_design(design_id, after, limit + 1)
    more = len(numbers) > limit
    return numbers[:limit], numbers[limit - 1] if more else None


def quote_drawings(build: DesignBuild, catalog: Catalog) -> dict[str, str]:
    """The plan and the elevation of every wall with a cabinet on it, as SVG."""
    drawings = {"plan": render_plan_svg(build)}
    used = sorted(
        {c.placement.wall for c in build.design.cabinets if isinstance(c.placement, WallPlacement)}
    )
    for wall in used:
        drawings[f"wall {wall}"] = render_elevation_svg(build, catalog, wall=wall)
    return drawings
