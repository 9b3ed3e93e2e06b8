"""The SQLModel tables, and nothing else: rows are turned into domain objects and back in
``persistence/mappers.py``. Portable types only (JSON, ``Numeric`` money, aware UTC times), so
SQLite and PostgreSQL behave the same; every change goes through an Alembic migration
(``persistence/migrations``), and a test fails when the two disagree."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, CheckConstraint, Index, Numeric, UniqueConstraint
from sqlmodel import Field, SQLModel

from persistence.columns import UtcDateTime

__all__ = [
    "AccountRow",
    "ApiTokenRow",
    "AppointmentRow",
    "DesignRow",
    "DesignerRow",
    "IdempotencyRow",
    "LeadDecisionRow",
    "LeadPhoneRow",
    "LeadRow",
    "LoginFailureRow",
    "OutboxRow",
    "QuoteCounterRow",
    "QuoteRow",
    "RevisionRow",
    "SessionRow",
    "ShareLinkRow",
    "StoreRow",
    "ThrottleEventRow",
    "metadata",
]

# secrets (session, API and share tokens) are kept only as the hex SHA-256 of the token
HASH_LENGTH = 64
ROLES = ("anonymous", "consumer", "designer", "store_manager", "sales", "factory", "admin")

metadata = SQLModel.metadata
# constraint names that are the same on every database, so migrations can name them
metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class QuoteCounterRow(SQLModel, table=True):
    """The last sequence number issued in a year; quote numbers are taken from it one by one,
    in the transaction that keeps the quote (``SqlQuoteStore.issue``)."""

    __tablename__ = "quote_counters"
    __table_args__ = (CheckConstraint("last >= 0", name="last_not_negative"),)

    year: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    last: int = 0


class QuoteRow(SQLModel, table=True):
    """An issued quote: its frozen snapshot (``pricing_json.quote_to_json``) and, as columns,
    what lists and searches need. Never updated."""

    __tablename__ = "quotes"
    __table_args__ = (
        UniqueConstraint("year", "sequence"),
        CheckConstraint("sequence > 0", name="sequence_positive"),
    )

    id: int | None = Field(default=None, primary_key=True)
    number: str = Field(max_length=32, unique=True)
    year: int = Field(foreign_key="quote_counters.year")
    sequence: int
    issued_at: datetime = Field(sa_type=UtcDateTime, index=True)
    valid_until: datetime = Field(sa_type=UtcDateTime)
    design_name: str
    catalog_version: str
    price_list_version: str
    currency: str = Field(max_length=3)
    total: Decimal = Field(sa_type=Numeric(12, 2))
    snapshot: dict[str, Any] = Field(sa_type=JSON)
    # the saved design revision it was issued from (none for a quote of a file, from the CLI)
    design_id: str | None = Field(default=None, foreign_key="designs.id", index=True, max_length=32)
    design_revision: int | None = None


class StoreRow(SQLModel, table=True):
    """A store designers and store managers belong to. ``calendar`` holds what booking needs
    (address, location, districts, weekly and special hours, closures, daily caps:
    ``persistence/sales_json.py``); a store without one takes no bookings."""

    __tablename__ = "stores"

    id: str = Field(primary_key=True, max_length=32)
    name: str = Field(max_length=100)
    city: str = Field(max_length=50)
    timezone: str = Field(max_length=64)
    calendar: dict[str, Any] | None = Field(default=None, sa_type=JSON)


class DesignerRow(SQLModel, table=True):
    """A designer of a store: working hours, days off and skills (``sales_json``)."""

    __tablename__ = "designers"

    id: str = Field(primary_key=True, max_length=32)
    store_id: str = Field(foreign_key="stores.id", index=True, max_length=32)
    name: str = Field(default="", max_length=100)
    details: dict[str, Any] = Field(sa_type=JSON)
    active: bool = True
    # the account the designer signs in with (their workspace shows their leads)
    account_id: int | None = Field(default=None, foreign_key="accounts.id", unique=True)


class AppointmentRow(SQLModel, table=True):
    """A booked (or cancelled) appointment. ``blocked_*`` is the designer's time it takes
    with its buffers: two booked ones of one designer never overlap there (PostgreSQL: an
    exclusion constraint; SQLite: triggers; both: the store's lock while booking). The
    manage link's token is kept hashed."""

    __tablename__ = "appointments"
    __table_args__ = (
        CheckConstraint("state IN ('booked', 'cancelled')", name="known_state"),
        CheckConstraint("kind IN ('store_visit', 'measurement')", name="known_kind"),
        CheckConstraint("start_at < end_at", name="starts_before_end"),
        CheckConstraint("blocked_start <= start_at AND end_at <= blocked_end", name="blocks"),
        Index("ix_appointments_designer_blocked", "designer_id", "blocked_start"),
        Index("ix_appointments_store_start", "store_id", "start_at"),
    )

    id: str = Field(primary_key=True, max_length=32)
    store_id: str = Field(foreign_key="stores.id", max_length=32)
    designer_id: str = Field(foreign_key="designers.id", max_length=32)
    kind: str = Field(max_length=16)
    state: str = Field(max_length=16)
    start_at: datetime = Field(sa_type=UtcDateTime)
    end_at: datetime = Field(sa_type=UtcDateTime)
    blocked_start: datetime = Field(sa_type=UtcDateTime)
    blocked_end: datetime = Field(sa_type=UtcDateTime)
    latitude: float
    longitude: float
    customer_name: str = Field(max_length=100)
    customer_phone: str = Field(max_length=20)
    customer_email: str = Field(default="", max_length=254)
    address: str = Field(default="", max_length=300)
    design_id: str | None = Field(default=None, foreign_key="designs.id", max_length=32)
    design_revision: int | None = None
    booked_by: int = Field(foreign_key="accounts.id", index=True)
    token_hash: str = Field(max_length=HASH_LENGTH, unique=True)
    sequence: int = 0  # the invitation's SEQUENCE: one more on every change
    created_at: datetime = Field(sa_type=UtcDateTime)
    updated_at: datetime = Field(sa_type=UtcDateTime)


class IdempotencyRow(SQLModel, table=True):
    """The answer given to a request with an ``Idempotency-Key``: the same key and body
    from the same caller get it again; another body under the key is refused."""

    __tablename__ = "idempotency_keys"

    caller: str = Field(primary_key=True, max_length=32)
    key: str = Field(primary_key=True, max_length=255)
    body_hash: str = Field(max_length=HASH_LENGTH)
    outcome: str = Field(max_length=16)
    answer: dict[str, Any] = Field(sa_type=JSON)
    created_at: datetime = Field(sa_type=UtcDateTime, index=True)


class OutboxRow(SQLModel, table=True):
    """A notification to send, written in the transaction that made it due. A sender claims
    it (``pending`` → ``sending``, with a lease) before sending, so two senders never both
    send it; a failure puts it back as pending, due later."""

    __tablename__ = "outbox"
    __table_args__ = (
        CheckConstraint("state IN ('pending', 'sending', 'sent', 'dropped')", name="known_state"),
        Index("ix_outbox_state_due", "state", "due_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=32)
    # what it is about: an appointment (its customer is told) or a lead (its store manager)
    appointment_id: str | None = Field(
        default=None, foreign_key="appointments.id", index=True, max_length=32
    )
    lead_id: str | None = Field(default=None, foreign_key="leads.id", index=True, max_length=32)
    state: str = Field(default="pending", max_length=16)
    due_at: datetime = Field(sa_type=UtcDateTime)
    message: dict[str, Any] = Field(sa_type=JSON)
    attempts: int = 0
    claimed_until: datetime | None = Field(default=None, sa_type=UtcDateTime)
    sent_at: datetime | None = Field(default=None, sa_type=UtcDateTime)
    last_error: str = Field(default="", max_length=500)


LEAD_STATES = ("pooled", "assigned", "accepted", "won", "lost")
LEAD_SOURCES = ("booking", "quote_request", "phone")


class LeadRow(SQLModel, table=True):
    """A lead: one per person (normalised phone) within the protection period. ``store_id``
    and ``designer_id`` are where routing sent it; an ``assigned`` lead waits for its
    designer to accept it until ``sla_due``, else it is reassigned (``lapsed``: those who
    let it pass). Changes of state are conditional updates (``WHERE state = …``), so of an
    acceptance and a reassignment at the same moment only one happens."""

    __tablename__ = "leads"
    __table_args__ = (
        CheckConstraint(f"state IN {LEAD_STATES!r}", name="known_state"),
        CheckConstraint(f"source IN {LEAD_SOURCES!r}", name="known_source"),
        CheckConstraint("(state = 'assigned') = (sla_due IS NOT NULL)", name="due_iff_assigned"),
        Index("ix_leads_state_due", "state", "sla_due"),
        Index("ix_leads_store_created", "store_id", "created_at"),
    )

    id: str = Field(primary_key=True, max_length=32)
    source: str = Field(max_length=16)
    phone: str = Field(max_length=20, index=True)  # E.164
    name: str = Field(default="", max_length=100)
    state: str = Field(max_length=16)
    store_id: str | None = Field(default=None, foreign_key="stores.id", max_length=32)
    designer_id: str | None = Field(
        default=None, foreign_key="designers.id", index=True, max_length=32
    )
    design_id: str | None = Field(default=None, foreign_key="designs.id", max_length=32)
    appointment_id: str | None = Field(default=None, foreign_key="appointments.id", max_length=32)
    district: str | None = Field(default=None, max_length=12)
    latitude: float | None = None
    longitude: float | None = None
    skill: str | None = Field(default=None, max_length=16)
    lapsed: list[str] = Field(default_factory=list, sa_type=JSON)
    created_at: datetime = Field(sa_type=UtcDateTime)
    assigned_at: datetime | None = Field(default=None, sa_type=UtcDateTime)
    accepted_at: datetime | None = Field(default=None, sa_type=UtcDateTime)
    sla_due: datetime | None = Field(default=None, sa_type=UtcDateTime)


class LeadPhoneRow(SQLModel, table=True):
    """One row per phone number that ever made a lead: the lock that makes two contacts from
    one number at once decide one after the other (the second finds the first's lead)."""

    __tablename__ = "lead_phones"

    phone: str = Field(primary_key=True, max_length=20)


class LeadDecisionRow(SQLModel, table=True):
    """One routing decision and why (append-only): a duplicate joined, the store, the
    designer, a lapse and reassignment, an escalation, an acceptance."""

    __tablename__ = "lead_decisions"
    __table_args__ = (
        Index("ix_lead_decisions_lead", "lead_id", "id"),
        Index("ix_lead_decisions_step_at", "step", "at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    lead_id: str = Field(foreign_key="leads.id", max_length=32)
    at: datetime = Field(sa_type=UtcDateTime)
    step: str = Field(max_length=16)  # duplicate, store, designer, sla, accepted
    code: str = Field(max_length=32)
    params: dict[str, Any] = Field(sa_type=JSON)
    store_id: str | None = Field(default=None, max_length=32)
    designer_id: str | None = Field(default=None, max_length=32)
    actor_id: int | None = Field(default=None, foreign_key="accounts.id")


class AccountRow(SQLModel, table=True):
    """A person, or an anonymous visitor (no login, no password) who saved something."""

    __tablename__ = "accounts"
    __table_args__ = (
        CheckConstraint(f"role IN {ROLES!r}", name="known_role"),
        CheckConstraint("(role = 'anonymous') = (login IS NULL)", name="anonymous_iff_no_login"),
    )

    id: int | None = Field(default=None, primary_key=True)
    login: str | None = Field(default=None, max_length=64, unique=True)
    role: str = Field(max_length=16)
    store_id: str | None = Field(default=None, foreign_key="stores.id", max_length=32)
    name: str = Field(default="", max_length=100)
    password_hash: str | None = Field(default=None, max_length=200)
    disabled: bool = False
    created_at: datetime = Field(sa_type=UtcDateTime)


class SessionRow(SQLModel, table=True):
    """A signed-in browser: the cookie's token (hashed) and the CSRF token it must echo."""

    __tablename__ = "sessions"

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(max_length=HASH_LENGTH, unique=True)
    account_id: int = Field(foreign_key="accounts.id", index=True)
    csrf_token: str = Field(max_length=HASH_LENGTH)
    created_at: datetime = Field(sa_type=UtcDateTime)
    expires_at: datetime = Field(sa_type=UtcDateTime)


class ApiTokenRow(SQLModel, table=True):
    """A machine client's bearer token (hashed; shown once when made)."""

    __tablename__ = "api_tokens"

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(max_length=HASH_LENGTH, unique=True)
    account_id: int = Field(foreign_key="accounts.id", index=True)
    created_at: datetime = Field(sa_type=UtcDateTime)
    revoked_at: datetime | None = Field(default=None, sa_type=UtcDateTime)


class LoginFailureRow(SQLModel, table=True):
    """One failed log-in: counted per login and per address to slow down guessing."""

    __tablename__ = "login_failures"

    id: int | None = Field(default=None, primary_key=True)
    login: str = Field(max_length=64, index=True)
    address: str = Field(max_length=64, index=True)
    at: datetime = Field(sa_type=UtcDateTime, index=True)


class DesignRow(SQLModel, table=True):
    """A saved design: who owns it, which store looks after it, and its latest revision
    (the optimistic-concurrency version: a save moves it from n to n + 1 or fails)."""

    __tablename__ = "designs"
    __table_args__ = (
        CheckConstraint("revision >= 1", name="revision_positive"),
        Index("ix_designs_updated", "updated_at", "id"),
    )

    id: str = Field(primary_key=True, max_length=32)
    name: str = Field(max_length=200)
    owner_id: int = Field(foreign_key="accounts.id", index=True)
    store_id: str | None = Field(default=None, foreign_key="stores.id", index=True, max_length=32)
    revision: int
    created_at: datetime = Field(sa_type=UtcDateTime)
    updated_at: datetime = Field(sa_type=UtcDateTime)


class RevisionRow(SQLModel, table=True):
    """One save of a design, never changed: the document as saved, who saved it and why."""

    __tablename__ = "design_revisions"
    __table_args__ = (CheckConstraint("number >= 1", name="number_positive"),)

    design_id: str = Field(foreign_key="designs.id", primary_key=True, max_length=32)
    number: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    name: str = Field(max_length=200)
    document: dict[str, Any] = Field(sa_type=JSON)
    author_id: int = Field(foreign_key="accounts.id")
    note: str = Field(default="", max_length=500)
    created_at: datetime = Field(sa_type=UtcDateTime)


class ShareLinkRow(SQLModel, table=True):
    """A read-only link to a design (its token hashed); revoked links stay, for the record."""

    __tablename__ = "share_links"

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(max_length=HASH_LENGTH, unique=True)
    design_id: str = Field(foreign_key="designs.id", index=True, max_length=32)
    created_by: int = Field(foreign_key="accounts.id")
    created_at: datetime = Field(sa_type=UtcDateTime)
    revoked_at: datetime | None = Field(default=None, sa_type=UtcDateTime)


class ThrottleEventRow(SQLModel, table=True):
    """One costly act (a new visitor, a sign-up) by an address, counted to cap how often."""

    __tablename__ = "throttle_events"
    __table_args__ = (Index("ix_throttle_events_kind_key_at", "kind", "key", "at"),)

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=32)
    key: str = Field(max_length=64)
    at: datetime = Field(sa_type=UtcDateTime)
