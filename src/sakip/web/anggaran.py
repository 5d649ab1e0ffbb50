"""The budget page of an instansi-year: the tree program -> kegiatan ->
sub kegiatan (and belanja tidak langsung) with pagu and realisasi edited in
place on its lines, and every total and serapan as the engine computes it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from sakip.engine.anggaran import NodeAnggaran
from sakip.record.models import AnggaranNode, Level, TahunKinerja
from sakip.record.queries import laporan_tahun
from sakip.web.akses import tahun_untuk
from sakip.web.tahun import _hasil, tampil_tahun
from sakip.web.ubah import Isian, isian_anggaran


@dataclass
class BarisAnggaran:
    kedalaman: int
    hasil: NodeAnggaran  # the engine's figures: totals, sisa, serapan
    pagu: Isian | None  # editable on a line without lines below it
    realisasi: Isian | None


def _pasangkan(
    hasil: Sequence[NodeAnggaran],
    rows: Sequence[AnggaranNode],
    anak: dict[int | None, list[AnggaranNode]],
    kedalaman: int,
) -> Iterator[tuple[int, NodeAnggaran, AnggaranNode | None]]:
    """The engine's nodes beside the record's rows: both keep the document's
    order (the engine reads the document the record exports)."""
    for i, h in enumerate(hasil):
        row = rows[i] if i < len(rows) else None
        yield kedalaman, h, row
        yield from _pasangkan(h.anak, anak.get(row.pk, []) if row else [], anak, kedalaman + 1)


@require_GET
@login_required
def halaman(request: HttpRequest, instansi_id: int, tahun: int) -> HttpResponse:
    tk = tahun_untuk(request, instansi_id, tahun)
    return tampil_tahun(request, tk, "web/anggaran/halaman.html", lambda: _isi(request, tk))


def _isi(request: HttpRequest, tk: TahunKinerja) -> dict[str, object]:
    laporan = laporan_tahun(tk)
    ringkasan = laporan.anggaran
    baris: list[BarisAnggaran] = []
    if ringkasan is not None:
        anak: dict[int | None, list[AnggaranNode]] = defaultdict(list)
        for n in AnggaranNode.objects.filter(anggaran__tahun_kinerja=tk).order_by("urutan", "id"):
            anak[n.parent_id].append(n)
        akar = anak.get(None, [])
        kelompok = [(ringkasan.belanja_langsung.anak, [n for n in akar if n.level != Level.BTL])]
        if ringkasan.belanja_tidak_langsung is not None:
            kelompok.insert(
                0,
                (
                    ringkasan.belanja_tidak_langsung.anak,
                    [n for n in akar if n.level == Level.BTL],
                ),
            )
        for hasil, rows in kelompok:
            for kedalaman, h, row in _pasangkan(hasil, rows, anak, 0):
                # A parent's amounts are the sum of its lines (the engine's
                # roll-up): only a line without lines below it is typed in.
                daun = row is not None and not h.anak
                baris.append(
                    BarisAnggaran(
                        kedalaman=kedalaman,
                        hasil=h,
                        pagu=isian_anggaran(request, tk, row, "pagu") if daun and row else None,
                        realisasi=(
                            isian_anggaran(request, tk, row, "realisasi") if daun and row else None
                        ),
                    )
                )
    return {"ringkasan": ringkasan, "baris": baris, **_hasil(laporan)}
