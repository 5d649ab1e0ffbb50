"""Public pages of the SKM (no login): the questionnaire at its short link,
the thanks page and the QR code. The staff's pages (results, poster,
opening, closing, import, IKM) are the year's SKM tab, :mod:`sakip.web.skm`."""

from __future__ import annotations

import io

import segno
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from sakip.engine.skm_profil import JUDUL_PROFIL
from sakip.skm import perlindungan
from sakip.skm.forms import KuesionerForm
from sakip.skm.models import Kuesioner
from sakip.skm.queries import kuesioner_dari_kode, unsur_set_kuesioner
from sakip.skm.services import ResponGanda, SkmError, SurveiDitutup, respon_simpan


def _form(k: Kuesioner, data: dict | None = None) -> KuesionerForm:
    initial = None if data else {"token": perlindungan.token_baru(k.kode)}
    return KuesionerForm(data, initial=initial, unsur_set=unsur_set_kuesioner(k), layanan=k.layanan)


def _halaman(request: HttpRequest, k: Kuesioner, form: KuesionerForm, status: int = 200):
    return render(request, "skm/kuesioner.html", {"k": k, "form": form}, status=status)


def _pesan(request: HttpRequest, k: Kuesioner, judul: str, pesan: str, status: int):
    konteks = {"k": k, "judul": judul, "pesan": pesan}
    return render(request, "skm/pesan.html", konteks, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
def kuesioner(request: HttpRequest, kode: str) -> HttpResponse:
    k = kuesioner_dari_kode(kode)
    if not k.terbuka:
        return _pesan(request, k, "Survei ditutup", "Survei ini sudah ditutup. Terima kasih.", 410)
    if request.method == "GET":
        return _halaman(request, k, _form(k))
    if perlindungan.melebihi_batas(request, k.kode):
        return _pesan(
            request, k, "Terlalu banyak kiriman", "Mohon tunggu beberapa menit lalu coba lagi.", 429
        )
    form = _form(k, request.POST)
    if not form.is_valid():
        return _halaman(request, k, form, status=400)
    nonce = perlindungan.nonce_token(form.cleaned_data["token"], k.kode)
    if nonce is None:
        # Keep what was answered; a fresh token lets the same page be sent again.
        data = request.POST.copy()
        data["token"] = perlindungan.token_baru(k.kode)
        form = _form(k, data)
        form.is_valid()
        form.add_error(None, "Formulir sudah kedaluwarsa. Mohon periksa lalu kirim kembali.")
        return _halaman(request, k, form, status=400)
    profil = {p: form.cleaned_data.get(p, "") for p in JUDUL_PROFIL}
    profil["layanan"] = k.layanan or profil["layanan"]
    try:
        respon_simpan(
            kuesioner=k,
            jawaban=form.jawaban(),
            profil=profil,
            komentar=form.cleaned_data["komentar"],
            token=nonce,
        )
    except ResponGanda:
        return _pesan(request, k, "Sudah diterima", "Jawaban Anda sudah kami terima.", 409)
    except SurveiDitutup:
        return _pesan(request, k, "Survei ditutup", "Survei ini sudah ditutup. Terima kasih.", 410)
    except SkmError as exc:
        form.add_error(None, str(exc))
        return _halaman(request, k, form, status=400)
    return redirect("skm:terima-kasih", kode=k.kode)


@require_GET
def terima_kasih(request: HttpRequest, kode: str) -> HttpResponse:
    k = kuesioner_dari_kode(kode)
    pesan = "Jawaban Anda sudah kami terima. Terima kasih atas penilaian Anda."
    return _pesan(request, k, "Terima kasih", pesan, 200)


@require_GET
def qr(request: HttpRequest, kode: str) -> HttpResponse:
    """The short link as a QR code (SVG) to print on a poster at the counter."""
    k = kuesioner_dari_kode(kode)
    url = request.build_absolute_uri(reverse("skm:kuesioner", kwargs={"kode": k.kode}))
    # A standalone file, not svg_inline(): an <img> shows an SVG only when
    # it declares the SVG namespace, which the inline form leaves out.
    svg = io.BytesIO()
    segno.make(url, error="m").save(svg, kind="svg", scale=8, title=f"Survei {k}", xmldecl=False)
    resp = HttpResponse(svg.getvalue(), content_type="image/svg+xml")
    resp["Cache-Control"] = "public, max-age=86400"
    return resp
