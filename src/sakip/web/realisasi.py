"""The measuring page of an instansi-year: realisations by quarter and year
beside the rencana aksi, the computed capaian, the explanation a
realisation below target requires, and the evidence files (bukti dukung).

Evidence is uploaded through :func:`sakip.record.services.bukti_unggah` and
read back only through :func:`unduh`, which asks the access function: the
files live outside the static files, so no other URL reaches them.
"""

from __future__ import annotations

from collections import defaultdict
from typing import BinaryIO, cast

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from sakip.akun.akses import Aksi
from sakip.common.errors import DatasetError
from sakip.record import bukti as berkas_bukti
from sakip.record import services
from sakip.record.ekspor import indikator_terbaca
from sakip.record.models import (
    BuktiDukung,
    Indikator,
    JenisTriwulan,
    Penjelasan,
    TahunKinerja,
)
from sakip.record.queries import (
    di_bawah_target,
    kalimat_kurang,
    laporan_tahun,
    penjelasan_kurang,
)
from sakip.record.riwayat import indikator_dari_tahun
from sakip.web.akses import indikator_tahun, tahun_untuk, tahun_untuk_isian
from sakip.web.tahun import _hasil, tampil_tahun
from sakip.web.ubah import (
    Isian,
    _boleh_ubah,
    _riwayat_url,
    _simpan,
    isian_nilai,
    isian_triwulan,
    url_cepat,
)

TRIWULAN = (1, 2, 3, 4)


def isian_penjelasan(
    request: HttpRequest,
    tk: TahunKinerja,
    ind: Indikator,
    row: Penjelasan | None,
) -> Isian:
    """Why the indicator's realisation of the year is below its target."""
    return Isian(
        url=url_cepat("web:ubah-penjelasan", tk.instansi_id, tk.tahun, ind.pk),
        label=f"Penjelasan {ind.kode} {tk.tahun}",
        nilai=row.teks if row else None,
        versi=row.versi if row else 0,
        boleh_ubah=_boleh_ubah(request, Aksi.UBAH_REALISASI, tk),
        riwayat=_riwayat_url(tk, indikator=ind.kode, bidang="teks"),
        panjang=True,
    )


@require_GET
@login_required
def halaman(request: HttpRequest, instansi_id: int, tahun: int) -> HttpResponse:
    """Every indicator of the year: rencana aksi and realisasi by quarter,
    the annual realisasi, capaian, explanation and evidence."""
    tk = tahun_untuk(request, instansi_id, tahun)
    return tampil_tahun(
        request, tk, "web/realisasi/halaman.html", lambda: _halaman_isi(request, tk)
    )


def _halaman_isi(request: HttpRequest, tk: TahunKinerja) -> dict[str, object]:
    laporan = laporan_tahun(tk)
    terbaca = indikator_terbaca(tk)  # the rows laporan_tahun just read
    semua = terbaca.semua if terbaca is not None else indikator_dari_tahun(tk)
    indikator = {i.kode: i for i in semua}
    ids = [i.pk for i in indikator.values()]
    # Read once for the page: its cost does not grow with the indicators.
    penjelasan = {
        p.indikator_id: p for p in Penjelasan.objects.filter(indikator_id__in=ids, tahun=tk.tahun)
    }
    penjelasan_kode = {i.kode: penjelasan[i.pk] for i in indikator.values() if i.pk in penjelasan}
    bukti: dict[tuple[int, int | None], list[BuktiDukung]] = defaultdict(list)
    for b in BuktiDukung.objects.filter(tahun_kinerja=tk, dihapus_pada__isnull=True):
        bukti[(b.indikator_id, b.triwulan)].append(b)
    bawah = set(di_bawah_target(laporan))
    baris = []
    for h in laporan.indikator_tahun():
        ind = indikator.get(h.kode)
        if ind is None:
            continue
        tw = [
            {
                "triwulan": t,
                "rencana": isian_triwulan(request, tk, ind, JenisTriwulan.RENCANA_AKSI, t),
                "realisasi": isian_triwulan(request, tk, ind, JenisTriwulan.REALISASI, t),
                "bukti": bukti.get((ind.pk, t), []),
            }
            for t in TRIWULAN
        ]
        pj = penjelasan.get(ind.pk)
        baris.append(
            {
                "hasil": h,
                "indikator": ind,
                "triwulan": tw,
                "realisasi": isian_nilai(request, tk, ind, "realisasi"),
                "bukti": bukti.get((ind.pk, None), []),
                "bawah": h.kode in bawah,
                "penjelasan": isian_penjelasan(request, tk, ind, pj)
                if h.kode in bawah or pj
                else None,
                "penjelasan_kurang": h.kode in bawah and not (pj and pj.teks),
            }
        )
    return {
        "baris": baris,
        "boleh_unggah": _boleh_ubah(request, Aksi.UBAH_REALISASI, tk),
        "diterima": berkas_bukti.daftar_diterima(),
        "maks_mb": _maks_mb(),
        "kurang": kalimat_kurang(laporan, {k for k, p in penjelasan_kode.items() if p.teks}),
        **_hasil(laporan),
    }


