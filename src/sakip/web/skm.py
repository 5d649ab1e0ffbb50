"""The SKM pages of an instansi-year: the year's surveys, opening and
closing one, its printable QR poster, its results, paper forms imported
from a file, and its IKM set as the indicator's realisation.

Every write is one call of :mod:`sakip.skm.services`, which asks the access
function itself; the views only find what the URL names (404 for what the
user may not see, 403 for what they may not change) and say the outcome.
"""

from __future__ import annotations

import re
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import cast

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from sakip.akun.akses import Aksi, boleh
from sakip.common.errors import DatasetError
from sakip.common.kolom import SHORT_MAX
from sakip.dataset.berkas import DEFAULT_MAX_BYTES
from sakip.dataset.errors import DatasetInvalid
from sakip.engine.angka import format_angka
from sakip.engine.skm_profil import JUDUL_PROFIL
from sakip.engine.unsur import SET_BAKU, SET_BAWAAN
from sakip.record.models import Indikator, TahunKinerja
from sakip.skm import services
from sakip.skm.models import Kuesioner
from sakip.skm.queries import hasil_kuesioner
from sakip.web.akses import pastikan, tahun_untuk
from sakip.web.tahun import konteks_tahun

#: The newest comments the results page lists.
KOMENTAR_TAMPIL = 100
#: Errors of an imported file shown on the page; the rest are counted.
GALAT_TAMPIL = 20
EKSTENSI_JAWABAN = (".csv", ".xlsx", ".xlsm")


class BukaForm(forms.Form):
    layanan = forms.CharField(
        label="Jenis layanan", max_length=SHORT_MAX, required=False, help_text="mis. KTP, KK"
    )
    periode = forms.CharField(
        label="Periode", max_length=64, required=False, help_text="mis. Semester I"
    )
    unsur = forms.ChoiceField(
        label="Set unsur", choices=[(s, s) for s in SET_BAKU], initial=SET_BAWAAN
    )
    populasi = forms.IntegerField(
        label="Populasi penerima layanan",
        min_value=1,
        max_value=2_000_000_000,
        required=False,
        help_text="untuk menghitung sampel minimum; boleh dikosongkan",
    )


def _kuesioner(tk: TahunKinerja, kode: str) -> Kuesioner:
    """A survey of this instansi-year; 404 for any other."""
    return get_object_or_404(
        Kuesioner.objects.select_related("instansi"),
        kode=kode,
        instansi_id=tk.instansi_id,
        tahun=tk.tahun,
    )


def _ke_daftar(tk: TahunKinerja) -> HttpResponse:
    return redirect("web:skm", tk.instansi_id, tk.tahun)


def _tautan(request: HttpRequest, k: Kuesioner) -> str:
    return request.build_absolute_uri(reverse("skm:kuesioner", kwargs={"kode": k.kode}))


@login_required
@require_GET
def daftar(request: HttpRequest, instansi_id: int, tahun: int) -> HttpResponse:
    tk = tahun_untuk(request, instansi_id, tahun)
    return _halaman_daftar(request, tk, BukaForm())


def _halaman_daftar(
    request: HttpRequest, tk: TahunKinerja, form: BukaForm, status: int = 200
) -> HttpResponse:
    survei = list(
        Kuesioner.objects.filter(instansi_id=tk.instansi_id, tahun=tk.tahun)
        .annotate(jumlah=Count("responden"))
        .order_by("-dibuat_pada", "-id")
    )
    for k in survei:
        k.tautan = _tautan(request, k)  # type: ignore[attr-defined]
    kelola = boleh(request.user, Aksi.UBAH_REALISASI, tk)
    indikator: list[Indikator] = []
    ikm = None
    if kelola and tk.renstra_id is not None:
        indikator = list(Indikator.objects.filter(renstra_id=tk.renstra_id).order_by("urutan"))
        ikm = next((i.kode for i in indikator if "kepuasan masyarakat" in i.uraian.lower()), None)
    konteks = konteks_tahun(
        request, tk, survei=survei, kelola=kelola, form=form, indikator=indikator, ikm=ikm
    )
    return render(request, "web/skm/daftar.html", konteks, status=status)


@login_required
@require_POST
def buka(request: HttpRequest, instansi_id: int, tahun: int) -> HttpResponse:
    tk = tahun_untuk(request, instansi_id, tahun, Aksi.UBAH_REALISASI)
    form = BukaForm(request.POST)
    if not form.is_valid():
        return _halaman_daftar(request, tk, form, status=400)
    d = form.cleaned_data
    k = services.survei_buka(
        instansi=tk.instansi,
        tahun=tk.tahun,
        layanan=d["layanan"].strip(),
        periode=d["periode"].strip(),
        unsur=d["unsur"],
        populasi=d["populasi"],
        aktor=cast(User, request.user),
    )
    messages.success(request, f"Survei {k} dibuka. Tautan publik: {_tautan(request, k)}")
    return _ke_daftar(tk)


@login_required
@require_POST
def tutup(request: HttpRequest, instansi_id: int, tahun: int, kode: str) -> HttpResponse:
    tk = tahun_untuk(request, instansi_id, tahun, Aksi.UBAH_REALISASI)
    k = _kuesioner(tk, kode)
    if k.terbuka:
        services.survei_tutup(kuesioner=k, aktor=cast(User, request.user))
        messages.success(request, f"Survei {k} ditutup: tidak menerima jawaban lagi.")
    else:
        messages.info(request, f"Survei {k} sudah ditutup.")
    return _ke_daftar(tk)


