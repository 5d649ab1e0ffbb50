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
    CAPAIAN_KUALITATIF_BAWAAN,
    POLARITAS_BAWAAN,
    RUMUS_NEGATIF_BAWAAN,
    SKALA_NILAI_BAWAAN,
    CapaianKualitatif,
    Polaritas,
    RumusNegatif,
)

POSITIF, NEGATIF, KUALITATIF = Polaritas.POSITIF, Polaritas.NEGATIF, Polaritas.KUALITATIF

RUMUS_POSITIF = "realisasi / target x 100"
RUMUS_NEGATIF = {
    RumusNegatif.DUA_T_KURANG_R: "(2 x target - realisasi) / target x 100, paling rendah 0",
    RumusNegatif.T_BAGI_R: "target / realisasi x 100",
}
RUMUS_KUALITATIF = (
    "indikator kualitatif: tercapai bila nilai realisasi sama dengan atau lebih baik dari "
    "nilai target pada skala nilainya, selain itu tidak tercapai (tanpa persentase)"
)
TERCAPAI, TIDAK_TERCAPAI = "tercapai", "tidak tercapai"
RUMUS_RENTANG = "100 jika realisasi di dalam rentang; di luar, dibandingkan dengan batas terdekat"


@dataclass(frozen=True)
class Capaian:
    nilai: Decimal | None  # percent, full precision; None = tidak terukur
    rumus: str
    perhitungan: str = ""
    alasan: str = ""  # why it is not measurable
    #: A kualitatif indicator's verdict; it has no percentage (``nilai`` is None).
    tercapai: bool | None = None

    @property
    def terukur(self) -> bool:
        return self.nilai is not None or self.tercapai is not None

    @property
    def kualitatif(self) -> bool:
        return self.tercapai is not None

    @property
    def status(self) -> str | None:
        """ "tercapai" / "tidak tercapai" of a kualitatif indicator, else None."""
        if self.tercapai is None:
            return None
        return TERCAPAI if self.tercapai else TIDAK_TERCAPAI


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
    # Grades are ordered best first: a lower index is a better grade. No
    # percentage is made from the positions (B against A is not 133 %).
    tercapai = skala.index(g_real) <= skala.index(g_target)
    r_angka = None if isinstance(realisasi, str) else ke_desimal(realisasi)
    tertulis = _angka(r_angka) if r_angka is not None else str(realisasi).strip()
    ket = "" if tertulis.upper() == g_real else f"{tertulis} = {g_real}; "
    status = TERCAPAI if tercapai else TIDAK_TERCAPAI
    return Capaian(
        None, rumus, f"{ket}{g_real} terhadap target {g_target}: {status}", tercapai=tercapai
    )


# Words a report prints for a kualitatif verdict. Negations are listed whole
# so that "belum tercapai" is never read as its last word.
_KATA_TERCAPAI = frozenset(
    {"tercapai", "berhasil", "sudah", "sudah tercapai", "terpenuhi", "tuntas", "sesuai target"}
)
_KATA_TIDAK = frozenset(
    {
        "tidak tercapai",
        "belum tercapai",
        "belum",
        "tidak berhasil",
        "belum berhasil",
        "gagal",
        "tidak terpenuhi",
        "belum terpenuhi",
    }
)


def status_dinyatakan(value: object) -> bool | None:
    """A printed kualitatif verdict: True (achieved), False, or None when the
    text is not such a word (a number, a grade, anything else).

    >>> status_dinyatakan("Berhasil"), status_dinyatakan("Belum tercapai"), status_dinyatakan(100)
    (True, False, None)
    """
    if not isinstance(value, str):
        return None
    kata = " ".join(value.replace('"', " ").strip(" .!").casefold().split())
    if kata in _KATA_TERCAPAI:
        return True
    if kata in _KATA_TIDAK:
        return False
    return None


