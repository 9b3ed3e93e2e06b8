"""In-memory fakes of the services' ports (``services/ports.py``): use cases run against these
in the tests, with no files, database or clock. ``tests/services/test_accounts.py`` and
``test_designs.py`` run the same use cases on these and on the database adapters, so the fakes
are held to what the adapters do."""

from __future__ import annotations

import copy
import dataclasses
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from catalog.catalog import Catalog
from kernel.problems import Problem
from pricing.price import PriceBook
from pricing.quote import Quote, quote_number
from sales.appointments import Appointment
from sales.hours import Interval
from services.access import DesignScope, Owned
from services.backend import Backend
from services.booking_records import (
    AppointmentRecord,
    Calendar,
    Change,
    Decide,
    KeyUse,
    Notification,
    OutboxItem,
    Outcome,
    Replay,
)
from services.design_records import DesignPage, NewRevision, Revision, SavedDesign
from services.errors import AlreadyExists, InvalidInput, NotFound, StaleRevision
from services.identity import Account
from services.ports import CatalogSource, Clock, Credentials, NewAccount, QuoteSource, Store
from services.problems import ServiceProblem
from tests.fake_leads import InMemoryLeads

__all__ = [
    "FixedCatalogs",
    "FixedClock",
    "InMemoryAccounts",
    "InMemoryBookings",
    "InMemoryDesigns",
    "InMemoryOutbox",
    "InMemoryQuotes",
    "InMemorySessions",
    "InMemoryStores",
    "InMemoryTokens",
    "fake_backend",
]


@dataclass(slots=True)
class FixedClock:
    """A clock that says what it is told."""

    moment: datetime

    def now(self) -> datetime:
        return self.moment


@dataclass(frozen=True, slots=True)
class FixedCatalogs:
    """One catalog and one price book, as loaded by the test."""

    catalog_: Catalog
    book: PriceBook

    def catalog(self) -> Catalog:
        return self.catalog_

    def price_book(self) -> PriceBook:
        return self.book


@dataclass(slots=True)
class InMemoryQuotes:
    """Issued quotes in a dict, numbered per year from 1; a failed issue uses no number."""

    kept: dict[str, Quote] = field(default_factory=dict)
    last: dict[int, int] = field(default_factory=dict)  # year -> last sequence issued

    sources: dict[str, QuoteSource | None] = field(default_factory=dict)

    def issue(
        self, year: int, make: Callable[[str], Quote], source: QuoteSource | None = None
    ) -> Quote:
        sequence = self.last.get(year, 0) + 1
        number = quote_number(year, sequence)
        quote = make(number)
        if quote.number != number:
            raise ValueError(f"asked to make quote {number}, got {quote.number}")
        self.kept[number], self.last[year] = quote, sequence
        self.sources[number] = source
        return quote

    def get(self, number: str) -> Quote:
        try:
            return self.kept[number]
        except KeyError:
            raise NotFound("quote", number) from None

    def source(self, number: str) -> QuoteSource | None:
        self.get(number)
        return self.sources[number]

    def of_design(self, design_id: str, after: str | None, limit: int) -> list[str]:
        mine = sorted(
            n for n, s in self.sources.items() if s is not None and s.design_id == design_id
        )
        return [n for n in mine if after is None or n > after][:limit]


