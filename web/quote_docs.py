"""Quote documents: HTML (Jinja2) and PDF (reportlab), in zh-CN (default) and en.

Both read only the frozen quote, so a document printed today and next year say the same.
Chinese text in the PDF uses reportlab's built-in CID font STSong-Light: no font file needed.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC
from decimal import Decimal
from typing import Any
from xml.sax.saxutils import escape as xml_escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from svglib.svglib import svg2rlg

from pricing.promotion_kinds import AppliedDetail
from pricing.quote import Parties, Quote
from web.messages import detail_message, minimum_message, reason_message
from web.templating import render_page

__all__ = ["TEXTS", "render_quote_html", "render_quote_pdf"]

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "quote": "Quote",
        "number": "Number",
        "issued": "Issued",
        "valid": "Valid until",
        "design": "Design",
        "versions": "Catalog / price list",
        "item": "Item",
        "formula": "Calculation",
        "amount": "Amount",
        "discount": "Discount",
        "subtotal": "Subtotal",
        "promotions": "Promotions applied",
        "not_applied": "Not applied",
        "total": "Total (tax included)",
        "vat": "of which VAT",
        "deposit": "Deposit",
        "balance": "Balance",
        "gifts": "Gifts",
        "minimum": "Minimum order",
        "drawings": "Drawings",
        "order": "Order",
        "terms": "Prices include VAT. This quote is valid until the date above; "
        "re-quoting makes a new quote.",
        "cabinet": "Cabinet",
        "customer": "Customer",
        "store": "Store",
        "issued_by": "Issued by",
        "online": "the customer, online",
    },
    "zh-CN": {
        "quote": "报价单",
        "number": "编号",
        "issued": "报价日期",
        "valid": "有效期至",
        "design": "设计方案",
        "versions": "产品目录 / 价目表",
        "item": "项目",
        "formula": "计算方式",
        "amount": "金额",
        "discount": "优惠",
        "subtotal": "小计",
        "promotions": "已享优惠",
        "not_applied": "未享优惠",
        "total": "合计（含税）",
        "vat": "其中增值税",
        "deposit": "定金",
        "balance": "尾款",
        "gifts": "赠品",
        "minimum": "最低订单金额",
        "drawings": "图纸",
        "order": "整单",
        "terms": "价格含增值税。本报价单在有效期内有效；重新报价将生成新的报价单。",
        "cabinet": "柜体",
        "customer": "客户",
        "store": "门店",
        "issued_by": "经办人",
        "online": "客户在线自助报价",
    },
}

# Glyphs STSong-Light lacks, and what the PDF prints instead (Paragraph markup).
_PDF_GLYPHS = {
    "m²": "m<super>2</super>",
    "²": "<super>2</super>",
    "Ø": "Φ",
    "·": "-",
    "✓": "√",
    "🎁": "",
}


def _pdf(text: str) -> str:
    """Escape ``text`` for a reportlab Paragraph and swap glyphs the CJK font lacks."""
    out = xml_escape(text)
    for glyph, instead in _PDF_GLYPHS.items():
        out = out.replace(glyph, instead)
    return out


def _money(value: Decimal) -> str:
    return f"¥{value:,.2f}"


def _view(quote: Quote, language: str) -> dict[str, Any]:
    price = quote.price
    zh = language == "zh-CN"
    groups: dict[str, list[dict[str, str]]] = {}
    for x in price.lines:
        discount = price.line_discounts.get(x.key, Decimal(0))
        groups.setdefault(x.cabinet or "", []).append(
            {
                "label": x.description_zh if zh else x.description,
                "formula": x.formula,
                "amount_text": _money(x.amount),
                "discount_text": _money(discount) if discount else "",
            }
        )
    return {
        "t": TEXTS[language],
        "lang": language,
        "quote": replace(quote, parties=_shown_parties(quote.parties, TEXTS[language])),
        "groups": groups,
        "applied": [
            {
                "label": a.name_zh if zh else a.name,
                "amount_text": _money(a.discount),
                "how": detail_message(a.detail, a.params, language),
            }
            for a in price.applied
        ],
        "not_applied": [
            {
                "label": n.name_zh if zh else n.name,
                "why": reason_message(n.reason, n.params, language),
            }
            for n in price.not_applied
        ],
        "gifts": [  # the applied gift promotions: their params name the item
            detail_message(a.detail, a.params, language)
            for a in price.applied
            if a.detail is AppliedDetail.GIFT
        ],
        "minimum": ""
        if price.minimum is None
        else minimum_message(price.minimum.detail, price.minimum.params, language),
        "totals": [
            ("subtotal", _money(price.subtotal)),
            ("discount", _money(price.discount)),
            ("total", _money(price.total)),
        ],
        "vat": _money(price.tax_included),
        "deposit": _money(price.deposit),
        "balance": _money(price.balance),
    }


def _shown_parties(parties: Parties, t: dict[str, str]) -> Parties:
    """The parties as the document names them: a quote the customer issued on the site was
    issued online, by no member of staff, so it says so instead of the customer's name twice."""
    return replace(parties, issued_by=t["online"]) if parties.issued_online else parties


