"""Every measurement table of a :class:`Dokumen` as one XLSX sheet each.

Cells hold the report's formatted text (Indonesian style), as printed: the
workbook is a copy of the report's tables, not a data exchange format (that
is ``sakip export --format xlsx``)."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from sakip.documents.model import KETERANGAN_DRAF, Dokumen, Tabel

KEPALA = PatternFill("solid", fgColor="1F3A5F")


def _lembar(wb: Workbook, t: Tabel, nama: str, draf: bool = False) -> None:
    ws = wb.create_sheet(nama[:31])
    ws.append([f"{KETERANGAN_DRAF}: {t.judul}" if draf else t.judul])
    if draf:
        ws["A1"].font = Font(bold=True, size=12, color="B01E1E")
        ws.oddHeader.center.text = KETERANGAN_DRAF
    else:
        ws["A1"].font = Font(bold=True, size=12)
    ws.append(t.kepala)
    for cell in ws[2]:
        cell.font, cell.fill = Font(bold=True, color="FFFFFF"), KEPALA
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for i, baris in enumerate(t.baris + t.kaki):
        ws.append(baris)
        tingkat = t.tingkat[i] if i < len(t.tingkat) else 0
        row = ws.max_row
        for j in t.angka:
            ws.cell(row, j + 1).alignment = Alignment(horizontal="right")
        if tingkat and len(baris) > 1:
            ws.cell(row, 2).alignment = Alignment(indent=tingkat)
        if i >= len(t.baris):
            for cell in ws[row]:
                cell.font = Font(bold=True)
    for j, judul in enumerate(t.kepala, start=1):
        panjang = max([len(judul)] + [len(b[j - 1]) for b in t.baris + t.kaki if len(b) >= j])
        ws.column_dimensions[get_column_letter(j)].width = min(max(panjang + 2, 6), 60)
    ws.freeze_panes = "A3"


def tulis_xlsx(dokumen: Dokumen) -> bytes:
    wb = Workbook()
    wb.remove(wb.active)
    dipakai: dict[str, int] = {}
    isi: dict[str, list[list[str]]] = {}
    for t in dokumen.tabel():
        # The PK tables appear in Bab II and again in Lampiran 1: one sheet.
        if not t.lembar or isi.get(t.lembar) == t.baris:
            continue
        isi[t.lembar] = t.baris
        n = dipakai[t.lembar] = dipakai.get(t.lembar, 0) + 1
        _lembar(wb, t, t.lembar if n == 1 else f"{t.lembar[:27]} ({n})", dokumen.draf)
    if dokumen.peringatan:
        ws = wb.create_sheet("Kekurangan Data")
        if dokumen.draf:
            ws.append([KETERANGAN_DRAF])
        ws.append(["Kekurangan data"])
        for p in dokumen.peringatan:
            ws.append([p])
    if not wb.sheetnames:
        ws = wb.create_sheet("Kosong")
        if dokumen.draf:
            ws.append([KETERANGAN_DRAF])
        ws.append(["Tidak ada tabel pengukuran."])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