@dataclass(slots=True)
class InMemoryAccounts:
    """Accounts by id (numbered from 1), their password hashes, and failed log-ins."""

    accounts: dict[int, Account] = field(default_factory=dict)
    hashes: dict[int, str | None] = field(default_factory=dict)
    failures: list[tuple[str, str, datetime]] = field(default_factory=list)

    def add(self, new: NewAccount) -> Account:
        if new.login is not None and self._by_login(new.login) is not None:
            raise AlreadyExists("login", new.login)
        account = Account(
            id=len(self.accounts) + 1,
            login=new.login,
            role=new.role,
            store_id=new.store_id,
            name=new.name,
            created_at=new.at,
        )
        self.accounts[account.id], self.hashes[account.id] = account, new.password_hash
        return account

    def get(self, account_id: int) -> Account:
        try:
            return self.accounts[account_id]
        except KeyError:
            raise NotFound("account", str(account_id)) from None

    def credentials(self, login: str) -> Credentials:
        account = self._by_login(login)
        if account is None:
            raise NotFound("account", login)
        return Credentials(account, self.hashes[account.id])

    def all(self) -> list[Account]:
        return sorted((a for a in self.accounts.values() if a.login), key=lambda a: a.login or "")

    def set_disabled(self, login: str, disabled: bool) -> Account:
        account = self.credentials(login).account
        self.accounts[account.id] = dataclasses.replace(account, disabled=disabled)
        return self.accounts[account.id]

    def set_password(self, login: str, password_hash: str) -> Account:
        account = self.credentials(login).account
        self.hashes[account.id] = password_hash
        return account

    def promote(self, account_id: int, new: NewAccount) -> Account:
        account = self.accounts.get(account_id)
        if account is None or account.login is not None:
            raise NotFound("anonymous account", str(account_id))
        if new.login is not None and self._by_login(new.login) is not None:
            raise AlreadyExists("login", new.login)
        promoted = dataclasses.replace(account, login=new.login, role=new.role, name=new.name)
        self.accounts[account_id], self.hashes[account_id] = promoted, new.password_hash
        return promoted

    def record_failure(self, login: str, address: str, at: datetime) -> int:
        self.failures.append((login[:64], address[:64], at))
        return len(self.failures)  # ids from 1; a forgotten one leaves a hole

    def forget_failure(self, failure_id: int) -> None:
        self.failures[failure_id - 1] = ("", "", datetime.min.replace(tzinfo=UTC))

    def forget_failures_before(self, before: datetime) -> int:
        old = [i for i, (lg, _, at) in enumerate(self.failures, 1) if lg and at < before]
        for failure_id in old:
            self.forget_failure(failure_id)
        return len(old)

    def failures_since(self, login: str, address: str, since: datetime) -> tuple[int, int]:
        recent = [(lg, ad) for lg, ad, at in self.failures if at >= since and lg]
        return (
            sum(lg == login[:64] for lg, _ in recent),
            sum(ad == address[:64] for _, ad in recent),
        )

    def _by_login(self, login: str) -> Account | None:
        return next((a for a in self.accounts.values() if a.login == login), None)


@dataclass(slots=True)
class InMemorySessions:
    """Sessions by token hash: (account id, CSRF token, until)."""

    accounts: InMemoryAccounts
    live: dict[str, tuple[int, str, datetime]] = field(default_factory=dict)

    def open(
        self, account_id: int, token_hash: str, csrf_token: str, at: datetime, until: datetime
    ) -> None:
        self.live[token_hash] = (account_id, csrf_token, until)

    def find(self, token_hash: str, now: datetime) -> tuple[Account, str] | None:
        found = self.live.get(token_hash)
        if found is None or found[2] <= now:
            return None
        account = self.accounts.get(found[0])
        return None if account.disabled else (account, found[1])

    def close(self, token_hash: str) -> None:
        self.live.pop(token_hash, None)

    def close_all(self, account_id: int) -> int:
        ended = [h for h, (owner, _, _) in self.live.items() if owner == account_id]
        for token_hash in ended:
            del self.live[token_hash]
        return len(ended)

    def forget_expired(self, now: datetime) -> int:
        expired = [h for h, (_, _, until) in self.live.items() if until <= now]
        for token_hash in expired:
            del self.live[token_hash]
        return len(expired)


@dataclass(slots=True)
class InMemoryTokens:
    """API tokens by id (from 1): (token hash, account id, revoked)."""

    accounts: InMemoryAccounts
    kept: dict[int, tuple[str, int, bool]] = field(default_factory=dict)

    def create(self, account_id: int, token_hash: str, at: datetime) -> int:
        token_id = len(self.kept) + 1
        self.kept[token_id] = (token_hash, account_id, False)
        return token_id

    def find(self, token_hash: str) -> Account | None:
        for kept_hash, account_id, revoked in self.kept.values():
            if kept_hash == token_hash and not revoked:
                account = self.accounts.get(account_id)
                return None if account.disabled else account
        return None

    def revoke(self, token_id: int, at: datetime) -> bool:
        found = self.kept.get(token_id)
        if found is None or found[2]:
            return False
        self.kept[token_id] = (found[0], found[1], True)
        return True

    def revoke_all(self, account_id: int, at: datetime) -> int:
        live = [i for i, (_, owner, revoked) in self.kept.items() if owner == account_id]
        live = [i for i in live if not self.kept[i][2]]
        for token_id in live:
            self.revoke(token_id, at)
        return len(live)


