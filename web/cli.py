"""The ``millwork`` command line: build designs, print cut lists, write models, serve.

Bad input never shows a traceback: it prints one clear error per problem on stderr and exits
with status 1 (2 for a wrong command line).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from catalog.catalog import Catalog
from catalog.errors import InvalidCatalog
from catalog.price_list import Method
from configurator.bom import summarize
from configurator.build import DesignBuild, build_design
from configurator.design import Design, WallPlacement
from configurator.document import parse_design
from configurator.elevation import render_elevation_svg
from configurator.errors import InvalidDesign
from configurator.fill import free_spans, propose_fill
from configurator.mesh import render_glb
from configurator.plan import render_plan_svg
from configurator.room import check_room
from configurator.validation import evaluate
from kernel.problems import Problem, has_errors
from persistence.catalog_files import load_catalog
from persistence.price_files import QuoteFiles, load_price_list, load_promotions
from pricing.price import PriceBook, price_design
from pricing.promotions import Customer
from pricing.quote import issue_quote, price_to_dict
from production_export.cut_list import render_cut_list_csv, render_cut_list_json
from production_export.nest_input import parse_parts_csv
from production_export.nesting import Stock, nest
from services.production import Saw, build_production_package
from web.messages import LANGUAGES, problem_view, render_problem
from web.quote_docs import render_quote_html, render_quote_pdf

__all__ = ["main"]

CHINA = timezone(timedelta(hours=8), "CST")


class CliError(Exception):
    """Input that cannot be used; the message is shown as it is."""

    def __init__(self, lines: Sequence[str]) -> None:
        super().__init__("\n".join(lines))
        self.lines = list(lines)


def _problems(source: str, problems: Sequence[Problem]) -> CliError:
    return CliError([f"{source}: {render_problem(p)}" for p in problems])


def read_design(path: str) -> Design:
    """Read and parse a design file, or raise ``CliError``."""
    return _parse(path, _document(path))


def _parse(path: str, document: object) -> Design:
    try:
        return parse_design(document)
    except InvalidDesign as exc:
        raise _problems(path, exc.problems) from None


def _document(path: str) -> Any:
    """Read a design file's JSON, or raise ``CliError``."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CliError([f"{path}: no such file"]) from None
    except IsADirectoryError:
        raise CliError([f"{path}: is a directory, not a design file"]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CliError([f"{path}: cannot read ({exc})"]) from None
    try:
        document = json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise CliError(
            [f"{path}: not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"]
        ) from None
    except ValueError as exc:
        raise CliError([f"{path}: {exc}"]) from None
    return document


def _reject_constant(name: str) -> float:
    raise ValueError(f"{name} is not a number a design may contain")


def build_or_fail(path: str, catalog: Catalog) -> DesignBuild:
    """Build the design in ``path``; every blocking problem becomes a ``CliError``."""
    build = build_design(read_design(path), catalog)
    if has_errors(build.problems):
        raise _problems(path, [p for p in build.problems if p.severity == "error"])
    return build


def _cutlist(args: argparse.Namespace, catalog: Catalog) -> None:
    build = build_or_fail(args.design, catalog)
    if args.format == "json":
        sys.stdout.write(render_cut_list_json(build.parts, catalog_version=catalog.version))
    else:
        sys.stdout.write(render_cut_list_csv(build.parts))


def _model(args: argparse.Namespace, catalog: Catalog) -> None:
    build = build_or_fail(args.design, catalog)
    data = render_glb(build, catalog)
    _write(args.out, data)
    print(f"wrote {args.out}: {len(build.parts)} parts, {len(data)} bytes", file=sys.stderr)


def _moment(text: str | None) -> datetime:
    """``--at``: an ISO date or date-time (dates at noon, China time); now by default."""
    if text is None:
        return datetime.now(UTC)
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise CliError([f"--at {text!r} is not an ISO date like 2026-11-24"]) from None
    if len(text) == 10:
        moment = moment.replace(hour=12)
    return moment if moment.tzinfo else moment.replace(tzinfo=CHINA)


def _customer(args: argparse.Namespace) -> Customer:
    return Customer(member=args.member, coupon=args.coupon, region=args.region)


def _priced(args: argparse.Namespace, catalog: Catalog) -> tuple[dict[str, Any], Any]:
    document = _document(args.design)
    evaluation = evaluate(_parse(args.design, document), catalog)
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
        now=_moment(args.at),
        customer=_customer(args),
        method=Method(args.method) if args.method else None,
    )
    return document, (evaluation, price)


