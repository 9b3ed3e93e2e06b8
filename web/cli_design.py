"""``millwork`` commands on one design: cut list, plan, elevation, fill a wall."""

from __future__ import annotations

import argparse
import json
import sys

from production_export.cut_list import render_cut_list_csv, render_cut_list_json
from services.design_views import draw_elevation, draw_plan, fill_wall, make_cut_list
from web.cli_support import catalog_files, read_document, write_file
from web.fill_view import fill_view

__all__ = ["cutlist", "elevation", "fill", "plan"]


def cutlist(args: argparse.Namespace) -> None:
    """Print the cut list as CSV or JSON."""
    result = make_cut_list(read_document(args.design), catalogs=catalog_files())
    if args.format == "json":
        sys.stdout.write(render_cut_list_json(result.parts, catalog_version=result.catalog_version))
    else:
        sys.stdout.write(render_cut_list_csv(result.parts))


def plan(args: argparse.Namespace) -> None:
    """Write the plan view as SVG."""
    write_file(args.out, draw_plan(read_document(args.design), catalogs=catalog_files()))
    print(f"wrote {args.out}", file=sys.stderr)


def elevation(args: argparse.Namespace) -> None:
    """Write one wall's elevation as SVG."""
    svg = draw_elevation(read_document(args.design), catalogs=catalog_files(), wall=args.wall)
    write_file(args.out, svg)
    print(f"wrote {args.out}", file=sys.stderr)


def fill(args: argparse.Namespace) -> None:
    """Print the free spans of a wall with their checked proposals and patches, as JSON."""
    offers = fill_wall(
        read_document(args.design), catalogs=catalog_files(), wall=args.wall, template=args.template
    )
    report = fill_view(offers, wall=args.wall, template=args.template, language=args.lang)
    sys.stdout.write(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
