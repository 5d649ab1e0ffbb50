"""The DOCX charts are native Word charts whose data travels with them."""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal

from docx import Document
from openpyxl import load_workbook

from sakip.documents.docx import tulis_docx
from sakip.documents.model import Bagian, Dokumen, Grafik, Sampul


def _docx(*grafik: Grafik) -> zipfile.ZipFile:
    dokumen = Dokumen(
        "lkjip", "Uji", Sampul(["J"], "I", "P", 2020), [Bagian("B", isi=list(grafik))]
    )
    return zipfile.ZipFile(io.BytesIO(tulis_docx(dokumen)))


def test_a_trend_chart_carries_its_values_and_a_workbook_of_them():
    tren = Grafik(
        "Tren S1.1",
        "tren",
        ["2019", "2020"],
        {"Target": [Decimal("81.55"), Decimal("1E+2")], "Realisasi": [None, Decimal("79.017")]},
    )
    z = _docx(tren)
    xml = z.read("word/charts/chart1.xml").decode()
    assert "<c:lineChart>" in xml
    assert "<c:v>81.55</c:v>" in xml and "<c:v>79.017</c:v>" in xml and "<c:v>100</c:v>" in xml
    # The missing 2019 realisation is a gap, not a zero.
    realisasi = xml.split("Sheet1!$C$2:$C$3")[1].split("</c:numCache>")[0]
    assert '<c:ptCount val="2"/><c:pt idx="1">' in realisasi
    ws = load_workbook(io.BytesIO(z.read("word/embeddings/Microsoft_Excel_Worksheet1.xlsx"))).active
    assert [[c.value for c in row] for row in ws.iter_rows()] == [
        [None, "Target", "Realisasi"],
        ["2019", 81.55, None],
        ["2020", 100, 79.017],
    ]
    rels = z.read("word/charts/_rels/chart1.xml.rels").decode()
    assert "Microsoft_Excel_Worksheet1.xlsx" in rels
    assert "drawingml.chart+xml" in z.read("[Content_Types].xml").decode()


def test_the_nrr_bars_have_their_mean_as_a_line_series_and_each_chart_its_own_part():
    nrr = Grafik(
        "NRR",
        "skm",
        ["U1", "U2"],
        {"NRR": [Decimal("3.5"), Decimal("3.25")]},
        garis=Decimal("3.375"),
        label_garis="rata-rata NRR",
    )
    z = _docx(nrr, nrr)
    xml = z.read("word/charts/chart2.xml").decode()
    assert "<c:barChart>" in xml and "<c:lineChart>" in xml
    assert "<c:v>rata-rata NRR 3,38</c:v>" in xml
    assert xml.count("<c:v>3.375</c:v>") == 2  # the mean at both categories
    doc = Document(io.BytesIO(z.fp.getvalue()))
    assert len(doc.inline_shapes) == 2
    ids = {el.get("id") for el in doc.element.body.iter() if el.tag.endswith("}docPr")}
    assert len(ids) == 2