@dataclass(slots=True)
class InMemoryDesigns:
    """Designs (their latest revision in ``headers``), every revision, and share links. What
    goes in and comes out is copied, as a database would: a caller's dict is never kept."""

    headers: dict[str, SavedDesign] = field(default_factory=dict)
    kept: dict[str, list[Revision]] = field(default_factory=dict)
    links: dict[str, tuple[str, bool]] = field(default_factory=dict)  # hash -> (id, revoked)

    def create(
        self, design_id: str, owner_id: int, store_id: str | None, first: NewRevision
    ) -> SavedDesign:
        if design_id in self.headers:
            raise AlreadyExists("design", design_id)
        self.kept[design_id] = [_revision(design_id, 1, first)]
        self.headers[design_id] = SavedDesign(
            id=design_id,
            name=first.name,
            owner_id=owner_id,
            store_id=store_id,
            revision=1,
            document={},
            created_at=first.at,
            updated_at=first.at,
        )
        return self.get(design_id)

    def count_owned(self, owner_id: int) -> int:
        return sum(1 for h in self.headers.values() if h.owner_id == owner_id)

    def get(self, design_id: str) -> SavedDesign:
        header = self._header(design_id)
        latest = self.kept[design_id][-1].document
        return dataclasses.replace(header, document=copy.deepcopy(latest))

    def owned(self, design_id: str) -> Owned:
        header = self._header(design_id)
        return Owned(header.owner_id, header.store_id)

    def save(self, design_id: str, expected: int, new: NewRevision) -> SavedDesign:
        header = self._header(design_id)
        if header.revision != expected:
            raise StaleRevision(header.revision)
        self.kept[design_id].append(_revision(design_id, expected + 1, new))
        self.headers[design_id] = dataclasses.replace(
            header, revision=expected + 1, name=new.name, updated_at=new.at
        )
        return self.get(design_id)

    def revision(self, design_id: str, number: int) -> Revision:
        found = [r for r in self.kept.get(design_id, []) if r.number == number]
        if not found:
            raise NotFound("revision", f"{design_id}/{number}")
        return dataclasses.replace(found[0], document=copy.deepcopy(found[0].document))

    def revisions(self, design_id: str) -> list[Revision]:
        return [self.revision(design_id, r.number) for r in self.kept.get(design_id, [])]

    def page(self, scope: DesignScope, cursor: str | None, limit: int) -> DesignPage:
        ordered = sorted(
            (h for h in self.headers.values() if _in_scope(h, scope)),
            key=lambda h: (h.updated_at, h.id),
            reverse=True,
        )
        if cursor is not None:
            after = _position(cursor)
            ordered = [h for h in ordered if (h.updated_at, h.id) < after]
        shown = tuple(self.get(h.id) for h in ordered[:limit])
        more = len(ordered) > limit
        last = shown[-1] if shown else None
        next_cursor = (
            json.dumps([last.updated_at.isoformat(), last.id]).encode().hex()
            if more and last
            else None
        )
        return DesignPage(designs=shown, next_cursor=next_cursor)

    def claim(self, from_owner: int, to_owner: int) -> int:
        mine = [h for h in self.headers.values() if h.owner_id == from_owner]
        for header in mine:
            self.headers[header.id] = dataclasses.replace(header, owner_id=to_owner)
        return len(mine)

    def attach(self, design_id: str, store_id: str) -> None:
        if design_id in self.headers:
            self.headers[design_id] = dataclasses.replace(
                self.headers[design_id], store_id=store_id
            )

    def share(self, design_id: str, token_hash: str, by: int, at: datetime) -> None:
        self.links[token_hash] = (design_id, False)

    def unshare(self, design_id: str, at: datetime) -> int:
        live = [h for h, (d, revoked) in self.links.items() if d == design_id and not revoked]
        for token_hash in live:
            self.links[token_hash] = (design_id, True)
        return len(live)

    def shared(self, token_hash: str) -> str | None:
        design_id, revoked = self.links.get(token_hash, ("", True))
        return None if revoked else design_id

    def _header(self, design_id: str) -> SavedDesign:
        try:
            return self.headers[design_id]
        except KeyError:
            raise NotFound("design", design_id) from None


