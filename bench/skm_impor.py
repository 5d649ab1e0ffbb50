"""Importing a 100,000-row XLSX of paper-typed answers (9 unsur, profile
columns, some blanks): writes the workbook, then times the
reader and the whole ``sakip skm`` command.

    python bench/skm_impor.py [--baris 100000] [--out bench/out/skm]
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import time
from pathlib import Path

from openpyxl import Workbook

from sakip.dataset.jawaban_skm import baca_jawaban
from sakip.engine.skm_profil import PEKERJAAN, PENDIDIKAN

KODE = [f"U{i}" for i in range(1, 10)]


def tulis(path: Path, baris: int) -> None:
    rng = random.Random(0)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("responden")
    ws.append([*KODE, "layanan", "jenis_kelamin", "umur", "pendidikan", "pekerjaan"])
    for _ in range(baris):
        jawaban = [rng.choice((1, 2, 3, 3, 4, 4)) if rng.random() > 0.02 else None for _ in KODE]
        ws.append(
            [
                *jawaban,
                rng.choice(("KTP", "KK", "Akta", "SKCK")),
                rng.choice(("Laki-laki", "Perempuan")),
                rng.randint(17, 80),
                rng.choice(PENDIDIKAN),
                rng.choice(PEKERJAAN),
            ]
        )
    wb.save(path)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--baris", type=int, default=100_000)
    ap.add_argument("--out", type=Path, default=Path("bench/out/skm"))
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    path = args.out / f"jawaban-{args.baris}.xlsx"
    if not path.exists():
        t = time.perf_counter()
        tulis(path, args.baris)
        print(
            f"menulis {path} ({path.stat().st_size / 1e6:.1f} MB): {time.perf_counter() - t:.1f} s"
        )
    t = time.perf_counter()
    data = baca_jawaban(path, KODE)
    baca = time.perf_counter() - t
    print(f"baca {len(data.matriks):,} baris XLSX (python-calamine): {baca:.1f} s")
    t = time.perf_counter()
    subprocess.run(
        [Path(sys.executable).with_name("sakip"), "skm", str(path), "--format", "json"],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    total = time.perf_counter() - t
    print(f"sakip skm {path.name} --format json (baca + hitung + cetak): {total:.1f} s")


if __name__ == "__main__":
    main()