def cocok_kualitatif(dinyatakan: object, capaian: Capaian) -> bool:
    """A printed capaian or predikat agrees with a kualitatif verdict: the same
    word, or the 100 % / 0 % that a pemda rule may count it as.

    >>> c = Capaian(None, "", tercapai=True)
    >>> cocok_kualitatif("Sudah", c), cocok_kualitatif("100 %", c), cocok_kualitatif(133.33, c)
    (True, True, False)
    """
    status = status_dinyatakan(dinyatakan)
    if status is not None:
        return status == capaian.tercapai
    angka = ke_desimal(dinyatakan)
    return angka is not None and angka == (HUNDRED if capaian.tercapai else Decimal(0))


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
    '93,71 = A; A terhadap target B: tercapai'
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
    #: Kualitatif indicators reported beside the mean (left out of it).
    tercapai: int = 0
    tidak_tercapai: int = 0

    @property
    def keterangan(self) -> str:
        """The kualitatif indicators left out of the mean, as the report prints them.

        >>> RataRata(None, 0, 0, "", 1, 0).keterangan
        '1 indikator kualitatif: tercapai'
        >>> RataRata(None, 0, 0, "", 2, 1).keterangan
        '3 indikator kualitatif: 2 tercapai, 1 tidak tercapai'
        """
        n = self.tercapai + self.tidak_tercapai
        if not n:
            return ""
        if not self.tidak_tercapai:
            status = TERCAPAI if n == 1 else f"{n} {TERCAPAI}"
        elif not self.tercapai:
            status = TIDAK_TERCAPAI if n == 1 else f"{n} {TIDAK_TERCAPAI}"
        else:
            status = f"{self.tercapai} {TERCAPAI}, {self.tidak_tercapai} {TIDAK_TERCAPAI}"
        return f"{n} indikator kualitatif: {status}"


ATURAN_KUALITATIF = {
    CapaianKualitatif.TERPISAH: "indikator kualitatif tidak dihitung dalam rata-rata "
    "dan dilaporkan di sampingnya (tercapai / tidak tercapai)",
    CapaianKualitatif.SERATUS_NOL: "indikator kualitatif dihitung 100 % bila tercapai "
    "dan 0 % bila tidak tercapai",
}


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


def rata_rata_indikator(
    capaian: Sequence[Capaian],
    batas: Decimal | None = None,
    kualitatif: CapaianKualitatif = CAPAIAN_KUALITATIF_BAWAAN,
) -> RataRata:
    """Mean capaian of a sasaran's indicators under the pemda's rule for
    kualitatif ones: left out and counted beside the mean, or 100 % / 0 %.

    >>> a = Capaian(Decimal(90), "")
    >>> b = Capaian(None, "", tercapai=True)
    >>> r = rata_rata_indikator([a, b])
    >>> r.nilai, r.jumlah, r.keterangan
    (Decimal('90'), 1, '1 indikator kualitatif: tercapai')
    >>> rata_rata_indikator([a, b], kualitatif=CapaianKualitatif.SERATUS_NOL).nilai
    Decimal('95')
    """
    angka: list[Decimal | None] = []
    tercapai = tidak = 0
    for c in capaian:
        if c.tercapai is None:
            angka.append(c.nilai)
        elif kualitatif == CapaianKualitatif.SERATUS_NOL:
            angka.append(HUNDRED if c.tercapai else Decimal(0))
        elif c.tercapai:
            tercapai += 1
        else:
            tidak += 1
    rr = rata_rata_capaian(angka, batas)
    # The rule is named only where it changed something: a mean without
    # kualitatif indicators reads as it always did.
    ada = any(c.tercapai is not None for c in capaian)
    rumus = f"{rr.rumus}; {ATURAN_KUALITATIF[kualitatif]}" if ada else rr.rumus
    return RataRata(rr.nilai, rr.jumlah, rr.tidak_terukur, rumus, tercapai, tidak)
