"""The guards run before python-calamine opens a workbook, over every sheet."""

from __future__ import annotations

import pytest
from openpyxl import Workbook

from sakip.dataset.baca import baca_dataset
from sakip.dataset.errors import DatasetInvalid
from sakip.dataset.xlsx.jaga import periksa_paket

BATAS = {"maks_byte": 1 << 20, "maks_terurai": 1 << 24, "maks_sel": 1_000_000}


def _buku(path, sel_kedua: str) -> None:
    wb = Workbook()
    wb.active.title = "pertama"
    wb.active["A1"] = "isi"
    wb.create_sheet("kedua")[sel_kedua] = 1
    wb.save(path)


def test_every_sheet_is_guarded_when_asked(tmp_path):
    f = tmp_path / "luas.xlsx"
    _buku(f, "XFD1048576")
    # The first sheet alone is harmless: the survey reader reads only that one.
    (aman,) = periksa_paket(f, **BATAS)
    assert aman.lembar.judul == "pertama"
    with pytest.raises(DatasetInvalid) as exc:
        periksa_paket(f, semua_lembar=True, **BATAS)
    assert "sheet 'kedua' terlalu luas" in str(exc.value)
    assert exc.value.galat[0].lokasi.sheet == "kedua"


def test_a_sound_workbook_passes_with_each_sheet_and_its_extent(tmp_path):
    f = tmp_path / "baik.xlsx"
    _buku(f, "C7")
    aman = periksa_paket(f, semua_lembar=True, **BATAS)
    assert [a.lembar.judul for a in aman] == ["pertama", "kedua"]
    assert (aman[1].pindai.baris_maks, aman[1].pindai.kolom_maks) == (7, 2)
    assert not any(a.pindai.rumus for a in aman)


def _versi_zip_baru(path) -> None:
    """Mark every entry as needing zip version 6.4, which Python's zipfile
    refuses with NotImplementedError (found by the property test)."""
    isi = bytearray(path.read_bytes())
    letak = isi.find(b"PK\x01\x02")
    while letak >= 0:
        isi[letak + 6 : letak + 8] = (64).to_bytes(2, "little")
        letak = isi.find(b"PK\x01\x02", letak + 4)
    path.write_bytes(bytes(isi))


def test_a_zip_of_a_version_python_cannot_read_is_refused_not_a_crash(tmp_path):
    f = tmp_path / "baru.xlsx"
    _buku(f, "C7")
    _versi_zip_baru(f)
    with pytest.raises(DatasetInvalid, match="bukan berkas XLSX yang sah"):
        periksa_paket(f, **BATAS)
    # The dataset workbook reader refuses it the same way.
    with pytest.raises(DatasetInvalid, match="bukan berkas XLSX yang sah"):
        baca_dataset(f)
