"""``millwork`` commands on one design: cut list, 3D model, plan, elevation, fill a wall."""

from __future__ import annotations

import argparse
import json
import sys

from catalog.catalog import Catalog
from configurator.build.design_build import DesignBuild
from configurator.room.fill import free_spans, propose_fill
from configurator.views.elevation import render_elevation_svg
from configurator.views.mesh import render_glb
from configurator.views.plan import render_plan_svg
from production_export.cut_list import render_cut_list_csv, render_cut_list_json
from web.cli_support import (
    CliError,
    build_for_drawing,
    build_or_fail,
    check_drawable,
    write_file,
)


def cutlist(args: argparse.Namespace, catalog: Catalog) -> None:
    build = build_or_fail(args.design, catalog)
    if args.format == "json":
        sys.stdout.write(render_cut_list_json(build.parts, catalog_version=catalog.version))
    else:
        sys.stdout.write(render_cut_list_csv(build.parts))


def model(args: argparse.Namespace, catalog: Catalog) -> None:
    build = build_or_fail(args.design, catalog)
    data = render_glb(build, catalog)
    write_file(args.out, data)
    print(f"wrote {args.out}: {len(build.parts)} parts, {len(data)} bytes", file=sys.stderr)


def plan(args: argparse.Namespace, catalog: Catalog) -> None:
    build = build_for_drawing(args.design, catalog)
    check_drawable(args.design, build)
    write_file(args.out, render_plan_svg(build))
    print(f"wrote {args.out}", file=sys.stderr)


def _on_wall(path: str, catalog: Catalog, wall: int) -> DesignBuild:
    """The design in ``path``, built, with a usable room that has wall ``wall``."""
    build = build_for_drawing(path, catalog)
    check_drawable(path, build)
    count = len(build.design.room.outline_mm)
    if not 0 <= wall < count:
        raise CliError([f"{path}: wall {wall} does not exist (walls 0-{count - 1})"])
    return build


def elevation(args: argparse.Namespace, catalog: Catalog) -> None:
    build = _on_wall(args.design, catalog, args.wall)
    write_file(args.out, render_elevation_svg(build, catalog, wall=args.wall))
    print(f"wrote {args.out}", file=sys.stderr)


def fill(args: argparse.Namespace, catalog: Catalog) -> None:
    build = _on_wall(args.design, catalog, args.wall)
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
