"""Guards an XLSX package must pass before python-calamine opens it.

Calamine holds a sheet as a dense grid in memory (a small file can claim
an enormous one, and a cell at XFD1048576 can make it panic), reads a
formula's cached value as if it were typed, and knows nothing of zip bombs
or DTDs. So the package is checked here first: its size, encryption, the
declared and the real expanded size of every part read, DTD/ENTITY
declarations, formulas, cells without an address and each sheet's extent.
Every refusal is a :class:`DatasetInvalid` naming the file (and the sheet).

The limits are the caller's (arguments, not constants here): the survey
reader and the benchmark of the dataset reader share this code.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from xml.etree.ElementTree import ParseError

from sakip.dataset.errors import DatasetInvalid, Galat, Lokasi
from sakip.dataset.xlsx.ooxml import Lembar, huruf_kolom, lembar_buku
from sakip.engine.angka import format_angka

_RUMUS = re.compile(rb"<(?:[\w.-]+:)?f[\s>/]")
_BARIS_SEL = re.compile(rb'\sr="[A-Z]{1,3}([0-9]+)"')
_KOLOM_SEL = re.compile(rb'\sr="([A-Z]+)[0-9]')
#: What a broken package raises while its parts are read: RuntimeError for
#: an encrypted member, zlib.error for a corrupt one.
RUSAK = (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, RuntimeError, zlib.error)


def _angka(n: int) -> str:
    return format_angka(Decimal(n), 0)


def _cetak(teks: str) -> str:
    """Text as a message quotes it: control characters escaped, long text cut."""
    teks = repr(teks)
    return teks if len(teks) <= 40 else teks[:37] + "..."


def salah(path: Path, pesan: str, *, sheet: str | None = None) -> DatasetInvalid:
    return DatasetInvalid([Galat(Lokasi(file=str(path), sheet=sheet), (), pesan)])


@dataclass
class Pindai:
    """What one pass over a part's bytes found."""

    rumus: bool = False
    baris_maks: int = 0
    kolom_maks: int = 0
    tanpa_alamat: bool = False


@dataclass
class LembarAman:
    """A sheet that passed the guards."""

    lembar: Lembar
    pindai: Pindai


def _indeks_huruf(huruf: bytes) -> int:
    n = 0
    for ch in huruf:
        n = n * 26 + ch - 64
    return n - 1


def _terurai(path: Path, maks_terurai: int) -> DatasetInvalid:
    return salah(
        path,
        f"isi buku kerja terurai lebih dari {_angka(maks_terurai)} byte "
        "(berkas terlalu besar atau bom zip)",
    )


def pindai_part(
    arsip: zipfile.ZipFile, part: str, path: Path, sisa: int, maks_terurai: int
) -> tuple[Pindai, int]:
    """Expand one part within the budget ``sisa`` (real bytes, not what the
    header claims), refusing a DTD and noting formulas and the last cell.
    Returns what was found and the bytes expanded."""
    hasil = Pindai()
    dibaca = 0
    bawa = b""
    with arsip.open(part) as fh:
        while blok := fh.read(1 << 20):
            dibaca += len(blok)
            if dibaca > sisa:
                raise _terurai(path, maks_terurai)
            buf = bawa + blok
            # Cut after the last tag so that no tag is split across two reads.
            potong = buf.rfind(b">") + 1
            if potong == 0 and len(buf) < 1 << 22:
                bawa = buf
                continue
            bagian, bawa = (buf[:potong], buf[potong:]) if potong else (buf, b"")
            if b"<!DOCTYPE" in bagian or b"<!ENTITY" in bagian:
                raise salah(path, f"bagian {part} berisi DTD/ENTITY XML: tidak diizinkan")
            if not hasil.rumus and _RUMUS.search(bagian):
                hasil.rumus = True
            # C-level passes (findall, set, map): this runs over every cell.
            baris = _BARIS_SEL.findall(bagian)
            if baris:
                hasil.baris_maks = max(hasil.baris_maks, max(map(int, set(baris))))
            kolom = set(_KOLOM_SEL.findall(bagian))
            if kolom:
                hasil.kolom_maks = max(hasil.kolom_maks, *map(_indeks_huruf, kolom))
            # A cell without its address is placed by counting, which the
            # extent above would miss: Excel and LibreOffice always write it.
            if bagian.count(b"<c ") + bagian.count(b"<c>") > len(baris):
                hasil.tanpa_alamat = True
    if b"<!DOCTYPE" in bawa or b"<!ENTITY" in bawa:
        raise salah(path, f"bagian {part} berisi DTD/ENTITY XML: tidak diizinkan")
    return hasil, dibaca


