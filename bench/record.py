"""Benchmarks of the record: one field write through a service, and the
check of an instansi-year computed from the database.

    DATABASE_URL=sqlite:////tmp/x.sqlite3 python bench/record.py
    DATABASE_URL=postgres://... python bench/record.py

The database must be migrated and empty of the benchmark pemda; the
benchmark instansi (40 indicators x 5 years, 300 budget lines, as
``generate.py`` makes it) is imported first. Prints the statement count of
one write, the median and worst time of 200 writes, and the median and
worst time of 10 checks from the database.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sakip.project.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from generate import dataset  # noqa: E402

from sakip.akun.sistem import aktor_sistem  # noqa: E402
from sakip.engine.laporan import hitung_laporan  # noqa: E402
from sakip.record.impor import impor_rencana  # noqa: E402
from sakip.record.models import Indikator, NilaiIndikator  # noqa: E402
from sakip.record.queries import dokumen  # noqa: E402
from sakip.record.services import realisasi_set  # noqa: E402

TULIS = 200
PERIKSA = 10


def main() -> None:
    doc = dataset(1)
    aktor = aktor_sistem()
    t = time.perf_counter()
    rencana = impor_rencana(doc=doc, aktor=aktor)
    print(f"import of the benchmark instansi: {time.perf_counter() - t:.2f} s")
    instansi, tahun = rencana.instansi_obj, rencana.tahun
    indikator = Indikator.objects.filter(renstra__instansi=instansi).order_by("kode")[0]

    def tulis(i: int) -> None:
        versi = NilaiIndikator.objects.get(indikator=indikator, tahun=tahun).versi
        realisasi_set(
            aktor=aktor,
            indikator=indikator,
            tahun=tahun,
            nilai=Decimal(70) + Decimal(i) / 100,
            versi=versi,
        )

    tulis(0)  # warm
    with CaptureQueriesContext(connection) as q:
        tulis(1)
    # The version read is the caller's (a form carries it): not the write's cost.
    print(f"one field write (realisasi_set): {len(q.captured_queries) - 1} SQL statements")
    waktu = []
    for i in range(TULIS):
        versi = NilaiIndikator.objects.get(indikator=indikator, tahun=tahun).versi
        t = time.perf_counter()
        realisasi_set(
            aktor=aktor,
            indikator=indikator,
            tahun=tahun,
            nilai=Decimal(80) + Decimal(i) / 100,
            versi=versi,
        )
        waktu.append(time.perf_counter() - t)
    print(
        f"field write, {TULIS} writes: median {statistics.median(waktu) * 1000:.1f} ms, "
        f"worst {max(waktu) * 1000:.1f} ms"
    )

    waktu = []
    for _ in range(PERIKSA):
        t = time.perf_counter()
        data, responden = dokumen(instansi=instansi, tahun=tahun)
        hitung_laporan(data, responden=responden)
        waktu.append(time.perf_counter() - t)
    print(
        f"check --instansi of the benchmark instansi ({connection.vendor}): "
        f"median {statistics.median(waktu):.3f} s, worst {max(waktu):.3f} s"
    )


if __name__ == "__main__":
    main()
