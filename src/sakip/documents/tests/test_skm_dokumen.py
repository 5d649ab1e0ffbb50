"""The SKM result document (``sakip skm ... --out``), opened as a reader
would: the DOCX with python-docx, the PDF with pdftotext."""

from __future__ import annotations

import io
import re

import pytest
from docx import Document

from sakip.cli.main import main
from sakip.dataset.jawaban_skm import baca_jawaban
from sakip.documents.docx import tulis_docx
from sakip.documents.skm import susun_skm
from sakip.documents.tests.conftest import teks_docx, teks_pdf
from sakip.engine.skm_hasil import hitung_hasil
from sakip.engine.unsur import baca_unsur_set

# Four respondents, the 9 unsur of PermenPAN-RB 14/2017, one blank (R4, U2).
CSV = (
    "U1,U2,U3,U4,U5,U6,U7,U8,U9,layanan,jenis_kelamin\n"
    "4,4,4,4,4,4,4,4,4,KTP,Perempuan\n"  # R1
    "3,3,3,3,3,3,3,3,3,KK,Laki-laki\n"  # R2
    "4,3,4,4,4,3,4,4,2,KTP,Laki-laki\n"  # R3
    "3,,4,4,3,3,4,4,1,KTP,Perempuan\n"  # R4
)
# NRR = sum of answers / number of answers; weighted NRR = NRR x 1/9:
#   U1 (4+3+4+3)/4 = 14/4 = 3,50   -> 3,5/9   = 0,3889  mutu 3,5 x 25 = 87,50 B
#   U2 (4+3+3)/3   = 10/3 = 3,33   -> 0,3704           83,33 B   (R4 blank)
#   U3 (4+3+4+4)/4 = 15/4 = 3,75   -> 0,4167           93,75 A
#   U4 15/4 = 3,75, U5 14/4 = 3,50, U6 (4+3+3+3)/4 = 13/4 = 3,25 (0,3611, B),
#   U7 15/4 = 3,75, U8 15/4 = 3,75,
#   U9 (4+3+2+1)/4 = 10/4 = 2,50   -> 0,2778           62,50 D
# Sum of NRR = 3,5 + 10/3 + 3,75 + 3,75 + 3,5 + 3,25 + 3,75 + 3,75 + 2,5 = 373/12
# IKM = 373/12 x 1/9 x 25 = 9325/108 = 86,342... -> 86,34, mutu B (Baik)
# (76,61-88,30); mean NRR on the chart = 373/12 / 9 = 3,4537 -> 3,45.
# Priorities (3 lowest NRR): U9 2,50, U6 3,25, U2 3,33.
# KTP (R1, R3, R4): NRR 11/3, 7/2, 4, 4, 11/3, 10/3, 4, 4, 7/3, sum 32,5;
#   IKM 32,5 / 9 x 25 = 90,277... -> 90,28 A.  KK (R2): all 3 -> 75,00 C.
# Perempuan (R1, R4): U2 only R1 = 4; sum 3,5+4+4+4+3,5+3,5+4+4+2,5 = 33;
#   IKM 33 / 9 x 25 = 91,67 A.
# Krejcie-Morgan minimum for a population of 100 is 80: 4 is not enough.
UNSUR = [
    "U1 | Persyaratan | 4 | 3,50 | 0,3889 | B",
    "U2 | Sistem, mekanisme dan prosedur * | 3 | 3,33 | 0,3704 | B",
    "U3 | Waktu penyelesaian | 4 | 3,75 | 0,4167 | A",
    "U6 | Kompetensi pelaksana * | 4 | 3,25 | 0,3611 | B",
    "U9 | Sarana dan prasarana * | 4 | 2,50 | 0,2778 | D",
]


@pytest.fixture(scope="module")
def dibuat(tmp_path_factory):
    d = tmp_path_factory.mktemp("skm")
    (d / "jawaban.csv").write_text(CSV, encoding="utf-8")
    for nama in ("hasil.docx", "hasil.pdf"):
        args = ["skm", str(d / "jawaban.csv"), "--populasi", "100", "--out", str(d / nama)]
        args += ["--instansi", "Kecamatan Robatal", "--periode", "2024"]
        assert main(args) == 0
    return d


