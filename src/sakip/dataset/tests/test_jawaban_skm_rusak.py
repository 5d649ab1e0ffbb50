"""Hostile and careless survey files (issue 11): each is refused with one
clear message naming where the problem is, never a traceback; the fast
readers (pyarrow, calamine) agree with the exact one."""

import io
import zipfile

import numpy as np
import pytest
from openpyxl import Workbook

from sakip.dataset import jawaban_skm
from sakip.dataset.errors import DatasetInvalid
from sakip.dataset.jawaban_skm import baca_jawaban

KODE = ["U1", "U2", "U3"]
BAIK = "U1,U2,U3,umur\n4,3,2,25\n"


def _xlsx_bytes(rows) -> bytes:
    wb = Workbook()
    for row in rows:
        wb.active.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _ganti_sheet(data: bytes, ubah) -> bytes:
    """The same workbook with its sheet XML rewritten by ``ubah``."""
    masuk = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as keluar:
        for info in masuk.infolist():
            isi = masuk.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                isi = ubah(isi.decode()).encode()
            keluar.writestr(info.filename, isi)
    return buf.getvalue()


BOM_BAIK = _xlsx_bytes([["U1", "U2", "U3"], [4, 4, 4]])
BOM_ENTITAS = _ganti_sheet(
    BOM_BAIK,
    lambda s: s.replace(
        "<worksheet",
        '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><worksheet',
        1,
    ),
)
BOM_LUAS = _ganti_sheet(
    BOM_BAIK,
    lambda s: s.replace(
        "</sheetData>", '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>'
    ),
)
BOM_RUMUS = _xlsx_bytes([["U1", "U2", "U3"], [4, "=1+3", 4]])
BOM_TANPA_ALAMAT = _ganti_sheet(BOM_BAIK, lambda s: s.replace(' r="A2"', ""))


