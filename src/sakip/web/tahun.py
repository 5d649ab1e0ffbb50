"""The pages of one instansi-year: its overview, the year's values, the
computed figures and findings, the history of a field, and the workflow
(submit, approve or return, unlock)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from sakip.akun.akses import Aksi, boleh
from sakip.common.errors import DatasetError
from sakip.engine.laporan import Laporan
from sakip.engine.temuan import Tingkat
from sakip.evaluasi.models import CatatanReviu, StatusCatatan
from sakip.record import services
from sakip.record.alur import keadaan_triwulan, syarat_ajuan
from sakip.record.models import StatusTahun, TahunKinerja
from sakip.record.queries import laporan_tahun
from sakip.record.riwayat import RiwayatTidakAda, indikator_dari_tahun, riwayat_tahun
from sakip.web.akses import tahun_untuk
from sakip.web.navigasi import tab_tahun
from sakip.web.tersimpan import Tersimpan
from sakip.web.ubah import isian_justifikasi, isian_nilai


def konteks_tahun(request: HttpRequest, tk: TahunKinerja, **lain: object) -> dict[str, object]:
    """What every page of an instansi-year shows in its header."""
    user = request.user
    # One query, on every page of the year: open notes must not go unseen.
    terbuka = CatatanReviu.objects.filter(tahun_kinerja=tk, status=StatusCatatan.TERBUKA).count()
    return {
        "tk": tk,
        "instansi": tk.instansi,
        "tab": tab_tahun(request, tk.instansi_id, tk.tahun, {"web:catatan": terbuka}),
        "catatan_terbuka": terbuka,
        "terkunci": tk.status == StatusTahun.DISETUJUI,
        "boleh_ajukan": tk.status == StatusTahun.DRAF and boleh(user, Aksi.AJUKAN, tk),
        "boleh_setujui": tk.status == StatusTahun.DIAJUKAN and boleh(user, Aksi.SETUJUI, tk),
        "boleh_buka": tk.status == StatusTahun.DISETUJUI and boleh(user, Aksi.BUKA_KUNCI, tk),
        **lain,
    }


def tampil_tahun(
    request: HttpRequest,
    tk: TahunKinerja,
    template: str,
    isi: Callable[[], Mapping[str, object]],
    **lain: object,
) -> HttpResponse:
    """A year page whose body is kept drawn until the record changes
    (:mod:`sakip.web.tersimpan`): ``isi`` gives the values of the body, and
    is called only when the body must be drawn; ``lain``, the values of the
    page around it."""
    tersimpan = Tersimpan(request, tk, template, isi)
    return render(request, template, konteks_tahun(request, tk, tersimpan=tersimpan, **lain))


def _hasil(laporan: Laporan) -> dict[str, object]:
    temuan = sorted(laporan.temuan, key=lambda t: list(Tingkat).index(t.tingkat))
    jumlah = Counter(t.tingkat.value for t in temuan)
    return {
        "laporan": laporan,
        "indikator": laporan.indikator_tahun(),
        "sasaran": [b for b in laporan.sasaran if b.tahun == laporan.tahun],
        "instansi_agregat": [b for b in laporan.instansi if b.tahun == laporan.tahun],
        "temuan": temuan,
        "jumlah_temuan": jumlah,
    }


@require_GET
@login_required
def ringkasan(request: HttpRequest, instansi_id: int, tahun: int) -> HttpResponse:
    """The year at a glance: status, what to do, figures and findings."""
    tk = tahun_untuk(request, instansi_id, tahun)
    return tampil_tahun(
        request, tk, "web/tahun/ringkasan.html", lambda: _ringkasan_isi(request, tk)
    )


def _ringkasan_isi(request: HttpRequest, tk: TahunKinerja) -> dict[str, object]:
    laporan = laporan_tahun(tk)
    syarat = syarat_ajuan(tk, laporan)
    peringatan = [
        (
            p,
            isian_justifikasi(
                request, tk, p.temuan.kode, p.temuan.lokasi, dibaca=True, justifikasi=p.justifikasi
            ),
        )
        for p in syarat.peringatan
    ]
    user = request.user
    return {
        "syarat": syarat,
        "peringatan": peringatan,
        # The pimpinan of a draft year has nothing to press yet: say so.
        "menunggu_ajuan": tk.status == StatusTahun.DRAF
        and boleh(user, Aksi.SETUJUI, tk)
        and not boleh(user, Aksi.AJUKAN, tk),
        # Galat that quote a stated figure (which no page edits, when an old
        # report printed it): the operator may drop the printed figures.
        "galat_tercetak": any(t.dinyatakan is not None for t in syarat.galat)
        if boleh(user, Aksi.UBAH_REALISASI, tk)
        else 0,
        **_hasil(laporan),
    }


@require_GET
@login_required
def hasil(request: HttpRequest, instansi_id: int, tahun: int) -> HttpResponse:
    """The computed figures and findings alone, reloaded after every save."""
    tk = tahun_untuk(request, instansi_id, tahun)
    return render(request, "web/tahun/_hasil.html", {"tk": tk, **_hasil(laporan_tahun(tk))})


@require_GET
@login_required
def triwulan(request: HttpRequest, instansi_id: int, tahun: int) -> HttpResponse:
    """Each quarter's filling window and how many realisations are in (due,
    overdue, late); the overview loads it apart, to stay a light page."""
    tk = tahun_untuk(request, instansi_id, tahun)
    konteks = konteks_tahun(
        request,
        tk,
        triwulan=keadaan_triwulan([tk])[tk.pk],
        boleh_jadwal=boleh(request.user, Aksi.ATUR_JADWAL, tk.instansi.pemda),
    )
    if request.headers.get("HX-Request"):
        return render(request, "web/tahun/_triwulan.html", konteks)
    return render(request, "web/tahun/triwulan.html", konteks)


@require_GET
@login_required
def temuan_ringkas(request: HttpRequest, instansi_id: int, tahun: int) -> HttpResponse:
    """The year's findings counted, and what blocks its submission (home page)."""
    tk = tahun_untuk(request, instansi_id, tahun)
    laporan = laporan_tahun(tk)
    syarat = syarat_ajuan(tk, laporan)
    jumlah = Counter(t.tingkat for t in laporan.temuan)
    konteks = {
        "tk": tk,
        "galat": jumlah[Tingkat.GALAT],
        "peringatan": jumlah[Tingkat.PERINGATAN],
        "tanpa_justifikasi": len(syarat.tanpa_justifikasi),
    }
    return render(request, "web/tahun/_temuan_ringkas.html", konteks)


