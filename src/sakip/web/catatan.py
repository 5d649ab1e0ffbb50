"""The review notes of an instansi-year: the evaluator writes a note on the
year, an indicator, a budget line or a finding; the agency answers in the
note's thread; the evaluator marks it resolved. Notes are open to a locked
year: they change no figure."""

from __future__ import annotations

from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.db.models import Case, IntegerField, Prefetch, Value, When
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from sakip.akun.akses import Aksi, boleh
from sakip.common.errors import DatasetError
from sakip.engine.anggaran import NodeAnggaran
from sakip.engine.laporan import Laporan
from sakip.engine.temuan import Temuan
from sakip.evaluasi import services
from sakip.evaluasi.models import CatatanReviu, JawabanCatatan, SasaranCatatan, StatusCatatan
from sakip.record.models import TahunKinerja
from sakip.record.queries import laporan_tahun
from sakip.web.akses import tahun_untuk
from sakip.web.isian import versi_dibaca
from sakip.web.tahun import konteks_tahun


def _kode_temuan(t: Temuan) -> str:
    return f"{t.kode}@{t.lokasi}"


def _pilihan(laporan: Laporan) -> list[tuple[str, list[tuple[str, str]]]]:
    """What a note can be about, grouped as the form's select shows it; all of
    it from the computed year, so the form costs no query beyond the figures."""
    indikator = [
        (f"indikator:{b.ref.kode}", f"{b.ref.kode} {b.ref.indikator.uraian}")
        for b in laporan.indikator_tahun()
    ]
    anggaran = [
        (f"anggaran:{n.lokasi}", f"{n.kode or n.lokasi} {n.uraian}") for n in _node(laporan)
    ]
    temuan = [
        (f"temuan:{_kode_temuan(t)}", f"{t.kode} · {t.lokasi}: {t.pesan}"[:160])
        for t in laporan.temuan
    ]
    grup = [("Umum", [("umum", "Tahun ini secara umum")])]
    for label, isi in (("Indikator", indikator), ("Anggaran", anggaran), ("Temuan", temuan)):
        if isi:
            grup.append((label, isi))
    return grup


def _node(laporan: Laporan) -> list[NodeAnggaran]:
    if laporan.anggaran is None:
        return []
    return [n for n in laporan.anggaran.total.telusuri() if n is not laporan.anggaran.total]


def _tentang(laporan: Laporan, nilai: str) -> tuple[str, str, str]:
    """(sasaran, kode, lokasi) of the form's choice; refused when the year has no such thing."""
    jenis, _, kunci = nilai.partition(":")
    if jenis == SasaranCatatan.UMUM and not kunci:
        return SasaranCatatan.UMUM, "", ""
    if jenis == SasaranCatatan.INDIKATOR:
        for b in laporan.indikator_tahun():
            if b.ref.kode == kunci:
                return jenis, b.ref.kode, f"indikator {b.ref.kode} {b.ref.indikator.uraian}"
        raise services.CatatanDitolak(f"indikator {kunci!r} tidak ada pada tahun ini")
    if jenis == SasaranCatatan.ANGGARAN:
        for n in _node(laporan):
            if n.lokasi == kunci:
                return jenis, n.kode or n.lokasi, f"anggaran {n.kode or n.lokasi} {n.uraian}"
        raise services.CatatanDitolak("baris anggaran itu tidak ada pada tahun ini")
    if jenis == SasaranCatatan.TEMUAN:
        for t in laporan.temuan:
            if _kode_temuan(t) == kunci:
                return jenis, t.kode, f"{t.lokasi}: {t.pesan}"
        raise services.CatatanDitolak(
            "temuan itu tidak ada lagi (data sudah berubah); muat ulang halaman dan pilih lagi"
        )
    raise services.CatatanDitolak("pilih apa yang dicatat")


def _catatan_tahun(tk: TahunKinerja, pk: int) -> CatatanReviu:
    catatan = CatatanReviu.objects.filter(pk=pk, tahun_kinerja=tk).first()
    if catatan is None:
        raise Http404("catatan tidak ditemukan")
    catatan.tahun_kinerja = tk  # already checked and selected with its instansi
    return catatan


