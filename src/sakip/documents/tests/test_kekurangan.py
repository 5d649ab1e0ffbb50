"""Perjanjian Kinerja, missing data, SKM charts and the start-up check."""

from __future__ import annotations

import copy
import io
from decimal import Decimal

import pytest
from docx import Document

from sakip.documents import siap
from sakip.documents.buat import buat_dokumen, susun
from sakip.documents.model import Grafik
from sakip.documents.tests.conftest import teks_docx, teks_pdf


def test_the_pk_has_the_agreement_both_signatures_and_both_tables(robatal):
    teks = teks_docx(robatal.hasil("docx", "pk").isi)
    assert "Pihak pertama berjanji" in teks
    for bagian in (
        "Pihak Pertama",
        "Pihak Kedua",
        "Camat Robatal",
        "Bupati Sampang",
        "H. AHMAD FIRDAUSI, S.Pd, M.Si",
        "Pembina Tingkat I",
        "NIP. 19660401 198903 1 005",
        "S1.1 Indeks Kepuasan Masyarakat (IKM) | indeks | 81,55",
        "Rp 139.531.378,50",
    ):
        assert bagian in teks


def test_the_pk_pdf_prints_the_program_budgets(torjun):
    teks = teks_pdf(torjun.pdf("pk"))
    assert "Rp 2.991.517.997,00" in teks and "SAFFAK, SE, MM" in teks


def _tanpa_target_dan_anggaran(doc: dict) -> dict:
    doc = copy.deepcopy(doc)
    for tujuan in doc["renstra"]["tujuan"]:
        for s in tujuan.get("sasaran") or ():
            for ind in s["indikator"]:
                ind.pop("target", None)
    doc.pop("anggaran")
    doc.pop("perjanjian_kinerja")
    return doc


def test_a_dataset_without_targets_or_budget_still_gives_a_report_with_warnings(robatal):
    doc = _tanpa_target_dan_anggaran(robatal.ds.doc)
    hasil = buat_dokumen(doc, format="docx", draf=True)
    teks = teks_docx(hasil.isi)
    assert "Bab III Akuntabilitas Kinerja" in teks
    assert any("Anggaran tahun" in p for p in hasil.peringatan)
    assert any("Perjanjian Kinerja" in p for p in hasil.peringatan)
    assert any("Target tahun ini tidak ada" in p for p in hasil.peringatan)
    assert "[Anggaran tahun" in teks  # marked where the table would be
    assert "Daftar Kekurangan Data" in teks
    assert buat_dokumen(doc, format="xlsx").isi[:2] == b"PK"


def test_a_dataset_without_renstra_still_gives_a_report(robatal):
    doc = copy.deepcopy(robatal.ds.doc)
    doc.pop("renstra")
    model = susun(doc)
    assert "Renstra tidak ada" in model.peringatan
    assert buat_dokumen(doc, format="docx").isi[:2] == b"PK"


def test_a_capaian_under_target_without_analysis_says_so(robatal):
    doc = copy.deepcopy(robatal.ds.doc)
    doc["narasi"].pop("analisis")
    hasil = buat_dokumen(doc, format="docx", draf=True)
    assert "Analisis belum diisi: capaian S1.1 96,89 % di bawah target" in teks_docx(hasil.isi)
    assert any("Analisis belum diisi" in p for p in hasil.peringatan)


NRR = {
    "U1": "3.31",
    "U2": "3.35",
    "U3": "3.49",
    "U4": "3.93",
    "U5": "3.45",
    "U6": "3.39",
    "U7": "3.39",
    "U8": "3.76",
    "U9": "3.35",
}


def test_survey_nrr_gives_the_skm_table_and_chart(robatal):
    doc = copy.deepcopy(robatal.ds.doc)
    doc["skm"] = [{"tahun": 2020, "nrr": {k: Decimal(v) for k, v in NRR.items()}}]
    model = susun(doc)
    grafik = [g for g in model.grafik() if g.jenis == "skm"]
    assert isinstance(grafik[0], Grafik) and grafik[0].garis is not None
    teks = teks_docx(buat_dokumen(doc, format="docx").isi)
    assert "IKM |  | 87,28" in teks and "B (Baik)" in teks
    shapes = Document(io.BytesIO(buat_dokumen(doc, format="docx").isi)).inline_shapes
    assert len(shapes) == 2  # trend of S1.1 and the NRR bars


def test_a_missing_font_fails_at_start_with_the_package_to_install(monkeypatch, tmp_path):
    monkeypatch.setattr(siap, "FONT_DIR", tmp_path)
    siap.path_font.cache_clear()
    try:
        with pytest.raises(siap.DokumenTidakSiap, match="fonts-liberation"):
            siap.periksa("pdf")
    finally:
        siap.path_font.cache_clear()


def _ikm_bernilai_huruf(doc: dict, target: str) -> dict:
    """Robatal with its IKM indicator graded against a letter target."""
    doc = copy.deepcopy(doc)
    for tujuan in doc["renstra"]["tujuan"]:
        for s in tujuan.get("sasaran") or ():
            for ind in s["indikator"]:
                if ind["kode"] == "S1.1":
                    ind.update(polaritas="kualitatif", skala_nilai="permenpan-14-2017")
                    ind["target"] = {t: target for t in ind["target"]}
                    ind.pop("dinyatakan", None)
    pk = doc.get("perjanjian_kinerja") or {}
    pk["indikator"] = [i if isinstance(i, str) else i["kode"] for i in pk.get("indikator", [])]
    return doc


@pytest.mark.parametrize(
    ("target", "status", "kurang"),
    [
        # 79,017 is mutu B: target B met, target A not.
        ("B", "tercapai", False),
        ("A", "tidak tercapai", True),
    ],
)
def test_a_graded_indicator_prints_its_verdict_not_a_percentage(robatal, target, status, kurang):
    doc = _ikm_bernilai_huruf(robatal.ds.doc, target)
    doc["narasi"].pop("analisis")
    hasil = buat_dokumen(doc, format="docx", draf=True)
    teks = teks_docx(hasil.isi)
    assert f"capaian {status}, predikat {status}" in teks
    assert f"79,017 = B; B terhadap target {target}: {status}" in teks
    assert "1 indikator kualitatif" in teks
    assert any("indikator kualitatif S1.1 tidak tercapai" in p for p in hasil.peringatan) is kurang
