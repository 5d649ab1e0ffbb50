"""Satisfaction surveys (SKM) as the dataset records them: the unsur set,
the grade table, and the answers, the NRR per unsur or only the IKM."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from sakip.model.nilai import (
    Nilai,
    bulat,
    daftar,
    nilai,
    peta,
    peta_daftar,
    satu_atau_daftar,
    teks,
    teks_opsional,
)
from sakip.model.pilihan import UNSUR_BAWAAN


@dataclass(frozen=True, slots=True)
class UnsurSurvei:
    kode: str
    uraian: str = ""


@dataclass(frozen=True, slots=True)
class PitaMutuSurvei:
    """A band of a survey's own grade table: from ``dari`` up, grade ``mutu``."""

    dari: Nilai | None
    mutu: str
    kinerja: str = ""


@dataclass(frozen=True, slots=True)
class DinyatakanSkm:
    ikm: Nilai | None = None
    mutu: str | None = None
    nrr: Mapping[str, Nilai] = field(default_factory=dict)
    sumber: str | None = None
    #: The printed share (%) of answers 1..4, by unsur.
    distribusi: Mapping[str, tuple[Nilai, ...]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Survei:
    tahun: int = 0
    layanan: str | None = None
    #: A shipped set's name, or the survey's own list of unsur.
    unsur: str | tuple[UnsurSurvei, ...] = UNSUR_BAWAAN
    #: A shipped table's name or the survey's own bands; ``None``: the unsur set's own.
    mutu: str | tuple[PitaMutuSurvei, ...] | None = None
    responden_csv: str | None = None
    nrr: Mapping[str, Nilai] = field(default_factory=dict)
    ikm: Nilai | None = None  # as recorded
    jumlah_responden: int | None = None
    dinyatakan: tuple[DinyatakanSkm, ...] = ()

    @property
    def nama_unsur(self) -> str | None:
        """The shipped set's name, when the survey uses one."""
        return self.unsur if isinstance(self.unsur, str) else None


def _peta_nilai(value: object) -> dict[str, Nilai]:
    return {str(k): v for k, v in ((k, nilai(v)) for k, v in peta(value).items()) if v is not None}


def _unsur(value: object) -> str | tuple[UnsurSurvei, ...]:
    if isinstance(value, str) and value:
        return value
    daftar_unsur = tuple(
        UnsurSurvei(teks(u.get("kode")), teks(u.get("uraian"))) for u in peta_daftar(value)
    )
    return daftar_unsur or UNSUR_BAWAAN


def _mutu(value: object) -> str | tuple[PitaMutuSurvei, ...] | None:
    if isinstance(value, str) and value:
        return value
    if isinstance(value, list):
        return tuple(
            PitaMutuSurvei(
                nilai(b.get("dari")),
                teks(b.get("mutu", b.get("label"))),
                teks(b.get("kinerja")),
            )
            for b in peta_daftar(value)
        )
    return None


def _dinyatakan(data: Mapping[str, object]) -> DinyatakanSkm:
    mutu = data.get("mutu")
    return DinyatakanSkm(
        ikm=nilai(data.get("ikm")),
        mutu=None if mutu is None else teks(mutu),
        nrr=_peta_nilai(data.get("nrr")),
        sumber=teks_opsional(data.get("sumber")),
        distribusi={
            str(k): tuple(v for v in (nilai(x) for x in daftar(isi)) if v is not None)
            for k, isi in peta(data.get("distribusi")).items()
        },
    )


def survei_dari(data: Mapping[str, object]) -> Survei:
    return Survei(
        tahun=bulat(data.get("tahun")) or 0,
        layanan=None if data.get("layanan") is None else teks(data.get("layanan")),
        unsur=_unsur(data.get("unsur")),
        mutu=_mutu(data.get("mutu")),
        responden_csv=teks_opsional(data.get("responden_csv")),
        nrr=_peta_nilai(data.get("nrr")),
        ikm=nilai(data.get("ikm")),
        jumlah_responden=bulat(data.get("jumlah_responden")),
        dinyatakan=satu_atau_daftar(data.get("dinyatakan"), _dinyatakan),
    )


def skm_dari(value: object) -> tuple[Survei, ...]:
    return tuple(survei_dari(s) for s in peta_daftar(value))
