"""The ports the use cases need: what they may ask of the world outside the pure core.

Each is a ``Protocol``, so an adapter (files, a database, the system clock) or a test's
in-memory fake (``tests/fakes.py``) fits without inheriting anything.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from catalog.catalog import Catalog
from pricing.price import PriceBook
from pricing.quote import Quote
from sales.appointments import Appointment
from sales.hours import Interval
from sales.routing import Workload
from services.access import DesignScope, Owned
from services.booking_records import (
    AppointmentRecord,
    Calendar,
    Change,
    Decide,
    KeyUse,
    OutboxItem,
    Outcome,
    Replay,
)
from services.design_records import DesignPage, NewRevision, Revision, SavedDesign
from services.identity import Account, Role
from services.lead_records import (
    Contact,
    DecideLead,
    Decision,
    LeadPlan,
    LeadRecord,
    LeadScope,
    LeadTally,
    SlaChange,
)

__all__ = [
    "AccountStore",
    "Bookings",
    "CatalogSource",
    "Clock",
    "Credentials",
    "DesignStore",
    "Leads",
    "Mailer",
    "NewAccount",
    "Outbox",
    "QuoteSource",
    "QuoteStore",
    "SessionStore",
    "Store",
    "StoreDirectory",
    "Throttle",
    "TokenStore",
]


class Clock(Protocol):
    """Tells the time."""

    def now(self) -> datetime:
        """The current moment, timezone-aware."""
        ...


class CatalogSource(Protocol):
    """The checked catalog and what the store sells at: one price list and its promotions."""

    def catalog(self) -> Catalog:
        """The catalog in force."""
        ...

    def price_book(self) -> PriceBook:
        """The price list and promotions in force."""
        ...


class QuoteStore(Protocol):
    """Issued quotes, numbered per year without gaps or duplicates, never changed once kept."""

    def issue(
        self, year: int, make: Callable[[str], Quote], source: QuoteSource | None = None
    ) -> Quote:
        """Number, make and keep a new quote as one step, and return it.

        ``make`` gets the next number of ``year`` (``Q-2026-000042``) and returns the quote
        under that number. Quotes issued at the same moment get consecutive numbers; if
        ``make`` or keeping fails, nothing is kept and the number goes to the next quote.
        Other issues wait while ``make`` runs, so it should only freeze what is computed.
        ``source`` is the saved design revision it was issued from, if any.
        """
        ...

    def source(self, number: str) -> QuoteSource | None:
        """The design revision quote ``number`` was issued from (``None``: from a file;
        ``NotFound`` if there is no such quote)."""
        ...

    def of_design(self, design_id: str, after: str | None, limit: int) -> list[str]:
        """The numbers of the quotes issued from a design, oldest first: at most ``limit``
        of them, those after the number ``after`` if given."""
        ...

    def get(self, number: str) -> Quote:
        """An issued quote exactly as it was issued (``NotFound`` if there is none)."""
        ...


@dataclass(frozen=True, slots=True)
class QuoteSource:
    """The saved design revision a quote was issued from."""

    design_id: str
    revision: int


@dataclass(frozen=True, slots=True, kw_only=True)
class NewAccount:
    """An account to make; ``password_hash`` is already hashed (argon2)."""

    login: str | None
    role: Role
    at: datetime
    store_id: str | None = None
    name: str = ""
    password_hash: str | None = None


@dataclass(frozen=True, slots=True)
class Credentials:
    """An account and its password hash, for checking a log-in."""

    account: Account
    password_hash: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class Store:
    """A store (hours and slots come with store visits)."""

    id: str
    name: str
    city: str
    timezone: str


class AccountStore(Protocol):
    """Accounts, and the failed log-ins counted against guessing."""

    def add(self, new: NewAccount) -> Account:
        """Keep a new account (``AlreadyExists`` if its login is taken)."""
        ...

    def get(self, account_id: int) -> Account:
        """The account (``NotFound`` if none)."""
        ...

    def credentials(self, login: str) -> Credentials:
        """The account of ``login`` with its password hash (``NotFound`` if none)."""
        ...

    def all(self) -> list[Account]:
        """Every account with a login, in login order."""
        ...

    def set_disabled(self, login: str, disabled: bool) -> Account:
        """Disable (or enable) an account; a disabled one's sessions and tokens stop working
        (``NotFound`` if there is no such login)."""
        ...

    def set_password(self, login: str, password_hash: str) -> Account:
        """Replace an account's password hash (``NotFound`` if there is no such login)."""
        ...

    def promote(self, account_id: int, new: NewAccount) -> Account:
        """Turn an anonymous visitor's account into a signed-up one (same id, designs kept);
        ``AlreadyExists`` if the login is taken."""
        ...

    def record_failure(self, login: str, address: str, at: datetime) -> int:
        """Count one failed log-in (or an attempt not yet known to succeed); its id."""
        ...

    def forget_failure(self, failure_id: int) -> None:
        """Stop counting one recorded attempt (it succeeded, or was refused unchecked)."""
        ...

    def failures_since(self, login: str, address: str, since: datetime) -> tuple[int, int]:
        """Failed log-ins since ``since``: for this login, and from this address."""
        ...

    def forget_failures_before(self, before: datetime) -> int:
        """Forget the failed log-ins older than ``before`` (they count no more); how many."""
        ...


