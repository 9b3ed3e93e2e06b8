"""``millwork quote``: issue a numbered, frozen quote, keep it in the database and write its
PDF (and HTML)."""

from __future__ import annotations

import argparse
import sys

from persistence.db import shown
from persistence.quote_store import SqlQuoteStore
from services.quotes import issue_quote
from web.cli_errors import CliError
from web.cli_support import catalog_files, price_request, read_document, write_file
from web.database import configured_database, open_database
from web.quote_docs import render_quote_html, render_quote_pdf
from web.wiring import SystemClock

__all__ = ["quote"]


def quote(args: argparse.Namespace) -> None:
    """Issue a quote, keep it, write its PDF (and HTML)."""
    document = read_document(args.design)
    url = configured_database()
    engine = open_database(url)
    try:
        issued = issue_quote(
            document,
            catalogs=catalog_files(),
            clock=SystemClock(),
            quotes=SqlQuoteStore(engine),
            request=price_request(args),
        )
    finally:
        engine.dispose()
    try:
        write_file(args.out, render_quote_pdf(issued, args.lang))
        if args.html:
            write_file(args.html, render_quote_html(issued, args.lang))
    except CliError as exc:  # the quote stands: say which, so nobody issues it again
        kept = f"quote {issued.number} was issued and kept in {shown(url)}"
        raise CliError([*exc.lines, kept]) from None
    print(
        f"issued {issued.number} total {issued.price.total} {issued.price.currency}: "
        f"wrote {args.out}, kept in {shown(url)}",
        file=sys.stderr,
    )
