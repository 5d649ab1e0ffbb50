"""Capaian of an indicator: the one place that compares realisasi with target.

Every result says how it was computed (:attr:`Capaian.rumus`,
:attr:`Capaian.perhitungan`) so that a report can print it, and a value that
cannot be measured is "tidak terukur" with the reason: never 0 %, never a
crash.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from sakip.engine.angka import HUNDRED, bagi, format_angka, ke_desimal, persen
from sakip.engine.skm import MUTU
from sakip.model import (
    POLARITAS_BAWAAN,
    RUMUS_NEGATIF_BAWAAN,
    SKALA_NILAI_BAWAAN,
    Polaritas,
    RumusNegatif,
)

POSITIF, NEGATIF, KUALITATIF = Polaritas.POSITIF, Polaritas.NEGATIF, Polaritas.KUALITATIF

RUMUS_POSITIF = "realisasi / target x 100"
RUMUS_NEGATIF = {
    RumusNegatif.DUA_T_KURANG_R: "(2 x target - realisasi) / target x 100, paling rendah 0",
    RumusNegatif.T_BAGI_R: "target / realisasi x 100",
}
RUMUS_KUALITATIF = "peringkat realisasi / peringkat target x 100 (peringkat terendah = 1)"
RUMUS_RENTANG = "100 jika realisasi di dalam rentang; di luar, dibandingkan dengan batas terdekat"


@dataclass(frozen=True)
class Capaian:
    nilai: Decimal | None  # percent, full precision; None = tidak terukur
    rumus: str
    perhitungan: str = ""
    alasan: str = ""  # why it is not measurable

    @property
    def terukur(self) -> bool:
        return self.nilai is not None


def _tidak_terukur(alasan: str, rumus: str = "") -> Capaian:
    return Capaian(None, rumus, "", alasan)


def _angka(value: Decimal) -> str:
    return format_angka(value, None)


def _banding(
    target: Decimal, realisasi: Decimal, polaritas: str, rumus_negatif: RumusNegatif
) -> Capaian:
    """Numeric target and realisasi under the indicator's polarity."""
    if polaritas == NEGATIF:
        rumus = RUMUS_NEGATIF[rumus_negatif]
        if target == 0:
            return _tidak_terukur("target 0: capaian tidak dapat dihitung", rumus)
        if rumus_negatif == RumusNegatif.T_BAGI_R:
            if realisasi == 0:
                return _tidak_terukur(
                    "realisasi 0: rumus target / realisasi tidak terdefinisi", rumus
                )
            nilai = bagi(target * HUNDRED, realisasi)
            return Capaian(nilai, rumus, f"{_angka(target)} / {_angka(realisasi)} x 100")
        nilai = max(bagi((2 * target - realisasi) * HUNDRED, target), Decimal(0))
        return Capaian(
            nilai, rumus, f"(2 x {_angka(target)} - {_angka(realisasi)}) / {_angka(target)} x 100"
        )
    rumus = RUMUS_POSITIF
    hasil = persen(realisasi, target)
    if hasil is None:
        return _tidak_terukur("target 0: capaian tidak dapat dihitung", rumus)
    return Capaian(hasil, rumus, f"{_angka(realisasi)} / {_angka(target)} x 100")


def _rentang(
    bawah: Decimal,
    atas: Decimal,
    realisasi: Decimal,
    polaritas: str,
    rumus_negatif: RumusNegatif,
) -> Capaian:
    if bawah <= realisasi <= atas:
        return Capaian(
            HUNDRED,
            RUMUS_RENTANG,
            f"{_angka(realisasi)} di dalam rentang {_angka(bawah)}-{_angka(atas)}",
        )
    batas = bawah if realisasi < bawah else atas
    hasil = _banding(batas, realisasi, polaritas, rumus_negatif)
    return Capaian(
        hasil.nilai,
        RUMUS_RENTANG + f"; {hasil.rumus}",
        f"di luar rentang {_angka(bawah)}-{_angka(atas)}, batas terdekat {_angka(batas)}: "
        + hasil.perhitungan,
        hasil.alasan,
    )


def _grade(value: object, skala: Sequence[str], tabel_mutu: str | None) -> str | None:
    """A realisation as a grade: a grade string, or a number read by its mutu table."""
    if isinstance(value, str) and value.strip().upper() in skala:
        return value.strip().upper()
    angka = ke_desimal(value)
    if angka is not None and tabel_mutu in MUTU:
        return MUTU[tabel_mutu].mutu(angka).mutu
    return None


