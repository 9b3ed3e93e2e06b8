"""One customer, one lead: phone numbers normalised however they are typed, and a repeat
contact joining the lead that owns the number."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sales.ids import DesignerId, LeadId, StoreId
from sales.leads import PROTECTION, Lead, LeadSource, LeadState, find_duplicate
from sales.phone import normalise_phone
from sales.reasons import RouteReason

MOBILE = "+8613800138000"


@pytest.mark.parametrize(
    "typed",
    [
        "+86 138-0013-8000",
        "13800138000",
        "138 0013 8000",
        "0086 13800138000",
        "0086-138-0013-8000",
        "86 13800138000",
        "+86 (138) 0013 8000",
        "\uff11\uff13\uff18\uff10\uff10\uff11\uff13\uff18\uff10\uff10\uff10",  # full-width digits
        " 138.0013.8000 ",
    ],
)
def test_every_way_of_writing_a_mobile_number_is_one_number(typed: str) -> None:
    assert normalise_phone(typed) == MOBILE


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("021-62345678", "+862162345678"),
        ("+86 21 6234 5678", "+862162345678"),
        ("0991-2345678", "+869912345678"),  # Urumqi
        ("+49 30 1234567", "+49301234567"),
        ("+1 (212) 555-0100", "+12125550100"),
        ("12800138000", None),  # no mobile starts 12
        ("1380013800", None),  # ten digits
        ("138001380000", None),  # twelve
        ("", None),
        ("+", None),
        ("call me", None),
        ("138-0013-800O", None),  # a letter O
        ("+0 123456789", None),
    ],
)
def test_landlines_foreign_numbers_and_nonsense(typed: str, expected: str | None) -> None:
    assert normalise_phone(typed) == expected


@given(
    st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True),
    st.sampled_from(["", "+86", "0086", "86"]),
    st.sampled_from(["", " ", "-"]),
)
def test_a_mobile_number_with_any_prefix_and_separators_is_itself(
    number: str, prefix: str, separator: str
) -> None:
    typed = prefix + separator + separator.join([number[:3], number[3:7], number[7:]])
    assert normalise_phone(typed) == "+86" + number


@given(st.text(max_size=30))
def test_whatever_is_typed_the_answer_is_e164_or_none(text: str) -> None:
    found = normalise_phone(text)
    assert found is None or (found[0] == "+" and found[1:].isdigit() and 8 < len(found) <= 16)


AT = datetime(2026, 12, 1, 10, tzinfo=UTC)


def lead(id_: str, state: LeadState, days_ago: int, phone: str = MOBILE) -> Lead:
    return Lead(
        id=LeadId(id_),
        source=LeadSource.PHONE,
        phone=phone,
        created_at=AT - timedelta(days=days_ago),
        state=state,
    )


def test_a_repeat_contact_joins_the_earliest_lead_that_owns_the_number() -> None:
    old = replace(
        lead("old", LeadState.ACCEPTED, 100), store=StoreId("s1"), designer=DesignerId("d1")
    )
    found = find_duplicate(MOBILE, AT, [lead("new", LeadState.ASSIGNED, 1), old])
    assert found is not None and found.owner == old  # open, however old
    assert found.reason.code is RouteReason.DUPLICATE
    assert dict(found.reason.params) == {
        "lead": "old",
        "state": "accepted",
        "store": "s1",
        "designer": "d1",
        "days": 100,
    }


def test_a_closed_lead_owns_the_number_only_within_the_protection_period() -> None:
    inside = lead("won", LeadState.WON, PROTECTION.days - 1)
    outside = lead("lost", LeadState.LOST, PROTECTION.days)
    found = find_duplicate(MOBILE, AT, [inside])
    assert found is not None and found.owner == inside
    assert find_duplicate(MOBILE, AT, [outside]) is None
    assert find_duplicate("+8613900139000", AT, [inside]) is None
