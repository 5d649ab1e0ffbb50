"""Efisiensi: each sasaran's capaian beside the absorption of the budget
that serves it.

PermenPAN-RB 53/2014 asks for the analysis but gives no formula. We show
the two common measures and name them: ``selisih`` = capaian - penyerapan
(positive: more result than money spent), and, for a sasaran whose target is
met, ``penghematan`` = (pagu - realisasi) / pagu x 100.

Each budget line counts once, so that the table's pagu adds up to the
budget: a line serving several sasaran is split between them in equal
shares (to the sen, the remainder on the first), and lines serving none
are one row of their own.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal

from sakip.engine.anggaran import RingkasanAnggaran
from sakip.engine.angka import HUNDRED, persen
from sakip.engine.kinerja import BarisAgregat
from sakip.model import NOL

RUMUS_SELISIH = "capaian kinerja - penyerapan anggaran"
RUMUS_PENGHEMATAN = "(pagu - realisasi) / pagu x 100, bila target tercapai"
RUMUS_BAGI = (
    "setiap pos anggaran dihitung sekali: pos yang mendukung beberapa sasaran dibagi rata "
    "di antara sasaran tersebut; pos yang tidak mendukung sasaran mana pun dicantumkan terpisah"
)
TANPA_SASARAN = "Tidak mendukung sasaran"
SEN = Decimal("0.01")


@dataclass(frozen=True)
class BarisEfisiensi:
    sasaran: str
    uraian: str
    tahun: int
    capaian: Decimal | None
    pagu: Decimal
    realisasi: Decimal
    penyerapan: Decimal | None
    selisih: Decimal | None
    penghematan: Decimal | None
    program: tuple[str, ...]
    #: Pagu of this row's share of lines that serve several sasaran.
    pagu_bersama: Decimal = NOL
    #: The row of lines that serve no sasaran (``sasaran`` is empty).
    tanpa_sasaran: bool = False


def bagi_rata(jumlah: Decimal, n: int) -> list[Decimal]:
    """``jumlah`` in ``n`` shares to the sen that add up to it exactly.

    >>> bagi_rata(Decimal("100.00"), 3)
    [Decimal('33.34'), Decimal('33.33'), Decimal('33.33')]
    """
    bagian = (jumlah / n).quantize(SEN, rounding=ROUND_DOWN)
    return [jumlah - bagian * (n - 1)] + [bagian] * (n - 1)


def hitung_efisiensi(
    sasaran: Sequence[BarisAgregat],
    anggaran: RingkasanAnggaran,
    sasaran_indikator: Mapping[str, str],
    tahun: int,
    uraian: Mapping[str, str] | None = None,
) -> list[BarisEfisiensi]:
    """Efficiency per sasaran for the budget year.

    A leaf's budget serves the sasaran of the indicators it (or its nearest
    ancestor) names in ``mendukung``, else its program's ``sasaran``. A leaf
    serving several sasaran is split between them in equal shares; leaves
    serving none make the last row. ``uraian`` names the sasaran that have a
    budget but no capaian row for the year.
    """
    dana: dict[str, list[Decimal]] = {}
    program: dict[str, list[str]] = {}
    tanpa = [NOL, NOL]
    tanpa_program: list[str] = []
    for prog in anggaran.belanja_langsung.anak:
        nama = prog.kode or prog.lokasi
        for leaf in prog.daun():
            kode_sasaran = {sasaran_indikator[k] for k in leaf.mendukung if k in sasaran_indikator}
            daftar = sorted(kode_sasaran or set(prog.sasaran))
            if not daftar:
                tanpa[0] += leaf.pagu
                tanpa[1] += leaf.realisasi
                if nama not in tanpa_program:
                    tanpa_program.append(nama)
                continue
            n = len(daftar)
            for s, pagu, real in zip(
                daftar, bagi_rata(leaf.pagu, n), bagi_rata(leaf.realisasi, n), strict=True
            ):
                total = dana.setdefault(s, [NOL, NOL, NOL])
                total[0] += pagu
                total[1] += real
                if n > 1:
                    total[2] += pagu
                if nama not in program.setdefault(s, []):
                    program[s].append(nama)
    baris = []
    kode_baris = [a for a in sasaran if a.tahun == tahun]
    ada = {a.kode for a in kode_baris}
    for agregat in kode_baris:
        pagu, realisasi, bersama = dana.get(agregat.kode, [NOL, NOL, NOL])
        baris.append(
            _baris(
                agregat.kode,
                agregat.uraian,
                tahun,
                agregat.rata_rata.nilai,
                pagu,
                realisasi,
                tuple(program.get(agregat.kode, ())),
                bersama,
            )
        )
    # A sasaran with a budget but nothing measured still shows its money.
    for kode in sorted(set(dana) - ada):
        pagu, realisasi, bersama = dana[kode]
        baris.append(
            _baris(
                kode,
                (uraian or {}).get(kode, ""),
                tahun,
                None,
                pagu,
                realisasi,
                tuple(program[kode]),
                bersama,
            )
        )
    if tanpa_program:
        baris.append(
            _baris(
                "", TANPA_SASARAN, tahun, None, tanpa[0], tanpa[1], tuple(tanpa_program), NOL, True
            )
        )
    return baris


def _baris(
    kode: str,
    uraian: str,
    tahun: int,
    cap: Decimal | None,
    pagu: Decimal,
    realisasi: Decimal,
    program: tuple[str, ...],
    bersama: Decimal,
    tanpa_sasaran: bool = False,
) -> BarisEfisiensi:
    serap = persen(realisasi, pagu)
    selisih = cap - serap if cap is not None and serap is not None else None
    hemat = persen(pagu - realisasi, pagu) if cap is not None and cap >= HUNDRED and pagu else None
    return BarisEfisiensi(
        kode,
        uraian,
        tahun,
        cap,
        pagu,
        realisasi,
        serap,
        selisih,
        hemat,
        program,
        bersama,
        tanpa_sasaran,
    )
