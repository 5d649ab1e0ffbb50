"""Predikat scales: the one place that turns a capaian into a label.

A scale is a list of bands set by the pemda. A value takes the band with the
greatest lower bound not above it, so a scale written with whole-number
bounds (76-90, 91-100) still labels 90,5. A scale must give every value
exactly one label: :func:`periksa_skala` reports gaps and overlaps.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from sakip.model import PitaCapaian
from sakip.model.organisasi import pita_capaian_dari


@dataclass(frozen=True)
class Pita:
    """One band: ``dari`` (inclusive) or ``lebih_dari`` (exclusive) up."""

    bawah: Decimal
    label: str
    eksklusif: bool = False
    sampai: Decimal | None = None

    def memuat(self, nilai: Decimal) -> bool:
        return nilai > self.bawah if self.eksklusif else nilai >= self.bawah

    def uraian(self) -> str:
        awal = f"> {self.bawah}" if self.eksklusif else f">= {self.bawah}"
        return f"{awal}{f' s.d. {self.sampai}' if self.sampai is not None else ''}: {self.label}"


@dataclass(frozen=True)
class Skala:
    nama: str
    pita: tuple[Pita, ...]

    def predikat(self, nilai: Decimal | None) -> str | None:
        """The label of ``nilai``; ``None`` when it is not measurable or below every band.

        >>> SKALA_PERMENDAGRI_86.predikat(Decimal("90.5"))
        'Tinggi'
        >>> SKALA_PERMENDAGRI_86.predikat(Decimal("120")), SKALA_PERMENDAGRI_86.predikat(None)
        ('Sangat Tinggi', None)
        """
        if nilai is None:
            return None
        # Bands sorted highest first: the first that holds the value has the
        # greatest lower bound not above it.
        for pita in self.pita:
            if pita.memuat(nilai):
                return pita.label
        return None


def skala_dari_pita(bands: Iterable[PitaCapaian], nama: str = "pemda") -> Skala:
    """Build a scale from the pemda's bands (:attr:`Pemda.skala_capaian`)."""
    pita = []
    for band in bands:
        if band.bawah is None:
            raise ValueError(f"batas bawah pita {band.label!r} bukan angka")
        pita.append(Pita(band.bawah, band.label, band.eksklusif, band.sampai))
    # An exclusive bound at the same number ranks above an inclusive one.
    pita.sort(key=lambda p: (p.bawah, p.eksklusif), reverse=True)
    return Skala(nama, tuple(pita))


def skala_dari_data(bands: Iterable[Mapping[str, object]], nama: str = "pemda") -> Skala:
    """Build a scale from bands written as the dataset writes them."""
    return skala_dari_pita((pita_capaian_dari(b) for b in bands), nama)


SKALA_PERMENDAGRI_86 = skala_dari_data(
    [
        {"dari": 91, "label": "Sangat Tinggi"},
        {"dari": 76, "sampai": 90, "label": "Tinggi"},
        {"dari": 66, "sampai": 75, "label": "Sedang"},
        {"dari": 51, "sampai": 65, "label": "Rendah"},
        {"dari": 0, "sampai": 50, "label": "Sangat Rendah"},
    ],
    nama="Permendagri 86/2017",
)


@dataclass(frozen=True)
class MasalahSkala:
    jenis: str  # "celah" (gap) or "tumpang" (overlap)
    pesan: str


def periksa_skala(skala: Skala) -> list[MasalahSkala]:
    """Gaps and overlaps of a scale, in the words of the pemda's regulation.

    >>> s = skala_dari_data([{"dari": 95, "label": "A"}, {"dari": 0, "sampai": 85, "label": "B"}])
    >>> [m.jenis for m in periksa_skala(s)]
    ['celah']
    """
    masalah: list[MasalahSkala] = []
    naik = list(reversed(skala.pita))
    if naik and (naik[0].bawah > 0 or (naik[0].bawah == 0 and naik[0].eksklusif)):
        masalah.append(
            MasalahSkala("celah", f"nilai di bawah {naik[0].bawah} tidak mendapat predikat")
        )
    for bawah, atas in zip(naik, naik[1:], strict=False):
        if bawah.bawah == atas.bawah and bawah.eksklusif == atas.eksklusif:
            masalah.append(
                MasalahSkala(
                    "tumpang",
                    f"pita {bawah.label!r} dan {atas.label!r} berawal dari angka yang sama "
                    f"({bawah.bawah})",
                )
            )
            continue
        if bawah.sampai is None:
            continue
        if atas.eksklusif:
            celah, tumpang = bawah.sampai < atas.bawah, bawah.sampai > atas.bawah
        else:
            # Whole-number bounds (76-90 then 91) are contiguous: +1.
            celah, tumpang = bawah.sampai + 1 < atas.bawah, bawah.sampai >= atas.bawah
        if celah:
            masalah.append(
                MasalahSkala(
                    "celah",
                    f"ada celah antara pita {bawah.label!r} (s.d. {bawah.sampai}) dan "
                    f"pita {atas.label!r} (mulai {atas.bawah}): nilai di antaranya "
                    "tidak jelas predikatnya",
                )
            )
        elif tumpang:
            masalah.append(
                MasalahSkala(
                    "tumpang",
                    f"pita {bawah.label!r} (s.d. {bawah.sampai}) tumpang tindih dengan "
                    f"pita {atas.label!r} (mulai {atas.bawah})",
                )
            )
    return masalah


# PermenPAN-RB 88/2021: "> 90 AA" etc., so exactly 90 is A.
_PREDIKAT_EVALUASI = (
    (Decimal(90), "AA"),
    (Decimal(80), "A"),
    (Decimal(70), "BB"),
    (Decimal(60), "B"),
    (Decimal(50), "CC"),
    (Decimal(30), "C"),
)


def predikat_evaluasi(nilai: Decimal) -> str:
    """Predikat of a SAKIP evaluation score (PermenPAN-RB 88/2021).

    >>> predikat_evaluasi(Decimal("90")), predikat_evaluasi(Decimal("90.01"))
    ('A', 'AA')
    >>> predikat_evaluasi(Decimal("30"))
    'D'
    """
    for batas, label in _PREDIKAT_EVALUASI:
        if nilai > batas:
            return label
    return "D"