def _kualitatif(
    target: object, realisasi: object, skala_nilai: str | Sequence[str] | None
) -> Capaian:
    rumus = RUMUS_KUALITATIF
    tabel_mutu = skala_nilai if isinstance(skala_nilai, str) else None
    if tabel_mutu is not None:
        if tabel_mutu not in MUTU:
            return _tidak_terukur(f"skala nilai {tabel_mutu!r} tidak dikenal", rumus)
        skala = MUTU[tabel_mutu].peringkat()
    else:
        skala = [s.upper() for s in (skala_nilai or SKALA_NILAI_BAWAAN)]
    g_target = _grade(target, skala, tabel_mutu)
    g_real = _grade(realisasi, skala, tabel_mutu)
    if g_target is None:
        return _tidak_terukur(f"target {target!r} bukan nilai pada skala {'/'.join(skala)}", rumus)
    if g_real is None:
        return _tidak_terukur(
            f"realisasi {realisasi!r} bukan nilai pada skala {'/'.join(skala)}", rumus
        )
    # Rank from the worst grade = 1, so that a better grade ranks higher.
    p_target = len(skala) - skala.index(g_target)
    p_real = len(skala) - skala.index(g_real)
    nilai = bagi(Decimal(p_real) * HUNDRED, Decimal(p_target))
    ket = "" if str(realisasi).strip().upper() == g_real else f"{realisasi} = {g_real}; "
    return Capaian(nilai, rumus, f"{ket}{g_real} ({p_real}) / {g_target} ({p_target}) x 100")


def capaian_indikator(
    target: object,
    realisasi: object,
    *,
    polaritas: str = POLARITAS_BAWAAN,
    rumus_negatif: str = RUMUS_NEGATIF_BAWAAN,
    skala_nilai: str | Sequence[str] | None = None,
) -> Capaian:
    """Capaian (percent) of one indicator in one year.

    ``target`` is a number, a string ("12 Bulan", a grade) or a range
    ``[low, high]``; ``realisasi`` a number or a string.

    >>> capaian_indikator(Decimal("81.55"), Decimal("79.017")).nilai.quantize(Decimal("0.01"))
    Decimal('96.89')
    >>> capaian_indikator(10, 12, polaritas="negatif").nilai
    Decimal('80')
    >>> capaian_indikator(10, 25, polaritas="negatif").nilai
    Decimal('0')
    >>> capaian_indikator([80, 85], 83).nilai
    Decimal('100')
    >>> capaian_indikator("B", Decimal("93.71"), polaritas="kualitatif",
    ...                   skala_nilai="permenpan-14-2017").perhitungan
    '93.71 = A; A (4) / B (3) x 100'
    >>> capaian_indikator(0, 5).alasan
    'target 0: capaian tidak dapat dihitung'
    >>> capaian_indikator(10, None).terukur, capaian_indikator(10, "Upacara, Pawai").terukur
    (False, False)
    """
    rumus_negatif = RumusNegatif(rumus_negatif)
    if realisasi is None or realisasi == "":
        return _tidak_terukur("realisasi belum ada")
    if target is None or target == "":
        return _tidak_terukur("tidak ada target untuk tahun ini")
    if polaritas == KUALITATIF:
        return _kualitatif(target, realisasi, skala_nilai)
    r = ke_desimal(realisasi)
    if r is None:
        return _tidak_terukur(f"realisasi {realisasi!r} bukan angka")
    if isinstance(target, list | tuple):
        if len(target) != 2:
            return _tidak_terukur("target rentang harus berisi dua angka")
        bawah, atas = ke_desimal(target[0]), ke_desimal(target[1])
        if bawah is None or atas is None:
            return _tidak_terukur(f"target rentang {target!r} bukan angka")
        return _rentang(bawah, atas, r, polaritas, rumus_negatif)
    t = ke_desimal(target)
    if t is None:
        return _tidak_terukur(f"target {target!r} bukan angka")
    return _banding(t, r, polaritas, rumus_negatif)


def persentase_penurunan(sebelum: Decimal, sekarang: Decimal) -> Decimal | None:
    """Realisation of a "persentase penurunan X" indicator from the counts.

    >>> persentase_penurunan(Decimal(40), Decimal(30))
    Decimal('25')
    >>> persentase_penurunan(Decimal(0), Decimal(3)) is None
    True
    """
    return persen(sebelum - sekarang, sebelum)


@dataclass(frozen=True)
class RataRata:
    nilai: Decimal | None
    jumlah: int  # indicators counted
    tidak_terukur: int
    rumus: str


def rata_rata_capaian(capaian: Sequence[Decimal | None], batas: Decimal | None = None) -> RataRata:
    """Mean capaian of a sasaran or an agency, each indicator capped at ``batas``.

    Not-measurable indicators are left out of the mean and counted.

    >>> r = rata_rata_capaian([Decimal(130), Decimal(90), None], batas=Decimal(120))
    >>> r.nilai, r.jumlah, r.tidak_terukur
    (Decimal('105'), 2, 1)
    """
    terukur = [c for c in capaian if c is not None]
    if batas is not None:
        terukur = [min(c, batas) for c in terukur]
        rumus = (
            f"rata-rata capaian indikator, tiap capaian dibatasi paling tinggi {_angka(batas)} %"
        )
    else:
        rumus = "rata-rata capaian indikator, tanpa batas atas"
    nilai = bagi(sum(terukur, Decimal(0)), Decimal(len(terukur))) if terukur else None
    return RataRata(nilai, len(terukur), len(capaian) - len(terukur), rumus)
