"""Efisiensi: each sasaran's capaian beside the absorption of the budget
that serves it.

PermenPAN-RB 53/2014 asks for the analysis but gives no formula. We show
the two common measures and name them: ``selisih`` = capaian - penyerapan
(positive: more result than money spent), and, for a sasaran whose target is
met, ``penghematan`` = (pagu - realisasi) / pagu x 100.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from sakip.engine.anggaran import RingkasanAnggaran
from sakip.engine.angka import HUNDRED, persen
from sakip.engine.kinerja import BarisAgregat
from sakip.model import NOL

RUMUS_SELISIH = "capaian kinerja - penyerapan anggaran"
RUMUS_PENGHEMATAN = "(pagu - realisasi) / pagu x 100, bila target tercapai"


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


def hitung_efisiensi(
    sasaran: Sequence[BarisAgregat],
    anggaran: RingkasanAnggaran,
    sasaran_indikator: Mapping[str, str],
    tahun: int,
) -> list[BarisEfisiensi]:
    """Efficiency per sasaran for the budget year.

    A leaf's budget serves the sasaran of the indicators it (or its nearest
    ancestor) names in ``mendukung``, else its program's ``sasaran``. A leaf
    serving several sasaran counts fully in each, as each report table does.
    """
    dana: dict[str, list[Decimal]] = {}
    program: dict[str, list[str]] = {}
    for prog in anggaran.belanja_langsung.anak:
        for leaf in prog.daun():
            kode_sasaran = {sasaran_indikator[k] for k in leaf.mendukung if k in sasaran_indikator}
            for s in sorted(kode_sasaran or set(prog.sasaran)):
                total = dana.setdefault(s, [NOL, NOL])
                total[0] += leaf.pagu
                total[1] += leaf.realisasi
                nama = prog.kode or prog.lokasi
                if nama not in program.setdefault(s, []):
                    program[s].append(nama)
    baris = []
    for agregat in sasaran:
        if agregat.tahun != tahun:
            continue
        pagu, realisasi = dana.get(agregat.kode, [NOL, NOL])
        serap = persen(realisasi, pagu)
        cap = agregat.rata_rata.nilai
        selisih = cap - serap if cap is not None and serap is not None else None
        hemat = (
            persen(pagu - realisasi, pagu) if cap is not None and cap >= HUNDRED and pagu else None
        )
        baris.append(
            BarisEfisiensi(
                agregat.kode,
                agregat.uraian,
                tahun,
                cap,
                pagu,
                realisasi,
                serap,
                selisih,
                hemat,
                tuple(program.get(agregat.kode, ())),
            )
        )
    return baris
