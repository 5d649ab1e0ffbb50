"""The regional government with its rules for computing, and the agency."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from sakip.model.nilai import angka, peta_daftar, teks
from sakip.model.pilihan import (
    BOBOT_SKM_BAWAAN,
    CAPAIAN_KUALITATIF_BAWAAN,
    RUMUS_NEGATIF_BAWAAN,
    BobotSkm,
    CapaianKualitatif,
    RumusNegatif,
    bobot_skm,
    pilih,
)


@dataclass(frozen=True, slots=True)
class PitaCapaian:
    """One band of the pemda's predikat scale, as its regulation writes it.

    ``bawah`` is ``dari`` (inclusive) or ``lebih_dari`` (``eksklusif``);
    ``None`` only in an unvalidated document, which the engine refuses.
    """

    label: str
    bawah: Decimal | None
    eksklusif: bool = False
    sampai: Decimal | None = None


@dataclass(frozen=True, slots=True)
class Pemda:
    nama: str = ""
    provinsi: str = ""
    #: Empty: the application's default scale (Permendagri 86/2017).
    skala_capaian: tuple[PitaCapaian, ...] = ()
    #: The cap on an indicator's capaian when averaging; none when absent.
    batas_capaian: Decimal | None = None
    rumus_negatif: RumusNegatif = RUMUS_NEGATIF_BAWAAN
    bobot_skm: BobotSkm = BOBOT_SKM_BAWAAN
    capaian_kualitatif: CapaianKualitatif = CAPAIAN_KUALITATIF_BAWAAN


@dataclass(frozen=True, slots=True)
class Pejabat:
    """An official: the jabatan is enough; the rest when known."""

    jabatan: str = ""
    nama: str = ""
    pangkat: str = ""
    nip: str = ""


@dataclass(frozen=True, slots=True)
class Instansi:
    nama: str = ""
    jenis: str = ""
    kepala: Pejabat | None = None
    atasan: Pejabat | None = None


def pita_capaian_dari(data: Mapping[str, object]) -> PitaCapaian:
    eksklusif = "lebih_dari" in data
    return PitaCapaian(
        teks(data.get("label")),
        angka(data["lebih_dari"] if eksklusif else data.get("dari")),
        eksklusif,
        angka(data.get("sampai")),
    )


def pemda_dari(data: Mapping[str, object]) -> Pemda:
    return Pemda(
        nama=teks(data.get("nama")),
        provinsi=teks(data.get("provinsi")),
        skala_capaian=tuple(pita_capaian_dari(b) for b in peta_daftar(data.get("skala_capaian"))),
        batas_capaian=angka(data.get("batas_capaian")),
        rumus_negatif=pilih(RumusNegatif, data.get("rumus_negatif"), RUMUS_NEGATIF_BAWAAN),
        bobot_skm=bobot_skm(data.get("bobot_skm")),
        capaian_kualitatif=pilih(
            CapaianKualitatif, data.get("capaian_kualitatif"), CAPAIAN_KUALITATIF_BAWAAN
        ),
    )


def pejabat_dari(value: object) -> Pejabat | None:
    if not isinstance(value, Mapping):
        return None
    return Pejabat(
        jabatan=teks(value.get("jabatan")),
        nama=teks(value.get("nama")),
        pangkat=teks(value.get("pangkat")),
        nip=teks(value.get("nip")),
    )


def instansi_dari(data: Mapping[str, object]) -> Instansi:
    return Instansi(
        nama=teks(data.get("nama")),
        jenis=teks(data.get("jenis")),
        kepala=pejabat_dari(data.get("kepala")),
        atasan=pejabat_dari(data.get("atasan")),
    )
