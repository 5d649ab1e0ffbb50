"""A fast reader of the cells of an XLSX package.

openpyxl's read-only mode takes seconds to walk 100,000 cells and does not
report merged cells, so the workbook is read here with the C ElementTree
parser: the sheet list, the shared strings, the number format of each
style, then each sheet's cells, formulas and merged ranges in one pass.
Only what the dataset needs is read: values, their types and formats.

Why not python-calamine, which the survey reader uses
(``bench/xlsx_baca.py``, three runs on the shared 2-core machine, a
generated instansi of 40 indicators x 5 years and 3,000 budget lines,
20,069 cells, 167 KB): calamine behind the guards it needs
(:mod:`sakip.dataset.xlsx.jaga`) reads every cell in 0.07-0.13 s where this
layer takes 0.22-0.36 s, 2.7-3.0x faster, or 2.1-2.7x once each cell's style
is read too; but the whole ``sakip check`` of that file takes 1.4-4.1 s, so a
switch would save at most 0.12-0.20 s, 5-10 % of the command (at 300 budget
lines 0.003-0.033 s, 0-2 %). And calamine cannot give what the reader
checks: it exposes no number format (``81.60`` written as 0.00 comes back as
the float 81.6, an int money cell as 5.0, a ``[Blue]@`` literal as plain
text) and no formula (one Excel has not computed reads as an empty cell), so
a switch would still parse each sheet's XML here for every cell's style and
formula: a second pass over the same bytes, for a few percent. This layer
stays. Nor is it where a workbook check spends its time: importing this
package (0.6-0.9 s in a fresh process, mostly openpyxl, loaded for the
built-in formats, date detection and column letters; python-calamine imports
in under 0.01 s) costs about what reading the 3,000-line workbook costs
(``read_workbook`` 0.45-0.73 s) and several times reading a 300-line one
(0.04-0.12 s).
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple
from xml.etree.ElementTree import Element, ParseError, XMLPullParser, fromstring

from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format, is_timedelta_format
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import MAC_EPOCH, WINDOWS_EPOCH, from_excel

_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
_KOLOM = re.compile(r"([A-Z]+)(\d+)")


class BukanXlsx(ValueError):
    """The package is not a workbook that can be read."""


@lru_cache(maxsize=128)  # a file names few tags; bounded all the same
def _lokal(tag: str) -> str:
    return tag.rpartition("}")[2]


def _teks_xml(text: str) -> str:
    # Excel writes characters XML cannot carry (and a literal "_x") as _xHHHH_.
    return _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text) if "_x" in text else text


def _isi_string(elem: Element) -> str:
    """The text of a shared or inline string: its runs, without phonetic hints."""
    parts = []
    for child in elem:
        name = _lokal(child.tag)
        if name == "t":
            parts.append(child.text or "")
        elif name == "r":
            for t in child:
                if _lokal(t.tag) == "t":
                    parts.append(t.text or "")
    return _teks_xml("".join(parts))


def huruf_ke_indeks(huruf: str) -> int:
    """Column letters to a 0-based index.

    >>> huruf_ke_indeks("A"), huruf_ke_indeks("AB")
    (0, 27)
    """
    n = 0
    for ch in huruf:
        n = n * 26 + ord(ch) - 64
    return n - 1


class Sel(NamedTuple):
    """A non-empty cell (a tuple: there are many)."""

    kolom: int  # 0-based
    koordinat: str
    value: object
    data_type: str  # n, s, b, d, e, f (a formula)
    number_format: str


@dataclass
class Lembar:
    judul: str
    path: str
    #: Merged ranges ("B2:C2"), known once the rows have been read.
    gabung: list[str] = field(default_factory=list)


class Paket:
    """An opened XLSX package."""

    def __init__(self, arsip: zipfile.ZipFile):
        self.arsip = arsip
        self.lembar: list[Lembar] = []
        self._strings: list[str] = []
        self._format: list[str] = []
        self._tanggal: list[bool] = []
        self._durasi: list[bool] = []
        self.epoch = WINDOWS_EPOCH
        try:
            self._buku()
            self._gaya()
            self._strings = self._baca_strings()
        except (ParseError, KeyError, ValueError) as exc:
            raise BukanXlsx(f"struktur buku kerja rusak: {exc}") from None

    def _xml(self, path: str) -> Element:
        return fromstring(self.arsip.read(path))

    def _buku(self) -> None:
        self.lembar, self.epoch = lembar_buku(self.arsip)

    def _gaya(self) -> None:
        if "xl/styles.xml" not in self.arsip.namelist():
            self._format, self._tanggal, self._durasi = ["General"], [False], [False]
            return
        gaya = self._xml("xl/styles.xml")
        custom = {}
        for elem in gaya.iter():
            if _lokal(elem.tag) == "numFmt":
                custom[int(elem.get("numFmtId", "0"))] = elem.get("formatCode", "General")
        for elem in gaya:
            if _lokal(elem.tag) == "cellXfs":
                for xf in elem:
                    fmt_id = int(xf.get("numFmtId", "0"))
                    fmt = custom.get(fmt_id) or BUILTIN_FORMATS.get(fmt_id, "General")
                    self._format.append(fmt)
                    self._tanggal.append(is_date_format(fmt))
                    self._durasi.append(is_timedelta_format(fmt))
        if not self._format:
            self._format, self._tanggal, self._durasi = ["General"], [False], [False]

    def _baca_strings(self) -> list[str]:
        for path in ("xl/sharedStrings.xml", "xl/sharedstrings.xml"):
            if path in self.arsip.namelist():
                return [_isi_string(si) for si in self._xml(path) if _lokal(si.tag) == "si"]
        return []

    def baris(self, lembar: Lembar) -> Iterator[tuple[int, list[Sel]]]:
        """(row number, its non-empty cells) of a sheet, in order; fills
        ``lembar.gabung``. Raises :class:`BukanXlsx` on broken XML."""
        parser = XMLPullParser(events=("end",))
        nomor = 0
        try:
            with self.arsip.open(lembar.path) as fh:
                while chunk := fh.read(1 << 16):
                    parser.feed(chunk)
                    for _, elem in parser.read_events():
                        name = _lokal(elem.tag)
                        if name == "row":
                            nomor = int(elem.get("r") or nomor + 1)
                            cells = self._sel_baris(elem, nomor)
                            elem.clear()  # its cells need no memory once read
                            if cells:
                                yield nomor, cells
                        elif name == "mergeCell":
                            lembar.gabung.append(elem.get("ref", ""))
            parser.close()
        except (ParseError, KeyError, ValueError, IndexError) as exc:
            raise BukanXlsx(f"sheet {lembar.judul!r} rusak: {exc}") from None

    def _sel_baris(self, row: Element, nomor: int) -> list[Sel]:
        out = []
        kolom = -1
        for c in row:
            if _lokal(c.tag) != "c":
                continue
            ref = c.get("r")
            if ref:
                m = _KOLOM.fullmatch(ref)
                if m is None:
                    raise ValueError(f"alamat sel tidak sah: {ref!r}")
                kolom = huruf_ke_indeks(m.group(1))
            else:
                kolom += 1
            sel = self._sel(c, kolom, nomor, ref)
            if sel is not None:
                out.append(sel)
        return out

    def _sel(self, c: Element, kolom: int, nomor: int, ref: str | None) -> Sel | None:
        jenis = c.get("t", "n")
        gaya = int(c.get("s") or 0)
        fmt = self._format[gaya] if gaya < len(self._format) else "General"
        v = f = inline = None
        for child in c:
            name = _lokal(child.tag)
            if name == "v":
                v = child.text
            elif name == "f":
                f = child
            elif name == "is":
                inline = child
        koordinat = ref or f"{huruf_kolom(kolom)}{nomor}"
        if f is not None:
            return Sel(kolom, koordinat, "=" + (f.text or ""), "f", fmt)
        if jenis == "inlineStr":
            if inline is None:
                return None
            return Sel(kolom, koordinat, _isi_string(inline), "s", fmt)
        if v is None:
            return None
        if jenis == "s":
            return Sel(kolom, koordinat, self._strings[int(v)], "s", fmt)
        if jenis in ("str", "d"):
            return Sel(kolom, koordinat, _teks_xml(v), "s", fmt)
        if jenis == "b":
            return Sel(kolom, koordinat, v.strip() in ("1", "true"), "b", fmt)
        if jenis == "e":
            return Sel(kolom, koordinat, v, "e", fmt)
        number: int | float = float(v) if any(ch in v for ch in ".eE") else int(v)
        if gaya < len(self._tanggal) and self._tanggal[gaya]:
            try:
                tanggal = from_excel(number, self.epoch, timedelta=self._durasi[gaya])
            except (OverflowError, ValueError):
                tanggal = None  # a serial no calendar has: keep the number
            if tanggal is not None:
                return Sel(kolom, koordinat, tanggal, "d", fmt)
        return Sel(kolom, koordinat, number, "n", fmt)


def lembar_buku(arsip: zipfile.ZipFile) -> tuple[list[Lembar], object]:
    """The sheets of a package in the workbook's order, and its date epoch.
    Raises ParseError, KeyError or ValueError on a broken workbook part."""
    buku = fromstring(arsip.read("xl/workbook.xml"))
    rels = {}
    if "xl/_rels/workbook.xml.rels" in arsip.namelist():
        for rel in fromstring(arsip.read("xl/_rels/workbook.xml.rels")):
            target = rel.get("Target", "")
            path = target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)
            rels[rel.get("Id")] = posixpath.normpath(path)
    lembar = []
    epoch = WINDOWS_EPOCH
    for elem in buku.iter():
        name = _lokal(elem.tag)
        if name == "workbookPr" and elem.get("date1904") in ("1", "true"):
            epoch = MAC_EPOCH
        elif name == "sheet":
            path = rels.get(elem.get(f"{{{_REL}}}id"))
            if path is not None:
                lembar.append(Lembar(elem.get("name", ""), path))
    return lembar, epoch


def huruf_kolom(indeks: int) -> str:
    """The letters of a column counted from 0, as a cell reference names it.

    >>> huruf_kolom(0), huruf_kolom(25), huruf_kolom(26)
    ('A', 'Z', 'AA')
    """
    return get_column_letter(indeks + 1)
