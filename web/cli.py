"""The ``millwork`` command line: build designs, print cut lists, write models, price and
quote, nest and export for the factory, serve the web app.

Bad input never shows a traceback: it prints one clear error per problem on stderr and exits
with status 1 (2 for a wrong command line).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from catalog.catalog import Catalog
from catalog.errors import InvalidCatalog
from persistence.catalog_files import load_catalog
from production_export.labels import LabelLayout
from web.cli_design import cutlist, elevation, fill, model, plan
from web.cli_factory import export, nest_command
from web.cli_sales import evaluate_command, price_options, quote
from web.cli_support import (
    CliError,
)
from web.messages import LANGUAGES, render_problem

__all__ = ["main"]


def serve(args: argparse.Namespace, catalog: Catalog) -> None:
    import uvicorn

    from web.app import create_app

    uvicorn.run(create_app(catalog=catalog), host=args.host, port=args.port)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="millwork", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    p_cut = commands.add_parser("cutlist", help="print the cut list of a design")
    p_cut.add_argument("design", help="design document (JSON)")
    p_cut.add_argument("--format", choices=("csv", "json"), default="csv")
    p_cut.set_defaults(run=cutlist)
    p_model = commands.add_parser("model", help="write the 3D model of a design as GLB")
    p_model.add_argument("design", help="design document (JSON)")
    p_model.add_argument("--out", required=True, help="GLB file to write")
    p_model.set_defaults(run=model)
    p_check = commands.add_parser(
        "evaluate",
        help="print the design's problems and parts summary as JSON (exit 0 even "
        "when the design has problems)",
    )
    p_check.add_argument("design", help="design document (JSON)")
    p_check.add_argument("--lang", choices=LANGUAGES, default="en")
    price_options(p_check)
    p_check.set_defaults(run=evaluate_command)
    p_quote = commands.add_parser("quote", help="issue a quote: PDF (and HTML), kept as JSON")
    p_quote.add_argument("design", help="design document (JSON)")
    p_quote.add_argument("--out", required=True, help="PDF file to write")
    p_quote.add_argument("--html", help="also write the quote as HTML")
    p_quote.add_argument("--lang", choices=LANGUAGES, default="zh-CN")
    p_quote.add_argument("--store", default="var/quotes", help="folder of issued quotes")
    price_options(p_quote)
    p_quote.set_defaults(run=quote)
    p_plan = commands.add_parser("plan", help="write the plan view as SVG")
    p_plan.add_argument("design", help="design document (JSON)")
    p_plan.add_argument("--out", required=True, help="SVG file to write")
    p_plan.set_defaults(run=plan)
    p_elevation = commands.add_parser("elevation", help="write one wall's elevation as SVG")
    p_elevation.add_argument("design", help="design document (JSON)")
    p_elevation.add_argument("--wall", type=int, required=True, help="wall index")
    p_elevation.add_argument("--out", required=True, help="SVG file to write")
    p_elevation.set_defaults(run=elevation)
    p_fill = commands.add_parser(
        "fill", help="propose cabinets and a filler for a wall's free spans"
    )
    p_fill.add_argument("design", help="design document (JSON)")
    p_fill.add_argument("--wall", type=int, required=True, help="wall index")
    p_fill.add_argument("--template", default="wardrobe_hinged")
    p_fill.set_defaults(run=fill)
    p_export = commands.add_parser(
        "export",
        help="write the production package of one or more designs (nested together per material)",
    )
    p_export.add_argument("designs", nargs="+", help="design documents (JSON)")
    p_export.add_argument("--out", required=True, help="folder to write the package into")
    p_export.add_argument("--kerf", type=float, default=4.0, help="saw kerf, mm")
    p_export.add_argument("--trim", type=float, default=10.0, help="trim on each edge, mm")
    p_export.add_argument(
        "--labels",
        choices=[x.value for x in LabelLayout],
        default="roll",
        help="labels on a 70x40 mm roll or on A4 sheets of 21",
    )
    p_export.set_defaults(run=export)
    p_nesting = commands.add_parser("nest", help="nest cut-list parts onto sheets")
    p_nesting.add_argument("parts", help="CSV with the cut-list columns (DESIGN.md §5)")
    p_nesting.add_argument(
        "--sheet",
        help="LENGTHxWIDTH, grain along LENGTH (default: the "
        "catalog's sheet for catalog materials)",
    )
    p_nesting.add_argument("--kerf", type=float, default=4.0, help="saw kerf, mm")
    p_nesting.add_argument("--trim", type=float, default=10.0, help="trim on each edge, mm")
    p_nesting.add_argument("--json", action="store_true", help="print the layouts as JSON")
    p_nesting.set_defaults(run=nest_command)
    p_serve = commands.add_parser("serve", help="run the web app")
    p_serve.add_argument("--host", default="127.0.0.1")
    p_serve.add_argument("--port", type=int, default=8000)
    p_serve.set_defaults(run=serve)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    try:
        catalog = load_catalog()
        args.run(args, catalog)
    except InvalidCatalog as exc:
        for problem in exc.problems:
            print(f"millwork: catalog: {render_problem(problem)}", file=sys.stderr)
        return 1
    except CliError as exc:
        for line in exc.lines:
            print(f"millwork: error: {line}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
