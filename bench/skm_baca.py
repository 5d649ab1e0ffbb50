"""Reading survey files at library speed: the whole ``sakip skm`` command on
1,000,000 CSV answers and on a 100,000-row XLSX, each beside the plain
pass it must beat by half (a plain-Python ``csv`` loop that only sums the
answer columns; a plain openpyxl read-only pass over every cell), with the
peak memory of each process.

    python bench/skm_baca.py [--csv 1000000] [--xlsx 100000] [--out bench/out/skm] [--ulang 3]
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import time
from pathlib import Path

from openpyxl import Workbook

from sakip.engine.skm_profil import PEKERJAAN, PENDIDIKAN

KODE = [f"U{i}" for i in range(1, 10)]
KEPALA = [*KODE, "layanan", "jenis_kelamin", "umur", "pendidikan", "pekerjaan"]

CSV_POLOS = """
import csv, sys
jumlah = [0] * 9
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    r = csv.reader(f)
    next(r)
    for row in r:
        for i in range(9):
            if row[i]:
                jumlah[i] += int(row[i])
print(jumlah)
"""

OPENPYXL_POLOS = """
import sys
from openpyxl import load_workbook
wb = load_workbook(sys.argv[1], read_only=True, data_only=True)
n = 0
for row in wb.worksheets[0].iter_rows(values_only=True):
    n += len(row)
wb.close()
print(n)
"""


def _baris(rng: random.Random) -> list[object]:
    jawaban = [rng.choice((1, 2, 3, 3, 4, 4)) if rng.random() > 0.02 else None for _ in KODE]
    return [
        *jawaban,
        rng.choice(("KTP", "KK", "Akta", "SKCK")),
        rng.choice(("Laki-laki", "Perempuan")),
        rng.randint(17, 80),
        rng.choice(PENDIDIKAN),
        rng.choice(PEKERJAAN),
    ]


def tulis_csv(path: Path, baris: int) -> None:
    rng = random.Random(0)
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write(",".join(KEPALA) + "\r\n")
        for _ in range(baris):
            f.write(",".join("" if v is None else str(v) for v in _baris(rng)) + "\r\n")


def tulis_xlsx(path: Path, baris: int) -> None:
    rng = random.Random(0)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("responden")
    ws.append(KEPALA)
    for _ in range(baris):
        ws.append(_baris(rng))
    wb.save(path)


def jalankan(perintah: list[str]) -> tuple[float, float]:
    """Wall seconds and peak memory (MB) of one command in a fresh process."""
    t = time.perf_counter()
    proses = subprocess.Popen(perintah, stdout=subprocess.DEVNULL)
    _, status, ru = os.wait4(proses.pid, 0)
    detik = time.perf_counter() - t
    if status != 0:
        raise SystemExit(f"gagal: {' '.join(perintah)}")
    return detik, ru.ru_maxrss / 1024


def bandingkan(judul: str, polos: list[str], skm: list[str], ulang: int) -> None:
    hasil = {"polos": [], "skm": []}
    for _ in range(ulang):
        hasil["polos"].append(jalankan(polos))
        hasil["skm"].append(jalankan(skm))
    p = min(d for d, _ in hasil["polos"])
    s = min(d for d, _ in hasil["skm"])
    mem_p = max(m for _, m in hasil["polos"])
    mem_s = max(m for _, m in hasil["skm"])
    print(f"== {judul} (terbaik dari {ulang})")
    print(f"  pembanding polos:        {p:6.2f} s  puncak {mem_p:5.0f} MB")
    print(
        f"  sakip skm (seluruhnya):  {s:6.2f} s  puncak {mem_s:5.0f} MB  = {s / p:.0%} pembanding"
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--csv", type=int, default=1_000_000)
    ap.add_argument("--xlsx", type=int, default=100_000)
    ap.add_argument("--out", type=Path, default=Path("bench/out/skm"))
    ap.add_argument("--ulang", type=int, default=3)
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    py = sys.executable
    sakip = str(Path(py).with_name("sakip"))
    csv_path = args.out / f"jawaban-{args.csv}.csv"
    xlsx_path = args.out / f"jawaban-{args.xlsx}.xlsx"
    for path, tulis, n in ((csv_path, tulis_csv, args.csv), (xlsx_path, tulis_xlsx, args.xlsx)):
        if not path.exists():
            tulis(path, n)
            print(f"ditulis {path} ({path.stat().st_size / 1e6:.1f} MB)")
    skm = [sakip, "skm", "--format", "json", "--populasi", "50000"]
    bandingkan(
        f"{args.csv:,} jawaban CSV: IKM dan semua rincian",
        [py, "-c", CSV_POLOS, str(csv_path)],
        [*skm, str(csv_path)],
        args.ulang,
    )
    bandingkan(
        f"{args.xlsx:,} baris XLSX: IKM dan semua rincian",
        [py, "-c", OPENPYXL_POLOS, str(xlsx_path)],
        [*skm, str(xlsx_path)],
        args.ulang,
    )


if __name__ == "__main__":
    main()