def _revision(design_id: str, number: int, new: NewRevision) -> Revision:
    return Revision(
        design_id=design_id,
        number=number,
        name=new.name,
        document=copy.deepcopy(new.document),
        author_id=new.author_id,
        note=new.note,
        created_at=new.at,
    )


def _in_scope(design: SavedDesign, scope: DesignScope) -> bool:
    if design.owner_id == scope.owner_id:
        return True
    if scope.every_store:
        return design.store_id is not None
    return scope.store_id is not None and design.store_id == scope.store_id


def _position(cursor: str) -> tuple[datetime, str]:
    """Where a cursor of ``InMemoryDesigns.page`` points (``InvalidInput`` for any other)."""
    try:
        moment, design_id = json.loads(bytes.fromhex(cursor))
        at = datetime.fromisoformat(moment)
        if at.tzinfo is None or not isinstance(design_id, str):
            raise ValueError(cursor)
    except (ValueError, TypeError):
        raise InvalidInput(
            [Problem.of(ServiceProblem.INVALID_CURSOR, "cursor", value=cursor[:40])]
        ) from None
    return at, design_id


@dataclass(slots=True)
class InMemoryStores:
    """Stores by id."""

    kept: dict[str, Store] = field(default_factory=dict)

    def all(self) -> list[Store]:
        return [self.kept[k] for k in sorted(self.kept)]

    def get(self, store_id: str) -> Store:
        try:
            return self.kept[store_id]
        except KeyError:
            raise NotFound("store", store_id) from None

    def put(self, store: Store) -> None:
        self.kept[store.id] = store


@dataclass(slots=True)
class InMemoryThrottle:
    """Counted acts in a list."""

    acts: list[tuple[str, str, datetime]] = field(default_factory=list)

    def count(self, kind: str, key: str, since: datetime) -> int:
        return sum(1 for k, who, at in self.acts if (k, who) == (kind, key) and at >= since)

    def record(self, kind: str, key: str, at: datetime, *, forget_before: datetime) -> None:
        self.acts = [a for a in self.acts if not (a[:2] == (kind, key) and a[2] < forget_before)]
        self.acts.append((kind, key, at))

    def forget_before(self, before: datetime) -> int:
        kept = [a for a in self.acts if a[2] >= before]
        forgotten, self.acts = len(self.acts) - len(kept), kept
        return forgotten


@dataclass(slots=True)
class _Queued:
    item: OutboxItem
    due_at: datetime
    state: str = "pending"
    claimed_until: datetime | None = None


@dataclass(slots=True)
class InMemoryOutbox:
    """Notifications in a list, claimed as the database claims them."""

    queued: list[_Queued] = field(default_factory=list)

    def add(self, appointment_id: str, notifications: tuple[Notification, ...]) -> None:
        for pending in self.queued:
            if pending.item.appointment_id == appointment_id and pending.state == "pending":
                pending.state = "dropped"
        self.add_about(appointment_id, None, notifications)

    def add_about(
        self,
        appointment_id: str | None,
        lead_id: str | None,
        notifications: tuple[Notification, ...],
    ) -> None:
        for n in notifications:
            item = OutboxItem(
                id=len(self.queued) + 1,
                kind=n.kind,
                appointment_id=appointment_id,
                message=n.message,
                attempts=0,
                lead_id=lead_id,
            )
            self.queued.append(_Queued(item, n.due_at))

    def claim(self, now: datetime, lease_until: datetime, limit: int) -> list[OutboxItem]:
        due = [
            q
            for q in self.queued
            if (q.state == "pending" and q.due_at <= now)
            or (q.state == "sending" and q.claimed_until is not None and q.claimed_until < now)
        ]
        due.sort(key=lambda q: (q.due_at, q.item.id))
        for q in due[:limit]:
            q.state, q.claimed_until = "sending", lease_until
            q.item = dataclasses.replace(q.item, attempts=q.item.attempts + 1)
        return [q.item for q in due[:limit]]

    def sent(self, item_id: int, at: datetime) -> None:
        self.queued[item_id - 1].state = "sent"

    def failed(self, item_id: int, error: str, retry_at: datetime) -> None:
        q = self.queued[item_id - 1]
        q.state, q.due_at, q.claimed_until = "pending", retry_at, None

    def states(self) -> list[str]:
        return [q.state for q in self.queued]


