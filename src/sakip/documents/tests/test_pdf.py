"""The PDF renderer on awkward content: markup characters, control
characters, empty and short table rows, words longer than a column."""

from __future__ import annotations

import io
import subprocess
import zipfile
from decimal import Decimal

import pytest

from sakip.documents.docx import tulis_docx
from sakip.documents.model import (
    Bagian,
    Daftar,
    Dokumen,
    Grafik,
    Paragraf,
    Sampul,
    Tabel,
    TandaTangan,
)
from sakip.documents.pdf import tulis_pdf
from sakip.documents.tests.conftest import teks_pdf
from sakip.documents.xlsx import tulis_xlsx


def test_awkward_text_is_printed_as_text(tmp_path):
    dokumen = Dokumen(
        "lkjip",
        "Uji <b> & co",
        Sampul(["Judul & <x>"], "Instansi\x00", "Pemda", 2024),
        [
            Bagian(
                "Bab <1>",
                isi=[
                    Paragraf("a\x0bb <i>c</i> & d " + "x" * 300),
                    Paragraf("", "peringatan"),
                    Tabel("Tabel kosong", ["A", "B"], []),
                    Tabel("Tanpa teks", ["", ""], [["", ""]]),
                    Tabel(
                        "Tabel pendek",
                        ["Kode", "Pagu", "Catatan"],
                        [["1"], ["http://" + "a" * 200, "Rp 1,00"]],
                        angka=frozenset({1}),
                    ),
                    Daftar([]),
                    Daftar(["<a>", "b & c"]),
                    TandaTangan(None, {"jabatan": "Camat", "nama": "", "pangkat": "", "nip": ""}),
                ],
            ),
            Bagian("Sub-sub bab right under a bab", tingkat=3),
        ],
    )
    pdf = tmp_path / "uji.pdf"
    pdf.write_bytes(tulis_pdf(dokumen))
    # pdftotext -layout may drop a narrow space: compare without any.
    teks = "".join(teks_pdf(pdf).split())
    for potongan in ("JUDUL&<X>", "BAB<1>", "<i>c</i>&d", "b&c", "Rp1,00", "Camat", "Sub-subbab"):
        assert potongan in teks
    # The DOCX and the XLSX take the same content: XML cannot hold control
    # characters, so the model drops them (a vertical tab becomes a newline).
    xml = zipfile.ZipFile(io.BytesIO(tulis_docx(dokumen))).read("word/document.xml").decode()
    assert "b &amp; c" in xml and "Instansi\x00" not in xml
    assert dokumen.bagian[0].isi[0].teks.startswith("a\nb <i>c</i>")
    assert tulis_xlsx(dokumen)


def test_a_table_without_columns_or_with_a_row_longer_than_the_header_is_refused():
    with pytest.raises(ValueError, match="lebih panjang dari kepala"):
        Tabel("T", ["A"], [["1", "2"]])
    with pytest.raises(ValueError, match="tanpa kolom"):
        Tabel("T", [], [])


def test_charts_with_missing_values_are_drawn_in_embedded_fonts(tmp_path):
    tahun = ["2020", "2021"]
    grafik = [
        Grafik("satu seri kosong", "tren", tahun, {"Target": [None, None], "Realisasi": [1, 2]}),
        Grafik("satu titik", "tren", ["2020"], {"Target": [Decimal(5)], "Realisasi": [None]}),
        Grafik("tanpa tahun", "tren", [], {"Target": [], "Realisasi": []}),
        Grafik("tanpa nilai", "tren", tahun, {"Target": [None, None]}, Decimal(100), "batas"),
        Grafik("NRR kosong", "skm", ["U1", "U2"], {"NRR": [None, None]}),
        Grafik("NRR", "skm", ["U1", "U2"], {"NRR": [Decimal("3.5"), None]}, Decimal("3.5"), "r"),
    ]
    dokumen = Dokumen(
        "skm", "Grafik", Sampul(["J"], "I", "P", None), [Bagian("B", isi=grafik)], daftar_isi=False
    )
    pdf = tmp_path / "grafik.pdf"
    pdf.write_bytes(tulis_pdf(dokumen))
    teks = "".join(teks_pdf(pdf).split())
    # Vector charts: their legends and axis labels are text.
    assert "Realisasi" in teks and "2021" in teks and "U2" in teks and "r3,5" in teks
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    assert all(" yes yes " in b for b in fonts.splitlines()[2:])