class SessionStore(Protocol):
    """Signed-in browsers, by the hash of their cookie's token."""

    def open(
        self, account_id: int, token_hash: str, csrf_token: str, at: datetime, until: datetime
    ) -> None:
        """Keep a new session."""
        ...

    def find(self, token_hash: str, now: datetime) -> tuple[Account, str] | None:
        """The enabled account of a live session and its CSRF token, else ``None``."""
        ...

    def close(self, token_hash: str) -> None:
        """End a session (nothing happens if there is none)."""
        ...

    def close_all(self, account_id: int) -> int:
        """End every session of an account (its password changed); how many."""
        ...

    def forget_expired(self, now: datetime) -> int:
        """Delete the sessions that expired before ``now``; how many."""
        ...


class TokenStore(Protocol):
    """Machine clients' API tokens, by their hash."""

    def create(self, account_id: int, token_hash: str, at: datetime) -> int:
        """Keep a new token; its id."""
        ...

    def find(self, token_hash: str) -> Account | None:
        """The enabled account of a token that is not revoked, else ``None``."""
        ...

    def revoke(self, token_id: int, at: datetime) -> bool:
        """Revoke a token; ``False`` if there is no such live token."""
        ...

    def revoke_all(self, account_id: int, at: datetime) -> int:
        """Revoke every live token of an account (it was disabled); how many."""
        ...


class DesignStore(Protocol):
    """Saved designs and their revisions; a save never overwrites another one."""

    def create(
        self, design_id: str, owner_id: int, store_id: str | None, first: NewRevision
    ) -> SavedDesign:
        """Keep a new design at revision 1."""
        ...

    def get(self, design_id: str) -> SavedDesign:
        """A design at its latest revision (``NotFound`` if none)."""
        ...

    def count_owned(self, owner_id: int) -> int:
        """How many designs an account owns."""
        ...

    def owned(self, design_id: str) -> Owned:
        """Who owns a design and which store looks after it (``NotFound`` if none)."""
        ...

    def save(self, design_id: str, expected: int, new: NewRevision) -> SavedDesign:
        """Add revision ``expected + 1`` if the latest is ``expected`` (else ``StaleRevision``
        with the latest), atomically: of two saves of one revision, one wins."""
        ...

    def revision(self, design_id: str, number: int) -> Revision:
        """One revision (``NotFound`` if none)."""
        ...

    def revisions(self, design_id: str) -> list[Revision]:
        """Every revision, oldest first."""
        ...

    def page(self, scope: DesignScope, cursor: str | None, limit: int) -> DesignPage:
        """Designs in ``scope``, most recently updated first; ``cursor`` from the page before
        (``InvalidInput`` if it is not one)."""
        ...

    def claim(self, from_owner: int, to_owner: int) -> int:
        """Give every design of one owner to another (a visitor signing in); how many."""
        ...

    def attach(self, design_id: str, store_id: str) -> None:
        """Put a design in a store's care."""
        ...

    def share(self, design_id: str, token_hash: str, by: int, at: datetime) -> None:
        """Keep a read-only link's token."""
        ...

    def unshare(self, design_id: str, at: datetime) -> int:
        """Revoke every live link of a design; how many."""
        ...

    def shared(self, token_hash: str) -> str | None:
        """The design a live link points at, else ``None``."""
        ...


class StoreDirectory(Protocol):
    """The stores."""

    def all(self) -> list[Store]:
        """Every store, by id."""
        ...

    def get(self, store_id: str) -> Store:
        """One store (``NotFound`` if none)."""
        ...

    def put(self, store: Store) -> None:
        """Add or update a store."""
        ...


class Throttle(Protocol):
    """Costly acts counted per kind and key (an address), to cap how often they happen."""

    def count(self, kind: str, key: str, since: datetime) -> int:
        """How many acts of ``kind`` by ``key`` since ``since``."""
        ...

    def record(self, kind: str, key: str, at: datetime, *, forget_before: datetime) -> None:
        """Count one act, and forget that key's acts older than ``forget_before``."""
        ...

    def forget_before(self, before: datetime) -> int:
        """Forget every key's acts older than ``before``; how many."""
        ...