def _rapat(teks: str) -> str:
    return re.sub(r"\s+", " ", teks)


def test_the_docx_has_the_ikm_the_unsur_table_the_groups_and_the_chart(dibuat):
    isi = (dibuat / "hasil.docx").read_bytes()
    teks = teks_docx(isi)
    assert "IKM 86,34, mutu B (Baik)" in teks
    for baris in UNSUR:
        assert baris in teks
    assert " | IKM (jumlah NRR tertimbang x 25) |  |  | 86,34 | B (Baik)" in teks
    assert "80 responden; jumlah responden BELUM mencukupi" in teks
    assert "1 | KTP | 3 | 90,28 | A | Sangat Baik" in teks
    assert "2 | KK | 1 | 75,00 | C | Kurang Baik" in teks
    assert "1 | Perempuan | 2 | 91,67 | A | Sangat Baik" in teks
    prioritas = [p for p in teks.splitlines() if p.startswith("U") and ": NRR " in p]
    assert prioritas == [
        "U9 Sarana dan prasarana: NRR 2,50, mutu D (Tidak Baik)",
        "U6 Kompetensi pelaksana: NRR 3,25, mutu B (Baik)",
        "U2 Sistem, mekanisme dan prosedur: NRR 3,33, mutu B (Baik)",
    ]
    doc = Document(io.BytesIO(isi))
    assert len(doc.inline_shapes) == 1  # the NRR chart
    assert doc.core_properties.title == ("Hasil Survei Kepuasan Masyarakat Kecamatan Robatal 2024")


def test_the_pdf_has_the_same_figures_and_the_chart_with_its_mean_line(dibuat):
    teks = _rapat(teks_pdf(dibuat / "hasil.pdf"))
    assert "IKM 86,34, mutu B (Baik)" in teks
    for baris in UNSUR:
        assert _rapat(baris.replace(" | ", " ")) in teks
    assert "86,34 B (Baik)" in teks
    # The chart's text stays text in the PDF: its legend names the mean NRR.
    assert "rata-rata NRR 3,45" in teks
    assert "KTP 3 90,28 A Sangat Baik" in teks
    assert "KECAMATAN ROBATAL" in teks.upper() and "Tahun 2024" in teks


def test_without_a_period_or_population_the_document_says_so(tmp_path):
    f = tmp_path / "jawaban.csv"
    f.write_text(CSV, encoding="utf-8")
    unsur = baca_unsur_set("permenpan-14-2017")
    hasil = hitung_hasil(baca_jawaban(f, unsur.kode), unsur)
    model = susun_skm(hasil, layanan="KTP", periode="Semester I 2024")
    assert model.sampul.tahun is None
    assert model.sampul.judul[-2:] == ["Layanan KTP", "Periode Semester I 2024"]
    assert model.judul == "Hasil Survei Kepuasan Masyarakat Layanan KTP Semester I 2024"
    (grafik,) = model.grafik()
    assert grafik.jenis == "skm" and grafik.label[0] == "U1"
    assert f"{grafik.garis:.4f}" == "3.4537"
    assert model.peringatan == []
    assert "tidak dinilai" in teks_docx(tulis_docx(model))


def test_the_format_comes_from_the_suffix_or_the_option(tmp_path, capsys):
    f = tmp_path / "jawaban.csv"
    f.write_text(CSV, encoding="utf-8")
    assert main(["skm", str(f), "--out", str(tmp_path / "hasil.txt")]) == 1
    assert "akhiran harus .docx atau .pdf" in capsys.readouterr().err
    out = tmp_path / "hasil.bin"
    assert (
        main(["skm", str(f), "--format", "json", "--out", str(out), "--dokumen-format", "docx"])
        == 0
    )
    assert "86.34" in capsys.readouterr().out  # stdout keeps the JSON alone
    assert "IKM 86,34" in teks_docx(out.read_bytes())
