"""The ``millwork`` command line: build designs, print cut lists, write models, serve.

Bad input never shows a traceback: it prints one clear error per problem on stderr and exits
with status 1 (2 for a wrong command line).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from catalog.catalog import Catalog
from catalog.errors import InvalidCatalog
from configurator.bom import summarize
from configurator.build import DesignBuild, build_design
from configurator.design import Design
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
from production_export.cut_list import render_cut_list_csv, render_cut_list_json
from web.messages import LANGUAGES, problem_view, render_problem

__all__ = ["main"]


class CliError(Exception):
    """Input that cannot be used; the message is shown as it is."""

    def __init__(self, lines: Sequence[str]) -> None:
        super().__init__("\n".join(lines))
        self.lines = list(lines)


def _problems(source: str, problems: Sequence[Problem]) -> CliError:
    return CliError([f"{source}: {render_problem(p)}" for p in problems])


def read_design(path: str) -> Design:
    """Read and parse a design file, or raise ``CliError``."""
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
    try:
        return parse_design(document)
    except InvalidDesign as exc:
        raise _problems(path, exc.problems) from None


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


def _evaluate(args: argparse.Namespace, catalog: Catalog) -> None:
    evaluation = evaluate(read_design(args.design), catalog)
    report = {
        "problems": [problem_view(p, args.lang) for p in evaluation.problems],
        "parts_summary": summarize(evaluation.build, catalog).as_dict(),
    }
    sys.stdout.write(json.dumps(report, ensure_ascii=False, indent=2) + "\n")


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


def _serve(args: argparse.Namespace, catalog: Catalog) -> None:
    import uvicorn

    from web.app import create_app

    uvicorn.run(create_app(catalog=catalog), host=args.host, port=args.port)


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
    check.set_defaults(run=_evaluate)
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