def _evaluate(args: argparse.Namespace, catalog: Catalog) -> None:
    _, (evaluation, price) = _priced(args, catalog)
    report = {
        "problems": [problem_view(p, args.lang) for p in (*evaluation.problems, *price.problems)],
        "parts_summary": summarize(evaluation.build, catalog).as_dict(),
        "price": price_to_dict(price),
    }
    sys.stdout.write(json.dumps(report, ensure_ascii=False, indent=2) + "\n")


def _quote(args: argparse.Namespace, catalog: Catalog) -> None:
    document, (evaluation, price) = _priced(args, catalog)
    errors = [p for p in evaluation.problems if p.severity == "error"]
    if errors:
        raise _problems(args.design, errors)  # no quote for what cannot be made
    issued = _moment(args.at)
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
    quote = issue_quote(
        document,
        price,
        number=store.next_number(issued.year),
        issued_at=issued,
        validity_days=load_price_list(catalog).quote_validity_days,
        drawings=drawings,
    )
    saved = store.save(quote)
    _write(args.out, render_quote_pdf(quote, args.lang))
    if args.html:
        _write(args.html, render_quote_html(quote, args.lang))
    print(
        f"issued {quote.number} total {price.total} {price.currency}: wrote {args.out}, "
        f"kept {saved}",
        file=sys.stderr,
    )


def _write(path: str, data: bytes | str) -> None:
    try:
        if isinstance(data, str):
            Path(path).write_text(data, encoding="utf-8")
        else:
            Path(path).write_bytes(data)
    except OSError as exc:
        raise CliError([f"{path}: cannot write ({exc.strerror})"]) from None


def _readable_build(path: str, catalog: Catalog) -> DesignBuild:
    """Build for a drawing: cabinets that cannot be built are left out, as in the 3D view."""
    return build_design(read_design(path), catalog)


def _plan(args: argparse.Namespace, catalog: Catalog) -> None:
    build = _readable_build(args.design, catalog)
    _check_room(args.design, build)
    _write(args.out, render_plan_svg(build))
    print(f"wrote {args.out}", file=sys.stderr)


def _elevation(args: argparse.Namespace, catalog: Catalog) -> None:
    build = _readable_build(args.design, catalog)
    _check_room(args.design, build)
    count = len(build.design.room.outline_mm)
    if not 0 <= args.wall < count:
        raise CliError([f"{args.design}: wall {args.wall} does not exist (walls 0-{count - 1})"])
    _write(args.out, render_elevation_svg(build, catalog, wall=args.wall))
    print(f"wrote {args.out}", file=sys.stderr)


def _check_room(path: str, build: DesignBuild) -> None:
    problems = check_room(build.design.room)
    if problems:
        raise _problems(path, problems)


def _fill(args: argparse.Namespace, catalog: Catalog) -> None:
    build = _readable_build(args.design, catalog)
    _check_room(args.design, build)
    count = len(build.design.room.outline_mm)
    if not 0 <= args.wall < count:
        raise CliError([f"{args.design}: wall {args.wall} does not exist (walls 0-{count - 1})"])
    if args.template not in catalog.templates:
        raise CliError(
            [
                f"unknown template {args.template!r} "
                f"(available: {', '.join(sorted(catalog.templates))})"
            ]
        )
    spans = []
    for start, end in free_spans(build, args.wall):
        proposal = propose_fill(end - start, args.template, catalog)
        spans.append(
            {
                "start_mm": round(start, 1),
                "end_mm": round(end, 1),
                "proposal": None
                if proposal is None
                else {
                    "template": proposal.template,
                    "widths_mm": list(proposal.widths),
                    "filler_mm": proposal.filler_mm,
                    "standard": proposal.standard,
                },
            }
        )
    sys.stdout.write(json.dumps({"wall": args.wall, "spans": spans}, indent=2) + "\n")


