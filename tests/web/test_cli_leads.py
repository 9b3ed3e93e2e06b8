"""``millwork leads sla`` and ``millwork leads link`` as a store's operator runs them: the
demo's designer signs in as Wang Fang; a lead whose time ran out is reassigned once, and the
store manager's notice is an ``.eml`` file after ``millwork notify``."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import UTC, datetime
from email import message_from_bytes
from email.policy import default
from pathlib import Path

import pytest

from catalog.catalog import Catalog
from catalog.price_list import PriceList
from pricing.price import PriceBook
from pricing.promotion_kinds import Promotions
from sales.leads import LeadSource
from services.identity import Role
from services.lead_records import Contact
from services.leads import leave_number
from services.ports import NewAccount
from tests.fakes import FixedCatalogs, FixedClock
from tests.persistence.databases import migrated
from web.cli import main
from web.wiring import database_backend

Run = Callable[..., tuple[int, str, str]]
LONG_AGO = datetime(2026, 11, 25, 4, tzinfo=UTC)  # a Wednesday noon in Shanghai, long past


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Run:
    def run(*argv: str) -> tuple[int, str, str]:
        monkeypatch.setattr("sys.stdin", io.StringIO(""))
        code = main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err

    return run


def test_a_lapsed_lead_is_reassigned_once_and_the_manager_told(
    run: Run,
    database_url: str,
    tmp_path: Path,
    catalog: Catalog,
    price_list: PriceList,
    promotions: Promotions,
) -> None:
    assert run("demo")[0] == 0
    assert run("leads", "link", "d-nobody", "designer1") == (
        1,
        "",
        "millwork: error: no designer 'd-nobody'\n",
    )
    assert run("leads", "link", "d-li", "designer1")[1] == "designer1 signs in as designer d-li\n"
    assert run("leads", "link", "d-wang", "designer1")[0] == 0
    catalogs = FixedCatalogs(catalog, PriceBook(price_list=price_list, promotions=promotions))
    with migrated(database_url) as engine:
        backend = database_backend(engine, catalogs, FixedClock(LONG_AGO))
        assert backend.leads.designer_of(backend.accounts.credentials("designer1").account.id) == (
            "d-wang"
        )
        visitor = backend.accounts.add(
            NewAccount(login=None, role=Role.ANONYMOUS, at=LONG_AGO)
        ).actor
        contact = Contact(
            source=LeadSource.PHONE, phone="+8613800138000", at=LONG_AGO, chosen_store="sh-xuhui"
        )
        lead = leave_number(contact, actor=visitor, backend=backend, address="t").lead
    assert run("leads", "sla") == (
        0,
        "reassigned 1, sent to the store manager 0, left 0 (accepted or changed meanwhile)\n",
        "",
    )
    assert run("leads", "sla")[1].startswith("reassigned 0, sent to the store manager 0")
    outbox = tmp_path / "outbox"
    assert run("notify", "--outbox", str(outbox))[0] == 0
    mails = [message_from_bytes(p.read_bytes(), policy=default) for p in outbox.iterdir()]
    assert [m["X-Millwork-Kind"] for m in mails] == ["lead_lapsed"]
    assert lead.id in mails[0]["Subject"] and "浦东" not in mails[0]["Subject"]
