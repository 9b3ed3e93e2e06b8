"""Rows to frozen domain objects and back: the one place that knows both shapes."""

from __future__ import annotations

from persistence.pricing_json import quote_from_json, quote_to_json
from persistence.tables import AccountRow, DesignRow, QuoteRow, RevisionRow
from pricing.quote import Quote
from services.design_records import NewRevision, Revision, SavedDesign
from services.identity import Account, Role

__all__ = [
    "account_of",
    "design_of",
    "quote_of",
    "quote_row",
    "revision_of",
    "revision_row",
]


def quote_row(quote: Quote, *, year: int, sequence: int) -> QuoteRow:
    """The row that keeps ``quote``: its whole snapshot, and the columns lists search on."""
    return QuoteRow(
        number=quote.number,
        year=year,
        sequence=sequence,
        issued_at=quote.issued_at,
        valid_until=quote.valid_until,
        design_name=quote.design_name,
        catalog_version=quote.price.catalog_version,
        price_list_version=quote.price.price_list_version,
        currency=quote.price.currency.value,
        total=quote.price.total,
        snapshot=quote_to_json(quote),
    )


def quote_of(row: QuoteRow) -> Quote:
    """The quote exactly as it was issued, read from its snapshot (the columns are copies)."""
    return quote_from_json(row.snapshot)


def account_of(row: AccountRow) -> Account:
    """The account of a row (its password hash stays behind)."""
    assert row.id is not None, "a kept account has an id"
    return Account(
        id=row.id,
        login=row.login,
        role=Role(row.role),
        store_id=row.store_id,
        name=row.name,
        disabled=row.disabled,
        created_at=row.created_at,
    )


def design_of(row: DesignRow, latest: RevisionRow) -> SavedDesign:
    """A design at its latest revision."""
    return SavedDesign(
        id=row.id,
        name=row.name,
        owner_id=row.owner_id,
        store_id=row.store_id,
        revision=row.revision,
        document=latest.document,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def revision_of(row: RevisionRow) -> Revision:
    """One kept revision."""
    return Revision(
        design_id=row.design_id,
        number=row.number,
        name=row.name,
        document=row.document,
        author_id=row.author_id,
        note=row.note,
        created_at=row.created_at,
    )


def revision_row(design_id: str, number: int, new: NewRevision) -> RevisionRow:
    """The row that keeps revision ``number`` of a design."""
    return RevisionRow(
        design_id=design_id,
        number=number,
        name=new.name,
        document=dict(new.document),
        author_id=new.author_id,
        note=new.note,
        created_at=new.at,
    )
