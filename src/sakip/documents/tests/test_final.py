"""The final LKjIP and the officer's draft: what each carries."""

from __future__ import annotations

import copy
import datetime

import pytest

from sakip.documents.buat import buat_dokumen, susun
from sakip.documents.model import Daftar, Paragraf, TandaTangan
from sakip.documents.pernyataan import (
    Pernyataan,
    ReviuTidakValid,
    baca_pernyataan,
    pernyataan_dari,
)
from sakip.documents.tests.conftest import teks_docx
from sakip.model import Pejabat


def _teks(model) -> str:
    """Every word of the model: paragraphs, lists, tables, headings."""
    keluar = []
    for bagian in model.bagian:
        keluar.append(bagian.judul)
        for blok in bagian.isi:
            if isinstance(blok, Paragraf):
                keluar.append(blok.teks)
            elif isinstance(blok, Daftar):
                keluar += [str(b) for b in blok.butir]
            elif isinstance(blok, TandaTangan):
                keluar += list(blok.kanan.values()) + [blok.tempat_tanggal]
            elif hasattr(blok, "baris"):
                keluar += [str(sel) for baris in blok.baris for sel in baris]
    return "\n".join(keluar)


def _gaya(model) -> set[str]:
    return {b.gaya for bagian in model.bagian for b in bagian.isi if isinstance(b, Paragraf)}


def _tanpa_data(doc: dict) -> dict:
    doc = copy.deepcopy(doc)
    doc.pop("anggaran")
    doc.pop("perjanjian_kinerja")
    doc["narasi"].pop("analisis")
    return doc


def test_the_draft_keeps_the_markers_codes_and_review_appendix(torjun):
    model = susun(_tanpa_data(torjun.ds.doc), draf=True)
    teks = _teks(model)
    assert "peringatan" in _gaya(model)
    assert "Lampiran 3. Catatan Reviu Data" in teks and "Daftar Kekurangan Data" in teks
    assert "CAPAIAN_BEDA" in teks and "[Anggaran tahun 2022 tidak ada]" in teks


def test_the_final_has_no_codes_no_review_appendix_and_no_markers(torjun):
    model = susun(_tanpa_data(torjun.ds.doc))
    teks = _teks(model)
    assert "peringatan" not in _gaya(model)
    for tanda in ("Catatan Reviu Data", "Daftar Kekurangan Data", "_BEDA", "[", "belum diisi"):
        assert tanda not in teks, tanda
    # Neutral sentences where the data lack something, the data where analysis is missing.
    assert "Data anggaran tahun 2022 tidak tersedia." in teks
    assert "Perjanjian Kinerja tahun 2022 tidak tersedia." in teks
    assert (
        "Indikator S1.1 Indeks Kepuasan Masyarakat (IKM) tahun 2022: target 82,00, realisasi "
        "82,08, capaian 100,10 % (predikat Sangat Tinggi)." in teks
    )
    # What is missing is still known to the caller.
    assert any("Anggaran tahun 2022" in p for p in model.peringatan)


def test_the_final_leaves_out_narrative_the_review_contradicts(torjun):
    # Torjun's Ikhtisar prints S2's realisation as 75 (data: 100): a galat
    # printed in the Ikhtisar Eksekutif.
    ikhtisar = "adalah 75% atau 100% dari target"
    assert ikhtisar in _teks(susun(torjun.ds.doc, draf=True))
    final = _teks(susun(torjun.ds.doc))
    assert ikhtisar not in final
    # The data's own sentences stand in the Ikhtisar.
    assert (
        "Sasaran S2 Meningkatnya tata kelola administrasi Pemerintahan Desa dan Kelurahan: "
        "capaian 100,00 %" in final
    )
    # Corrected, the Ikhtisar contradicts nothing: it is printed.
    doc = copy.deepcopy(torjun.ds.doc)
    doc["narasi"]["ikhtisar"] = doc["narasi"]["ikhtisar"].replace("adalah 75%", "adalah 100%")
    for tujuan in doc["renstra"]["tujuan"]:
        for sasaran in tujuan.get("sasaran", []):
            for ind in sasaran["indikator"]:
                for tahun, isi in (ind.get("dinyatakan") or {}).items():
                    isi = isi if isinstance(isi, list) else [isi]
                    ind["dinyatakan"][tahun] = [
                        d for d in isi if "Ikhtisar" not in str(d.get("sumber"))
                    ]
    assert "adalah 100% atau 100% dari target" in _teks(susun(doc))


PEREVIU = Pejabat("Inspektur Kabupaten Sampang", "Drs. H. Reviu, M.Si", "", "196601011990031001")


@pytest.mark.parametrize(
    ("draf", "ditandatangani", "ada"),
    [(False, True, True), (False, False, False), (True, True, False)],
)
def test_the_signed_review_statement_closes_the_final(robatal, draf, ditandatangani, ada):
    reviu = Pernyataan(
        "Inspektorat Kabupaten Sampang",
        PEREVIU,
        "Sampang",
        datetime.date(2021, 3, 1),
        ditandatangani,
    )
    model = susun(robatal.ds.doc, draf=draf, reviu=reviu)
    judul = [b.judul for b in model.bagian]
    assert ("Pernyataan Telah Direviu" in judul) is ada
    if ada:
        teks = _teks(model)
        assert "Drs. H. Reviu, M.Si" in teks and "Sampang, 1 Maret 2021" in teks
        assert "19660101 199003 1 001" in teks


def test_the_final_docx_prints_the_statement(robatal):
    reviu = Pernyataan("Inspektorat Kabupaten Sampang", PEREVIU, "Sampang", None, True)
    teks = teks_docx(buat_dokumen(robatal.ds.doc, format="docx", reviu=reviu).isi)
    assert "Pernyataan Telah Direviu" in teks and "Catatan Reviu Data" not in teks


@pytest.mark.parametrize(
    ("data", "pesan"),
    [
        ([], "pemetaan"),
        ({"format": "x"}, "format"),
        ({"format": "sakip-reviu/1", "lain": 1}, "kunci tidak dikenal: lain"),
        ({"format": "sakip-reviu/1", "tanggal": "1 Maret"}, "tanggal"),
        ({"format": "sakip-reviu/1", "ditandatangani": "ya"}, "ditandatangani"),
        (
            {"format": "sakip-reviu/1", "tanggapan": {"ab": {"status": "oke"}}},
            "tanggapan.ab.status",
        ),
        ({"format": "sakip-reviu/1", "pereviu": {"nama": ["x"]}}, "pereviu.nama"),
    ],
)
def test_a_bad_review_file_says_where(data, pesan):
    with pytest.raises(ReviuTidakValid, match=pesan.replace(".", r"\.")):
        pernyataan_dari(data)


def test_a_review_file_reads_back(tmp_path):
    berkas = tmp_path / "reviu.yaml"
    berkas.write_text(
        "format: sakip-reviu/1\nunit: Inspektorat Kabupaten Sampang\n"
        "pereviu: {jabatan: Inspektur, nama: A, nip: '196601011990031001'}\n"
        "tempat: Sampang\ntanggal: 2023-03-01\nditandatangani: true\n"
        "tanggapan:\n  04ab768316: {tanggapan: Salah ketik, status: selesai}\n",
        encoding="utf-8",
    )
    r = baca_pernyataan(berkas)
    assert r.ditandatangani and r.tanggal == datetime.date(2023, 3, 1)
    assert r.tanggapan["04ab768316"].status == "selesai"
    with pytest.raises(ReviuTidakValid, match="tidak dapat dibaca"):
        baca_pernyataan(tmp_path / "tidak-ada.yaml")