def _maks_mb() -> str:
    return f"{settings.SAKIP_BUKTI_MAKS_BYTE / (1024 * 1024):g}".replace(".", ",")


@require_GET
@login_required
def kurang(request: HttpRequest, instansi_id: int, tahun: int) -> HttpResponse:
    """The indicators still missing an explanation, reloaded after every save."""
    tk = tahun_untuk(request, instansi_id, tahun)
    return render(
        request, "web/realisasi/_kurang.html", {"tk": tk, "kurang": penjelasan_kurang(tk)}
    )


@login_required
@require_http_methods(["GET", "POST"])
def ubah_penjelasan(request: HttpRequest, instansi_id: int, tahun: int, pk: int) -> HttpResponse:
    tk = tahun_untuk_isian(request, instansi_id, tahun, Aksi.UBAH_REALISASI)
    ind = indikator_tahun(tk, pk)
    return _simpan(
        request,
        tk,
        lambda: isian_penjelasan(
            request, tk, ind, Penjelasan.objects.filter(indikator=ind, tahun=tk.tahun).first()
        ),
        lambda aktor, teks, versi: services.penjelasan_set(
            aktor=aktor, indikator=ind, tahun=tk.tahun, teks=teks, versi=versi
        ),
    )


def _kembali(tk: TahunKinerja, ind: Indikator | None = None) -> HttpResponse:
    url = reverse("web:realisasi", args=[tk.instansi_id, tk.tahun])
    return redirect(f"{url}#ind-{ind.pk}" if ind is not None else url)


@require_POST
@login_required
def unggah(request: HttpRequest, instansi_id: int, tahun: int, pk: int) -> HttpResponse:
    """Upload one evidence file; the page says whether it was kept or why not."""
    tk = tahun_untuk(request, instansi_id, tahun, Aksi.UBAH_REALISASI)
    ind = indikator_tahun(tk, pk)
    berkas = request.FILES.get("berkas")
    pilihan = request.POST.get("triwulan", "")
    if pilihan not in ("", "1", "2", "3", "4"):
        messages.error(request, f"Bukti {ind.kode}: triwulan {pilihan!r} tidak dikenal.")
        return _kembali(tk, ind)
    if berkas is None:
        messages.error(request, f"Bukti {ind.kode}: pilih berkas yang akan diunggah.")
        return _kembali(tk, ind)
    try:
        row = services.bukti_unggah(
            aktor=cast(User, request.user),
            tahun_kinerja=tk,
            indikator=ind,
            triwulan=int(pilihan) if pilihan else None,
            nama=berkas.name or "berkas",
            berkas=cast(BinaryIO, berkas),
            ukuran=berkas.size or 0,
        )
    except DatasetError as exc:  # refused type or size, locked year
        messages.error(request, f"Bukti {ind.kode} tidak disimpan: {exc}.")
    else:
        kapan = f"TW{row.triwulan}" if row.triwulan else "tahunan"
        messages.success(request, f"Bukti {ind.kode} {kapan} tersimpan: {row.nama_asli}.")
    return _kembali(tk, ind)


def _bukti_tahun(tk: TahunKinerja, pk: int) -> BuktiDukung:
    row = (
        BuktiDukung.objects.select_related("indikator")
        .filter(pk=pk, tahun_kinerja=tk, dihapus_pada__isnull=True)
        .first()
    )
    if row is None:
        raise Http404("bukti dukung tidak ditemukan")
    return row


@require_GET
@login_required
def unduh(request: HttpRequest, instansi_id: int, tahun: int, pk: int) -> FileResponse:
    """An evidence file, to whoever may see the year; always as a download,
    never rendered by the browser as a page of ours."""
    tk = tahun_untuk(request, instansi_id, tahun)
    row = _bukti_tahun(tk, pk)
    try:
        jalur = berkas_bukti.jalur(row.lokasi)
        berkas = open(jalur, "rb")  # noqa: SIM115 -- FileResponse closes it
    except (DatasetError, OSError):
        raise Http404("berkas bukti dukung tidak ada di penyimpanan") from None
    jawab = FileResponse(berkas, as_attachment=True, filename=row.nama_asli, content_type=row.jenis)
    jawab["X-Content-Type-Options"] = "nosniff"
    jawab["Cache-Control"] = "private, no-store"
    return jawab


@require_POST
@login_required
def hapus(request: HttpRequest, instansi_id: int, tahun: int, pk: int) -> HttpResponse:
    """Withdraw an evidence file (kept for the audit)."""
    tk = tahun_untuk(request, instansi_id, tahun, Aksi.UBAH_REALISASI)
    row = _bukti_tahun(tk, pk)
    try:
        services.bukti_hapus(aktor=cast(User, request.user), bukti=row)
    except DatasetError as exc:
        messages.error(request, f"Bukti {row.nama_asli} tidak dihapus: {exc}.")
    else:
        messages.success(request, f"Bukti {row.nama_asli} dihapus.")
    return _kembali(tk, row.indikator)
