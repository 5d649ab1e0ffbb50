"""Results of the yearly Evaluasi SAKIP (PermenPAN-RB 88/2021) and the
free report text (narasi)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sakip.model.nilai import angka, bulat, peta, peta_daftar, tanggal, teks
from sakip.model.pilihan import StatusTindakLanjut


@dataclass(frozen=True, slots=True)
class Rekomendasi:
    uraian: str
    tindak_lanjut: str = ""
    status: StatusTindakLanjut | None = None  # None: not reported


@dataclass(frozen=True, slots=True)
class HasilEvaluasi:
    tahun: int | None
    nilai: Decimal | None = None
    predikat: str | None = None  # as the evaluator wrote it; the engine checks it
    tanggal: date | None = None
    evaluator: str = ""
    komponen: Mapping[str, Decimal] = field(default_factory=dict)
    rekomendasi: tuple[Rekomendasi, ...] = ()


@dataclass(frozen=True, slots=True)
class IsuStrategis:
    masalah: str
    pokok_masalah: str = ""
    akar_masalah: str = ""


@dataclass(frozen=True, slots=True)
class Narasi:
    kata_pengantar: str = ""
    ikhtisar: str = ""
    isu_strategis: tuple[IsuStrategis, ...] = ()
    analisis: Mapping[str, str] = field(default_factory=dict)  # by indicator code
    hambatan: str = ""
    solusi: str = ""
    penutup: str = ""


def _status(value: object) -> StatusTindakLanjut | None:
    try:
        return StatusTindakLanjut(str(value)) if value is not None else None
    except ValueError:
        return None


def _hasil(tahun: int | None, data: Mapping[str, object]) -> HasilEvaluasi:
    komponen = {str(k): v for k, v in peta(data.get("komponen")).items()}
    return HasilEvaluasi(
        tahun=tahun,
        nilai=angka(data.get("nilai")),
        predikat=teks(data.get("predikat")) or None,
        tanggal=tanggal(data.get("tanggal")),
        evaluator=teks(data.get("evaluator")),
        komponen={k: a for k, v in komponen.items() if (a := angka(v)) is not None},
        rekomendasi=tuple(
            Rekomendasi(
                teks(r.get("uraian")), teks(r.get("tindak_lanjut")), _status(r.get("status"))
            )
            for r in peta_daftar(data.get("rekomendasi"))
        ),
    )


def evaluasi_dari(value: object) -> tuple[HasilEvaluasi, ...]:
    """Results by year (the contract's map), or a list of results each naming its year."""
    if isinstance(value, Mapping):
        return tuple(_hasil(bulat(t), peta(h)) for t, h in value.items())
    return tuple(_hasil(bulat(h.get("tahun")), h) for h in peta_daftar(value))


def narasi_dari(data: Mapping[str, object]) -> Narasi:
    return Narasi(
        kata_pengantar=teks(data.get("kata_pengantar")),
        ikhtisar=teks(data.get("ikhtisar")),
        isu_strategis=tuple(
            IsuStrategis(
                teks(i.get("masalah")), teks(i.get("pokok_masalah")), teks(i.get("akar_masalah"))
            )
            for i in peta_daftar(data.get("isu_strategis"))
        ),
        analisis={str(k): teks(v) for k, v in peta(data.get("analisis")).items()},
        hambatan=teks(data.get("hambatan")),
        solusi=teks(data.get("solusi")),
        penutup=teks(data.get("penutup")),
    )
