"""Property tests (issue 11): random bytes and random mutations of the
shipped datasets, written to a file of each extension and read by
:func:`baca_dataset`, the one entry point, never raise anything but
:class:`DatasetInvalid`; a file that is accepted is checked by the engine
(``sakip check``'s computation and its text and JSON output) without a
traceback."""

from __future__ import annotations

import io
import re
import tempfile
from functools import cache
from pathlib import Path

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sakip.cli.keluaran import laporan_json, laporan_teks
from sakip.dataset.baca import baca_dataset
from sakip.dataset.dump import dump_json
from sakip.dataset.errors import DatasetInvalid
from sakip.dataset.xlsx import write_workbook
from sakip.engine.laporan import hitung_laporan

DEMO = Path(__file__).resolve().parents[2] / "demo"
SHIPPED = sorted(DEMO.glob("*.yaml"))
EXTENSIONS = [".yaml", ".yml", ".json", ".xlsx", ".xlsm"]

#: Values a careless or hostile hand puts where a value was.
HOSTILE = [
    "1:30:00",
    "0x5AB0A8C",
    "0123",
    "0b101",
    "1.0e+400",
    "1.0e-400",
    "1.0e+26",
    "95098700.001",
    "-1",
    ".inf",
    ".nan",
    "~",
    "''",
    "[]",
    "{}",
    "[1, 2, 3]",
    '"\\e[2J\\a\\0"',
    '"\\x9b"',
    "*tidak_ada",
    "&a x",
    "!!python/object:os.system",
    "!!binary aGFsbw==",
    "2021-02-30",
    "yes",
    "- a",
    "{",
    "[",
    '"',
    "x" * 300,
]
#: What may stand where a number was.
HOSTILE_ANGKA = [
    "1:30:00",
    "0x5AB0A8C",
    "0123",
    "0b101",
    "1.0e+400",
    "1.0e-400",
    "1.0e+26",
    "-1.0e+26",
    "95098700.001",
    "-1",
    ".inf",
    "~",
    "'12 Bulan'",
]
HOSTILE_JSON = [
    "1e400",
    "1e-400",
    "-1",
    "95098700.001",
    "1E19",
    "NaN",
    "Infinity",
    "null",
    "[]",
    "{}",
    '"\\u001b[2J"',
    '"\\u0000"',
    '"\\ud800"',
    "{",
    "]",
    "0x10",
    "01",
    '"' + "x" * 300 + '"',
]
HOSTILE_CELL: list[object] = [
    1e308,
    -1e308,
    5e-324,
    95098700.001,
    1e19,
    -1,
    "0x5AB0A8C",
    "1:30:00",
    "=1+1",
    "Kecamatan\x7fRobatal\x9b",
    "x" * 300,
    "",
    True,
    "[1,",
]


