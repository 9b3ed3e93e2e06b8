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
from configurator.errors import InvalidDesign
from configurator.mesh import render_glb
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
    try:
        Path(args.out).write_bytes(data)
    except OSError as exc:
        raise CliError([f"{args.out}: cannot write ({exc.strerror})"]) from None
    print(f"wrote {args.out}: {len(build.parts)} parts, {len(data)} bytes", file=sys.stderr)


def _evaluate(args: argparse.Namespace, catalog: Catalog) -> None:
    evaluation = evaluate(read_design(args.design), catalog)
    report = {
        "problems": [problem_view(p, args.lang) for p in evaluation.problems],
        "parts_summary": summarize(evaluation.build, catalog).as_dict(),
    }
    sys.stdout.write(json.dumps(report, ensure_ascii=False, indent=2) + "\n")


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
