"""Open a workbook and read each known sheet into decoded rows.

Everything about the file itself is checked here: its size, that it is an
XLSX (zip) file, the sheets and headers, formulas and merged cells, and that
every cell fits its column. The rows are then assembled by ``build``.
"""

from __future__ import annotations

import io
import os
import zipfile
import zlib
from dataclasses import dataclass, field
from typing import IO

from sakip.dataset.berkas import baca_byte
from sakip.dataset.errors import DatasetInvalid, Galat, Lokasi
from sakip.dataset.xlsx.cells import SelSalah, baca_sel, kosong
from sakip.dataset.xlsx.layout import LEMBAR, Kolom, normal
from sakip.dataset.xlsx.layout import Lembar as LembarSpec
from sakip.dataset.xlsx.ooxml import BukanXlsx, Lembar, Paket, huruf_kolom

# The parts uncompressed may be this many times the file limit: more is a
# zip bomb, or a workbook far larger than any dataset.
RASIO_TERURAI = 5
# What a broken package raises while its parts are read: RuntimeError for an
# encrypted member, zlib.error for a corrupt one.
_RUSAK = (BukanXlsx, zipfile.BadZipFile, OSError, EOFError, RuntimeError, zlib.error)


@dataclass
class BarisBaca:
    """One non-empty row: decoded values and their cells, by column key."""

    nomor: int
    sel: dict[str, object] = field(default_factory=dict)
    koordinat: dict[str, str] = field(default_factory=dict)

    @property
    def pertama(self) -> str:
        return next(iter(self.koordinat.values()), f"A{self.nomor}")


@dataclass
class LembarBaca:
    lembar: LembarSpec
    judul: str  # the sheet's title as the workbook spells it
    baris: list[BarisBaca]
    #: Column key -> header cell ("C1").
    kolom: dict[str, str]


class _Pemindai:
    def __init__(self, file: str | None):
        self.file = file
        self.galat: list[Galat] = []

    def salah(self, pesan: str, sheet: str | None = None, cell: str | None = None) -> None:
        self.galat.append(Galat(Lokasi(file=self.file, sheet=sheet, cell=cell), (), pesan))

    def baca(self, source: str | os.PathLike | IO[bytes], max_bytes: int) -> dict[str, LembarBaca]:
        data = self._bytes(source, max_bytes)
        if data is None:
            return {}
        try:
            arsip = zipfile.ZipFile(io.BytesIO(data))
        except (*_RUSAK, ValueError):  # RuntimeError: a zip version Python cannot read
            self.salah("bukan berkas XLSX yang sah (bukan arsip zip)")
            return {}
        with arsip:
            terurai = sum(info.file_size for info in arsip.infolist())
            if terurai > max_bytes * RASIO_TERURAI:
                self.salah(f"isi berkas terurai terlalu besar ({terurai} byte)")
                return {}
            if "xl/workbook.xml" not in arsip.namelist():
                self.salah("bukan berkas XLSX yang sah (tidak ada xl/workbook.xml)")
                return {}
            try:
                return self._lembar(Paket(arsip))
            except _RUSAK as exc:
                self.salah(f"buku kerja tidak dapat dibaca: {exc}")
                return {}

    def _bytes(self, source: str | os.PathLike | IO[bytes], max_bytes: int) -> bytes | None:
        try:
            return baca_byte(source, filename=self.file, max_bytes=max_bytes)
        except DatasetInvalid as exc:
            self.galat += exc.galat
            return None

    def _lembar(self, paket: Paket) -> dict[str, LembarBaca]:
        ada = {lembar.judul.casefold(): lembar for lembar in paket.lembar}
        hasil = {}
        for spec in LEMBAR:
            lembar = ada.get(spec.nama.casefold())
            if lembar is None:
                if spec.wajib:
                    self.salah(f"sheet {spec.nama!r} tidak ada", sheet=spec.nama)
                continue
            baca = self._isi(paket, lembar, spec)
            for rentang in lembar.gabung:
                self.salah(
                    f"sel digabung ({rentang}); pisahkan sel (unmerge) dan isi tiap sel",
                    lembar.judul,
                    rentang,
                )
            if baca is not None:
                hasil[spec.nama] = baca
        return hasil

    def _isi(self, paket: Paket, lembar: Lembar, spec: LembarSpec) -> LembarBaca | None:
        kolom: dict[int, Kolom] | None = None
        baris_baca = []
        for nomor, cells in paket.baris(lembar):
            if nomor == 1:
                kolom = self._judul(lembar.judul, spec, cells)
                continue
            if kolom is None:  # no header row at all
                kolom = self._judul(lembar.judul, spec, [])
            if not kolom:
                continue
            baris = self._baris(lembar.judul, kolom, nomor, cells)
            if baris.sel:
                baris_baca.append(baris)
        if kolom is None:
            kolom = self._judul(lembar.judul, spec, [])
        if not kolom:
            return None
        posisi = {k.kunci: f"{huruf_kolom(i)}1" for i, k in kolom.items()}
        return LembarBaca(spec, lembar.judul, baris_baca, posisi)

    def _baris(self, sheet: str, kolom: dict[int, Kolom], nomor: int, cells: list) -> BarisBaca:
        baris = BarisBaca(nomor)
        for cell in cells:
            if cell.data_type == "f":
                self.salah("sel berisi rumus; isi dengan nilai", sheet, cell.koordinat)
                continue
            if kosong(cell.value):
                continue
            spec = kolom.get(cell.kolom)
            if spec is None:
                self.salah("sel berisi nilai di kolom tanpa judul", sheet, cell.koordinat)
                continue
            try:
                baris.sel[spec.kunci] = baca_sel(
                    spec.jenis, cell.value, cell.data_type, cell.number_format
                )
            except SelSalah as exc:
                self.salah(f"kolom {spec.judul!r}: {exc}", sheet, cell.koordinat)
                continue
            baris.koordinat[spec.kunci] = cell.koordinat
        return baris

    def _judul(self, sheet: str, spec: LembarSpec, cells: list) -> dict[int, Kolom]:
        """Column index -> column of the header row; empty when a required
        header is missing (the sheet's rows are then not read)."""
        dikenal = {}
        for k in spec.kolom:
            dikenal[normal(k.judul)] = k
            dikenal[normal(k.kunci)] = k
        kolom: dict[int, Kolom] = {}
        dipakai: set[str] = set()
        for cell in cells:
            if cell.data_type == "f":
                self.salah("sel berisi rumus; isi dengan nilai", sheet, cell.koordinat)
                continue
            if kosong(cell.value):
                continue
            k = dikenal.get(normal(str(cell.value)))
            if k is None:
                self.salah(f"judul kolom tidak dikenal: {cell.value!r}", sheet, cell.koordinat)
            elif k.kunci in dipakai:
                self.salah(f"judul kolom {k.judul!r} muncul dua kali", sheet, cell.koordinat)
            else:
                kolom[cell.kolom] = k
                dipakai.add(k.kunci)
        hilang = [k.judul for k in spec.kolom if k.wajib and k.kunci not in dipakai]
        for nama in hilang:
            self.salah(f"kolom {nama!r} tidak ada di baris judul (baris 1)", sheet, "A1")
        return {} if hilang else kolom


def pindai(
    source: str | os.PathLike | IO[bytes], *, filename: str | None, max_bytes: int
) -> tuple[dict[str, LembarBaca], list[Galat]]:
    """The known sheets of a workbook as rows, and every error found."""
    pemindai = _Pemindai(filename)
    lembar = pemindai.baca(source, max_bytes)
    return lembar, pemindai.galat