def render_quote_html(quote: Quote, language: str = "zh-CN") -> str:
    """The quote as a standalone HTML page (drawings inline)."""
    return render_page("quote.html", **_view(quote, language))


def _para(text: str, style: ParagraphStyle, *, bold: bool = False) -> Paragraph:
    """A Paragraph of plain ``text`` (escaped; glyphs the CJK font lacks swapped)."""
    markup = _pdf(text)
    return Paragraph(f"<b>{markup}</b>" if bold else markup, style)


def render_quote_pdf(quote: Quote, language: str = "zh-CN") -> bytes:
    """The quote as an A4 PDF: header, drawings, lines per cabinet, promotions, totals."""
    v = _view(quote, language)
    t = v["t"]
    style = ParagraphStyle("body", fontName=FONT, fontSize=8.5, leading=11)
    small = ParagraphStyle(
        "small", parent=style, fontSize=7.5, leading=9.5, textColor=colors.HexColor("#444444")
    )
    title = ParagraphStyle("title", parent=style, fontSize=18, leading=22)
    head = ParagraphStyle("head", parent=style, fontSize=11, leading=14, spaceBefore=6)
    story: list[Any] = [
        _para(f"{t['quote']} {quote.number}", title),
        _meta(quote, t, style),
        Spacer(1, 4 * mm),
    ]
    story += _lines(v, style, small)
    story += _promotions(v, head, style)
    story += [Spacer(1, 3 * mm), _totals(v, style), Spacer(1, 3 * mm), _para(t["terms"], small)]
    for name, svg in quote.drawings.items():
        story += [
            NextPageTemplate("landscape"),
            PageBreak(),
            _para(f"{t['drawings']} - {name}", head),
            _drawing(svg),
        ]
    out = io.BytesIO()
    # invariant: no time of printing and no random id in the file, so the same quote always
    # gives the same bytes; the file's date is the quote's
    doc = BaseDocTemplate(
        out,
        pagesize=A4,
        title=f"{t['quote']} {quote.number}",
        author="Millwork",
        invariant=True,
    )
    dated = _dated(quote)
    margin = 14 * mm
    doc.addPageTemplates(
        [
            PageTemplate(
                "portrait",
                [Frame(margin, margin, A4[0] - 2 * margin, A4[1] - 2 * margin)],
                pagesize=A4,
                onPage=dated,
            ),
            PageTemplate(
                "landscape",
                [Frame(margin, margin, A4[1] - 2 * margin, A4[0] - 2 * margin)],
                pagesize=landscape(A4),
                onPage=dated,
            ),
        ]
    )
    doc.build(story)
    return out.getvalue()


def _dated(quote: Quote) -> Callable[[Any, Any], None]:
    """A page callback that dates the PDF (its creation and modification dates) when the
    quote was issued."""
    moment = quote.issued_at.astimezone(UTC).strftime("D:%Y%m%d%H%M%S+00'00'")

    def stamp(canvas: Any, _: Any) -> None:
        canvas.setDateFormatter(lambda *_: moment)

    return stamp


def _meta(quote: Quote, t: dict[str, str], style: ParagraphStyle) -> Table:
    price = quote.price
    rows = [
        [t["number"], quote.number, t["issued"], quote.issued_at.strftime("%Y-%m-%d %H:%M")],
        [t["design"], quote.design_name, t["valid"], quote.valid_until.strftime("%Y-%m-%d")],
        [t["versions"], f"{price.catalog_version} / {price.price_list_version}", "", ""],
    ]
    rows += _party_rows(quote, t)
    table = Table(
        [[_para(str(c), style) for c in r] for r in rows],
        colWidths=[28 * mm, 62 * mm, 28 * mm, 62 * mm],
    )
    table.setStyle(
        TableStyle(
            [
                ("TEXTCOLOR", (0, 0), (0, -1), colors.grey),
                ("TEXTCOLOR", (2, 0), (2, -1), colors.grey),
            ]
        )
    )
    return table


