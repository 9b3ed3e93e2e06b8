"""Labels: one per part, each naming its part (text extraction), on a roll or on A4."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader
from syrupy.assertion import SnapshotAssertion
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode

from catalog.catalog import Catalog
from production_export.labels import LabelLayout, label_payload, render_labels_pdf
from tests.builders import a_build, a_cabinet


def ids_per_page(pdf: bytes) -> list[list[str]]:
    pages = PdfReader(io.BytesIO(pdf)).pages
    return [re.findall(r"^W1-[A-Z0-9\-]+$", page.extract_text(), flags=re.M) for page in pages]


def test_a_roll_has_one_label_per_part(catalog: Catalog) -> None:
    parts = a_build(catalog, a_cabinet(width_mm=1600)).parts
    pages = ids_per_page(render_labels_pdf(parts, order="Q-2026-000001"))
    assert pages == [[p.part_id] for p in parts]


@pytest.mark.slow
def test_a4_sheets_hold_21_labels(catalog: Catalog) -> None:
    parts = a_build(catalog, a_cabinet(width_mm=1600)).parts
    pages = ids_per_page(render_labels_pdf(parts, order="Q", layout=LabelLayout.A4))
    assert [len(p) for p in pages] == [21] * (len(parts) // 21) + (
        [len(parts) % 21] if len(parts) % 21 else []
    )
    assert sorted(i for p in pages for i in p) == sorted(p.part_id for p in parts)


@pytest.mark.parametrize("layout", list(LabelLayout))
def test_labels_carry_size_material_and_order(catalog: Catalog, layout: LabelLayout) -> None:
    part = a_build(catalog, a_cabinet()).parts[0]
    text = (
        PdfReader(io.BytesIO(render_labels_pdf([part], order="Q-2026-000007", layout=layout)))
        .pages[0]
        .extract_text()
    )
    assert "2398.4 x 578.2 x 18 mm" in text and "PB18_WHITE" in text and "Q-2026-000007" in text


class TextSnapshot(SingleFileSnapshotExtension):
    file_extension = "txt"
    _write_mode = WriteMode.TEXT


def test_golden_labels_of_a_reference_cabinet(
    catalog: Catalog, snapshot: SnapshotAssertion
) -> None:
    """A 600 mm base cabinet: each label's text as printed, and its QR payload (the PDF's
    bytes are not a stable golden; what a person and a scanner read is)."""
    parts = a_build(
        catalog, a_cabinet(template="base_cabinet", width_mm=600, height_mm=820, depth_mm=560)
    ).parts
    pdf = render_labels_pdf(parts, order="Q-2026-000001")
    pages = PdfReader(io.BytesIO(pdf)).pages
    text = "\n".join(
        f"--- {p.part_id}\n{page.extract_text()}\nQR {label_payload(p, 'Q-2026-000001')}"
        for p, page in zip(parts, pages, strict=True)
    )
    assert text + "\n" == snapshot.use_extension(TextSnapshot)
