"""The demo: stores with their hours and designers, one account per role and a few designs,
so that a newcomer can log in and see something at once (``millwork demo``, which ``make run``
runs first).

Seeding is idempotent: a store, an account or a design (by owner and name) that is there
already is left alone and reported as such, so running it twice adds nothing. Passwords are
generated here, never written in code or data, and returned only for the accounts made now:
they are kept hashed and cannot be shown again (an administrator sets a new one with
``set_password``).
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Final

from configurator.model.document import parse_design
from sales.demo import demo_designers, demo_stores
from services.accounts import add_user
from services.backend import Backend
from services.booking_records import Calendar
from services.design_records import SavedDesign
from services.designs import MAX_PAGE, create_design, list_designs
from services.errors import AlreadyExists, NotFound
from services.identity import Account, Role
from services.leads import link_designer
from services.ports import Store

__all__ = [
    "DEMO_ACCOUNTS",
    "DEMO_CALENDARS",
    "DEMO_DESIGNER_LOGINS",
    "DEMO_DESIGNS",
    "DEMO_STORES",
    "DemoAccount",
    "DemoDesign",
    "DemoReport",
    "SeededAccount",
    "SeededDesign",
    "new_password",
    "seed_demo",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class DemoAccount:
    """An account the demo makes."""

    login: str
    role: Role
    store_id: str | None = None
    name: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class DemoDesign:
    """A design the demo saves: an example file, its owner, and the store that took it on."""

    example: str  # a file name in examples/
    owner: str  # a DEMO_ACCOUNTS login
    store_id: str | None = None


# the sales side's demo stores (two cities, two zones) are the one list of stores
DEMO_CALENDARS: Final = tuple(
    Calendar(store, tuple(d for d in demo_designers() if d.store == store.id))
    for store in demo_stores()
)
DEMO_STORES: Final = tuple(
    Store(id=c.store.id, name=c.store.name, city=c.store.city, timezone=c.store.zone)
    for c in DEMO_CALENDARS
)
DEMO_ACCOUNTS: Final = (
    DemoAccount(login="consumer1", role=Role.CONSUMER, name="Li Wei"),
    DemoAccount(login="designer1", role=Role.DESIGNER, store_id="sh-xuhui", name="Wang Fang"),
    DemoAccount(login="manager1", role=Role.STORE_MANAGER, store_id="sh-xuhui", name="Zhang Min"),
    DemoAccount(login="sales1", role=Role.SALES, name="Chen Jie"),
    DemoAccount(login="factory1", role=Role.FACTORY, name="Liu Yang"),
    DemoAccount(login="admin1", role=Role.ADMIN, name="Zhao Lei"),
)
DEMO_DESIGNER_LOGINS: Final = {"designer1": "d-wang"}  # the account Wang Fang signs in with
DEMO_DESIGNS: Final = (
    DemoDesign(example="bedroom.json", owner="consumer1"),
    # a customer's design that the Xuhui store took on: its designer and manager see it too
    DemoDesign(example="l-shaped-bedroom.json", owner="consumer1", store_id="sh-xuhui"),
)

# no 0/o, 1/l/i: read off a terminal and typed in without doubt
_ALPHABET: Final = "abcdefghjkmnpqrstuvwxyz23456789"


@dataclass(frozen=True, slots=True, kw_only=True)
class SeededAccount:
    """A demo account; ``password`` only if it was made now (else ``None``: it existed)."""

    account: Account
    password: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class SeededDesign:
    """A demo design and whether it was saved now."""

    id: str
    name: str
    owner: str
    store_id: str | None
    added: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class DemoReport:
    """What the demo found and made: stores (with whether added now), accounts, designs."""

    stores: tuple[tuple[Store, bool], ...]
    accounts: tuple[SeededAccount, ...]
    designs: tuple[SeededDesign, ...]


def new_password() -> str:
    """A random password of four groups of four (about 79 bits), easy to read and type.

    >>> password = new_password()
    >>> len(password), password.count("-")
    (19, 3)
    """
    return "-".join("".join(secrets.choice(_ALPHABET) for _ in range(4)) for _ in range(4))


def seed_demo(
    documents: Mapping[str, object],
    *,
    backend: Backend,
    password: Callable[[], str] = new_password,
) -> DemoReport:
    """Add what of the demo is missing: ``documents`` are the example files'
    documents by file name (``DEMO_DESIGNS``' ``example``)."""
    stores = tuple(
        (store, _put_store(store, calendar, backend))
        for store, calendar in zip(DEMO_STORES, DEMO_CALENDARS, strict=True)
    )
    accounts = tuple(_add_account(demo, backend, password) for demo in DEMO_ACCOUNTS)
    by_login = {seeded.account.login: seeded.account for seeded in accounts}
    for login, designer in DEMO_DESIGNER_LOGINS.items():
        if backend.leads.designer_of(by_login[login].id) is None:
            link_designer(designer, login, backend=backend)
    designs = tuple(
        _add_design(demo, documents[demo.example], by_login[demo.owner], backend)
        for demo in DEMO_DESIGNS
    )
    return DemoReport(stores=stores, accounts=accounts, designs=designs)


def _put_store(store: Store, calendar: Calendar, backend: Backend) -> bool:
    """Add the store if missing, and its hours and designers if it has none (a store kept
    before booking came)."""
    try:
        backend.stores.get(store.id)
        added = False
    except NotFound:
        backend.stores.put(store)
        added = True
    try:
        backend.bookings.calendar(store.id)
    except NotFound:
        backend.bookings.put_calendar(calendar)
    return added


def _add_account(demo: DemoAccount, backend: Backend, password: Callable[[], str]) -> SeededAccount:
    try:
        return SeededAccount(
            account=backend.accounts.credentials(demo.login).account, password=None
        )
    except NotFound:
        pass
    secret = password()
    try:
        account = add_user(
            demo.login,
            demo.role,
            secret,
            store_id=demo.store_id,
            name=demo.name,
            backend=backend,
        )
    except AlreadyExists:  # another run made it just now
        return SeededAccount(
            account=backend.accounts.credentials(demo.login).account, password=None
        )
    return SeededAccount(account=account, password=secret)


def _add_design(
    demo: DemoDesign, document: object, owner: Account, backend: Backend
) -> SeededDesign:
    name = parse_design(document).name
    found = next((d for d in _designs_of(owner, backend) if d.name == name), None)
    if found is None:
        found = create_design(document, actor=owner.actor, backend=backend, note="demo")
        if demo.store_id is not None:
            backend.designs.attach(found.id, demo.store_id)
        added = True
    else:
        added = False
    return SeededDesign(
        id=found.id,
        name=found.name,
        owner=owner.login or "",
        store_id=demo.store_id if added else found.store_id,
        added=added,
    )


def _designs_of(owner: Account, backend: Backend) -> Iterator[SavedDesign]:
    """Every design ``owner`` owns, page after page."""
    cursor: str | None = None
    while True:
        page = list_designs(
            actor=owner.actor, backend=backend, mine=True, cursor=cursor, limit=MAX_PAGE
        )
        yield from page.designs
        if page.next_cursor is None:
            return
        cursor = page.next_cursor
