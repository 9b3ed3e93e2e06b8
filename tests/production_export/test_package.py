"""The production package of built designs: every file, consistent with each other, and
checksummed."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import xml.etree.ElementTree as ET
from collections import defaultdict
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import ezdxf
from openpyxl import load_workbook
from pypdf import PdfReader

from catalog.catalog import Catalog
from catalog.price_list import PriceList
from configurator.build.design_build import build_design
from configurator.model.document import parse_design
from pricing.costing import cost_design
from pricing.lines import Category
from production_export.label_layout import LabelLayout
from production_export.nest_groups import Saw
from production_export.package import production_package
from production_export.reports import EDGE_COLUMNS, edge_band_rows
from tests.builders import a_build, a_cabinet

CREATED = datetime(2026, 11, 24, 12, tzinfo=UTC)
EXAMPLES = Path(__file__).parents[2] / "examples"


def test_a_single_order_package(catalog: Catalog) -> None:
    build = a_build(catalog, a_cabinet(width_mm=1600))
    package = production_package([("Q-2026-000001", build)], catalog, saw=Saw(), created=CREATED)
    files = package.files
    rows = list(csv.DictReader(io.StringIO(files["cutlist.csv"].decode())))
    ids = [r["part_id"] for r in rows]
    assert ids == [p.part_id for p in build.parts]
    assert sorted(n[4:-4] for n in files if n.startswith("dxf/")) == sorted(ids)
    assert {
        "cutlist.json",
        "cutlist.xlsx",
        "hardware.csv",
        "edgebands.csv",
        "packing.csv",
        "labels.pdf",
        "nesting.pdf",
        "model.glb",
        "manifest.json",
    } <= set(files)
    assert len(PdfReader(io.BytesIO(files["labels.pdf"])).pages) == len(ids)
    assert len(PdfReader(io.BytesIO(files["nesting.pdf"])).pages) == package.sheet_count
    book = load_workbook(io.BytesIO(files["cutlist.xlsx"]))
    assert book.sheetnames == ["Cut list", "Hardware", "Edge bands"]
    assert book["Cut list"].max_row == len(ids) + 1
    manifest = json.loads(files["manifest.json"])
    for name, entry in manifest["files"].items():
        assert entry["sha256"] == hashlib.sha256(files[name]).hexdigest()
    assert manifest["parts"] == len(ids) and manifest["sheets"] == package.sheet_count
    dxf = ezdxf.read(io.StringIO(files[f"dxf/{ids[0]}.dxf"].decode()))
    assert any(e.dxf.layer.startswith("OUTLINE") for e in dxf.modelspace())


def test_several_orders_nest_together_with_prefixed_ids(catalog: Catalog) -> None:
    small = {"template": "wall_cabinet", "width_mm": 600, "height_mm": 720, "depth_mm": 350}
    a = a_build(catalog, a_cabinet(**small))
    b = a_build(catalog, a_cabinet(**small))
    one = production_package([("A", a)], catalog, saw=Saw(), created=CREATED)
    both = production_package([("A", a), ("B", b)], catalog, saw=Saw(), created=CREATED)
    ids = [r["part_id"] for r in csv.DictReader(io.StringIO(both.files["cutlist.csv"].decode()))]
    assert len(ids) == len(set(ids)) == 2 * len(a.parts)
    assert {i.split("-", 1)[0] for i in ids} == {"O1", "O2"}
    # each small cabinet alone leaves most of its sheets empty; together they share them
    assert both.sheet_count == one.sheet_count
    assert {"model-A.glb", "model-B.glb"} <= set(both.files)
    orders = json.loads(both.files["manifest.json"])["orders"]
    assert orders == [{"name": "A", "prefix": "O1"}, {"name": "B", "prefix": "O2"}]


def test_edge_band_metres_add_the_overlength(catalog: Catalog) -> None:
    build = a_build(
        catalog, a_cabinet(template="filler", width_mm=100, height_mm=2400, depth_mm=100)
    )
    files = production_package([("F", build)], catalog, saw=Saw(), created=CREATED).files
    rows = {r["band"]: r for r in csv.DictReader(io.StringIO(files["edgebands.csv"].decode()))}
    # the front strip: 2 x 2400 + 2 x 100 = 5.00 m on 4 edges, + 4 x 50 mm = 5.20 m
    assert rows["ABS20_OAK"]["length_m"] == "5.00"
    assert rows["ABS20_OAK"]["with_overlength_m"] == "5.20"


def _with_overlength(rows: list[tuple[str, ...]]) -> dict[str, Decimal]:
    column = EDGE_COLUMNS.index("with_overlength_m")
    return {r[0]: Decimal(r[column]) for r in rows}


def test_the_quote_prices_the_band_the_factory_orders(
    catalog: Catalog, price_list: PriceList
) -> None:
    """One overlength (the catalog's construction rules) and one rounding: for the bedroom
    example the metres priced per band are the report's ``with_overlength_m``."""
    build = build_design(parse_design(json.loads((EXAMPLES / "bedroom.json").read_text())), catalog)
    priced: defaultdict[str, Decimal] = defaultdict(Decimal)
    for x in cost_design(build, catalog, price_list):
        if x.category is Category.EDGE_BAND:
            priced[x.item] += x.quantity
    report = _with_overlength(edge_band_rows(build.parts, catalog))
    assert priced == report and len(report) >= 3


def test_each_cabinets_band_lines_match_its_report(catalog: Catalog, price_list: PriceList) -> None:
    """Cabinet by cabinet, as the quote rounds them: every band line is the report's figure
    for that cabinet's parts (a batch total may differ by the per-line rounding)."""
    doc = json.loads((EXAMPLES / "l-shaped-bedroom.json").read_text())
    build = build_design(parse_design(doc), catalog)
    lines = cost_design(build, catalog, price_list)
    for placed in build.cabinets:
        cid = placed.cabinet.spec.id
        priced = {
            x.item: x.quantity
            for x in lines
            if x.cabinet == cid and x.category is Category.EDGE_BAND
        }
        assert priced == _with_overlength(edge_band_rows(placed.cabinet.parts, catalog)), cid


def test_each_sheet_has_an_svg_diagram_naming_its_parts(catalog: Catalog) -> None:
    build = a_build(catalog, a_cabinet(width_mm=1600))
    package = production_package([("Q1", build)], catalog, saw=Saw(), created=CREATED)
    svgs = sorted(n for n in package.files if n.startswith("nesting/"))
    assert len(svgs) == package.sheet_count
    seen = []
    for name in svgs:
        root = ET.fromstring(package.files[name])  # noqa: S314 - our own output
        seen += ["".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert {p.part_id for p in build.parts} <= set(seen)


def test_labels_on_a4(catalog: Catalog) -> None:
    build = a_build(catalog, a_cabinet(width_mm=1600))
    package = production_package(
        [("Q1", build)], catalog, saw=Saw(), created=CREATED, labels=LabelLayout.A4
    )
    pages = PdfReader(io.BytesIO(package.files["labels.pdf"])).pages
    assert len(pages) == -(-len(build.parts) // 21)
