"""The plans: RPJMD, Renstra (tujuan -> sasaran -> indikator), the
Perjanjian Kinerja of the year and the quarterly rencana aksi."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sakip.model.indikator import Indikator, indikator_dari, indikator_rpjmd_dari
from sakip.model.nilai import (
    Nilai,
    NilaiTarget,
    angka,
    bulat,
    daftar,
    kode_kode,
    nilai,
    nilai_target,
    peta,
    peta_daftar,
    peta_tahun,
    satu_atau_daftar,
    tanggal,
    teks,
    teks_opsional,
)


@dataclass(frozen=True, slots=True)
class Periode:
    awal: int
    akhir: int

    @property
    def tahun(self) -> range:
        return range(self.awal, self.akhir + 1)


@dataclass(frozen=True, slots=True)
class Misi:
    kode: str
    uraian: str = ""


@dataclass(frozen=True, slots=True)
class UnsurRpjmd:
    """An RPJMD tujuan or sasaran: the codes it serves and its indicators."""

    kode: str
    uraian: str = ""
    misi: tuple[str, ...] = ()
    tujuan: tuple[str, ...] = ()  # a sasaran's RPJMD tujuan
    indikator: tuple[Indikator, ...] = ()


@dataclass(frozen=True, slots=True)
class Rpjmd:
    periode: Periode | None = None
    visi: str = ""
    misi: tuple[Misi, ...] = ()
    tujuan: tuple[UnsurRpjmd, ...] = ()
    sasaran: tuple[UnsurRpjmd, ...] = ()


@dataclass(frozen=True, slots=True)
class Sasaran:
    kode: str
    uraian: str = ""
    mendukung: tuple[str, ...] = ()  # RPJMD codes (cascading)
    indikator: tuple[Indikator, ...] = ()


@dataclass(frozen=True, slots=True)
class Tujuan:
    kode: str
    uraian: str = ""
    mendukung: tuple[str, ...] = ()
    indikator: tuple[Indikator, ...] = ()
    sasaran: tuple[Sasaran, ...] = ()


@dataclass(frozen=True, slots=True)
class DinyatakanCapaian:
    """The agency's overall capaian and predikat of a year, as printed."""

    capaian: Nilai | None = None
    predikat: str | None = None
    sumber: str | None = None
    #: Counts the report prints, by what they count: "sasaran", "indikator",
    #: "program", "kegiatan", "sub_kegiatan".
    jumlah: Mapping[str, int] = field(default_factory=dict)
    klaim: str | None = None  # "semua_tercapai" | "ada_tidak_tercapai"


#: What a printed count may count (the key ``jumlah_<x>`` of the contract).
JUMLAH_DICETAK = ("sasaran", "indikator", "program", "kegiatan", "sub_kegiatan")


@dataclass(frozen=True, slots=True)
class Renstra:
    periode: Periode | None = None
    tujuan: tuple[Tujuan, ...] = ()
    dinyatakan: Mapping[int, tuple[DinyatakanCapaian, ...]] = field(default_factory=dict)

    def semua_indikator(self) -> Iterator[tuple[Indikator, Tujuan, Sasaran | None]]:
        """Every indicator with its tujuan and sasaran (none for a tujuan's own),
        each tujuan's own indicators before those of its sasaran."""
        for t in self.tujuan:
            for ind in t.indikator:
                yield ind, t, None
            for s in t.sasaran:
                for ind in s.indikator:
                    yield ind, t, s


@dataclass(frozen=True, slots=True)
class IndikatorPk:
    kode: str
    #: The target the agreement prints; ``None``: the Renstra's.
    target: NilaiTarget | None = None


@dataclass(frozen=True, slots=True)
class ProgramPk:
    kode: str
    pagu: Decimal | None = None  # as the agreement prints it


@dataclass(frozen=True, slots=True)
class DinyatakanPagu:
    pagu: Decimal | None = None
    sumber: str | None = None


@dataclass(frozen=True, slots=True)
class PerjanjianKinerja:
    #: Required by the contract; ``None`` only in an unvalidated document.
    tahun: int | None = None
    tanggal: date | None = None
    versi: int = 1
    indikator: tuple[IndikatorPk, ...] = ()
    program: tuple[ProgramPk, ...] = ()
    dinyatakan: tuple[DinyatakanPagu, ...] = ()