def _sheet_size(text: str | None) -> tuple[float, float] | None:
    if text is None:
        return None
    try:
        length, width = (float(v) for v in text.lower().split("x"))
    except ValueError:
        raise CliError([f"--sheet {text!r} is not LENGTHxWIDTH, e.g. 2440x1220"]) from None
    if min(length, width) <= 0:
        raise CliError([f"--sheet {text!r} must be positive"])
    return length, width


def _nest(args: argparse.Namespace, catalog: Catalog) -> None:
    try:
        text = Path(args.parts).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CliError([f"{args.parts}: cannot read ({exc})"]) from None
    groups, problems = parse_parts_csv(text)
    if problems:
        raise _problems(args.parts, problems)
    if args.kerf < 0 or args.trim < 0:
        raise CliError(["--kerf and --trim must not be negative"])
    size = _sheet_size(args.sheet)
    report: list[dict[str, Any]] = []
    for (material, thickness), parts in sorted(groups.items()):
        sheet = size
        if sheet is None and material in catalog.materials:
            m = catalog.material(material)
            sheet = (m.sheet_length_mm, m.sheet_width_mm)
        if sheet is None:
            raise CliError(
                [
                    f"{args.parts}: material {material!r} is not in the catalog: "
                    "give --sheet LENGTHxWIDTH"
                ]
            )
        stock = Stock(length=sheet[0], width=sheet[1], kerf=args.kerf, trim=args.trim)
        try:
            layouts = nest(parts, stock, seed=0)
        except ValueError as exc:
            raise CliError([f"{args.parts}: {material}: {exc}"]) from None
        report += [
            {
                "material": material,
                "thickness_mm": thickness,
                "sheet_length": sheet[0],
                "sheet_width": sheet[1],
                "yield": round(layout.yield_, 4),
                "placements": [
                    {
                        "part_id": p.part_id,
                        "x": p.x,
                        "y": p.y,
                        "length": p.length,
                        "width": p.width,
                        "rotated": p.rotated,
                    }
                    for p in layout.placements
                ],
            }
            for layout in layouts
        ]
    area = sum(s["sheet_length"] * s["sheet_width"] for s in report)
    used = sum(p["length"] * p["width"] for s in report for p in s["placements"])
    summary = {
        "sheets": report,
        "sheet_count": len(report),
        "yield": round(used / area, 4) if area else 0.0,
    }
    if args.json:
        sys.stdout.write(json.dumps(summary, indent=2) + "\n")
        return
    for n, s in enumerate(report, start=1):
        print(
            f"sheet {n}: {s['material']} {s['thickness_mm']:g} mm, "
            f"{s['sheet_length']:g} x {s['sheet_width']:g}, {len(s['placements'])} parts, "
            f"yield {s['yield']:.1%}"
        )
    print(f"{summary['sheet_count']} sheets, yield {summary['yield']:.1%}")


def _export(args: argparse.Namespace, catalog: Catalog) -> None:
    orders: list[tuple[str, DesignBuild]] = []
    for path in args.designs:
        name = re.sub(r"[^A-Za-z0-9_\-]", "_", Path(path).stem)[:24] or "order"
        taken = {n for n, _ in orders}
        unique, k = name, 2
        while unique in taken:
            unique, k = f"{name}_{k}", k + 1
        orders.append((unique, build_or_fail(path, catalog)))
    package = build_production_package(
        orders,
        catalog,
        saw=Saw(kerf=args.kerf, trim=args.trim),
        created=datetime.now(UTC).replace(microsecond=0),
    )
    out = Path(args.out)
    for name, body in package.files.items():
        target = out / name
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise CliError([f"{target.parent}: cannot create ({exc.strerror})"]) from None
        _write(str(target), body)
    print(
        f"wrote {len(package.files)} files to {out}: {package.part_count} parts, "
        f"{package.sheet_count} sheets",
        file=sys.stderr,
    )


