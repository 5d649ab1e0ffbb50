"""The LKjIP of both shipped datasets, opened as DOCX, PDF and XLSX."""

from __future__ import annotations

import io
import re
import subprocess

import pytest
from docx import Document
from openpyxl import load_workbook

from sakip.documents.tests.conftest import ARTEFAK, teks_docx, teks_pdf

ROBATAL = ["96,89 %", "Sangat Tinggi", "Rp 2.214.879.630,50", "Rp 1.889.678.143,00", "85,32 %"]
TORJUN = ["Rp 3.247.636.481,00", "Rp 3.031.504.622,00", "93,34 %"]
BAB = [
    "Kata Pengantar",
    "Ikhtisar Eksekutif",
    "Bab I Pendahuluan",
    "Bab II Perencanaan Kinerja",
    "Bab III Akuntabilitas Kinerja",
    "Bab IV Penutup",
    "Lampiran",
]


@pytest.mark.parametrize("nama, angka", [("robatal", ROBATAL), ("torjun", TORJUN)])
def test_it_prints_the_correct_figures_in_the_docx(request, nama, angka):
    teks = teks_docx(request.getfixturevalue(nama).hasil("docx").isi)
    for a in angka:
        assert a in teks


@pytest.mark.parametrize("nama, angka", [("robatal", ROBATAL), ("torjun", TORJUN)])
def test_it_prints_the_correct_figures_in_the_pdf(request, nama, angka):
    teks = teks_pdf(request.getfixturevalue(nama).pdf())
    for a in angka:
        assert a in teks
    for judul in BAB:
        assert judul.upper() in teks.upper()


def test_the_docx_uses_word_headings_and_tables_with_repeated_headers(robatal):
    doc = Document(io.BytesIO(robatal.hasil("docx").isi))
    judul = {p.text for p in doc.paragraphs if p.style.name.startswith("Heading")}
    assert set(BAB) <= judul
    assert "A. Capaian Kinerja Organisasi" in judul
    anggaran = next(
        t
        for t in doc.tables
        if t.rows[0].cells[0].text == "Kode" and "Penyerapan" in t.rows[0].cells[4].text
    )
    assert anggaran._tbl.tr_lst[0].trPr.xml.count("tblHeader") == 1
    total = [c.text for c in anggaran.rows[-1].cells]
    assert total[1:] == [
        "Jumlah",
        "Rp 2.214.879.630,50",
        "Rp 1.889.678.143,00",
        "85,32 %",
        "Rp 325.201.487,50",
    ]
    assert len(doc.inline_shapes) >= 1  # the trend chart of S1.1


def test_bab_iii_states_the_formula_and_the_comparison_with_last_year(robatal):
    teks = teks_docx(robatal.hasil("docx").isi)
    assert "realisasi / target x 100" in teks.replace("×", "x") or "79,017 / 81,55" in teks
    assert "-2,583 (-3,17 %)" in teks  # 2019 -> 2020
    assert "Realisasi IKM turun" in teks  # narasi.analisis S1.1


def test_the_pdf_is_a4_with_embedded_fonts_and_page_numbers(torjun):
    pdf = torjun.pdf()
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert "pts (A4)" in info
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    baris = fonts.splitlines()[2:]
    assert baris and all(" yes yes " in b for b in baris)
    halaman = teks_pdf(pdf).split("\f")
    assert halaman[1].strip().endswith("2")  # the page after the cover is numbered 2
    # The table of contents carries page numbers.
    assert "Bab III Akuntabilitas Kinerja" in halaman[1] or "BAB III" in halaman[1].upper()


@pytest.mark.parametrize("nama", ["robatal", "torjun"])
def test_every_contents_line_points_at_the_page_of_its_heading(request, nama):
    halaman = teks_pdf(request.getfixturevalue(nama).pdf()).split("\f")
    baris = re.findall(r"^( *)(\S.*?)(?: \.)+ +(\d+)$", halaman[1], re.MULTILINE)
    # A bab stands at the margin, its sub bab are indented.
    bab = [judul for indent, judul, _ in baris if not indent]
    assert bab in (BAB, [*BAB, "Daftar Kekurangan Data"])
    assert len(baris) > len(BAB) + 1
    for _, judul, nomor in baris:
        isi = " ".join(halaman[int(nomor) - 1].split())
        # A bab is printed in capitals; the page number closes the page.
        assert judul in isi or judul.upper() in isi, (judul, nomor)
        assert isi.endswith(f" {nomor}")


def test_the_budget_table_has_landscape_pages_of_its_own(torjun):
    pdf = torjun.pdf()
    halaman = teks_pdf(pdf).split("\f")
    info = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", str(len(halaman)), str(pdf)], capture_output=True, text=True
    ).stdout
    mendatar = {
        int(b.split()[1]) for b in info.splitlines() if b.startswith("Page") and "841.89 x 595" in b
    }
    # From the budget table's first page up to the next section's page.
    awal = next(i for i, h in enumerate(halaman) if "Realisasi Anggaran per Program" in h)
    akhir = next(i for i, h in enumerate(halaman) if i > awal and "SURVEI KEPUASAN" in h.upper())
    assert mendatar == set(range(awal + 1, akhir + 1))
    doc = Document(io.BytesIO(torjun.hasil("docx").isi))
    arah = [s.page_width > s.page_height for s in doc.sections]
    assert arah.count(True) == 1 and not arah[-1]


def test_the_pdf_pages_are_rendered_for_review(robatal, torjun):
    for dibuat in (robatal, torjun):
        awalan = ARTEFAK / dibuat.nama
        subprocess.run(["pdftoppm", "-r", "60", "-png", str(dibuat.pdf()), str(awalan)], check=True)
    assert sorted(ARTEFAK.glob("torjun-2022-*.png"))


def test_the_skm_index_of_torjun_is_in_the_report(torjun):
    teks = teks_docx(torjun.hasil("docx").isi)
    assert "Survei Kepuasan Masyarakat 2022" in teks
    assert "82,08" in teks and "B (Baik)" in teks


def test_the_xlsx_holds_every_measurement_table(torjun):
    wb = load_workbook(io.BytesIO(torjun.hasil("xlsx").isi))
    for nama in (
        "Capaian 2022",
        "Capaian Sasaran",
        "Realisasi Anggaran",
        "Efisiensi",
        "Pengukuran",
        "SKM 1",
    ):
        assert nama in wb.sheetnames
    ws = wb["Realisasi Anggaran"]
    assert [c.value for c in ws[ws.max_row]][1:5] == [
        "Jumlah",
        "Rp 3.247.636.481,00",
        "Rp 3.031.504.622,00",
        "93,34 %",
    ]