#: Four quarters of one year; ``None`` for a quarter not filled in.
Triwulan = tuple[Nilai | None, ...]
#: Quarterly values by indicator code, then by year.
PetaTriwulan = Mapping[str, Mapping[int, Triwulan]]


def _periode(value: object) -> Periode | None:
    tahun = [bulat(t) for t in daftar(value)]
    if len(tahun) != 2 or tahun[0] is None or tahun[1] is None:
        return None
    return Periode(tahun[0], tahun[1])


def _unsur_rpjmd(data: Mapping[str, object]) -> UnsurRpjmd:
    return UnsurRpjmd(
        kode=teks(data.get("kode")),
        uraian=teks(data.get("uraian")),
        misi=kode_kode(data.get("misi")),
        tujuan=kode_kode(data.get("tujuan")),
        indikator=tuple(indikator_rpjmd_dari(i) for i in daftar(data.get("indikator"))),
    )


def rpjmd_dari(data: Mapping[str, object]) -> Rpjmd:
    return Rpjmd(
        periode=_periode(data.get("periode")),
        visi=teks(data.get("visi")),
        misi=tuple(
            Misi(teks(m.get("kode")), teks(m.get("uraian"))) for m in peta_daftar(data.get("misi"))
        ),
        tujuan=tuple(_unsur_rpjmd(t) for t in peta_daftar(data.get("tujuan"))),
        sasaran=tuple(_unsur_rpjmd(s) for s in peta_daftar(data.get("sasaran"))),
    )


def _indikator(value: object) -> tuple[Indikator, ...]:
    return tuple(indikator_dari(i) for i in peta_daftar(value))


def _dinyatakan_capaian(data: Mapping[str, object]) -> DinyatakanCapaian:
    predikat = data.get("predikat")
    klaim = data.get("klaim")
    return DinyatakanCapaian(
        nilai(data.get("capaian")),
        None if predikat is None else teks(predikat),
        teks_opsional(data.get("sumber")),
        {k: int(v) for k in JUMLAH_DICETAK if (v := angka(data.get(f"jumlah_{k}"))) is not None},
        None if klaim is None else teks(klaim),
    )


def renstra_dari(data: Mapping[str, object]) -> Renstra:
    return Renstra(
        periode=_periode(data.get("periode")),
        tujuan=tuple(
            Tujuan(
                kode=teks(t.get("kode")),
                uraian=teks(t.get("uraian")),
                mendukung=kode_kode(t.get("mendukung")),
                indikator=_indikator(t.get("indikator")),
                sasaran=tuple(
                    Sasaran(
                        kode=teks(s.get("kode")),
                        uraian=teks(s.get("uraian")),
                        mendukung=kode_kode(s.get("mendukung")),
                        indikator=_indikator(s.get("indikator")),
                    )
                    for s in peta_daftar(t.get("sasaran"))
                ),
            )
            for t in peta_daftar(data.get("tujuan"))
        ),
        dinyatakan=peta_tahun(
            data.get("dinyatakan"), lambda v: satu_atau_daftar(v, _dinyatakan_capaian) or None
        ),
    )


def _indikator_pk(item: object) -> IndikatorPk:
    if isinstance(item, Mapping):
        return IndikatorPk(teks(item.get("kode")), nilai_target(item.get("target")))
    return IndikatorPk(teks(item))


def _program_pk(item: object) -> ProgramPk:
    if isinstance(item, Mapping):
        return ProgramPk(teks(item.get("kode")), angka(item.get("pagu")))
    return ProgramPk(teks(item))


def perjanjian_kinerja_dari(data: Mapping[str, object]) -> PerjanjianKinerja:
    return PerjanjianKinerja(
        tahun=bulat(data.get("tahun")),
        tanggal=tanggal(data.get("tanggal")),
        versi=bulat(data.get("versi")) or 1,
        indikator=tuple(_indikator_pk(i) for i in daftar(data.get("indikator"))),
        program=tuple(_program_pk(p) for p in daftar(data.get("program"))),
        dinyatakan=satu_atau_daftar(
            data.get("dinyatakan"),
            lambda d: DinyatakanPagu(angka(d.get("pagu")), teks_opsional(d.get("sumber"))),
        ),
    )


def triwulan_dari(data: Mapping[str, object]) -> dict[str, dict[int, Triwulan]]:
    return {
        str(kode): peta_tahun(per_tahun, lambda q: tuple(nilai(v) for v in daftar(q)))
        for kode, per_tahun in peta(data).items()
    }