class Bookings(Protocol):
    """Stores' calendars and their appointments. Every change runs in one transaction that
    holds the store's lock, so the decision it calls sees every booking made before it and
    none is made while it decides; the database refuses two overlapping bookings of one
    designer even so."""

    def put_calendar(self, calendar: Calendar) -> None:
        """Set a store's hours and designers (the store must exist)."""
        ...

    def calendar(self, store_id: str) -> Calendar:
        """A store's calendar (``NotFound`` if no such store, or it takes no bookings)."""
        ...

    def edit_calendar(self, store_id: str, edit: Callable[[Calendar], Calendar]) -> Calendar:
        """Under the store's lock: ``edit`` the calendar as it is now and keep what it gives.
        A designer it leaves out is no longer the store's (their appointments stay); a new
        designer whose id another store's designer has is ``AlreadyExists``."""
        ...

    def booked(self, store_id: str, around: Interval) -> tuple[Appointment, ...]:
        """The store's booked appointments starting within ``around``."""
        ...

    def book(
        self,
        store_id: str,
        around: Interval,
        key: KeyUse | None,
        decide: Decide,
    ) -> Outcome | Replay:
        """Under the store's lock: the answer kept under ``key`` if there is one, else
        ``decide`` on the calendar and the bookings starting within ``around``, and keep what
        it decided (the appointment, its notifications, the answer under ``key``)."""
        ...

    def by_token(self, token_hash: str) -> AppointmentRecord:
        """The appointment of a manage link (``NotFound`` if none)."""
        ...

    def change(
        self,
        token_hash: str,
        around: Callable[[AppointmentRecord], Interval],
        decide: Change,
    ) -> AppointmentRecord | None:
        """Under the store's lock: ``decide`` on the appointment as it is now, its store's
        calendar and the other bookings within ``around`` of it; keep the changed record
        and its notifications (pending ones of the old version are dropped). ``None`` when
        ``decide`` refused. ``NotFound`` if there is no such link."""
        ...

    def forget_keys_before(self, before: datetime) -> int:
        """Forget the answers kept under ``Idempotency-Key``s used before ``before``; how
        many were forgotten."""
        ...


class Outbox(Protocol):
    """Notifications waiting to be sent."""

    def claim(self, now: datetime, lease_until: datetime, limit: int) -> list[OutboxItem]:
        """Take up to ``limit`` due notifications (pending, or claimed by a sender whose lease
        ran out) for sending until ``lease_until``: no other claim takes them meanwhile."""
        ...

    def sent(self, item_id: int, at: datetime) -> None:
        """Mark a claimed notification sent."""
        ...

    def failed(self, item_id: int, error: str, retry_at: datetime) -> None:
        """Put a claimed notification back, due again at ``retry_at``."""
        ...


class Mailer(Protocol):
    """Delivers a notification (e-mail files, SMTP, SMS)."""

    def deliver(self, item: OutboxItem) -> None:
        """Send ``item``; an exception if it could not be sent. Delivering one item twice
        (a sender that died after sending, before marking it sent) should send it once."""
        ...


class Leads(Protocol):
    """Leads and every routing decision about them. A new contact is decided under the
    phone's lock (and, when routed, every store's), so two contacts from one number at
    once make one lead and a store's daily cap holds; a booking's contact is decided in the
    booking's transaction (``Outcome.lead``). State changes are conditional: of an
    acceptance and a reassignment of one lead, only the first is kept."""

    def take(self, contact: Contact, decide: DecideLead) -> LeadPlan:
        """Under the locks: ``decide`` on the facts, and keep the plan (the lead, its
        decisions, its notifications, the design put in the store's care)."""
        ...

    def get(self, lead_id: str) -> LeadRecord:
        """A lead with its decisions (``NotFound`` if none)."""
        ...

    def page(
        self, scope: LeadScope, cursor: str | None, limit: int
    ) -> tuple[list[LeadRecord], str | None]:
        """Leads in ``scope``, newest first, and the cursor of the next page (``None``: the
        last); ``InvalidInput`` for a cursor that is not one."""
        ...

    def accept(self, lead_id: str, designer_id: str, at: datetime, actor_id: int) -> bool:
        """Mark the lead accepted if it is still assigned to ``designer_id``; ``False`` if
        not (accepted already, reassigned, escalated)."""
        ...

    def hand_over(self, lead_id: str, decision: Decision, sla_due: datetime) -> bool:
        """Give a lead waiting in the pool of ``decision``'s store to its designer (to accept
        by ``sla_due``), keeping ``decision``; ``False`` if it is not waiting there."""
        ...

    def lead_of(self, appointment: AppointmentRecord) -> str | None:
        """The lead ``appointment``'s booking made or joined, if any."""
        ...

    def lapsed(self, now: datetime, limit: int) -> list[LeadRecord]:
        """Assigned leads whose acceptance was due by ``now``, earliest due first."""
        ...

    def apply_sla(self, change: SlaChange) -> bool:
        """Keep ``change`` if the lead is still assigned as it was read; ``False`` if not."""
        ...

    def workload(self, since: datetime) -> dict[str, Workload]:
        """Per designer: open leads now, and leads given to them since ``since``."""
        ...

    def tally(self) -> list[LeadTally]:
        """How many leads per source, store and state."""
        ...

    def designer_of(self, account_id: int) -> str | None:
        """The designer an account signs in as, if any."""
        ...

    def link_designer(self, designer_id: str, account_id: int | None) -> None:
        """Let an account sign in as a designer (``None``: as nobody); ``NotFound`` if no
        such designer."""
        ...

    def agenda(
        self, store_id: str | None, designer_id: str | None, around: Interval
    ) -> list[tuple[AppointmentRecord, str | None]]:
        """Booked appointments starting within ``around`` of one store (every store:
        ``None``), or one designer's, with the lead each made."""
        ...
