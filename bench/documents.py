"""Time the documents: one LKjIP (DOCX and PDF) and a batch for 30 instansi.

    .venv/bin/python bench/documents.py [--instansi 30] [--format pdf] [--out DIR]

Datasets come from ``generate.dataset(n)`` (5 years x 40 indicators x 300
budget lines each). Prints seconds and the peak memory of the process; the
targets (one LKjIP under 3 s, the batch under 60 s, peak under 1 GB) are
printed beside the figures, not asserted.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import dataset  # noqa: E402

from sakip.cli.progress import kemajuan  # noqa: E402
from sakip.dataset import json_exact  # noqa: E402
from sakip.documents.batch import Tugas, jalankan  # noqa: E402
from sakip.documents.buat import buat_dokumen  # noqa: E402
from sakip.documents.siap import periksa  # noqa: E402


def _peak_mb() -> tuple[float, float]:
    """Peak resident memory of this process and of the largest worker, in MB."""
    sendiri = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    anak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return sendiri, anak


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--instansi", type=int, default=30)
    ap.add_argument(
        "--format",
        choices=["docx", "pdf"],
        default="pdf",
        help="format of the batch (bawaan: pdf, the slower one)",
    )
    ap.add_argument("--out", type=Path, help="write the documents here")
    args = ap.parse_args()
    for fmt in ("docx", "pdf"):
        periksa(fmt)
    # As stored in the database: the batch reads this JSON text.
    teks = [json_exact.dumps(dataset(n), indent=None) for n in range(1, args.instansi + 1)]
    docs = [json_exact.loads(teks[0])]

    buat_dokumen(docs[0], format="docx")  # warm-up: imports
    total = 0.0
    for fmt in ("docx", "pdf"):
        t0 = time.perf_counter()
        hasil = buat_dokumen(docs[0], format=fmt)
        detik = time.perf_counter() - t0
        total += detik
        print(f"satu LKjIP {fmt}: {detik:.2f} s ({len(hasil.isi) // 1024} KiB)  target < 3 s")
    print(f"satu LKjIP docx + pdf berturut-turut: {total:.2f} s  target < 3 s")

    out = args.out or Path(tempfile.mkdtemp(prefix="sakip-bench-"))
    tugas = [
        Tugas(f"instansi {i}", t, out / f"lkjip-{i:02d}.{args.format}")
        for i, t in enumerate(teks, start=1)
    ]
    t0 = time.perf_counter()
    for s in kemajuan(
        jalankan(tugas, format=args.format, dokumen="lkjip"),
        total=len(tugas),
        label=f"batch {args.format}",
    ):
        if s.galat:
            print(f"{s.tugas.nama}: {s.galat}", file=sys.stderr)
    print(
        f"batch {len(tugas)} instansi ({args.format}, {out}): "
        f"{time.perf_counter() - t0:.1f} s  target < 60 s"
    )
    sendiri, pekerja = _peak_mb()
    print(
        f"memori puncak: {sendiri:.0f} MB (proses ini), {pekerja:.0f} MB (pekerja terbesar)  "
        "target < 1024 MB"
    )


if __name__ == "__main__":
    main()
