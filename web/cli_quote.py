"""``millwork quote``: issue a numbered, frozen quote and write its PDF (and HTML)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from persistence.price_files import QuoteFiles
from services.quotes import issue_quote
from web.cli_support import catalog_files, price_request, read_document, write_file
from web.quote_docs import render_quote_html, render_quote_pdf
from web.wiring import SystemClock

__all__ = ["quote"]


def quote(args: argparse.Namespace) -> None:
    """Issue a quote, keep it, write its PDF (and HTML)."""
    store = Path(args.store)
    issued = issue_quote(
        read_document(args.design),
        catalogs=catalog_files(),
        clock=SystemClock(),
        quotes=QuoteFiles(store),
        request=price_request(args),
    )
    write_file(args.out, render_quote_pdf(issued, args.lang))
    if args.html:
        write_file(args.html, render_quote_html(issued, args.lang))
    print(
        f"issued {issued.number} total {issued.price.total} {issued.price.currency}: "
        f"wrote {args.out}, "
        f"kept in {store}",
        file=sys.stderr,
    )
