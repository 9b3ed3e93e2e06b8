"""``millwork`` commands that price: evaluate (problems, parts and price) and quote."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from catalog.catalog import Catalog
from catalog.price_list import Method
from configurator.build.bom import summarize
from configurator.model.design import WallPlacement
from configurator.rules.evaluate import evaluate
from configurator.views.elevation import render_elevation_svg
from configurator.views.plan import render_plan_svg
from persistence.price_files import QuoteFiles, load_price_list, load_promotions
from pricing.price import PriceBook, price_design
from pricing.promotions import Customer
from pricing.quote import issue_quote
from web.cli_support import (
    CliError,
    moment,
    parse_document,
    problems_error,
    read_document,
    write_file,
)
from web.messages import problem_view
from web.quote_docs import render_quote_html, render_quote_pdf
from web.views import price_view


def customer(args: argparse.Namespace) -> Customer:
    return Customer(member=args.member, coupon=args.coupon, region=args.region)


def priced(args: argparse.Namespace, catalog: Catalog) -> tuple[dict[str, Any], Any]:
    document = read_document(args.design)
    evaluation = evaluate(parse_document(args.design, document), catalog)
    book = PriceBook(price_list=load_price_list(catalog), promotions=load_promotions())
    if args.region and args.region not in book.price_list.installation:
        raise CliError(
            [
                f"unknown region {args.region!r} (known: "
                f"{', '.join(sorted(book.price_list.installation))})"
            ]
        )
    price = price_design(
        evaluation.build,
        catalog,
        book,
        now=moment(args.at),
        customer=customer(args),
        method=Method(args.method) if args.method else None,
    )
    return document, (evaluation, price)


def evaluate_command(args: argparse.Namespace, catalog: Catalog) -> None:
    _, (evaluation, price) = priced(args, catalog)
    report = {
        "problems": [problem_view(p, args.lang) for p in (*evaluation.problems, *price.problems)],
        "parts_summary": summarize(evaluation.build, catalog).as_dict(),
        "price": price_view(price, args.lang),
    }
    sys.stdout.write(json.dumps(report, ensure_ascii=False, indent=2) + "\n")


def quote(args: argparse.Namespace, catalog: Catalog) -> None:
    _, (evaluation, price) = priced(args, catalog)
    errors = [p for p in evaluation.problems if p.severity == "error"]
    if errors:
        raise problems_error(args.design, errors)  # no quote for what cannot be made
    issued = moment(args.at)
    store = QuoteFiles(Path(args.store))
    drawings = {"plan": render_plan_svg(evaluation.build)}
    walls_used = sorted(
        {
            c.placement.wall
            for c in evaluation.build.design.cabinets
            if isinstance(c.placement, WallPlacement)
        }
    )
    for wall in walls_used:
        drawings[f"wall {wall}"] = render_elevation_svg(evaluation.build, catalog, wall=wall)
    issued_quote = issue_quote(
        evaluation.build.design,
        price,
        number=store.next_number(issued.year),
        issued_at=issued,
        validity_days=load_price_list(catalog).quote_validity_days,
        drawings=drawings,
    )
    saved = store.save(issued_quote)
    write_file(args.out, render_quote_pdf(issued_quote, args.lang))
    if args.html:
        write_file(args.html, render_quote_html(issued_quote, args.lang))
    print(
        f"issued {issued_quote.number} total {price.total} {price.currency}: wrote {args.out}, "
        f"kept {saved}",
        file=sys.stderr,
    )


def price_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--coupon", help="coupon code the customer entered")
    parser.add_argument("--member", action="store_true", help="the customer is a member")
    parser.add_argument("--region", help="installation and delivery region")
    parser.add_argument(
        "--method",
        choices=[m.value for m in Method],
        help="board pricing method (default: the price list's)",
    )
    parser.add_argument("--at", help="price as of this ISO date or date-time (default: now)")