def periksa_paket(
    path: Path,
    *,
    maks_byte: int,
    maks_terurai: int,
    maks_sel: int,
    semua_lembar: bool = False,
) -> list[LembarAman]:
    """The sheets to read (the first one, or every one with ``semua_lembar``),
    once the package is known to be safe to hand to calamine; raise
    :class:`DatasetInvalid` otherwise. ``maks_sel`` bounds each sheet's grid
    (rows x columns up to its last cell), ``maks_terurai`` every part read."""
    ukuran = path.stat().st_size
    if ukuran > maks_byte:
        raise salah(
            path,
            f"berkas terlalu besar: {_angka(ukuran)} byte, batasnya {_angka(maks_byte)} byte",
        )
    try:
        arsip = zipfile.ZipFile(path)
    except (*RUSAK, ValueError):  # RuntimeError: a zip version Python cannot read
        raise salah(path, "bukan berkas XLSX yang sah (bukan arsip zip, atau rusak)") from None
    hasil: list[LembarAman] = []
    with arsip:
        try:
            info = arsip.infolist()
            if any(i.flag_bits & 0x1 for i in info):
                raise salah(path, "buku kerja terkunci sandi: simpan tanpa sandi")
            if sum(i.file_size for i in info) > maks_terurai:
                raise _terurai(path, maks_terurai)
            nama = set(arsip.namelist())
            if "xl/workbook.xml" not in nama:
                raise salah(path, "bukan berkas XLSX yang sah (tidak ada xl/workbook.xml)")
            sisa = maks_terurai
            for part in ("xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"):
                if part in nama:
                    sisa -= pindai_part(arsip, part, path, sisa, maks_terurai)[1]
            lembar, _ = lembar_buku(arsip)
            if not lembar or lembar[0].path not in nama:
                raise salah(path, "buku kerja tidak punya sheet yang dapat dibaca")
            for part in ("xl/sharedStrings.xml", "xl/sharedstrings.xml"):
                if part in nama:
                    sisa -= pindai_part(arsip, part, path, sisa, maks_terurai)[1]
            for satu in lembar if semua_lembar else lembar[:1]:
                if satu.path not in nama:
                    raise salah(path, f"sheet {satu.judul!r} tidak ada di dalam berkas")
                pindai, dibaca = pindai_part(arsip, satu.path, path, sisa, maks_terurai)
                sisa -= dibaca
                hasil.append(LembarAman(satu, pindai))
        except DatasetInvalid:
            raise
        except (*RUSAK, ParseError, KeyError, ValueError) as exc:
            raise salah(path, f"buku kerja rusak: {_cetak(str(exc))}") from None
    for aman in hasil:
        judul, pindai = aman.lembar.judul, aman.pindai
        if pindai.tanpa_alamat:
            raise salah(
                path,
                f"sheet {judul!r} berisi sel tanpa alamat (atribut r); "
                "simpan ulang berkas dengan Excel atau LibreOffice",
                sheet=judul,
            )
        sel = pindai.baris_maks * (pindai.kolom_maks + 1)
        if sel > maks_sel:
            raise salah(
                path,
                f"sheet {judul!r} terlalu luas: sampai baris "
                f"{_angka(pindai.baris_maks)} kolom {huruf_kolom(pindai.kolom_maks)} "
                f"({_angka(sel)} sel, paling banyak {_angka(maks_sel)})",
                sheet=judul,
            )
    return hasil
