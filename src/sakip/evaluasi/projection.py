"""Evaluation rows of a dataset: the result of each year and its recommendations."""

from __future__ import annotations

from collections.abc import Mapping

from sakip.dataset.errors import Path
from sakip.datasets.errors import DatasetRejected
from sakip.datasets.models import DatasetVersion
from sakip.datasets.values import iso_date, number, short, text, year
from sakip.evaluasi.models import HasilEvaluasi, Rekomendasi, StatusTindakLanjut

KOMPONEN = ("perencanaan", "pengukuran", "pelaporan", "evaluasi_internal")


def project(dataset: DatasetVersion, doc: Mapping) -> None:
    """Rows of ``evaluasi: {tahun: {nilai, predikat, komponen, rekomendasi, ...}}``."""
    for tahun, item in (doc.get("evaluasi") or {}).items():
        path = ("evaluasi", tahun)
        item = item or {}
        komponen = item.get("komponen") or {}
        hasil = HasilEvaluasi.objects.create(
            dataset=dataset,
            tahun=year(tahun, path),
            nilai=number(item.get("nilai")),
            predikat=short(item.get("predikat"), (*path, "predikat"), 8),
            tanggal=iso_date(item.get("tanggal")),
            evaluator=short(item.get("evaluator"), (*path, "evaluator")),
            **{f"nilai_{k}": number(komponen.get(k)) for k in KOMPONEN},
        )
        Rekomendasi.objects.bulk_create(
            _rekomendasi(hasil, j, rek, (*path, "rekomendasi", j))
            for j, rek in enumerate(item.get("rekomendasi") or ())
        )


def clear(dataset: DatasetVersion) -> None:
    HasilEvaluasi.objects.filter(dataset=dataset).delete()


def status_tindak_lanjut(value: object, tindak_lanjut: str, path: Path) -> str:
    """The follow-up status; when the document states none, a written
    follow-up counts as in progress and no follow-up as not started.

    >>> status_tindak_lanjut("selesai", "", ())
    'selesai'
    >>> status_tindak_lanjut(None, "Reviu IKU tiap triwulan", ())
    'proses'
    >>> status_tindak_lanjut(None, "", ())
    'belum'
    """
    status = text(value).strip()
    if not status:
        return (StatusTindakLanjut.PROSES if tindak_lanjut else StatusTindakLanjut.BELUM).value
    if status not in StatusTindakLanjut.values:
        allowed = ", ".join(StatusTindakLanjut.values)
        raise DatasetRejected(
            path, f"status tindak lanjut {status!r} bukan salah satu dari: {allowed}"
        )
    return status


def _rekomendasi(hasil: HasilEvaluasi, index: int, data: Mapping, path: Path) -> Rekomendasi:
    tindak_lanjut = text(data.get("tindak_lanjut"))
    return Rekomendasi(
        hasil=hasil,
        urutan=index + 1,
        uraian=text(data.get("uraian")),
        tindak_lanjut=tindak_lanjut,
        status=status_tindak_lanjut(data.get("status"), tindak_lanjut, (*path, "status")),
    )