@dataclass(slots=True)
class InMemoryBookings:
    """Calendars and appointments in dicts; one thread, so no lock is needed."""

    stores: InMemoryStores
    outbox: InMemoryOutbox
    calendars: dict[str, Calendar] = field(default_factory=dict)
    records: dict[str, tuple[AppointmentRecord, str]] = field(default_factory=dict)
    keys: dict[tuple[str, str], Replay] = field(default_factory=dict)
    key_times: dict[tuple[str, str], datetime] = field(default_factory=dict)
    leads: Any = None  # the fake leads, which a booking's contact goes to

    def put_calendar(self, calendar: Calendar) -> None:
        self.stores.get(calendar.store.id)
        self.calendars[calendar.store.id] = calendar

    def calendar(self, store_id: str) -> Calendar:
        try:
            return self.calendars[store_id]
        except KeyError:
            raise NotFound("store", store_id) from None

    def edit_calendar(self, store_id: str, edit: Callable[[Calendar], Calendar]) -> Calendar:
        edited = edit(self.calendar(store_id))
        theirs = {d.id for s, c in self.calendars.items() if s != store_id for d in c.designers}
        clash = next((d.id for d in edited.designers if d.id in theirs), None)
        if clash is not None:
            raise AlreadyExists("designer", clash)
        self.calendars[store_id] = edited
        return edited

    def booked(self, store_id: str, around: Interval) -> tuple[Appointment, ...]:
        return tuple(
            r.appointment()
            for r, _ in sorted(self.records.values(), key=lambda kept: kept[0].start)
            if r.store_id == store_id
            and r.state == "booked"
            and around.start <= r.start < around.end
        )

    def book(
        self,
        store_id: str,
        around: Interval,
        key: KeyUse | None,
        decide: Decide,
    ) -> Outcome | Replay:
        self.stores.get(store_id)
        if key is not None and (key.caller, key.key) in self.keys:
            return self.keys[key.caller, key.key]
        outcome = decide(self.calendar(store_id), self.booked(store_id, around))
        if outcome.record is not None:
            self.records[outcome.record.id] = (outcome.record, outcome.token_hash)
            self.outbox.add(outcome.record.id, outcome.notifications)
            if outcome.lead is not None and self.leads is not None:
                plan = self.leads.take(*outcome.lead)
                outcome = dataclasses.replace(
                    outcome, answer={**outcome.answer, "lead_id": plan.lead.id}
                )
        if key is not None:
            self.keys[key.caller, key.key] = Replay(
                body_hash=key.body_hash, refused=outcome.refused, answer=outcome.answer
            )
            self.key_times[key.caller, key.key] = key.at
        return outcome

    def forget_keys_before(self, before: datetime) -> int:
        old = [used for used, at in self.key_times.items() if at < before]
        for used in old:
            del self.keys[used], self.key_times[used]
        return len(old)

    def by_token(self, token_hash: str) -> AppointmentRecord:
        for record, kept in self.records.values():
            if kept == token_hash:
                return record
        raise NotFound("booking", "(this link)")

    def change(
        self,
        token_hash: str,
        around: Callable[[AppointmentRecord], Interval],
        decide: Change,
    ) -> AppointmentRecord | None:
        record = self.by_token(token_hash)
        booked = self.booked(record.store_id, around(record))
        decided = decide(record, self.calendar(record.store_id), booked)
        if decided is None:
            return None
        changed, notifications = decided
        if changed != record:
            self.records[record.id] = (changed, token_hash)
            self.outbox.add(record.id, notifications)
        return changed


def fake_backend(clock: Clock, catalogs: CatalogSource) -> Backend:
    """Every port of the use cases, in memory."""
    accounts = InMemoryAccounts()
    stores, outbox = InMemoryStores(), InMemoryOutbox()
    designs = InMemoryDesigns()
    bookings = InMemoryBookings(stores, outbox)
    bookings.leads = InMemoryLeads(bookings, designs)
    return Backend(
        clock=clock,
        catalogs=catalogs,
        accounts=accounts,
        sessions=InMemorySessions(accounts),
        tokens=InMemoryTokens(accounts),
        designs=designs,
        stores=stores,
        quotes=InMemoryQuotes(),
        throttle=InMemoryThrottle(),
        bookings=bookings,
        outbox=outbox,
        leads=bookings.leads,
    )
