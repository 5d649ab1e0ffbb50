"""IKM and every breakdown (layanan and four respondent groups) for
1,000,000 responses of 9 unsur with 2 % blanks; prints the wall time.

    python bench/skm_ikm.py [--responden 1000000]
"""

from __future__ import annotations

import argparse
import time

import numpy as np

from sakip.engine.angka import format_angka
from sakip.engine.skm_hasil import DataJawaban, Profil, hitung_hasil
from sakip.engine.skm_profil import PILIHAN_PROFIL
from sakip.engine.unsur import unsur_set


def data(n: int, seed: int = 0) -> DataJawaban:
    rng = np.random.default_rng(seed)
    s = unsur_set("permenpan-14-2017")
    m = rng.choice(np.array([1, 2, 3, 4], dtype=np.uint8), size=(n, 9), p=[0.05, 0.15, 0.5, 0.3])
    m[rng.random((n, 9)) < 0.02] = 0  # blanks
    layanan = tuple(f"Layanan {i}" for i in range(1, 13))
    pilihan = {"layanan": layanan, **PILIHAN_PROFIL}
    profil = {
        p: Profil(label, rng.integers(0, len(label) + 1, size=n, dtype=np.int32))
        for p, label in pilihan.items()
    }
    return DataJawaban(tuple(s.kode), m, profil)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--responden", type=int, default=1_000_000)
    args = ap.parse_args()
    d = data(args.responden)
    s = unsur_set("permenpan-14-2017")
    waktu = []
    for _ in range(3):
        t = time.perf_counter()
        h = hitung_hasil(d, s, populasi=50_000)
        waktu.append(time.perf_counter() - t)
    kelompok = sum(len(v) for v in h.per_kelompok.values())
    print(
        f"IKM + {kelompok} kelompok, {args.responden:,} responden x 9 unsur: "
        f"terbaik {min(waktu):.3f} s, terburuk {max(waktu):.3f} s "
        f"(IKM {format_angka(h.ikm.ikm)}, mutu {h.ikm.mutu.mutu})"
    )


if __name__ == "__main__":
    main()
