"""A draft says so on its cover and on every page, in each format; the final
form says nothing of the kind."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from sakip.dataset.baca import baca_dataset
from sakip.documents.buat import buat_dokumen
from sakip.documents.model import KETERANGAN_DRAF
from sakip.documents.tests.conftest import DEMO, teks_docx, teks_pdf


@pytest.fixture(scope="module")
def robatal():
    return baca_dataset(DEMO / "robatal-2020.yaml")


def _buat(ds, format: str, dokumen: str, draf: bool) -> bytes:
    return buat_dokumen(
        ds.doc, format=format, dokumen=dokumen, responden=ds.responden, draf=draf
    ).isi


@pytest.mark.parametrize("dokumen", ["lkjip", "pk"])
def test_every_page_of_a_draft_pdf_is_marked(robatal, dokumen, tmp_path):
    for draf in (True, False):
        path = tmp_path / f"{dokumen}-{draf}.pdf"
        path.write_bytes(_buat(robatal, "pdf", dokumen, draf))
        halaman = teks_pdf(path).split("\f")
        halaman = [h for h in halaman if h.strip()]
        ditandai = [KETERANGAN_DRAF in " ".join(h.split()) for h in halaman]
        assert all(ditandai) if draf else not any(ditandai)


def test_a_draft_docx_says_so_on_the_cover_and_in_the_header(robatal):
    from docx import Document

    isi = _buat(robatal, "docx", "lkjip", True)
    assert KETERANGAN_DRAF in teks_docx(isi)
    doc = Document(io.BytesIO(isi))
    # Every section shows the first one's header (linked), which carries the mark.
    assert KETERANGAN_DRAF in doc.sections[0].header.paragraphs[0].text
    assert all(s.header.is_linked_to_previous for s in doc.sections[1:])
    assert doc.core_properties.title.startswith("DRAF")
    assert "DRAF" not in teks_docx(_buat(robatal, "docx", "lkjip", False))


def test_each_sheet_of_a_draft_workbook_is_marked(robatal):
    wb = load_workbook(io.BytesIO(_buat(robatal, "xlsx", "lkjip", True)))
    for ws in wb.worksheets:
        assert any(KETERANGAN_DRAF in str(c.value) for c in ws[1]), ws.title
    final = load_workbook(io.BytesIO(_buat(robatal, "xlsx", "lkjip", False)))
    assert not any("DRAF" in str(c.value) for ws in final.worksheets for c in ws[1])