def _serve(args: argparse.Namespace, catalog: Catalog) -> None:
    import uvicorn

    from web.app import create_app

    uvicorn.run(create_app(catalog=catalog), host=args.host, port=args.port)


def _price_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--coupon", help="coupon code the customer entered")
    parser.add_argument("--member", action="store_true", help="the customer is a member")
    parser.add_argument("--region", help="installation and delivery region")
    parser.add_argument(
        "--method",
        choices=[m.value for m in Method],
        help="board pricing method (default: the price list's)",
    )
    parser.add_argument("--at", help="price as of this ISO date or date-time (default: now)")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="millwork", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    cut = commands.add_parser("cutlist", help="print the cut list of a design")
    cut.add_argument("design", help="design document (JSON)")
    cut.add_argument("--format", choices=("csv", "json"), default="csv")
    cut.set_defaults(run=_cutlist)
    model = commands.add_parser("model", help="write the 3D model of a design as GLB")
    model.add_argument("design", help="design document (JSON)")
    model.add_argument("--out", required=True, help="GLB file to write")
    model.set_defaults(run=_model)
    check = commands.add_parser(
        "evaluate",
        help="print the design's problems and parts summary as JSON (exit 0 even "
        "when the design has problems)",
    )
    check.add_argument("design", help="design document (JSON)")
    check.add_argument("--lang", choices=LANGUAGES, default="en")
    _price_options(check)
    check.set_defaults(run=_evaluate)
    quote = commands.add_parser("quote", help="issue a quote: PDF (and HTML), kept as JSON")
    quote.add_argument("design", help="design document (JSON)")
    quote.add_argument("--out", required=True, help="PDF file to write")
    quote.add_argument("--html", help="also write the quote as HTML")
    quote.add_argument("--lang", choices=LANGUAGES, default="zh-CN")
    quote.add_argument("--store", default="var/quotes", help="folder of issued quotes")
    _price_options(quote)
    quote.set_defaults(run=_quote)
    plan = commands.add_parser("plan", help="write the plan view as SVG")
    plan.add_argument("design", help="design document (JSON)")
    plan.add_argument("--out", required=True, help="SVG file to write")
    plan.set_defaults(run=_plan)
    elevation = commands.add_parser("elevation", help="write one wall's elevation as SVG")
    elevation.add_argument("design", help="design document (JSON)")
    elevation.add_argument("--wall", type=int, required=True, help="wall index")
    elevation.add_argument("--out", required=True, help="SVG file to write")
    elevation.set_defaults(run=_elevation)
    fill = commands.add_parser("fill", help="propose cabinets and a filler for a wall's free spans")
    fill.add_argument("design", help="design document (JSON)")
    fill.add_argument("--wall", type=int, required=True, help="wall index")
    fill.add_argument("--template", default="wardrobe_hinged")
    fill.set_defaults(run=_fill)
    export = commands.add_parser(
        "export",
        help="write the production package of one or more designs (nested together per material)",
    )
    export.add_argument("designs", nargs="+", help="design documents (JSON)")
    export.add_argument("--out", required=True, help="folder to write the package into")
    export.add_argument("--kerf", type=float, default=4.0, help="saw kerf, mm")
    export.add_argument("--trim", type=float, default=10.0, help="trim on each edge, mm")
    export.set_defaults(run=_export)
    nesting = commands.add_parser("nest", help="nest cut-list parts onto sheets")
    nesting.add_argument("parts", help="CSV with the cut-list columns (DESIGN.md §5)")
    nesting.add_argument(
        "--sheet",
        help="LENGTHxWIDTH, grain along LENGTH (default: the "
        "catalog's sheet for catalog materials)",
    )
    nesting.add_argument("--kerf", type=float, default=4.0, help="saw kerf, mm")
    nesting.add_argument("--trim", type=float, default=10.0, help="trim on each edge, mm")
    nesting.add_argument("--json", action="store_true", help="print the layouts as JSON")
    nesting.set_defaults(run=_nest)
    serve = commands.add_parser("serve", help="run the web app")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.set_defaults(run=_serve)
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
