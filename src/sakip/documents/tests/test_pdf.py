"""The PDF renderer on awkward content: markup characters, control
characters, empty and short table rows, words longer than a column."""

from __future__ import annotations

import pytest

from sakip.documents.model import (
    Bagian,
    Daftar,
    Dokumen,
    Paragraf,
    Sampul,
    Tabel,
    TandaTangan,
)
from sakip.documents.pdf import tulis_pdf
from sakip.documents.tests.conftest import teks_pdf


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


def test_a_row_longer_than_the_header_is_refused():
    with pytest.raises(ValueError, match="lebih panjang dari kepala"):
        Tabel("T", ["A"], [["1", "2"]])
