"""A dataset file applied to the record as a plan: added, changed, removed.

:func:`impor_rencana` compares a validated document with the record of its
instansi-year and makes the record say what the file says, row by row:
rows are matched by their code (a budget line without one by its uraian),
so a row keeps its identity and only the fields that differ are written,
each with its audit row. The same function makes the plan of a dry run: it
applies the plan inside a transaction and rolls it back.

The walk is :mod:`sakip.record.selaras`, its writing steps
:mod:`sakip.record.penulis`, the plan :mod:`sakip.record.rencana`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from typing import Any

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.utils import timezone

from sakip.common.errors import DatasetError, DatasetRejected
from sakip.common.kolom import year
from sakip.dataset import json_exact as jsontext
from sakip.engine.laporan import tahun_laporan
from sakip.ledger.audit import audit_record
from sakip.ledger.models import AuditAction, DatasetVersion
from sakip.organisasi.models import Instansi, Pemda
from sakip.record.rencana import Perubahan, Rencana, TahunTerkunci
from sakip.record.selaras import Penyelaras

Isi = Mapping[str, Any]

__all__ = ["Perubahan", "Rencana", "TahunTerkunci", "impor_rencana", "tahun_dataset"]


def tahun_dataset(doc: Isi) -> int:
    """The year a dataset is stored under: the year it reports on, read by the
    same rule the engine uses for the report (the Perjanjian Kinerja's year,
    else the budget's, else the last year with a realisation)."""
    try:
        tahun = tahun_laporan(doc)
    except (TypeError, ValueError, KeyError):
        tahun = 0
    if not tahun:
        raise DatasetRejected(
            ("perjanjian_kinerja", "tahun"),
            "tahun dataset tidak dapat ditentukan: "
            "isi perjanjian_kinerja.tahun atau anggaran.tahun",
        )
    return year(tahun, ("perjanjian_kinerja", "tahun"))


class _Batal(Exception):
    """Raised inside the transaction to roll back a dry run or an empty plan."""


def impor_rencana(
    *,
    doc: Isi,
    aktor: User | None,
    source_name: str = "",
    fmt: str = "yaml",
    responden: Mapping[int, list[dict[str, int | None]]] | None = None,
    coba: bool = False,
    simpan_berkas: bool = True,
    periksa: Callable[[Pemda | Instansi], None] | None = None,
) -> Rencana:
    """Make the record say what ``doc`` says; return the plan.

    All or nothing: whatever fails, nothing is written. With ``coba`` (a dry
    run) the plan is made and nothing is kept. A plan without changes keeps
    nothing either, not even the file.
    """
    tahun = tahun_dataset(doc)
    rencana = Rencana(instansi=str(doc["instansi"]["nama"]).strip(), tahun=tahun)
    try:
        with transaction.atomic():
            Penyelaras(rencana, doc, aktor, responden or {}, periksa).jalankan()
            if rencana.kosong or coba:
                raise _Batal
            if simpan_berkas:
                rencana.impor = _simpan_berkas(rencana, doc, aktor, source_name, fmt)
    except _Batal:
        pass
    except IntegrityError:
        # Only a row another import created meanwhile can collide here.
        raise DatasetError(
            f"{rencana.instansi} tahun {tahun} sedang diimpor oleh proses lain; "
            "tidak ada yang diubah, ulangi sesudah impor itu selesai"
        ) from None
    return rencana


def _simpan_berkas(
    rencana: Rencana, doc: Isi, aktor: User | None, source_name: str, fmt: str
) -> DatasetVersion:
    """Keep the imported file as the source of this import; the newest is
    the active one of its instansi-year."""
    instansi = rencana.instansi_obj
    assert instansi is not None  # set by the walk before anything is written
    content = jsontext.dumps(doc)
    DatasetVersion.objects.filter(instansi=instansi, tahun=rencana.tahun, is_active=True).update(
        is_active=False, superseded_at=timezone.now()
    )
    version = DatasetVersion.objects.create(
        instansi=instansi,
        tahun=rencana.tahun,
        content=content,
        source_name=source_name[:255],
        format=fmt,
        sha256=hashlib.sha256(content.encode("utf-8")).hexdigest(),
        imported_by=aktor if getattr(aktor, "is_authenticated", False) else None,
        is_active=True,
    )
    audit_record(
        actor=aktor if getattr(aktor, "is_authenticated", False) else None,
        action=AuditAction.DATASET_IMPORT,
        obj=version,
        lokasi=f"{rencana.instansi} {rencana.tahun}",
        new={"berkas": source_name, "perubahan": rencana.ringkasan(), "sha256": version.sha256},
    )
    return version
