"""The budget of one year: indirect-spending lines and the program ->
kegiatan -> sub_kegiatan tree, amounts on the leaves."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from sakip.model.indikator import Indikator, indikator_dari
from sakip.model.nilai import (
    NOL,
    Nilai,
    angka,
    bulat,
    daftar,
    nilai,
    peta,
    peta_daftar,
    satu_atau_daftar,
    teks,
    teks_opsional,
)
from sakip.model.pilihan import KelasBelanja


@dataclass(frozen=True, slots=True)
class Rincian:
    """A leaf's amounts of one economic class."""

    pagu: Decimal = NOL
    realisasi: Decimal = NOL


@dataclass(frozen=True, slots=True)
class DinyatakanUang:
    """What a document printed for a budget node; ``None``: not printed."""

    pagu: Nilai | None = None
    realisasi: Nilai | None = None
    persen: Nilai | None = None
    sisa: Nilai | None = None
    capaian: Nilai | None = None
    sumber: str | None = None


@dataclass(frozen=True, slots=True)
class PosAnggaran:
    """A program, kegiatan, sub kegiatan or indirect-spending line.

    ``anak`` are its kegiatan (of a program) or sub kegiatan (of a kegiatan);
    a node with children has its amounts computed from them. A leaf's
    ``pagu``/``realisasi`` are ``None`` when it gives only its ``rincian``.
    """

    uraian: str = ""
    kode: str | None = None  # Permendagri 90/2019 code where known
    pagu: Decimal | None = None
    realisasi: Decimal | None = None
    rincian: Mapping[KelasBelanja, Rincian] = field(default_factory=dict)
    indikator: tuple[Indikator, ...] = ()  # output indicators
    mendukung: tuple[str, ...] = ()  # Renstra indicator codes it serves
    sasaran: tuple[str, ...] = ()  # a program's Renstra sasaran
    dinyatakan: tuple[DinyatakanUang, ...] = ()
    anak: tuple[PosAnggaran, ...] = ()


#: The classes of spending a report totals: the economic classes of
#: Permendagri 90/2019, and direct / indirect spending of budgets before 2021.
KELAS_DICETAK = ("pegawai", "barang_jasa", "modal", "langsung", "tidak_langsung")


@dataclass(frozen=True, slots=True)
class DinyatakanKelas:
    """A class total as a document printed it (``anggaran.dinyatakan_kelas``)."""

    kelas: str
    pagu: Nilai | None = None
    realisasi: Nilai | None = None
    sumber: str | None = None


@dataclass(frozen=True, slots=True)
class Anggaran:
    #: Required by the contract; absent, the report's year is meant.
    tahun: int | None = None
    belanja_tidak_langsung: tuple[PosAnggaran, ...] = ()
    program: tuple[PosAnggaran, ...] = ()
    dinyatakan: tuple[DinyatakanUang, ...] = ()
    dinyatakan_kelas: tuple[DinyatakanKelas, ...] = ()


def dinyatakan_uang(data: Mapping[str, object]) -> DinyatakanUang:
    return DinyatakanUang(
        pagu=nilai(data.get("pagu")),
        realisasi=nilai(data.get("realisasi")),
        persen=nilai(data.get("persen")),
        sisa=nilai(data.get("sisa")),
        capaian=nilai(data.get("capaian")),
        sumber=teks_opsional(data.get("sumber")),
    )


def _uang(value: object) -> Decimal:
    jumlah = angka(value)
    return jumlah if jumlah is not None else NOL


def _rincian(value: object) -> dict[KelasBelanja, Rincian]:
    data = peta(value)
    return {
        kelas: Rincian(
            _uang(peta(data[kelas.value]).get("pagu")),
            _uang(peta(data[kelas.value]).get("realisasi")),
        )
        for kelas in KelasBelanja
        if kelas.value in data
    }


# The key of a node's children, by the key that holds the node itself.
_ANAK = {"program": "kegiatan", "kegiatan": "sub_kegiatan"}


def pos_dari(data: Mapping[str, object], tingkat: str) -> PosAnggaran:
    kode = data.get("kode")
    anak = _ANAK.get(tingkat)
    return PosAnggaran(
        uraian=teks(data.get("uraian")),
        kode=str(kode) if kode not in (None, "") else None,
        pagu=angka(data.get("pagu")) if "pagu" in data else None,
        realisasi=angka(data.get("realisasi")) if "realisasi" in data else None,
        rincian=_rincian(data.get("rincian")),
        indikator=tuple(indikator_dari(i) for i in peta_daftar(data.get("indikator"))),
        mendukung=tuple(str(k) for k in daftar(data.get("mendukung"))),
        sasaran=tuple(str(s) for s in daftar(data.get("sasaran"))),
        dinyatakan=satu_atau_daftar(data.get("dinyatakan"), dinyatakan_uang),
        anak=tuple(pos_dari(a, anak) for a in peta_daftar(data.get(anak))) if anak else (),
    )


def anggaran_dari(data: Mapping[str, object]) -> Anggaran:
    return Anggaran(
        tahun=bulat(data.get("tahun")),
        belanja_tidak_langsung=tuple(
            pos_dari(b, "btl") for b in peta_daftar(data.get("belanja_tidak_langsung"))
        ),
        program=tuple(pos_dari(p, "program") for p in peta_daftar(data.get("program"))),
        dinyatakan=satu_atau_daftar(data.get("dinyatakan"), dinyatakan_uang),
        dinyatakan_kelas=tuple(
            DinyatakanKelas(
                teks(k.get("kelas")),
                nilai(k.get("pagu")),
                nilai(k.get("realisasi")),
                teks_opsional(k.get("sumber")),
            )
            for k in peta_daftar(data.get("dinyatakan_kelas"))
        ),
    )
