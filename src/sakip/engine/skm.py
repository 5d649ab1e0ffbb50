"""Survei Kepuasan Masyarakat: NRR per unsur, IKM and its mutu.

PermenPAN-RB 14/2017: NRR of an unsur = sum of its answers / number of
answers (blanks count in neither); IKM = sum(NRR x weight) x 25, rounded to
two decimals before its mutu is read. The weight is exactly 1/n; the printed
0,111 / 0,11 (and 0,071 for 14 unsur) are offered so that old figures can be
reproduced. Unsur sets and mutu tables are data, not code.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from sakip.engine.angka import bagi, bulatkan

# Re-exported: callers read mutu tables through this module, as before.
from sakip.engine.mutu import PitaMutu as PitaMutu
from sakip.engine.mutu import TabelMutu as TabelMutu
from sakip.engine.mutu import tabel_mutu as tabel_mutu
from sakip.engine.unsur import SET_BAKU, unsur_set
from sakip.model import BOBOT_SKM_BAWAAN, BobotSkm

SKOR = Decimal(25)
#: Above any population a survey of one service has (Indonesia has fewer
#: than 300 million people); the database column holds it too.
POPULASI_MAKS = 1_000_000_000

# Both read from the shipped unsur set files (``data/unsur``): one source.
MUTU: dict[str, TabelMutu] = {nama: unsur_set(nama).mutu for nama in SET_BAKU}
UNSUR: dict[str, tuple[tuple[str, str], ...]] = {
    nama: tuple((u.kode, u.nama) for u in unsur_set(nama).unsur) for nama in SET_BAKU
}

# The weight each unsur set's regulation prints, by the pemda's `bobot_skm`.
BOBOT_CETAK = {b.value: Decimal(b.value) for b in BobotSkm if b is not BobotSkm.SATU_PER_N}


@dataclass(frozen=True)
class NilaiUnsur:
    kode: str
    jumlah_jawaban: int
    jumlah_nilai: int
    nrr: Decimal | None
    nrr_tertimbang: Decimal | None


@dataclass(frozen=True)
class HasilIkm:
    ikm: Decimal | None
    mutu: PitaMutu | None
    rumus: str


def nrr_dari_jawaban(
    kode_unsur: Sequence[str], jawaban: Iterable[Mapping[str, int | None]]
) -> list[tuple[str, int, int]]:
    """(kode, number of answers, sum of answers) per unsur; blanks skipped.

    >>> nrr_dari_jawaban(["U1", "U2"], [{"U1": 4, "U2": None}, {"U1": 3, "U2": 2}])
    [('U1', 2, 7), ('U2', 1, 2)]
    """
    jumlah = {k: 0 for k in kode_unsur}
    total = {k: 0 for k in kode_unsur}
    for baris in jawaban:
        for k in kode_unsur:
            nilai = baris.get(k)
            if nilai is not None:
                jumlah[k] += 1
                total[k] += nilai
    return [(k, jumlah[k], total[k]) for k in kode_unsur]


def bobot(jumlah_unsur: int, bobot_skm: str = BOBOT_SKM_BAWAAN) -> Decimal:
    """The weight of one unsur: exactly 1/n unless a printed weight is chosen."""
    if bobot_skm in BOBOT_CETAK:
        return BOBOT_CETAK[bobot_skm]
    return bagi(Decimal(1), Decimal(jumlah_unsur))


def hitung_ikm(
    nrr: Mapping[str, Decimal | None], *, tabel: TabelMutu, bobot_skm: str = BOBOT_SKM_BAWAAN
) -> HasilIkm:
    """IKM from the NRR of every unsur.

    The published check (a kabupaten's result): NRR 3,31 3,35 3,49 3,93 3,45
    3,39 3,39 3,76 3,35 give IKM 87,28, mutu B.

    >>> nilai = ["3.31", "3.35", "3.49", "3.93", "3.45", "3.39", "3.39", "3.76", "3.35"]
    >>> h = hitung_ikm({f"U{i}": Decimal(v) for i, v in enumerate(nilai, 1)},
    ...                tabel=MUTU["permenpan-14-2017"])
    >>> bulatkan(h.ikm), h.mutu.mutu
    (Decimal('87.28'), 'B')
    """
    if not nrr or any(v is None for v in nrr.values()):
        return HasilIkm(None, None, "IKM tidak terukur: ada unsur tanpa jawaban")
    w = bobot(len(nrr), bobot_skm)
    ikm = sum((v * w for v in nrr.values() if v is not None), Decimal(0)) * SKOR
    teks_bobot = f"1/{len(nrr)}" if bobot_skm not in BOBOT_CETAK else bobot_skm
    return HasilIkm(
        ikm, tabel.mutu(ikm), f"IKM = jumlah(NRR x {teks_bobot}) x 25 ({len(nrr)} unsur)"
    )


def nilai_unsur(
    hitungan: Iterable[tuple[str, int, int]], jumlah_unsur: int, bobot_skm: str = BOBOT_SKM_BAWAAN
) -> list[NilaiUnsur]:
    """NRR and weighted NRR from answer counts and sums."""
    w = bobot(jumlah_unsur, bobot_skm)
    out = []
    for kode, n, total in hitungan:
        nrr = bagi(Decimal(total), Decimal(n)) if n else None
        out.append(NilaiUnsur(kode, n, total, nrr, nrr * w if nrr is not None else None))
    return out


def sampel_minimum(populasi: int) -> int:
    """Krejcie-Morgan minimum sample for a population.

    >>> [sampel_minimum(n) for n in (100, 500, 5000)]
    [80, 217, 357]
    """
    n = Decimal(populasi)
    chi = Decimal("3.841")
    hasil = bagi(chi * n * Decimal("0.25"), Decimal("0.0025") * (n - 1) + chi * Decimal("0.25"))
    return int(bulatkan(hasil, 0))
