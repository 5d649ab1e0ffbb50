"""Reading the record: an instansi-year and its document."""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

from django.core.cache import caches
from django.db import connection

from sakip.common.errors import DatasetNotFound
from sakip.engine.angka import format_persen
from sakip.engine.laporan import Laporan, hitung_laporan
from sakip.engine.reviu import periksa_bukti
from sakip.ledger.audit import Tanda, kunci_tersimpan, tanda_revisi
from sakip.organisasi.models import Instansi
from sakip.record.ekspor import dokumen_tahun, responden_tahun
from sakip.record.models import BuktiDukung, Penjelasan, TahunKinerja
from sakip.record.riwayat import indikator_dari_tahun


def tahun_kinerja(*, instansi: Instansi, tahun: int) -> TahunKinerja:
    """The instansi-year, or an error that lists the years the record has."""
    tk = (
        TahunKinerja.objects.select_related("instansi__pemda", "renstra", "aturan", "anggaran")
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


#: The cache the computed reports are shared through by every worker.
CACHE_LAPORAN = "laporan"
#: Computed reports kept by this process: (instansi-year, revision mark) -> Laporan.
_LAPORAN: OrderedDict[tuple[int, Tanda], Laporan] = OrderedDict()
_LAPORAN_MAKS = 32
_LAPORAN_LOCK = threading.Lock()


def laporan_tahun(tk: TahunKinerja) -> Laporan:
    """Every figure and finding of an instansi-year, computed from the record
    by the engine (the same as ``sakip check`` prints).

    Computing it is most of the cost of a page, and pages ask far more often
    than anyone writes. Every write to the record moves the record's revision
    mark once it has committed (:func:`sakip.ledger.audit.tanda_revisi`): a
    report computed at a mark is kept (a few per process, the least recently
    used dropped, and in the cache ``laporan`` that every worker shares) and
    given again until a write to the instansi's record, or to what every
    instansi shares, moves its mark. The mark is
    read before the rows, so a write that lands in between can only make the
    kept report newer than its mark, never older; the next request
    recomputes. Inside a transaction nothing is kept: what it sees may yet be
    rolled back, and its own writes move the mark only when it commits.
    """
    if connection.in_atomic_block:
        return _hitung(tk)
    tanda = tanda_revisi(tk.instansi_id)
    kunci = (tk.pk, tanda)
    with _LAPORAN_LOCK:
        laporan = _LAPORAN.get(kunci)
        if laporan is not None:
            _LAPORAN.move_to_end(kunci)
            return laporan
    # Another worker may have computed it at this mark: read it, else
    # compute it and leave it for them.
    bersama = kunci_tersimpan("laporan", tanda, tk.pk)
    laporan = caches[CACHE_LAPORAN].get(bersama)
    if laporan is None:
        laporan = _hitung(tk)
        caches[CACHE_LAPORAN].set(bersama, laporan)
    with _LAPORAN_LOCK:
        _LAPORAN[kunci] = laporan
        while len(_LAPORAN) > _LAPORAN_MAKS:
            _LAPORAN.popitem(last=False)
    return laporan


def lupakan_laporan() -> None:
    """Drop every report this process keeps (a test measuring a cold page)."""
    with _LAPORAN_LOCK:
        _LAPORAN.clear()


def _hitung(tk: TahunKinerja) -> Laporan:
    """The engine's report of the year, with what only the record knows: the
    realisations no evidence file supports."""
    laporan = hitung_laporan(dokumen_tahun(tk), responden=responden_tahun(tk))
    ada_bukti = set(
        BuktiDukung.objects.filter(tahun_kinerja=tk, dihapus_pada__isnull=True).values_list(
            "indikator__kode", flat=True
        )
    )
    laporan.temuan.extend(periksa_bukti(laporan.indikator, laporan.tahun, ada_bukti))
    return laporan


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