def _nama_aman(nama: str) -> str:
    """An uploaded file's own name, reduced to what is safe in a path."""
    dasar = Path(nama.replace("\\", "/")).name
    return re.sub(r"[^A-Za-z0-9._-]+", "_", dasar).strip("._")[:100] or "jawaban"


@login_required
@require_POST
def impor(request: HttpRequest, instansi_id: int, tahun: int, kode: str) -> HttpResponse:
    """Paper forms typed into a CSV or XLSX file: all rows or none."""
    tk = tahun_untuk(request, instansi_id, tahun, Aksi.UBAH_REALISASI)
    k = _kuesioner(tk, kode)
    berkas = request.FILES.get("berkas")
    if berkas is None:
        messages.error(request, "Impor jawaban: pilih berkas CSV atau XLSX terlebih dahulu.")
        return _ke_daftar(tk)
    nama = _nama_aman(berkas.name or "")
    akhiran = Path(nama).suffix.lower()
    if akhiran not in EKSTENSI_JAWABAN:
        messages.error(
            request, f"Impor jawaban: {nama} bukan berkas CSV atau XLSX; tidak ada yang diimpor."
        )
        return _ke_daftar(tk)
    if berkas.size is not None and berkas.size > DEFAULT_MAX_BYTES:
        batas = DEFAULT_MAX_BYTES // (1024 * 1024)
        messages.error(
            request, f"Impor jawaban: {nama} lebih dari {batas} MB; tidak ada yang diimpor."
        )
        return _ke_daftar(tk)
    with tempfile.TemporaryDirectory(prefix="sakip-skm-") as folder:
        path = Path(folder) / nama
        with path.open("wb") as f:
            for potongan in berkas.chunks():
                f.write(potongan)
        try:
            n = services.respon_impor(
                kuesioner=k, path=path, aktor=cast(User, request.user), nama_berkas=nama
            )
        except DatasetInvalid as exc:
            rincian = [g.pesan for g in exc.galat[:GALAT_TAMPIL]]
            if len(exc.galat) > GALAT_TAMPIL:
                rincian.append(f"dan {len(exc.galat) - GALAT_TAMPIL} galat lain")
            messages.error(
                request,
                f"Impor jawaban: {nama} tidak valid; tidak ada yang diimpor. " + "; ".join(rincian),
            )
            return _ke_daftar(tk)
        except services.SkmError as exc:
            messages.error(request, f"Impor jawaban: {exc}; tidak ada yang diimpor.")
            return _ke_daftar(tk)
    messages.success(
        request, f"{format_angka(Decimal(n), 0)} responden dari {nama} diimpor ke survei {k}."
    )
    return _ke_daftar(tk)


@login_required
@require_POST
def ikm(request: HttpRequest, instansi_id: int, tahun: int, kode: str) -> HttpResponse:
    """The survey's IKM as the realisation of the year's IKM indicator."""
    tk = tahun_untuk(request, instansi_id, tahun, Aksi.UBAH_REALISASI)
    k = _kuesioner(tk, kode)
    try:
        nilai, _ = services.ikm_tetapkan_sebagai_realisasi(
            kuesioner=k,
            indikator_kode=request.POST.get("indikator", "").strip() or None,
            aktor=cast(User, request.user),
        )
    except (services.SkmError, DatasetError) as exc:  # no IKM yet, locked year, stale write
        messages.error(request, f"IKM survei {k} tidak dicatat: {exc}")
    else:
        messages.success(
            request,
            f"IKM {format_angka(nilai.realisasi)} dicatat sebagai realisasi "
            f"{nilai.indikator.kode} {nilai.tahun}.",
        )
    return _ke_daftar(tk)


@login_required
@require_GET
def poster(request: HttpRequest, instansi_id: int, tahun: int, kode: str) -> HttpResponse:
    """An A4 poster to print and put on the counter: the QR code and the link."""
    tk = tahun_untuk(request, instansi_id, tahun)
    k = _kuesioner(tk, kode)
    konteks = {"tk": tk, "k": k, "tautan": _tautan(request, k)}
    return render(request, "web/skm/poster.html", konteks)


@login_required
@require_GET
def hasil(request: HttpRequest, kode: str) -> HttpResponse:
    """Every figure of one survey (``web:skm-hasil``), for whoever may see its instansi."""
    k = Kuesioner.objects.select_related("instansi__pemda").filter(kode=kode).first()
    if k is None:
        raise Http404("survei tidak ditemukan")
    pastikan(request, Aksi.LIHAT, k)
    tk = (
        TahunKinerja.objects.select_related("instansi__pemda", "renstra", "aturan")
        .filter(instansi_id=k.instansi_id, tahun=k.tahun)
        .first()
    )
    komentar = (
        k.responden.exclude(komentar="")
        .order_by("-dikirim_pada", "-id")
        .values_list("dikirim_pada", "komentar")[:KOMENTAR_TAMPIL]
    )
    konteks = {
        "k": k,
        "h": hasil_kuesioner(k),
        "tautan": _tautan(request, k),
        "judul_profil": JUDUL_PROFIL,
        "komentar": komentar,
        "instansi": k.instansi,
    }
    if tk is not None:
        konteks = konteks_tahun(request, tk, **konteks)
    return render(request, "web/skm/hasil.html", konteks)
