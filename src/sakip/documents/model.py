"""The neutral document model every renderer (DOCX, PDF, XLSX) draws.

A :class:`Dokumen` is plain text already formatted the Indonesian way:
the builders (``lkjip.py``, ``pk.py``) format the engine's figures once, so
the three formats cannot disagree on a number.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, is_dataclass
from decimal import Decimal

from sakip.engine.angka import format_angka

#: The mark a draft carries: on its cover, and on (or across) every page.
TANDA_DRAF = "DRAF"
KETERANGAN_DRAF = "DRAF - belum disetujui, bukan dokumen resmi"


@dataclass
class Paragraf:
    teks: str
    gaya: str = "biasa"  # biasa | peringatan (a visible gap) | catatan | tengah


@dataclass
class Daftar:
    butir: list[str]


@dataclass
class Tabel:
    judul: str
    kepala: list[str]
    baris: list[list[str]]
    kaki: list[list[str]] = field(default_factory=list)  # total rows
    angka: frozenset[int] = frozenset()  # columns aligned right
    tingkat: list[int] = field(default_factory=list)  # per row: indent of column 1
    lembar: str = ""  # XLSX sheet name; empty: not a measurement table

    def __post_init__(self) -> None:
        # A table without columns or a row longer than the header is a
        # builder's mistake: say so here, not as a broken layout in one of
        # three formats.
        if not self.kepala:
            raise ValueError(f"tabel {self.judul!r} tanpa kolom")
        for isi in self.baris + self.kaki:
            if len(isi) > len(self.kepala):
                raise ValueError(f"tabel {self.judul!r}: baris {isi!r} lebih panjang dari kepala")


@dataclass
class Grafik:
    """Data of a chart; ``docx_grafik.py`` and ``pdf_grafik.py`` draw it."""

    judul: str
    jenis: str  # "tren" (lines per series over years) | "skm" (bars + mean line)
    label: list[str]
    seri: dict[str, list[Decimal | None]]
    garis: Decimal | None = None  # a reference line (100 % or the mean)
    label_garis: str = ""
    sumbu_y: str = ""

    def label_referensi(self) -> str:
        """The legend of the reference line: "rata-rata NRR 3,45"."""
        if self.garis is None:
            return ""
        return f"{self.label_garis} {format_angka(self.garis)}"

    def keterangan(self) -> str:
        """The caption: the title, and the reference line's value, which a
        reader of the printed chart cannot read off exactly."""
        if self.garis is None:
            return self.judul
        return f"{self.judul} (garis titik-titik: {self.label_referensi()})"


@dataclass
class TandaTangan:
    kiri: dict[str, str] | None  # jabatan, nama, pangkat, nip, keterangan
    kanan: dict[str, str]
    tempat_tanggal: str = ""


Blok = Paragraf | Daftar | Tabel | Grafik | TandaTangan


@dataclass
class Bagian:
    judul: str
    tingkat: int = 1  # 1 = bab, 2 = sub bab, 3 = sub-sub bab
    isi: list[Blok] = field(default_factory=list)
    halaman_baru: bool = False
    di_daftar_isi: bool = True
    #: Laid out on landscape pages of its own: a table too wide for portrait.
    mendatar: bool = False


@dataclass
class Sampul:
    judul: list[str]
    instansi: str
    pemda: str
    tahun: int | None  # None: no "Tahun" line (an SKM file of unknown period)


@dataclass
class Dokumen:
    jenis: str  # lkjip | pk | skm
    judul: str
    sampul: Sampul
    bagian: list[Bagian]
    peringatan: list[str] = field(default_factory=list)
    daftar_isi: bool = True
    #: Not approved yet: every renderer marks each page "DRAF", so that a
    #: printed draft is never taken for the signed report.
    draf: bool = False

    def __post_init__(self) -> None:
        _bersihkan(self)

    def tabel(self) -> list[Tabel]:
        return [b for bag in self.bagian for b in bag.isi if isinstance(b, Tabel)]

    def grafik(self) -> list[Grafik]:
        return [b for bag in self.bagian for b in bag.isi if isinstance(b, Grafik)]


#: Control characters that XML (DOCX, XLSX) cannot hold. A vertical tab is
#: Word's line break when text is pasted from it: it becomes a newline.
_KENDALI = {c: None for c in range(32) if c not in (9, 10, 13)} | {11: "\n"}


def _bersihkan(nilai: object) -> object:
    """``nilai`` with every text free of control characters; dataclasses are
    cleaned in place, so that the three formats print the same text."""
    if isinstance(nilai, str):
        return nilai.translate(_KENDALI)
    if isinstance(nilai, list):
        return [_bersihkan(v) for v in nilai]
    if isinstance(nilai, dict):
        return {_bersihkan(k): _bersihkan(v) for k, v in nilai.items()}
    if is_dataclass(nilai) and not isinstance(nilai, type):
        for f in fields(nilai):
            setattr(nilai, f.name, _bersihkan(getattr(nilai, f.name)))
    return nilai