def _bom_zip() -> bytes:
    """A small zip whose sheet expands past the limit."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        masuk = zipfile.ZipFile(io.BytesIO(BOM_BAIK))
        for info in masuk.infolist():
            isi = masuk.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                isi = isi + b" " * 2_000_000
            z.writestr(info.filename, isi)
    return buf.getvalue()


# (name, bytes of the file, extension, a fragment of the one message)
KASUS = [
    ("latin-1", "U1,U2,U3,layanan\n4,4,4,caf\xe9\n".encode("latin-1"), ".csv", "bukan teks UTF-8"),
    ("utf-16", BAIK.encode("utf-16"), ".csv", "UTF-16"),
    ("nul", b"U1,U2,U3,layanan\n4,4,4,a\x00b\n", ".csv", "karakter kendali"),
    ("escape", b"U1,U2,U3,layanan\n4,4,4,\x1b[2J\n", ".csv", "karakter kendali"),
    ("random bytes", bytes(range(256)) * 4, ".csv", "bukan teks UTF-8"),
    ("empty csv", b"", ".csv", "berkas kosong"),
    # Found by the property test: a carriage return before the header.
    ("carriage return first", b"\rU1,U2,U3\n4,4,4\n", ".csv", "berkas kosong"),
    ("header only", b"U1,U2,U3\n", ".csv", "tidak ada responden"),
    ("header only, blank rows", b"U1,U2,U3\n,,\n\n", ".csv", "tidak ada responden"),
    ("missing unsur", b"U1,U2\n4,4\n", ".csv", "kolom unsur tidak ada: U3"),
    ("duplicate column", b"U1,U2,U3,U1\n4,4,4,1\n", ".csv", "kolom u1 ada 2 kali"),
    ("umur negative", b"U1,U2,U3,umur\n4,4,4,-5\n", ".csv", "umur '-5' harus bilangan bulat"),
    ("umur text", b"U1,U2,U3,umur\n4,4,4,abc\n", ".csv", "umur 'abc' harus"),
    ("umur too old", b"U1,U2,U3,umur\n4,4,4,500\n", ".csv", "umur '500' harus"),
    ("profile without answers", b"U1,U2,U3,umur\n4,4,4,30\n,,,40\n", ".csv", "baris 3: ada data"),
    ("long profile", b"U1,U2,U3,layanan\n4,4,4," + b"x" * 300 + b"\n", ".csv", "terlalu panjang"),
    (
        "field over the csv limit and a bad value",
        b'U1,U2,U3,layanan\n5,4,4,"' + b"a" * 200_000 + b'"\n',
        ".csv",
        "baris 2",
    ),
    ("not a zip", b"PK\x03\x04garbage", ".xlsx", "bukan berkas XLSX yang sah"),
    ("empty xlsx", b"", ".xlsx", "bukan berkas XLSX yang sah"),
    ("truncated xlsx", BOM_BAIK[: len(BOM_BAIK) // 2], ".xlsx", "bukan berkas XLSX yang sah"),
    ("entity bomb", BOM_ENTITAS, ".xlsx", "DTD/ENTITY"),
    ("sheet grid too large", BOM_LUAS, ".xlsx", "terlalu luas"),
    ("formula", BOM_RUMUS, ".xlsx", "sel B2 berisi rumus"),
    ("cell without address", BOM_TANPA_ALAMAT, ".xlsx", "tanpa alamat"),
    ("header-only xlsx", _xlsx_bytes([["U1", "U2", "U3"]]), ".xlsx", "tidak ada responden"),
    ("bool answer", _xlsx_bytes([["U1", "U2", "U3"], [True, 4, 4]]), ".xlsx", "nilai True"),
]


@pytest.mark.parametrize(
    ("isi", "akhiran", "pesan"), [k[1:] for k in KASUS], ids=[k[0] for k in KASUS]
)
def test_a_bad_survey_file_is_refused_with_one_clear_message(tmp_path, isi, akhiran, pesan):
    f = tmp_path / f"jawaban{akhiran}"
    f.write_bytes(isi)
    with pytest.raises(DatasetInvalid) as exc:
        baca_jawaban(f, KODE)
    teks = str(exc.value)
    assert pesan in teks
    assert str(f) in teks


def test_a_zip_bomb_is_refused_before_it_is_expanded(tmp_path, monkeypatch):
    monkeypatch.setattr(jawaban_skm, "MAKS_TERURAI", 1_000_000)
    f = tmp_path / "bom.xlsx"
    f.write_bytes(_bom_zip())
    with pytest.raises(DatasetInvalid, match="terurai lebih dari"):
        baca_jawaban(f, KODE)


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path, monkeypatch):
    monkeypatch.setattr(jawaban_skm, "MAKS_BYTE_CSV", 10)
    f = tmp_path / "besar.csv"
    f.write_text(BAIK)
    with pytest.raises(DatasetInvalid, match=r"berkas terlalu besar: \d+ byte, batasnya 10 byte"):
        baca_jawaban(f, KODE)


def test_too_many_rows_are_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(jawaban_skm, "MAKS_BARIS", 2)
    f = tmp_path / "banyak.csv"
    f.write_text("U1,U2,U3\n" + "4,4,4\n" * 3)
    with pytest.raises(DatasetInvalid, match="terlalu banyak baris"):
        baca_jawaban(f, KODE)


def test_semicolons_and_a_bom_from_excel_are_read(tmp_path):
    f = tmp_path / "excel.csv"
    f.write_bytes("\ufeffU1;U2;U3;Umur\r\n4;3;;30-39 TAHUN\r\n1;1;1;19\r\n".encode())
    data = baca_jawaban(f, KODE)
    assert data.matriks.tolist() == [[4, 3, 0], [1, 1, 1]]
    assert data.profil["umur"].label == ("30-39 tahun", "< 20 tahun")


def test_a_bad_value_among_many_is_named_by_its_line(tmp_path):
    # The fast reader skips blank lines: the line must still be the file's.
    f = tmp_path / "banyak.csv"
    f.write_text("U1,U2,U3\n4,4,4\n\n" + "3,3,3\n" * 1000 + '2,"x\ny",2\n')
    with pytest.raises(DatasetInvalid) as exc:
        baca_jawaban(f, KODE)
    (g,) = exc.value.galat
    assert g.lokasi.line == 1004 and "kolom U2: nilai 'x\\ny'" in g.pesan


def test_the_fast_and_exact_csv_readers_agree(tmp_path):
    rng = np.random.default_rng(1)
    m = rng.integers(0, 5, size=(500, 3))
    m[:, 0] = rng.integers(1, 5, size=500)
    baris = ["U1,U2,U3,layanan"] + [
        ",".join("" if v == 0 else str(v) for v in r) + f",L{r[0]}" for r in m
    ]
    f = tmp_path / "a.csv"
    f.write_text("\n".join(baris) + "\n")
    cepat = baca_jawaban(f, KODE)
    tepat = jawaban_skm._periksa(f, jawaban_skm._tabel_csv_tepat(f, ",", KODE), KODE)
    assert cepat.matriks.tolist() == tepat.matriks.tolist()
    for p in ("layanan",):
        a, b = cepat.profil[p], tepat.profil[p]
        assert [a.label[i - 1] if i else "" for i in a.kode] == [
            b.label[i - 1] if i else "" for i in b.kode
        ]