def _party_rows(quote: Quote, t: dict[str, str]) -> list[list[str]]:
    """Rows naming the customer, the store and who issued the quote, two to a row; none for
    a quote that names nobody (issued from a design file)."""
    parties = _shown_parties(quote.parties, t)
    named = [
        (t[key], value)
        for key, value in (
            ("customer", parties.customer),
            ("store", parties.store),
            ("issued_by", parties.issued_by),
        )
        if value
    ]
    rows = []
    for i in range(0, len(named), 2):
        pair = named[i : i + 2]
        cells = [cell for label_value in pair for cell in label_value]
        rows.append(cells + [""] * (4 - len(cells)))
    return rows


def _lines(v: dict[str, Any], style: ParagraphStyle, small: ParagraphStyle) -> list[Any]:
    t = v["t"]
    rows: list[list[Any]] = [
        [_para(t[k], style) for k in ("item", "formula", "discount", "amount")]
    ]
    spans = []
    for cabinet, lines in v["groups"].items():
        spans.append(len(rows))
        label = f"{t['cabinet']} {cabinet}" if cabinet else t["order"]
        rows.append([_para(label, style, bold=True), "", "", ""])
        rows += [
            [
                _para(x["label"], style),
                _para(x["formula"], small),
                _para(x["discount_text"], style),
                _para(x["amount_text"], style),
            ]
            for x in lines
        ]
    table = Table(rows, colWidths=[72 * mm, 62 * mm, 22 * mm, 26 * mm], repeatRows=1)
    commands: list[Any] = [
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.black),
        ("ALIGN", (2, 0), (-1, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    commands += [("BACKGROUND", (0, r), (-1, r), colors.HexColor("#f1ede6")) for r in spans]
    commands += [("SPAN", (0, r), (-1, r)) for r in spans]
    table.setStyle(TableStyle(commands))
    return [table]


def _promotions(v: dict[str, Any], head: ParagraphStyle, style: ParagraphStyle) -> list[Any]:
    t = v["t"]
    out: list[Any] = []
    if v["applied"]:
        out.append(_para(t["promotions"], head))
        out += [
            _para(f"√ {a['label']}: -{a['amount_text']} ({a['how']})", style) for a in v["applied"]
        ]
    if v["not_applied"]:
        out.append(_para(t["not_applied"], head))
        out += [_para(f"- {n['label']}: {n['why']}", style) for n in v["not_applied"]]
    if v["gifts"]:
        out.append(_para(t["gifts"], head))
        out += [_para(f"🎁 {g}", style) for g in v["gifts"]]
    if v["minimum"]:
        out += [_para(t["minimum"], head), _para(v["minimum"], style)]
    return out


def _totals(v: dict[str, Any], style: ParagraphStyle) -> KeepTogether:
    t = v["t"]
    rows = [[_para(t[k], style), _para(text, style)] for k, text in v["totals"]]
    rows += [
        [_para(t["vat"], style), _para(v["vat"], style)],
        [_para(t["deposit"], style), _para(v["deposit"], style)],
        [_para(t["balance"], style), _para(v["balance"], style)],
    ]
    table = Table(rows, colWidths=[40 * mm, 36 * mm], hAlign="RIGHT")
    table.setStyle(
        TableStyle(
            [
                ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                ("LINEABOVE", (0, 2), (-1, 2), 0.8, colors.black),
                ("FONTSIZE", (0, 2), (-1, 2), 11),
            ]
        )
    )
    return KeepTogether(table)


def _drawing(svg: str) -> Any:
    drawing = svg2rlg(io.BytesIO(svg.encode("utf-8")))
    if drawing is None:
        return _para("(drawing could not be rendered)", ParagraphStyle("x", fontName=FONT))
    _cjk(drawing)
    scale = min((265 * mm) / drawing.width, (165 * mm) / drawing.height)
    drawing.width, drawing.height = drawing.width * scale, drawing.height * scale
    drawing.scale(scale, scale)
    return drawing


def _cjk(node: Any) -> None:
    """Give every string in a converted drawing the CJK font, so Chinese labels render."""
    if hasattr(node, "fontName"):
        node.fontName = FONT
    for child in getattr(node, "contents", []):
        _cjk(child)
