"""``millwork model``: the 3D model of a design as GLB (loads trimesh for this command only)."""

from __future__ import annotations

import argparse
import sys

from services.model import make_model_glb
from web.cli_support import catalog_files, read_document, write_file

__all__ = ["model"]


def model(args: argparse.Namespace) -> None:
    """Write the GLB."""
    data, parts = make_model_glb(read_document(args.design), catalogs=catalog_files())
    write_file(args.out, data)
    print(f"wrote {args.out}: {parts} parts, {len(data)} bytes", file=sys.stderr)
