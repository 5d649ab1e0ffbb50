"""A performance indicator, as the Renstra, the RPJMD and the budget tree
carry it, with what a source document printed for it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from sakip.model.nilai import (
    Nilai,
    NilaiTarget,
    daftar,
    nilai,
    nilai_target,
    peta_tahun,
    satu_atau_daftar,
    teks,
    teks_opsional,
)
from sakip.model.pilihan import (
    AKUMULASI_BAWAAN,
    POLARITAS_BAWAAN,
    SKALA_NILAI_BAWAAN,
    Akumulasi,
    Polaritas,
    pilih,
)

#: Grades best first, or the name of an SKM mutu table that reads a number
#: (an IKM) as its grade.
SkalaNilai = tuple[str, ...] | str


@dataclass(frozen=True, slots=True)
class DinyatakanIndikator:
    """What a document printed for an indicator in one year; ``None``: not printed."""

    capaian: Nilai | None = None
    predikat: str | None = None
    tingkat_kemajuan: Nilai | None = None
    realisasi: Nilai | None = None
    target: NilaiTarget | None = None
    sumber: str | None = None  # where it was printed: "Tabel 3.1"


@dataclass(frozen=True, slots=True)
class Indikator:
    kode: str
    uraian: str = ""
    satuan: str = ""
    polaritas: Polaritas = POLARITAS_BAWAAN
    iku: bool = False
    formula: str = ""
    sumber_data: str = ""
    penanggung_jawab: str = ""
    kondisi_awal: Nilai | None = None
    target: Mapping[int, NilaiTarget] = field(default_factory=dict)
    realisasi: Mapping[int, Nilai] = field(default_factory=dict)
    akumulasi: Akumulasi = AKUMULASI_BAWAAN
    skala_nilai: SkalaNilai = SKALA_NILAI_BAWAAN
    dinyatakan: Mapping[int, tuple[DinyatakanIndikator, ...]] = field(default_factory=dict)

    def sebagai_data(self) -> dict[str, object]:
        """The indicator in the data contract's shape, the fields it has.

        For readers written against the plain document (the JSON output of
        ``sakip check``).
        """
        data: dict[str, object] = {
            "kode": self.kode,
            "uraian": self.uraian,
            "polaritas": self.polaritas.value,
            "iku": self.iku,
            "akumulasi": self.akumulasi.value,
        }
        for kunci in ("satuan", "formula", "sumber_data", "penanggung_jawab"):
            if getattr(self, kunci):
                data[kunci] = getattr(self, kunci)
        if self.kondisi_awal is not None:
            data["kondisi_awal"] = self.kondisi_awal
        data["target"] = {str(t): v for t, v in self.target.items()}
        data["realisasi"] = {str(t): v for t, v in self.realisasi.items()}
        return data


def _dinyatakan(data: Mapping[str, object]) -> DinyatakanIndikator:
    return DinyatakanIndikator(
        capaian=nilai(data.get("capaian")),
        predikat=None if data.get("predikat") is None else teks(data.get("predikat")),
        tingkat_kemajuan=nilai(data.get("tingkat_kemajuan")),
        realisasi=nilai(data.get("realisasi")),
        target=nilai_target(data.get("target")),
        sumber=teks_opsional(data.get("sumber")),
    )


def _skala_nilai(value: object) -> SkalaNilai:
    if isinstance(value, str) and value:
        return value
    grades = tuple(str(g) for g in daftar(value))
    return grades or SKALA_NILAI_BAWAAN


def indikator_dari(data: Mapping[str, object]) -> Indikator:
    return Indikator(
        kode=teks(data.get("kode")),
        uraian=teks(data.get("uraian")),
        satuan=teks(data.get("satuan")),
        polaritas=pilih(Polaritas, data.get("polaritas"), POLARITAS_BAWAAN),
        iku=data.get("iku") is True,
        formula=teks(data.get("formula")),
        sumber_data=teks(data.get("sumber_data")),
        penanggung_jawab=teks(data.get("penanggung_jawab")),
        kondisi_awal=nilai(data.get("kondisi_awal")),
        target=peta_tahun(data.get("target"), nilai_target),
        realisasi=peta_tahun(data.get("realisasi"), nilai),
        akumulasi=pilih(Akumulasi, data.get("akumulasi"), AKUMULASI_BAWAAN),
        skala_nilai=_skala_nilai(data.get("skala_nilai")),
        dinyatakan=peta_tahun(
            data.get("dinyatakan"), lambda v: satu_atau_daftar(v, _dinyatakan) or None
        ),
    )


def indikator_rpjmd_dari(value: object) -> Indikator:
    """An RPJMD indicator: its name alone, or an object with its targets."""
    if isinstance(value, Mapping):
        return indikator_dari(value)
    return Indikator(kode="", uraian=teks(value))
