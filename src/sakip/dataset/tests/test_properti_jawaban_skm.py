"""Property tests (issue 11): random bytes, random cells and random
mutations of a valid survey file, as CSV and XLSX, never raise anything
but :class:`DatasetInvalid`; a file accepted gives answers 0-4 only."""

import io
import tempfile
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from sakip.dataset.errors import DatasetInvalid
from sakip.dataset.jawaban_skm import baca_jawaban

KODE = ["U1", "U2", "U3"]
CSV_BAIK = b"U1,U2,U3,layanan,umur\r\n4,3,,KTP,34\r\n1,2,3,KK,20-29 tahun\r\n"
SEL = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-10, 10),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from(["1", "4", " 3 ", "", "x", "=1+1", "\x1b", "30-39 tahun", "-5"]),
    st.text(max_size=20).filter(lambda t: not any(0xD800 <= ord(c) <= 0xDFFF for c in t)),
)


def _tulisan(v):
    # openpyxl cannot write a control character: the CSV pass keeps them.
    if isinstance(v, str) and ILLEGAL_CHARACTERS_RE.search(v):
        return repr(v)
    return v


def _xlsx(rows) -> bytes:
    wb = Workbook()
    for row in rows:
        wb.active.append([_tulisan(v) for v in row])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


XLSX_BAIK = _xlsx([["U1", "U2", "U3", "umur"], [4, 3, None, 34], [1, 2, 3, 19]])


def _baca(isi: bytes, akhiran: str) -> None:
    with tempfile.TemporaryDirectory() as d:
        f = Path(d) / f"jawaban{akhiran}"
        f.write_bytes(isi)
        try:
            data = baca_jawaban(f, KODE)
        except DatasetInvalid as exc:
            assert exc.galat and all(str(f) in str(g) for g in exc.galat)
            return
        assert len(data.matriks) > 0 and int(data.matriks.max()) <= 4


PROPERTI = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTI
@given(st.binary(max_size=2000), st.sampled_from([".csv", ".xlsx"]))
def test_random_bytes_never_crash(isi, akhiran):
    _baca(isi, akhiran)


@PROPERTI
@given(st.lists(st.tuples(st.integers(0, len(CSV_BAIK) - 1), st.binary(max_size=4)), max_size=6))
def test_mutated_csv_never_crashes(ubah):
    isi = bytearray(CSV_BAIK)
    for letak, sisip in ubah:
        isi[letak : letak + 1] = sisip
    _baca(bytes(isi), ".csv")


@PROPERTI
@given(st.lists(st.lists(SEL, max_size=6), max_size=5))
def test_arbitrary_cells_never_crash(baris):
    _baca(_xlsx([["U1", "U2", "U3", "umur", "layanan"], *baris]), ".xlsx")
    teks = "\n".join(",".join("" if v is None else str(v) for v in b) for b in baris)
    _baca(("U1,U2,U3,umur,layanan\n" + teks).encode("utf-8", "replace"), ".csv")


@PROPERTI
@given(st.integers(0, len(XLSX_BAIK) - 1), st.binary(min_size=1, max_size=8))
def test_mutated_xlsx_never_crashes(letak, sisip):
    isi = XLSX_BAIK[:letak] + sisip + XLSX_BAIK[letak + len(sisip) :]
    _baca(isi, ".xlsx")


@PROPERTI
@given(st.binary(max_size=300), st.sampled_from(["xl/worksheets/sheet1.xml", "xl/workbook.xml"]))
def test_a_broken_part_inside_a_valid_zip_never_crashes(xml, part):
    masuk = zipfile.ZipFile(io.BytesIO(XLSX_BAIK))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as keluar:
        for info in masuk.infolist():
            keluar.writestr(info.filename, xml if info.filename == part else masuk.read(info))
    _baca(buf.getvalue(), ".xlsx")
