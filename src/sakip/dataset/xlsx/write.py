"""Write a dataset, or the blank template, as an XLSX workbook."""

from __future__ import annotations

import os
from typing import IO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, NamedStyle, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from sakip.dataset.errors import Path
from sakip.dataset.xlsx.cells import FORMAT_TEKS, FORMAT_UANG, Jenis, Sel, tulis_sel
from sakip.dataset.xlsx.jeda import tanpa_gc
from sakip.dataset.xlsx.layout import KUNCI_TEKS, LEMBAR, PETUNJUK_UMUM, Lembar
from sakip.dataset.xlsx.paths import tulis_jalur
from sakip.dataset.xlsx.rows import Baris, Isi, susun

PETUNJUK = "Petunjuk"
_JUDUL_FONT = Font(bold=True, color="FFFFFF")
_JUDUL_ISI = PatternFill("solid", fgColor="1F4E78")
JUDUL = "Judul kolom"
_BUNGKUS = Alignment(wrap_text=True, vertical="top")
# Columns this wide hold prose: wrap it.
_LEBAR_PROSA = 40


def write_workbook(doc: dict, target: str | os.PathLike | IO[bytes]) -> None:
    """Write every section of ``doc`` as one workbook (a path or a binary stream)."""
    with tanpa_gc():
        _buku(susun(doc), templat=False).save(target)


def write_template(target: str | os.PathLike | IO[bytes]) -> None:
    """Write the blank workbook: every sheet with its headers and the Petunjuk."""
    _buku(Isi(), templat=True).save(target)


def _buku(isi: Isi, *, templat: bool) -> Workbook:
    wb = Workbook()
    # One named style for every header cell: cheaper than styling each cell.
    wb.add_named_style(
        NamedStyle(
            JUDUL,
            font=_JUDUL_FONT,
            fill=_JUDUL_ISI,
            alignment=Alignment(wrap_text=True, vertical="top"),
        )
    )
    _petunjuk(wb.active)
    for lembar in LEMBAR:
        ws = wb.create_sheet(lembar.nama)
        _judul(ws, lembar)
        if lembar.akar is not None:
            _kv(ws, lembar, isi.kv[lembar.nama], templat=templat)
        else:
            _baris(ws, lembar, isi.baris[lembar.nama])
    return wb


def _judul(ws: Worksheet, lembar: Lembar) -> None:
    for i, kolom in enumerate(lembar.kolom, 1):
        ws.cell(1, i, kolom.judul).style = JUDUL
        huruf = get_column_letter(i)
        dim = ws.column_dimensions[huruf]
        # The column's own format is what Excel gives the cells a user types
        # into below the data: text stays text, money shows two decimals.
        if kolom.jenis in (Jenis.TEKS, Jenis.KODE, Jenis.BARIS, Jenis.TEKS_ATAU_KODE):
            dim.number_format = FORMAT_TEKS
        elif kolom.jenis is Jenis.UANG:
            dim.number_format = FORMAT_UANG
        dim.width = kolom.lebar
        if kolom.pilihan:
            dv = DataValidation(
                type="list",
                formula1='"' + ",".join(kolom.pilihan) + '"',
                allow_blank=True,
                errorStyle="warning",
            )
            dv.add(f"{huruf}2:{huruf}1048576")
            ws.add_data_validation(dv)
    ws.freeze_panes = "A2"


def _tulis(ws: Worksheet, row: int, col: int, sel: Sel, bungkus: bool) -> None:
    cell = ws.cell(row, col, sel.value)
    if isinstance(sel.value, str) and sel.value.startswith("="):
        cell.data_type = "s"  # text, not a formula
    if sel.number_format != "General":
        cell.number_format = sel.number_format
    if bungkus:
        cell.alignment = _BUNGKUS


def _baris(ws: Worksheet, lembar: Lembar, rows: list[Baris]) -> None:
    posisi = {k.kunci: i for i, k in enumerate(lembar.kolom, 1)}
    bungkus = {k.kunci for k in lembar.kolom if k.lebar >= _LEBAR_PROSA}
    for r, baris in enumerate(rows, 2):
        for kunci, sel in baris.items():
            _tulis(ws, r, posisi[kunci], sel, kunci in bungkus)


def _kv(ws: Worksheet, lembar: Lembar, leaves: list[tuple[Path, object]], *, templat: bool) -> None:
    """Key/value rows: the usual keys first (blank when absent), then the rest."""
    nilai = {tulis_jalur(path): value for path, value in leaves}
    ket = dict(lembar.kunci_baku)
    urutan = list(dict.fromkeys([*ket, *nilai]))
    for r, kunci in enumerate(urutan, 2):
        _tulis(ws, r, 1, Sel(kunci, FORMAT_TEKS), False)
        if kunci in nilai:
            jenis = Jenis.TEKS if isinstance(nilai[kunci], str) else Jenis.NILAI
            _tulis(ws, r, 2, tulis_sel(jenis, nilai[kunci]), True)  # type: ignore[arg-type]
        elif templat and kunci == "format" and lembar.nama == "umum":
            _tulis(ws, r, 2, Sel("sakip-dataset/1", FORMAT_TEKS), True)
        elif kunci in KUNCI_TEKS:
            ws.cell(r, 2).number_format = FORMAT_TEKS
        if kunci in ket:
            _tulis(ws, r, 3, Sel(ket[kunci]), True)


def _petunjuk(ws: Worksheet) -> None:
    ws.title = PETUNJUK
    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["B"].width = 24
    ws.column_dimensions["C"].width = 100
    judul = ws.cell(1, 1, "Petunjuk pengisian dataset SAKIP (format sakip-dataset/1)")
    judul.font = Font(bold=True, size=14)
    r = 3
    for paragraf in PETUNJUK_UMUM:
        ws.cell(r, 1, paragraf)
        r += 1
    r += 1
    for i, teks in enumerate(("Sheet", "Kolom", "Keterangan"), 1):
        ws.cell(r, i, teks).style = JUDUL
    for lembar in LEMBAR:
        r += 1
        ws.cell(r, 1, lembar.nama).font = Font(bold=True)
        ws.cell(r, 3, lembar.ket + (" (wajib ada)" if lembar.wajib else "")).alignment = _BUNGKUS
        for kolom in lembar.kolom:
            r += 1
            ws.cell(r, 2, kolom.judul)
            ket = kolom.ket + (" (judul wajib ada)" if kolom.wajib else "")
            ws.cell(r, 3, ket.strip()).alignment = _BUNGKUS
