"""The writing steps of an import: change the fields of a row that differ,
add rows, remove rows; each with its plan line and its audit row."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.contrib.auth.models import User
from django.db import connection, models, transaction
from django.db.models import ProtectedError
from django.utils import timezone

from sakip.common.errors import DatasetRejected
from sakip.dataset import json_exact as jsontext
from sakip.ledger.audit import revisi_baru
from sakip.ledger.models import AuditAction, AuditLog
from sakip.record.isi import sama
from sakip.record.models import Baris
from sakip.record.rencana import Perubahan, Rencana


class PenulisImpor:
    """The writes of one import, and the audit rows they leave (written at the end)."""

    def __init__(self, rencana: Rencana, aktor: User | None):
        self.rencana = rencana
        self.aktor = aktor if getattr(aktor, "is_authenticated", False) else None
        # (object_type, object_id, lokasi, bidang, versi, old, new) of each write.
        self.audit: list[tuple[str, str, str, str, int | None, str, str]] = []
        self.sekarang = timezone.now()

    def ubah(self, row: models.Model, nilai: Mapping[str, Any], lokasi: str) -> None:
        """Set the fields of ``row`` that differ; one plan line and audit row each."""
        berubah: list[tuple[str, object, object]] = []
        for bidang, baru in nilai.items():
            lama = getattr(row, bidang)
            if isinstance(lama, models.Model) or isinstance(baru, models.Model):
                if getattr(lama, "pk", None) == getattr(baru, "pk", None):
                    continue
                berubah.append((bidang, nama_baris(lama), nama_baris(baru)))
            elif sama(lama, baru):
                continue
            else:
                berubah.append((bidang, lama, baru))
            setattr(row, bidang, baru)
        if not berubah:
            return
        _cek_panjang(row, lokasi)
        fields = [b for b, _, _ in berubah]
        if hasattr(row, "versi"):
            row.versi += 1
            fields.append("versi")
        if isinstance(row, Baris):
            row.diubah_pada = self.sekarang
            fields.append("diubah_pada")
        row.save(update_fields=fields)
        for bidang, lama, baru in berubah:
            self.rencana.perubahan.append(Perubahan("ubah", lokasi, bidang, lama, baru))
            self._catat(row, "ubah", lokasi, bidang, lama, baru)

    def tambah(self, rows: list[tuple[models.Model, str]]) -> None:
        """Create rows of one model at once; one plan line and audit row each."""
        if not rows:
            return
        model = type(rows[0][0])
        for row, lokasi in rows:
            _cek_panjang(row, lokasi)
        model._default_manager.bulk_create([r for r, _ in rows])
        for row, lokasi in rows:
            self.rencana.perubahan.append(Perubahan("tambah", lokasi))
            # The values of a new row are the file's, kept with the import:
            # the audit says that and when the row came, not its values again.
            self._catat(row, "tambah", lokasi, "", None, None)

    def hapus(self, rows: Iterable[models.Model], lokasi: str) -> None:
        for row in rows:
            tempat = f"{lokasi} {nama_baris(row)}".strip()
            self.rencana.perubahan.append(Perubahan("hapus", tempat))
            self._catat(row, "hapus", tempat, "", _ringkas(row), None)
            try:
                with transaction.atomic():
                    row.delete()
            except ProtectedError:
                raise DatasetRejected(
                    (),
                    f"{tempat} tidak dapat dihapus: masih dipakai Perjanjian Kinerja tahun lain",
                ) from None

    def _catat(
        self, row: models.Model, jenis: str, lokasi: str, bidang: str, lama: object, baru: object
    ) -> None:
        self.audit.append(
            (
                row._meta.label,
                str(row.pk) if row.pk else "",
                lokasi[:255],
                bidang or jenis,
                getattr(row, "versi", None),
                "" if lama is None else jsontext.dumps(_polos(lama), indent=None),
                "" if baru is None else jsontext.dumps(_polos(baru), indent=None),
            )
        )

    def _tulis_audit(self) -> None:
        """Every audit row of the import in one statement.

        A first import adds thousands of rows, each with its audit row; built
        as model instances they took a quarter of the import's time.
        """
        if not self.audit:
            return
        meta = AuditLog._meta
        kolom = ["actor", "action", "timestamp", "object_type", "object_id", "lokasi", "bidang"]
        kolom += ["versi", "old", "new"]
        q = connection.ops.quote_name
        kolom_db = [str(getattr(meta.get_field(k), "column")) for k in kolom]  # noqa: B009
        sql = (
            f"INSERT INTO {q(meta.db_table)} "
            f"({', '.join(q(c) for c in kolom_db)}) "
            f"VALUES ({', '.join(['%s'] * len(kolom))})"
        )
        waktu = connection.ops.adapt_datetimefield_value(self.sekarang)
        aktor = self.aktor.pk if self.aktor is not None else None
        with connection.cursor() as cursor:
            cursor.executemany(
                sql,
                [(aktor, AuditAction.REKAM_IMPOR.value, waktu, *baris) for baris in self.audit],
            )
        revisi_baru(getattr(self.rencana.instansi_obj, "pk", None))

    # -- the walk --


def _cek_panjang(row: models.Model, lokasi: str) -> None:
    """Text longer than its column is refused with where it is (PostgreSQL
    would refuse it with a database error, SQLite would keep it)."""
    for f in row._meta.concrete_fields:
        batas = getattr(f, "max_length", None)
        nilai = getattr(row, f.attname)
        if batas and isinstance(f, models.CharField) and isinstance(nilai, str):
            if len(nilai) > batas:
                raise DatasetRejected(
                    (),
                    f"{lokasi}: {f.name} lebih dari {batas} karakter: {nilai[:40]}...",
                )


def nama_baris(value: object) -> str:
    if value is None:
        return ""
    kode = getattr(value, "kode", None)
    if kode:
        return str(kode)
    return str(value)


def _ringkas(row: models.Model) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f in row._meta.concrete_fields:
        if f.name in ("id", "versi", "diubah_pada", "lain", "responden"):
            continue
        value = getattr(row, f.attname)
        if value is not None and value != "":
            out[f.attname] = value
    return out


def _polos(value: object) -> object:
    """A value the audit's JSON can hold (dates and rows as text)."""
    if isinstance(value, dict):
        return {str(k): _polos(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_polos(v) for v in value]
    if value is None or isinstance(value, str | int | bool) or type(value).__name__ == "Decimal":
        return value
    return str(value)