@require_GET
@login_required
def daftar(request: HttpRequest, instansi_id: int, tahun: int) -> HttpResponse:
    """The year's review threads, open ones first, with the forms the user may use."""
    tk = tahun_untuk(request, instansi_id, tahun)
    user = request.user
    catatan = list(
        CatatanReviu.objects.filter(tahun_kinerja=tk)
        .select_related("penulis")
        .prefetch_related(
            Prefetch("jawaban", queryset=JawabanCatatan.objects.select_related("penulis"))
        )
        .annotate(
            _urut=Case(
                When(status=StatusCatatan.TERBUKA, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("_urut", "-dibuat", "-id")
    )
    konteks = konteks_tahun(
        request,
        tk,
        catatan=catatan,
        boleh_tulis=boleh(user, Aksi.CATATAN_REVIU, tk),
        boleh_jawab=boleh(user, Aksi.JAWAB_CATATAN, tk),
    )
    return render(request, "web/tahun/catatan.html", konteks)


def _kembali(tk: TahunKinerja, catatan: CatatanReviu | None = None) -> HttpResponse:
    jawab = redirect("web:catatan", tk.instansi_id, tk.tahun)
    if catatan is not None:
        jawab["Location"] += f"#catatan-{catatan.pk}"
    return jawab


@require_http_methods(["GET", "POST"])
@login_required
def tulis(request: HttpRequest, instansi_id: int, tahun: int) -> HttpResponse:
    """The evaluator's form: what the note is about (the year, an indicator,
    a budget line or a finding of the computed year) and its text."""
    if request.method == "GET":
        tk = tahun_untuk(request, instansi_id, tahun)
        if not boleh(request.user, Aksi.CATATAN_REVIU, tk):
            # Whoever sees the year but may not write a note finds the notes instead.
            return _kembali(tk)
    else:
        tk = tahun_untuk(request, instansi_id, tahun, Aksi.CATATAN_REVIU)
    laporan = laporan_tahun(tk)
    terpilih = request.POST.get("tentang", request.GET.get("tentang", ""))
    teks = request.POST.get("teks", "")
    galat = ""
    if request.method == "POST":
        try:
            sasaran, kode, lokasi = _tentang(laporan, terpilih)
            catatan = services.catatan_tulis(
                aktor=cast(User, request.user),
                tahun_kinerja=tk,
                sasaran=sasaran,
                kode=kode,
                lokasi=lokasi,
                teks=teks,
            )
        except DatasetError as exc:
            galat = f"Catatan tidak disimpan: {exc}."
        else:
            messages.success(request, "Catatan reviu disimpan.")
            return _kembali(tk, catatan)
    konteks = konteks_tahun(
        request, tk, pilihan=_pilihan(laporan), terpilih=terpilih, teks=teks, galat=galat
    )
    return render(request, "web/tahun/catatan_tulis.html", konteks, status=400 if galat else 200)


@require_POST
@login_required
def jawab(request: HttpRequest, instansi_id: int, tahun: int, pk: int) -> HttpResponse:
    tk = tahun_untuk(request, instansi_id, tahun, Aksi.JAWAB_CATATAN)
    catatan = _catatan_tahun(tk, pk)
    try:
        services.catatan_jawab(
            aktor=cast(User, request.user), catatan=catatan, teks=request.POST.get("teks", "")
        )
    except DatasetError as exc:
        messages.error(request, f"Jawaban tidak disimpan: {exc}.")
    else:
        messages.success(request, "Jawaban disimpan.")
    return _kembali(tk, catatan)


@require_POST
@login_required
def status(request: HttpRequest, instansi_id: int, tahun: int, pk: int) -> HttpResponse:
    tk = tahun_untuk(request, instansi_id, tahun, Aksi.CATATAN_REVIU)
    catatan = _catatan_tahun(tk, pk)
    try:
        services.catatan_status(
            aktor=cast(User, request.user),
            catatan=catatan,
            status=request.POST.get("status", ""),
            versi=versi_dibaca(request.POST),
        )
    except DatasetError as exc:
        messages.error(request, f"Status catatan tidak diubah: {exc}.")
    else:
        messages.success(request, "Status catatan diubah.")
    return _kembali(tk, catatan)
