"""Survey rows of a dataset: one per survey, one per unsur with its NRR when known."""

from __future__ import annotations

from collections.abc import Mapping

from sakip.datasets.models import DatasetVersion
from sakip.datasets.values import KODE_MAX, number, short, text, year
from sakip.engine.skm import UNSUR
from sakip.skm.models import Survei, UnsurSurvei

#: The unsur set a survey uses when it names none (as the engine reads it).
UNSUR_BAWAAN = "permenpan-14-2017"


def project(dataset: DatasetVersion, doc: Mapping) -> None:
    for i, data in enumerate(doc.get("skm") or ()):
        path = ("skm", i)
        unsur = data.get("unsur") or UNSUR_BAWAAN
        if isinstance(unsur, str):
            daftar = [(str(k), str(u)) for k, u in UNSUR.get(unsur, ())]
        else:
            daftar = [(text(u.get("kode")), text(u.get("uraian"))) for u in unsur]
        mutu = data.get("mutu")
        jumlah = number(data.get("jumlah_responden"))
        survei = Survei.objects.create(
            dataset=dataset,
            urutan=i + 1,
            tahun=year(data.get("tahun"), (*path, "tahun")),
            layanan=short(data.get("layanan"), (*path, "layanan")),
            unsur_set=short(unsur if isinstance(unsur, str) else "daftar", (*path, "unsur"), 64),
            mutu=short(
                mutu if isinstance(mutu, str) else ("daftar" if mutu else ""), (*path, "mutu"), 64
            ),
            ikm=number(data.get("ikm")),
            jumlah_responden=int(jumlah) if jumlah is not None else None,
            responden_csv=short(data.get("responden_csv"), (*path, "responden_csv")),
        )
        nrr = {text(k): v for k, v in (data.get("nrr") or {}).items()}
        known = [kode for kode, _ in daftar]
        # An NRR for an unsur the set does not name is kept as its own row.
        daftar += [(kode, "") for kode in nrr if kode not in known]
        UnsurSurvei.objects.bulk_create(
            UnsurSurvei(
                survei=survei,
                urutan=n + 1,
                kode=short(kode, (*path, "unsur", n, "kode"), KODE_MAX),
                uraian=uraian,
                nrr=number(nrr.get(kode)),
            )
            for n, (kode, uraian) in enumerate(daftar)
        )


def clear(dataset: DatasetVersion) -> None:
    Survei.objects.filter(dataset=dataset).delete()
