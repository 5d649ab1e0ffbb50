"""Prepare or count for the form benchmark, in the database DATABASE_URL names.

python bench/skm_siapkan.py buka     # prints the public code of a new survey
python bench/skm_siapkan.py hitung KODE   # prints the rows stored for it
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sakip.project.settings")

import django  # noqa: E402

django.setup()

from sakip.ledger.services import dataset_import  # noqa: E402

from sakip.akun.sistem import aktor_sistem  # noqa: E402
from sakip.dataset.baca import baca_dataset  # noqa: E402
from sakip.skm.models import Kuesioner, Responden  # noqa: E402
from sakip.skm.services import survei_buka  # noqa: E402

DEMO = Path(__file__).resolve().parents[1] / "src" / "sakip" / "demo" / "robatal-2020.yaml"


def main() -> None:
    if sys.argv[1] == "buka":
        ds = baca_dataset(DEMO)
        versi = dataset_import(doc=ds.doc, source_name=DEMO.name, fmt="yaml", replace=True)
        k = survei_buka(instansi=versi.instansi, tahun=2020, layanan="KTP", aktor=aktor_sistem())
        print(k.kode)
    else:
        k = Kuesioner.objects.get(kode=sys.argv[2])
        print(Responden.objects.filter(kuesioner=k).count())


if __name__ == "__main__":
    main()
