"""``millwork evaluate``: a design's problems, parts summary and price as JSON (light: no PDF,
DXF or 3D library is loaded)."""

from __future__ import annotations

import argparse
import json
import sys

from services.evaluation import evaluate_design
from web.cli_support import catalog_files, price_request, read_document
from web.messages import problem_view
from web.views import price_view
from web.wiring import SystemClock

__all__ = ["evaluate_command"]


def evaluate_command(args: argparse.Namespace) -> None:
    """Print problems, parts summary and price as JSON."""
    report = evaluate_design(
        read_document(args.design),
        catalogs=catalog_files(),
        clock=SystemClock(),
        request=price_request(args),
        fixes=True,
    )
    out = {
        "problems": [problem_view(p, args.lang) for p in report.problems],
        "parts_summary": report.parts.as_dict(),
        "price": price_view(report.price, args.lang),
    }
    sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