@require_GET
@login_required
def capaian(request: HttpRequest, instansi_id: int, tahun: int) -> HttpResponse:
    """Target and realisasi of every indicator of the year, editable in place."""
    tk = tahun_untuk(request, instansi_id, tahun)
    return tampil_tahun(request, tk, "web/tahun/capaian.html", lambda: _capaian_isi(request, tk))


def _capaian_isi(request: HttpRequest, tk: TahunKinerja) -> dict[str, object]:
    laporan = laporan_tahun(tk)
    indikator = {i.kode: i for i in indikator_dari_tahun(tk)}
    baris = []
    for b in laporan.indikator_tahun():
        ind = indikator.get(b.ref.indikator.kode)
        if ind is None:
            continue
        baris.append(
            {
                "hasil": b,
                "indikator": ind,
                "target": isian_nilai(request, tk, ind, "target"),
                "realisasi": isian_nilai(request, tk, ind, "realisasi"),
            }
        )
    return {"baris": baris, **_hasil(laporan)}


#: Changes a history page shows (the newest).
RIWAYAT_MAKS = 100


@require_GET
@login_required
def riwayat(request: HttpRequest, instansi_id: int, tahun: int) -> HttpResponse:
    """Who changed what and when: the year, or one indicator, budget line or field."""
    tk = tahun_untuk(request, instansi_id, tahun)
    if request.headers.get("HX-Request"):
        return render(request, "web/tahun/_riwayat.html", {"tk": tk, **_riwayat_isi(request, tk)})
    return tampil_tahun(request, tk, "web/tahun/riwayat.html", lambda: _riwayat_isi(request, tk))


def _riwayat_isi(request: HttpRequest, tk: TahunKinerja) -> dict[str, object]:
    indikator = request.GET.get("indikator") or None
    anggaran = request.GET.get("anggaran") or None
    bidang = request.GET.get("bidang") or None
    try:
        baris = riwayat_tahun(
            tk, indikator=indikator, anggaran=anggaran, bidang=bidang, terbaru=RIWAYAT_MAKS + 1
        )
    except RiwayatTidakAda as exc:
        raise Http404(str(exc)) from None
    baris.reverse()  # newest first
    return {
        "baris": baris[:RIWAYAT_MAKS],
        "lebih": len(baris) > RIWAYAT_MAKS,
        "indikator": indikator,
        "anggaran": anggaran,
        "bidang": bidang,
    }


# -- workflow -----------------------------------------------------------------------


@require_POST
@login_required
def angka_cetak(request: HttpRequest, instansi_id: int, tahun: int) -> HttpResponse:
    """Drop the printed figures of the year's old report (after confirmation)."""
    tk = tahun_untuk(request, instansi_id, tahun, Aksi.UBAH_REALISASI)
    try:
        n = services.angka_cetak_lepas(aktor=cast(User, request.user), tahun_kinerja=tk)
    except DatasetError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request, f"{n} angka tercetak laporan lama dilepas; angka hasil perhitungan dipakai."
        )
    return redirect("web:tahun", instansi_id, tahun)


_STATUS = {
    "ajukan": Aksi.AJUKAN,
    "setujui": Aksi.SETUJUI,
    "kembalikan": Aksi.SETUJUI,
    "buka-kunci": Aksi.BUKA_KUNCI,
}


@require_POST
@login_required
def status(request: HttpRequest, instansi_id: int, tahun: int, langkah: str) -> HttpResponse:
    """Move the year along the workflow; a refusal says why on the page."""
    aksi = _STATUS.get(langkah)
    if aksi is None:
        raise Http404("langkah tidak dikenal")
    tk = tahun_untuk(request, instansi_id, tahun, aksi)
    aktor = cast(User, request.user)
    catatan = request.POST.get("catatan", "")
    try:
        if langkah == "ajukan":
            services.tahun_ajukan(aktor=aktor, tahun_kinerja=tk)
            messages.success(request, f"{tk} diajukan untuk disetujui pimpinan.")
        elif langkah == "setujui":
            services.tahun_setujui(aktor=aktor, tahun_kinerja=tk)
            messages.success(request, f"{tk} disetujui dan terkunci.")
        elif langkah == "kembalikan":
            services.tahun_kembalikan(aktor=aktor, tahun_kinerja=tk, catatan=catatan)
            messages.success(request, f"{tk} dikembalikan ke draf.")
        else:
            services.tahun_buka_kunci(aktor=aktor, tahun_kinerja=tk, alasan=catatan)
            messages.success(request, f"Kunci {tk} dibuka.")
    except DatasetError as exc:
        messages.error(request, str(exc))
    return redirect("web:tahun", instansi_id, tahun)
