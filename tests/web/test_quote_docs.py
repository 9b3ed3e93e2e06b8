"""Quote documents word the frozen price from the message catalogue, in either language."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from catalog.catalog import Catalog
from catalog.price_list import PriceList
from configurator.build.design_build import build_design
from configurator.model.document import parse_design
from pricing.price import PriceBook, price_design
from pricing.promotion_kinds import Promotions
from pricing.promotions import Customer
from pricing.quote import Parties, Quote, issue_quote
from web.quote_docs import render_quote_html, render_quote_pdf

BEDROOM = Path(__file__).parents[2] / "examples" / "bedroom.json"
NOW = datetime(2026, 11, 24, 12, tzinfo=UTC)


@pytest.fixture(scope="module")
def quote(catalog: Catalog, price_list: PriceList, promotions: Promotions) -> Quote:
    design = parse_design(json.loads(BEDROOM.read_text()))
    price = price_design(
        build_design(design, catalog),
        catalog,
        PriceBook(price_list=price_list, promotions=promotions),
        now=NOW,
        customer=Customer(member=True, coupon="WELCOME300"),
    )
    return issue_quote(
        design, price, number="Q-2026-000007", issued_at=NOW, validity_days=30, drawings={}
    )


@pytest.mark.parametrize(
    ("language", "wording"),
    [
        pytest.param(
            "en",
            [
                "Master bedroom",
                "Bar handle, 320 mm centres, matt black at ¥29.00",
                "5% off ¥3,772.26",
                "spend ¥1,227.74 more to get ¥300.00 off",
                "spend ¥11,416.35 more to get 4 x Bar handle, 160 mm centres, brushed steel free",
            ],
            id="en",
        ),
        pytest.param(
            "zh-CN",
            [
                "拉手 孔距320mm 哑黑 秒杀价 ¥29.00",
                "¥3,772.26 再减 5%",
                "再买 ¥1,227.74 可减 ¥300.00",
                "再买 ¥11,416.35 可获赠 拉手 孔距160mm 拉丝 x 4",
            ],
            id="zh-CN",
        ),
    ],
)
def test_the_html_words_what_applied_and_why_not(
    quote: Quote, language: str, wording: list[str]
) -> None:
    page = render_quote_html(quote, language)
    assert [w for w in wording if w not in page] == []


def test_the_pdf_is_the_same_bytes_every_time_dated_when_issued(quote: Quote) -> None:
    """Was: reportlab wrote the time of printing and a random file id into every PDF."""
    pdf = render_quote_pdf(quote, "en")
    assert render_quote_pdf(quote, "en") == pdf
    dated = quote.issued_at.astimezone(UTC).strftime("%Y%m%d%H%M%S")
    assert f"/CreationDate (D:{dated}+00'00')".encode() in pdf


def test_the_pdf_says_the_same(quote: Quote) -> None:
    pdf = PdfReader(io.BytesIO(render_quote_pdf(quote, "en")))
    text = "".join(page.extract_text() for page in pdf.pages)
    assert (
        "Flash price: matt black 320 handle: -¥48.00 (Bar handle, 320 mm centres, matt black at"
        in text
    )
    assert "Welcome coupon: spend ¥1,227.74 more to get ¥300.00 off" in text


@pytest.mark.parametrize(
    ("parties", "en", "zh"),
    [
        pytest.param(
            Parties(customer="Li Wei", issued_by="Li Wei"),
            "Customer: Li Wei · Issued by: the customer, online",
            "客户: Li Wei · 经办人: 客户在线自助报价",
            id="the-customer-online",
        ),
        pytest.param(
            Parties(customer="Li Wei", issued_by="Wang Fang"),
            "Customer: Li Wei · Issued by: Wang Fang",
            "客户: Li Wei · 经办人: Wang Fang",
            id="a-designer",
        ),
    ],
)
def test_a_quote_the_customer_issued_names_no_member_of_staff(
    quote: Quote, parties: Parties, en: str, zh: str
) -> None:
    made_out = replace(quote, parties=parties)
    assert en in render_quote_html(made_out, "en") and zh in render_quote_html(made_out, "zh-CN")
    pdf = PdfReader(io.BytesIO(render_quote_pdf(made_out, "en")))
    text = pdf.pages[0].extract_text()
    assert ("Li Wei" in text) and (("online" in text) is ("online" in en))
    assert text.count("Li Wei") == 1
