"""Generate a synthetic pemda for the benchmarks: N dataset files, each an
instansi with 5 years x 40 indicators x 300 budget lines.

    python bench/generate.py OUT_DIR [--instansi 30]
"""

from __future__ import annotations

import argparse
import random
from decimal import Decimal
from pathlib import Path

from sakip.dataset.dump import dump_yaml

TAHUN = [2020, 2021, 2022, 2023, 2024]


def _uang(rng: random.Random) -> Decimal:
    return Decimal(rng.randrange(1_000_000, 500_000_000_00)) / 100


def dataset(n: int, *, indikator: int = 40, baris: int = 300, seed: int = 0) -> dict:
    rng = random.Random(seed * 1000 + n)
    sasaran = []
    for s in range(1, 9):
        inds = []
        for i in range(1, indikator // 8 + 1):
            polaritas = rng.choice(["positif", "positif", "negatif"])
            target = {str(t): Decimal(rng.randrange(5000, 9500)) / 100 for t in TAHUN}
            realisasi = {str(t): Decimal(rng.randrange(4000, 10000)) / 100 for t in TAHUN[:-1]}
            inds.append(
                {
                    "kode": f"S{s}.{i}",
                    "uraian": f"Indikator {s}.{i} instansi {n}",
                    "satuan": "persen",
                    "polaritas": polaritas,
                    "iku": i == 1,
                    "target": target,
                    "realisasi": realisasi,
                    "dinyatakan": {"2023": {"capaian": Decimal(rng.randrange(50, 120))}},
                }
            )
        sasaran.append({"kode": f"S{s}", "uraian": f"Sasaran {s}", "indikator": inds})
    program = []
    per_program = baris // 10
    for p in range(1, 11):
        kegiatan = []
        for k in range(1, 4):
            subs = [
                {
                    "kode": f"7.01.{p:02d}.2.{k:02d}.{x:04d}",
                    "uraian": f"Sub kegiatan {p}.{k}.{x}",
                    "pagu": (pagu := _uang(rng)),
                    "realisasi": (pagu * rng.randrange(60, 101) / 100).quantize(Decimal("0.01")),
                }
                for x in range(1, per_program // 3 + 1)
            ]
            kegiatan.append(
                {
                    "kode": f"7.01.{p:02d}.2.{k:02d}",
                    "uraian": f"Kegiatan {p}.{k}",
                    "sub_kegiatan": subs,
                }
            )
        program.append(
            {
                "kode": f"7.01.{p:02d}",
                "uraian": f"Program {p}",
                "sasaran": [f"S{(p - 1) % 8 + 1}"],
                "kegiatan": kegiatan,
                "dinyatakan": {"pagu": _uang(rng)},
            }
        )
    return {
        "format": "sakip-dataset/1",
        "pemda": {"nama": "Kabupaten Contoh", "provinsi": "Jawa Timur", "batas_capaian": 120},
        "instansi": {
            "nama": f"Dinas Contoh {n:02d}",
            "jenis": "dinas",
            "kepala": {"jabatan": f"Kepala Dinas Contoh {n:02d}"},
            "atasan": {"jabatan": "Bupati Contoh"},
        },
        "renstra": {
            "periode": [2020, 2024],
            "tujuan": [{"kode": "T1", "uraian": "Tujuan", "sasaran": sasaran}],
        },
        "perjanjian_kinerja": {
            "tahun": 2023,
            "indikator": [ind["kode"] for s in sasaran for ind in s["indikator"]],
            "program": [p["kode"] for p in program],
        },
        "anggaran": {"tahun": 2023, "program": program},
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--instansi", type=int, default=30)
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for n in range(1, args.instansi + 1):
        (out / f"instansi-{n:02d}.yaml").write_text(dump_yaml(dataset(n)), encoding="utf-8")
    print(f"{args.instansi} berkas ditulis ke {out}")


if __name__ == "__main__":
    main()