def _baca(data: bytes, ext: str) -> None:
    """Write ``data`` to a temporary file and read it: accepted, or refused
    with :class:`DatasetInvalid`; an accepted file is computed and printed."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"data{ext}"
        path.write_bytes(data)
        try:
            ds = baca_dataset(path)
        except DatasetInvalid as exc:
            assert exc.galat and all(str(g) for g in exc.galat)
            return
    laporan = hitung_laporan(ds.doc, responden=ds.responden)
    laporan_teks(laporan, ds.doc, str(path))
    laporan_json(laporan, ds.doc)


@cache
def _teks(i: int) -> str:
    return SHIPPED[i].read_text(encoding="utf-8")


@cache
def _json(i: int) -> str:
    return dump_json(baca_dataset(SHIPPED[i]).doc)


@cache
def _xlsx(i: int) -> bytes:
    out = io.BytesIO()
    write_workbook(baca_dataset(SHIPPED[i]).doc, out)
    return out.getvalue()


_dataset = st.integers(min_value=0, max_value=len(SHIPPED) - 1)
_settings = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def test_the_shipped_datasets_are_there():
    assert len(SHIPPED) >= 2


@_settings
@given(data=st.binary(max_size=2048), ext=st.sampled_from(EXTENSIONS))
def test_random_bytes_never_raise_a_traceback(data, ext):
    _baca(data, ext)


@st.composite
def _mutasi_byte(draw: st.DrawFn, data: bytes) -> bytes:
    """``data`` with a few bytes replaced, inserted or deleted, or cut short."""
    out = bytearray(data)
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        pos = draw(st.integers(min_value=0, max_value=max(len(out) - 1, 0)))
        jenis = draw(st.sampled_from(["ganti", "sisip", "hapus", "potong"]))
        if jenis == "ganti" and out:
            out[pos] = draw(st.integers(min_value=0, max_value=255))
        elif jenis == "sisip":
            out[pos:pos] = draw(st.binary(min_size=1, max_size=8))
        elif jenis == "hapus":
            del out[pos : pos + draw(st.integers(min_value=1, max_value=64))]
        else:
            del out[pos:]
    return bytes(out)


@_settings
@given(st.data(), _dataset, st.sampled_from([".yaml", ".json", ".xlsx"]))
def test_byte_mutations_of_the_shipped_datasets_never_raise_a_traceback(data, i, ext):
    asal = _xlsx(i) if ext == ".xlsx" else (_json(i) if ext == ".json" else _teks(i)).encode()
    _baca(data.draw(_mutasi_byte(asal)), ext)


@st.composite
def _mutasi_yaml(draw: st.DrawFn, teks: str) -> str:
    """The text with the values of a few ``key: value`` lines replaced by
    hostile ones, or lines duplicated or dropped."""
    lines = teks.split("\n")
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        n = draw(st.integers(min_value=0, max_value=len(lines) - 1))
        line = lines[n]
        jenis = draw(st.sampled_from(["nilai", "ulang", "hapus", "indent"]))
        if jenis == "nilai" and ": " in line:
            lines[n] = line.split(": ", 1)[0] + ": " + draw(st.sampled_from(HOSTILE))
        elif jenis == "ulang":
            lines.insert(n, line)
        elif jenis == "hapus":
            del lines[n]
        else:
            lines[n] = " " * draw(st.integers(min_value=0, max_value=6)) + line.lstrip()
    return "\n".join(lines)


@_settings
@given(st.data(), _dataset)
def test_value_mutations_of_the_shipped_yaml_never_raise_a_traceback(data, i):
    _baca(data.draw(_mutasi_yaml(_teks(i))).encode(), ".yaml")


# A number where a value is written (block or flow style).
_ANGKA_YAML = re.compile(r"(?<=[:\[,] )-?\d[\d.]*(?=[,\]}\s]|$)", re.MULTILINE)


@st.composite
def _mutasi_angka_yaml(draw: st.DrawFn, teks: str) -> str:
    """The text with a few of its numbers (money, targets, years) replaced
    by hostile values: where a wrong number does its harm."""
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        tokens = list(_ANGKA_YAML.finditer(teks))
        m = tokens[draw(st.integers(min_value=0, max_value=len(tokens) - 1))]
        teks = teks[: m.start()] + draw(st.sampled_from(HOSTILE_ANGKA)) + teks[m.end() :]
    return teks


@_settings
@given(st.data(), _dataset)
def test_number_mutations_of_the_shipped_yaml_never_raise_a_traceback(data, i):
    _baca(data.draw(_mutasi_angka_yaml(_teks(i))).encode(), ".yaml")


@st.composite
def _mutasi_json(draw: st.DrawFn, teks: str) -> str:
    """The JSON text with a few numbers or strings replaced by hostile text."""
    tokens = list(re.finditer(r'-?\d[\d.eE+-]*|"(?:[^"\\]|\\.)*"', teks))
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        m = tokens[draw(st.integers(min_value=0, max_value=len(tokens) - 1))]
        start, end = m.span()
        if start <= len(teks) and teks[start:end] == m.group():
            teks = teks[:start] + draw(st.sampled_from(HOSTILE_JSON)) + teks[end:]
    return teks


@_settings
@given(st.data(), _dataset)
def test_value_mutations_of_the_shipped_json_never_raise_a_traceback(data, i):
    _baca(data.draw(_mutasi_json(_json(i))).encode(), ".json")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data(), _dataset)
def test_cell_mutations_of_the_shipped_workbooks_never_raise_a_traceback(data, i):
    wb = openpyxl.load_workbook(io.BytesIO(_xlsx(i)))
    # Mostly the cells that hold a number (money, targets, years), where a
    # wrong value does its harm; sometimes any cell.
    angka = [
        c
        for ws in wb
        for row in ws.iter_rows()
        for c in row
        if isinstance(c.value, int | float) and not isinstance(c.value, bool)
    ]
    for _ in range(data.draw(st.integers(min_value=1, max_value=3))):
        if data.draw(st.booleans()):
            sel = angka[data.draw(st.integers(min_value=0, max_value=len(angka) - 1))]
        else:
            ws = wb[data.draw(st.sampled_from(wb.sheetnames))]
            row = data.draw(st.integers(min_value=1, max_value=max(ws.max_row, 1)))
            col = data.draw(st.integers(min_value=1, max_value=max(ws.max_column, 1)))
            sel = ws.cell(row=row, column=col)
        sel.value = data.draw(st.sampled_from(HOSTILE_CELL))
    out = io.BytesIO()
    wb.save(out)
    _baca(out.getvalue(), ".xlsx")
