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
from django.views.decorators.http import require_GET, require_POST

from sakip.akun.akses import Aksi, boleh
from sakip.common.errors import DatasetError
from sakip.engine.temuan import Temuan
from sakip.evaluasi import services
from sakip.evaluasi.models import CatatanReviu, JawabanCatatan, SasaranCatatan, StatusCatatan
from sakip.record.models import AnggaranNode, TahunKinerja
from sakip.record.queries import laporan_tahun
from sakip.record.riwayat import indikator_dari_tahun
from sakip.web.akses import tahun_untuk
from sakip.web.tahun import konteks_tahun


def _kode_temuan(t: Temuan) -> str:
    return f"{t.kode}@{t.lokasi}"


def _pilihan(tk: TahunKinerja, temuan: list[Temuan]) -> list[tuple[str, list[tuple[str, str]]]]:
    """What a note can be about, grouped as the form's select shows it."""
    indikator = [
        (f"indikator:{i.kode}", f"{i.kode} {i.uraian}")
        for i in indikator_dari_tahun(tk).order_by("renstra_id", "urutan", "id")
    ]
    anggaran = [
        (f"anggaran:{n.pk}", f"{n.kode or ''} {n.uraian}".strip())
        for n in AnggaranNode.objects.filter(anggaran__tahun_kinerja=tk).order_by("urutan", "id")
    ]
    temuan_pilih = [
        (f"temuan:{_kode_temuan(t)}", f"{t.kode} · {t.lokasi}: {t.pesan}"[:160]) for t in temuan
    ]
    grup = [("Umum", [("umum", "Tahun ini secara umum")])]
    for label, isi in (
        ("Indikator", indikator),
        ("Anggaran", anggaran),
        ("Temuan", temuan_pilih),
    ):
        if isi:
            grup.append((label, isi))
    return grup


def _tentang(tk: TahunKinerja, nilai: str) -> tuple[str, str, str]:
    """(sasaran, kode, lokasi) of the form's choice; refused when the year has no such thing."""
    jenis, _, kunci = nilai.partition(":")
    if jenis == SasaranCatatan.UMUM:
        return SasaranCatatan.UMUM, "", ""
    if jenis == SasaranCatatan.INDIKATOR:
        ind = indikator_dari_tahun(tk).filter(kode=kunci).first()
        if ind is not None:
            return jenis, ind.kode, f"indikator {ind.kode} {ind.uraian}"
        raise services.CatatanDitolak(f"indikator {kunci!r} tidak ada pada {tk}")
    if jenis == SasaranCatatan.ANGGARAN and kunci.isdigit():
        node = AnggaranNode.objects.filter(pk=int(kunci), anggaran__tahun_kinerja=tk).first()
        if node is not None:
            kode = node.kode or node.uraian
            return jenis, kode, f"anggaran {node.kode or ''} {node.uraian}".replace("  ", " ")
        raise services.CatatanDitolak(f"baris anggaran itu tidak ada pada {tk}")
    if jenis == SasaranCatatan.TEMUAN:
        for t in laporan_tahun(tk).temuan:
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
    boleh_tulis = boleh(user, Aksi.CATATAN_REVIU, tk)
    pilihan = _pilihan(tk, laporan_tahun(tk).temuan) if boleh_tulis else []
    konteks = konteks_tahun(
        request,
        tk,
        catatan=catatan,
        boleh_tulis=boleh_tulis,
        boleh_jawab=boleh(user, Aksi.JAWAB_CATATAN, tk),
        pilihan=pilihan,
        terpilih=request.GET.get("tentang", ""),
    )
    return render(request, "web/tahun/catatan.html", konteks)


def _kembali(tk: TahunKinerja, catatan: CatatanReviu | None = None) -> HttpResponse:
    jawab = redirect("web:catatan", tk.instansi_id, tk.tahun)
    if catatan is not None:
        jawab["Location"] += f"#catatan-{catatan.pk}"
    return jawab


@require_POST
@login_required
def tulis(request: HttpRequest, instansi_id: int, tahun: int) -> HttpResponse:
    tk = tahun_untuk(request, instansi_id, tahun, Aksi.CATATAN_REVIU)
    try:
        sasaran, kode, lokasi = _tentang(tk, request.POST.get("tentang", ""))
        catatan = services.catatan_tulis(
            aktor=cast(User, request.user),
            tahun_kinerja=tk,
            sasaran=sasaran,
            kode=kode,
            lokasi=lokasi,
            teks=request.POST.get("teks", ""),
        )
    except DatasetError as exc:
        messages.error(request, f"Catatan tidak disimpan: {exc}.")
        return _kembali(tk)
    messages.success(request, "Catatan reviu disimpan.")
    return _kembali(tk, catatan)


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
        versi = int(request.POST.get("versi", ""))
    except ValueError:
        versi = -1
    try:
        services.catatan_status(
            aktor=cast(User, request.user),
            catatan=catatan,
            status=request.POST.get("status", ""),
            versi=versi,
        )
    except DatasetError as exc:
        messages.error(request, f"Status catatan tidak diubah: {exc}.")
    else:
        messages.success(request, "Status catatan diubah.")
    return _kembali(tk, catatan)
