"""Reading the record: an instansi-year and its document."""

from __future__ import annotations

from typing import Any

from sakip.common.errors import DatasetNotFound
from sakip.engine.angka import format_persen
from sakip.engine.laporan import Laporan, hitung_laporan
from sakip.organisasi.models import Instansi
from sakip.record.ekspor import dokumen_tahun, responden_tahun
from sakip.record.models import Penjelasan, TahunKinerja
from sakip.record.riwayat import indikator_dari_tahun


def tahun_kinerja(*, instansi: Instansi, tahun: int) -> TahunKinerja:
    """The instansi-year, or an error that lists the years the record has."""
    tk = (
        TahunKinerja.objects.select_related("instansi__pemda", "renstra", "aturan")
        .filter(instansi=instansi, tahun=tahun)
        .first()
    )
    if tk is None:
        years = list(
            TahunKinerja.objects.filter(instansi=instansi)
            .order_by("tahun")
            .values_list("tahun", flat=True)
        )
        ada = ", ".join(str(y) for y in years) if years else "belum ada"
        raise DatasetNotFound(
            f"tidak ada data {instansi.nama} tahun {tahun}; tahun yang tersedia: {ada}"
        )
    return tk


def dokumen(
    *, instansi: Instansi, tahun: int
) -> tuple[dict[str, Any], dict[int, list[dict[str, int | None]]]]:
    """The document of an instansi-year and its survey answers, from the record."""
    tk = tahun_kinerja(instansi=instansi, tahun=tahun)
    return dokumen_tahun(tk), responden_tahun(tk)


def laporan_tahun(tk: TahunKinerja) -> Laporan:
    """Every figure and finding of an instansi-year, computed from the record
    by the engine (the same as ``sakip check`` prints)."""
    return hitung_laporan(dokumen_tahun(tk), responden=responden_tahun(tk))


def di_bawah_target(laporan: Laporan) -> list[str]:
    """Codes of the year's indicators whose capaian is measured and below 100 %."""
    return [
        b.kode
        for b in laporan.indikator_tahun()
        if b.capaian.nilai is not None and b.capaian.nilai < 100
    ]


def penjelasan_kurang(tk: TahunKinerja, *, laporan: Laporan | None = None) -> list[str]:
    """One Indonesian line per indicator of the year whose realisation is
    below its target and has no written explanation yet (what submitting
    the year will require). ``laporan``: the year's figures, when the
    caller has computed them already."""
    laporan = laporan_tahun(tk) if laporan is None else laporan
    kode = di_bawah_target(laporan)
    if not kode:
        return []
    ada = set(
        Penjelasan.objects.filter(
            indikator__in=indikator_dari_tahun(tk).filter(kode__in=kode),
            tahun=tk.tahun,
            teks__isnull=False,
        ).values_list("indikator__kode", flat=True)
    )
    return kalimat_kurang(laporan, ada)


def kalimat_kurang(laporan: Laporan, ada: set[str]) -> list[str]:
    """The lines of :func:`penjelasan_kurang`, given the codes of the
    indicators that have an explanation."""
    return [
        f"{b.kode} {b.ref.indikator.uraian}: capaian {format_persen(b.capaian.nilai)} "
        "di bawah target, penjelasan belum diisi"
        for b in laporan.indikator_tahun()
        if b.capaian.nilai is not None and b.capaian.nilai < 100 and b.kode not in ada
    ]
