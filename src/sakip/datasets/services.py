"""Every write of datasets: import, replace and restore.

Each function runs inside one transaction and writes its audit record, so
that a failure anywhere (a value the tables cannot hold, a bug in one
projection step) leaves the database as it was, and no caller can forget
the audit. Reads are in :mod:`sakip.datasets.queries`, re-exported here for
the command line.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.utils import timezone

from sakip.datasets import jsontext, projection
from sakip.datasets.audit import audit_record
from sakip.datasets.errors import (
    DatasetError,
    DatasetExists,
    DatasetNotFound,
    DatasetRejected,
)
from sakip.datasets.models import AuditAction, DatasetVersion, FormatBerkas
from sakip.datasets.queries import active_version, dataset_export, find_instansi
from sakip.datasets.values import year
from sakip.engine.laporan import tahun_laporan
from sakip.organisasi import projection as organisasi
from sakip.organisasi.models import Instansi

__all__ = [
    "DatasetError",
    "DatasetExists",
    "DatasetNotFound",
    "DatasetRejected",
    "active_version",
    "dataset_export",
    "dataset_import",
    "dataset_restore",
    "dataset_year",
    "find_instansi",
]


def dataset_year(doc: Mapping) -> int:
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


def dataset_import(
    *,
    doc: Mapping,
    source_name: str,
    fmt: str,
    actor: AbstractBaseUser | None = None,
    replace: bool = False,
) -> DatasetVersion:
    """Store a validated document as the active dataset of its instansi-year.

    An active dataset for that instansi-year makes this fail with
    :class:`DatasetExists` unless ``replace``; then the old version is kept,
    marked superseded (see :func:`dataset_restore`). A value the tables
    cannot hold raises :class:`DatasetRejected` naming its key path. Whatever
    fails, nothing is written.
    """
    if fmt not in FormatBerkas.values:
        raise ValueError(f"unknown dataset format {fmt!r}")
    tahun = dataset_year(doc)
    content = jsontext.dumps(doc)
    with transaction.atomic():
        instansi = organisasi.instansi_for(doc)
        old = _lock_active(instansi, tahun)
        if old is not None and not replace:
            raise DatasetExists(instansi.nama, tahun, old.pk)
        if old is not None:
            _supersede(old)
        version = _create_version(
            instansi=instansi,
            tahun=tahun,
            content=content,
            source_name=source_name,
            fmt=fmt,
            actor=actor,
        )
        projection.build(version, doc)
        audit_record(
            actor=actor,
            action=AuditAction.DATASET_REPLACE if old else AuditAction.DATASET_IMPORT,
            obj=version,
            old=_summary(old),
            new=_summary(version),
        )
    return version


def dataset_restore(
    *, version: DatasetVersion, actor: AbstractBaseUser | None = None
) -> DatasetVersion:
    """Make a superseded version the active one again; the current one is superseded."""
    with transaction.atomic():
        version = (
            DatasetVersion.objects.select_for_update(of=("self",))
            .select_related("instansi__pemda")
            .get(pk=version.pk)
        )
        if version.is_active:
            raise DatasetError(f"versi #{version.pk} sudah aktif; tidak ada yang dipulihkan")
        current = _lock_active(version.instansi, version.tahun)
        if current is not None:
            _supersede(current)
        version.is_active = True
        version.superseded_at = None
        version.save(update_fields=["is_active", "superseded_at"])
        doc = jsontext.loads(version.content)
        assert isinstance(doc, dict)
        projection.build(version, doc)
        audit_record(
            actor=actor,
            action=AuditAction.DATASET_RESTORE,
            obj=version,
            old=_summary(current),
            new=_summary(version),
        )
    return version


def _lock_active(instansi: Instansi, tahun: int) -> DatasetVersion | None:
    # Locked so that a concurrent replace of the same instansi-year waits.
    return (
        DatasetVersion.objects.select_for_update()
        .filter(instansi=instansi, tahun=tahun, is_active=True)
        .first()
    )


def _supersede(version: DatasetVersion) -> None:
    version.is_active = False
    version.superseded_at = timezone.now()
    version.save(update_fields=["is_active", "superseded_at"])
    projection.clear(version)


def _create_version(
    *,
    instansi: Instansi,
    tahun: int,
    content: str,
    source_name: str,
    fmt: str,
    actor: AbstractBaseUser | None,
) -> DatasetVersion:
    try:
        # A savepoint: on PostgreSQL a failed insert must not poison the transaction.
        with transaction.atomic():
            return DatasetVersion.objects.create(
                instansi=instansi,
                tahun=tahun,
                content=content,
                source_name=source_name[:255],
                format=fmt,
                sha256=hashlib.sha256(content.encode("utf-8")).hexdigest(),
                imported_by=actor if getattr(actor, "is_authenticated", False) else None,
                is_active=True,
            )
    except IntegrityError:
        # Only the one-active-version constraint can fail here: another
        # import of the same instansi-year committed first.
        raise DatasetExists(instansi.nama, tahun, None) from None


def _summary(version: DatasetVersion | None) -> dict | None:
    if version is None:
        return None
    return {
        "version": version.pk,
        "instansi": version.instansi.nama,
        "tahun": version.tahun,
        "source_name": version.source_name,
        "format": version.format,
        "sha256": version.sha256,
    }
