"""Editing one field of the record: the small form every cycle page uses.

Each editable value on a page is an :class:`Isian`, drawn by ``Isian.html``
(the template tag ``{% isian x %}``): its current value the Indonesian way,
the version it was read at, and (for those who may change it) an input and
a save button.
The form posts to one of the views below, which reads the text
(:mod:`sakip.web.isian`), calls the record's service for that field, and
answers with the field drawn again: saved, or with the reason it was not
(a stale write names who changed it and when). With htmx the field swaps in
place and the page's computed figures reload (event ``tersimpan``); without
JavaScript the post answers with a redirect back to the page.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, cast
from urllib.parse import quote, urlencode

from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.http import Http404, HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import conditional_escape
from django.utils.http import RFC3986_SUBDELIMS, url_has_allowed_host_and_scheme
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import slugify
from django.views.decorators.http import require_http_methods

from sakip.akun.akses import Aksi, boleh
from sakip.common.errors import DatasetError
from sakip.record import services
from sakip.record.ekspor import indikator_terbaca, lupakan_terbaca
from sakip.record.models import (
    AnggaranNode,
    Indikator,
    JenisTriwulan,
    JustifikasiTemuan,
    NilaiIndikator,
    NilaiTriwulan,
    StatusTahun,
    TahunKinerja,
)
from sakip.record.riwayat import indikator_dari_tahun, tampil_nilai
from sakip.web.akses import indikator_tahun, node_tahun, tahun_untuk, tahun_untuk_isian
from sakip.web.isian import (
    format_rupiah_nilai,
    nilai_isian,
    teks_isian,
    uang_isian,
    versi_dibaca,
)


@dataclass
class Isian:
    """One editable field as a page draws it."""

    url: str
    label: str
    nilai: object
    versi: int
    boleh_ubah: bool
    riwayat: str
    uang: bool = False
    panjang: bool = False
    galat: str = ""
    tersimpan: bool = False
    #: What the input shows: the value as typed back, or what was refused.
    teks: str | None = None

    @property
    def isi(self) -> str:
        return teks_isian(self.nilai) if self.teks is None else self.teks

    @property
    def kunci(self) -> str:
        """A short id, unique on the page: the field's URL below ``ubah/``."""
        return "i-" + slugify(self.url.partition("/ubah/")[2])

    @property
    def tampil(self) -> str:
        return tampil_nilai(self.nilai) if self.nilai is not None else "–"

    def html(self, csrf_token: str, kembali: str = "") -> SafeString:
        """The field's markup. A page draws hundreds of these, so it is built
        here in one pass rather than by a template include each (several
        times faster) and kept lean: a one-line input inside its label (no
        id); a textarea has a short id, since its text would join its
        label's; no per-field return address (the no-JS post goes back to
        its Referer); a field never written (version 0) has no history."""
        e = conditional_escape
        bagian: list[str] = []
        if self.boleh_ubah:
            kelas = "isian ada-galat" if self.galat else "isian"
            bagian.append(
                f'<form class="{kelas}" method="post" action="{e(self.url)}" '
                f'hx-post="{e(self.url)}" hx-swap="outerHTML">'
                f'<input type="hidden" name="csrfmiddlewaretoken" value="{e(csrf_token)}">'
                f'<input type="hidden" name="versi" value="{self.versi}">'
            )
            if kembali:
                bagian.append(f'<input type="hidden" name="kembali" value="{e(kembali)}">')
            if self.panjang:
                bagian.append(
                    f'<label class="sr" for="{self.kunci}">{e(self.label)}</label>'
                    f'<textarea id="{self.kunci}" name="nilai" rows="5">{e(self.isi)}</textarea>'
                )
            else:
                uang = ' inputmode="decimal" placeholder="0,00"' if self.uang else ""
                bagian.append(
                    f'<label><span class="sr">{e(self.label)}</span><input type="text" '
                    f'name="nilai" value="{e(self.isi)}" autocomplete="off"{uang}></label>'
                )
            bagian.append("<button>Simpan</button>")
        else:
            nilai = format_rupiah_nilai(self.nilai) if self.uang else self.tampil
            bagian.append(f'<div class="isian">{e(nilai)}')
        if self.riwayat and self.versi:
            bagian.append(f'<a href="{e(self.riwayat)}">riwayat</a>')
        if self.tersimpan:
            bagian.append('<span class="ok" role="status">tersimpan</span>')
        if self.galat:
            bagian.append(f'<p class="galat" role="alert">{e(self.galat)}</p>')
        bagian.append("</form>" if self.boleh_ubah else "</div>")
        return mark_safe("".join(bagian))  # noqa: S308 - every part above is escaped


def _boleh_ubah(request: HttpRequest, aksi: Aksi, tk: TahunKinerja) -> bool:
    """Whether the reader may change a field of ``aksi`` on the year: asked
    of the access function once per request (a page draws hundreds)."""
    jawab: dict[tuple[Aksi, int, str], bool] = request.__dict__.setdefault("_web_boleh", {})
    kunci = (aksi, tk.pk, tk.status)
    if kunci not in jawab:
        jawab[kunci] = tk.status != StatusTahun.DISETUJUI and boleh(request.user, aksi, tk)
    return jawab[kunci]


def _riwayat_url(tk: TahunKinerja, **q: str) -> str:
    return f"{url_cepat('web:riwayat', tk.instansi_id, tk.tahun)}?{urlencode(q)}"


#: Stand-ins for a URL's arguments: digits, so that every converter takes them.
_TEMPAT = tuple(f"8{i}80808{i}8" for i in range(8))


@lru_cache(maxsize=128)
def _pola_url(nama: str, jumlah: int) -> tuple[str, ...]:
    """The URL of ``nama`` reversed once with stand-ins, cut at them."""
    url = reverse(nama, args=_TEMPAT[:jumlah])
    return tuple(re.split("|".join(_TEMPAT[:jumlah]), url)) if jumlah else (url,)


def url_cepat(nama: str, *args: object) -> str:
    """``reverse(nama, args=args)`` for a page that draws hundreds of field
    URLs: the route is reversed once per process and filled in after, each
    argument quoted as ``reverse`` would."""
    bagian = _pola_url(nama, len(args))
    out = [bagian[0]]
    for nilai, sesudah in zip(args, bagian[1:], strict=True):
        out.append(quote(str(nilai), safe=RFC3986_SUBDELIMS + "/~:@"))
        out.append(sesudah)
    return "".join(out)


# -- the fields ----------------------------------------------------------------

# A page draws dozens of fields: their rows are read once per page, in one
# query per kind, and kept on the request's instansi-year object (which lives
# exactly as long as the request, like the access function's cache).
_NILAI, _TRIWULAN = "_web_nilai", "_web_triwulan"


def _nilai_row(tk: TahunKinerja, ind: Indikator, tahun: int) -> NilaiIndikator | None:
    rows = tk.__dict__.get(_NILAI)
    if rows is None:
        terbaca = indikator_terbaca(tk)  # the page computed its figures first
        semua: Iterable[NilaiIndikator] = (
            [n for ns in terbaca.nilai.values() for n in ns]
            if terbaca is not None
            else NilaiIndikator.objects.filter(indikator__in=indikator_dari_tahun(tk))
        )
        rows = tk.__dict__[_NILAI] = {(n.indikator_id, n.tahun): n for n in semua}
    return rows.get((ind.pk, tahun))


def _triwulan_row(
    tk: TahunKinerja, ind: Indikator, jenis: str, triwulan: int
) -> NilaiTriwulan | None:
    rows = tk.__dict__.get(_TRIWULAN)
    if rows is None:
        terbaca = indikator_terbaca(tk)
        semua: Iterable[NilaiTriwulan] = (
            [t for ts in terbaca.tw.values() for t in ts if t.tahun == tk.tahun]
            if terbaca is not None
            else NilaiTriwulan.objects.filter(
                indikator__in=indikator_dari_tahun(tk), tahun=tk.tahun
            )
        )
        rows = tk.__dict__[_TRIWULAN] = {(n.indikator_id, n.jenis, n.triwulan): n for n in semua}
    return rows.get((ind.pk, jenis, triwulan))


def lupakan_isian(tk: TahunKinerja) -> None:
    """Forget the rows read for this page (after a write through ``tk``)."""
    tk.__dict__.pop(_NILAI, None)
    tk.__dict__.pop(_TRIWULAN, None)
    lupakan_terbaca(tk)


def isian_nilai(
    request: HttpRequest, tk: TahunKinerja, ind: Indikator, bidang: str, tahun: int | None = None
) -> Isian:
    """The target or realisasi of an indicator for a year (the page's year by default)."""
    tahun = tk.tahun if tahun is None else tahun
    row = _nilai_row(tk, ind, tahun)
    aksi = Aksi.UBAH_RENCANA if bidang == "target" else Aksi.UBAH_REALISASI
    return Isian(
        url=url_cepat("web:ubah-nilai", tk.instansi_id, tk.tahun, ind.pk, bidang, tahun),
        label=f"{'Target' if bidang == 'target' else 'Realisasi'} {ind.kode} {tahun}",
        nilai=getattr(row, bidang) if row else None,
        versi=row.versi if row else 0,
        boleh_ubah=_boleh_ubah(request, aksi, tk),
        riwayat=_riwayat_url(tk, indikator=ind.kode, bidang=bidang),
    )


def isian_triwulan(
    request: HttpRequest, tk: TahunKinerja, ind: Indikator, jenis: str, triwulan: int
) -> Isian:
    """A quarter's rencana aksi (target) or realisation of an indicator."""
    row = _triwulan_row(tk, ind, jenis, triwulan)
    aksi = Aksi.UBAH_RENCANA if jenis == JenisTriwulan.RENCANA_AKSI else Aksi.UBAH_REALISASI
    return Isian(
        url=url_cepat("web:ubah-triwulan", tk.instansi_id, tk.tahun, ind.pk, jenis, triwulan),
        label=f"{JenisTriwulan(jenis).label} {ind.kode} TW{triwulan}",
        nilai=row.nilai if row else None,
        versi=row.versi if row else 0,
        boleh_ubah=_boleh_ubah(request, aksi, tk),
        riwayat=_riwayat_url(tk, indikator=ind.kode, bidang="nilai"),
    )


def isian_anggaran(
    request: HttpRequest, tk: TahunKinerja, node: AnggaranNode, bidang: str
) -> Isian:
    """The pagu or realisasi of a budget line."""
    kode = node.kode or ""
    return Isian(
        url=url_cepat("web:ubah-anggaran", tk.instansi_id, tk.tahun, node.pk, bidang),
        label=f"{'Pagu' if bidang == 'pagu' else 'Realisasi'} {kode or node.uraian}",
        nilai=getattr(node, bidang),
        versi=node.versi,
        boleh_ubah=_boleh_ubah(request, Aksi.UBAH_ANGGARAN, tk),
        riwayat=_riwayat_url(tk, anggaran=kode, bidang=bidang) if kode else "",
        uang=True,
    )


#: The report text parts, as the form names them.
LABEL_NARASI = {
    "kata_pengantar": "Kata pengantar",
    "ikhtisar": "Ikhtisar eksekutif",
    "hambatan": "Hambatan",
    "solusi": "Solusi",
    "penutup": "Penutup",
}


#: The definition fields of an indicator, as the IKU sheet names them.
LABEL_DEFINISI = {
    "uraian": "Uraian",
    "satuan": "Satuan",
    "formula": "Formula",
    "sumber_data": "Sumber data",
    "penanggung_jawab": "Penanggung jawab",
}


def isian_indikator(request: HttpRequest, tk: TahunKinerja, ind: Indikator, bidang: str) -> Isian:
    """A field of an indicator's definition (text)."""
    return Isian(
        url=url_cepat("web:ubah-indikator", tk.instansi_id, tk.tahun, ind.pk, bidang),
        label=f"{LABEL_DEFINISI[bidang]} {ind.kode}",
        nilai=getattr(ind, bidang),
        versi=ind.versi,
        boleh_ubah=_boleh_ubah(request, Aksi.UBAH_RENCANA, tk),
        riwayat=_riwayat_url(tk, indikator=ind.kode, bidang=bidang),
        panjang=bidang in ("uraian", "formula"),
        teks=getattr(ind, bidang) or "",
    )


def isian_narasi(request: HttpRequest, tk: TahunKinerja, bagian: str) -> Isian:
    """One part of the year's report text."""
    return Isian(
        url=url_cepat("web:ubah-narasi", tk.instansi_id, tk.tahun, bagian),
        label=LABEL_NARASI.get(bagian, bagian),
        nilai=(tk.narasi or {}).get(bagian),
        versi=tk.versi,
        boleh_ubah=_boleh_ubah(request, Aksi.UBAH_NARASI, tk),
        riwayat=_riwayat_url(tk, bidang="narasi"),
        panjang=True,
    )


def isian_justifikasi(
    request: HttpRequest,
    tk: TahunKinerja,
    kode: str,
    lokasi: str,
    *,
    dibaca: bool = False,
    justifikasi: JustifikasiTemuan | None = None,
) -> Isian:
    """The written justification of a warning of the year (``dibaca``: the
    page has read its row already, ``justifikasi``, None when there is none)."""
    row = justifikasi
    if not dibaca:
        row = JustifikasiTemuan.objects.filter(tahun_kinerja=tk, kode=kode, lokasi=lokasi).first()
    url = url_cepat("web:ubah-justifikasi", tk.instansi_id, tk.tahun)
    return Isian(
        url=f"{url}?{urlencode({'kode': kode, 'lokasi': lokasi})}",
        label=f"Justifikasi {kode} {lokasi}",
        nilai=(row.teks or None) if row else None,
        versi=row.versi if row else 0,
        boleh_ubah=_boleh_ubah(request, Aksi.AJUKAN, tk),
        riwayat=_riwayat_url(tk, bidang="teks"),
        panjang=True,
    )


# -- the views -------------------------------------------------------------------


def _simpan(
    request: HttpRequest,
    tk: TahunKinerja,
    buat: Callable[[], Isian],
    tulis: Callable[[User, str, int], Any],
) -> HttpResponse:
    """GET: the field. POST: save it through ``tulis(aktor, teks, versi)``."""
    if request.method == "GET":
        return _jawab(request, tk, buat())
    teks = request.POST.get("nilai", "")
    galat = ""
    try:
        tulis(cast(User, request.user), teks, versi_dibaca(request.POST))
    except DatasetError as exc:  # no version, refused value, stale write, locked year
        galat = str(exc)
    lupakan_isian(tk)
    isian = buat()
    if galat:
        isian.galat, isian.teks = galat, teks
    else:
        isian.tersimpan = True
    return _jawab(request, tk, isian)


def _jawab(request: HttpRequest, tk: TahunKinerja, isian: Isian) -> HttpResponse:
    if request.headers.get("HX-Request"):
        jawab = HttpResponse(isian.html(get_token(request)))
        if isian.tersimpan:
            jawab["HX-Trigger"] = "tersimpan"
        return jawab
    # Without JavaScript a saved field goes back to the page it was posted
    # from. The fields of a page carry no return address (a page holds
    # hundreds of them): the browser's same-origin Referer names it, and the
    # field's own page (a refused value, shown alone) carries it on.
    kembali = request.POST.get("kembali") or request.headers.get("Referer", "")
    if not url_has_allowed_host_and_scheme(kembali, {request.get_host()}, request.is_secure()):
        kembali = ""
    if request.method == "POST" and not isian.galat:
        if kembali:
            return redirect(kembali)
        return redirect("web:tahun", tk.instansi_id, tk.tahun)
    return render(request, "web/isian.html", {"isian": isian, "tk": tk, "kembali": kembali})


@login_required
@require_http_methods(["GET", "POST"])
def ubah_nilai(
    request: HttpRequest, instansi_id: int, tahun: int, pk: int, bidang: str, untuk: int
) -> HttpResponse:
    if bidang not in ("target", "realisasi"):
        raise Http404("bidang tidak dikenal")
    aksi = Aksi.UBAH_RENCANA if bidang == "target" else Aksi.UBAH_REALISASI
    tk = tahun_untuk_isian(request, instansi_id, tahun, aksi)
    ind = indikator_tahun(tk, pk)
    # A Renstra indicator has a value for each year of the period; a budget
    # indicator only for the budget's year.
    r = tk.renstra
    periode = range(r.periode_awal, r.periode_akhir + 1) if r and ind.renstra_id else (tk.tahun,)
    if untuk not in periode:
        raise Http404("tahun di luar periode Renstra")
    tulis = services.target_set if bidang == "target" else services.realisasi_set
    return _simpan(
        request,
        tk,
        lambda: isian_nilai(request, tk, ind, bidang, untuk),
        lambda aktor, teks, versi: tulis(
            aktor=aktor, indikator=ind, tahun=untuk, nilai=nilai_isian(teks), versi=versi
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def ubah_triwulan(
    request: HttpRequest, instansi_id: int, tahun: int, pk: int, jenis: str, triwulan: int
) -> HttpResponse:
    if jenis not in JenisTriwulan.values or triwulan not in (1, 2, 3, 4):
        raise Http404("triwulan tidak dikenal")
    aksi = Aksi.UBAH_RENCANA if jenis == JenisTriwulan.RENCANA_AKSI else Aksi.UBAH_REALISASI
    tk = tahun_untuk_isian(request, instansi_id, tahun, aksi)
    ind = indikator_tahun(tk, pk)
    return _simpan(
        request,
        tk,
        lambda: isian_triwulan(request, tk, ind, jenis, triwulan),
        lambda aktor, teks, versi: services.triwulan_set(
            aktor=aktor,
            indikator=ind,
            jenis=JenisTriwulan(jenis),
            tahun=tk.tahun,
            triwulan=triwulan,
            nilai=nilai_isian(teks),
            versi=versi,
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def ubah_anggaran(
    request: HttpRequest, instansi_id: int, tahun: int, pk: int, bidang: str
) -> HttpResponse:
    if bidang not in ("pagu", "realisasi"):
        raise Http404("bidang tidak dikenal")
    tk = tahun_untuk_isian(request, instansi_id, tahun, Aksi.UBAH_ANGGARAN)
    node = node_tahun(tk, pk)

    def tulis(aktor: User, teks: str, versi: int) -> object:
        jumlah = uang_isian(teks)
        if bidang == "pagu":
            return services.pagu_set(aktor=aktor, node=node, pagu=jumlah, versi=versi)
        return services.realisasi_anggaran_set(
            aktor=aktor, node=node, realisasi=jumlah, versi=versi
        )

    return _simpan(
        request, tk, lambda: isian_anggaran(request, tk, node_tahun(tk, pk), bidang), tulis
    )


@login_required
@require_http_methods(["GET", "POST"])
def ubah_narasi(request: HttpRequest, instansi_id: int, tahun: int, bagian: str) -> HttpResponse:
    if bagian not in services.BAGIAN_NARASI:
        raise Http404("bagian tidak dikenal")
    tk = tahun_untuk_isian(request, instansi_id, tahun, Aksi.UBAH_NARASI)
    return _simpan(
        request,
        tk,
        lambda: isian_narasi(request, tahun_untuk(request, instansi_id, tahun), bagian),
        lambda aktor, teks, versi: services.narasi_set(
            aktor=aktor, tahun_kinerja=tk, bagian=bagian, teks=teks, versi=versi
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def ubah_indikator(
    request: HttpRequest, instansi_id: int, tahun: int, pk: int, bidang: str
) -> HttpResponse:
    if bidang not in services.DEFINISI_INDIKATOR:
        raise Http404("bidang tidak dikenal")
    tk = tahun_untuk_isian(request, instansi_id, tahun, Aksi.UBAH_RENCANA)
    pk_ind = indikator_tahun(tk, pk).pk
    return _simpan(
        request,
        tk,
        lambda: isian_indikator(request, tk, indikator_tahun(tk, pk_ind), bidang),
        lambda aktor, teks, versi: services.indikator_set(
            aktor=aktor,
            indikator=indikator_tahun(tk, pk_ind),
            tahun=tk.tahun,
            bidang=bidang,
            nilai=teks,
            versi=versi,
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def ubah_justifikasi(request: HttpRequest, instansi_id: int, tahun: int) -> HttpResponse:
    """The justification of one warning, named by ``?kode=..&lokasi=..``."""
    tk = tahun_untuk_isian(request, instansi_id, tahun, Aksi.AJUKAN)
    kode, lokasi = request.GET.get("kode", ""), request.GET.get("lokasi", "")
    if not kode or not lokasi:
        raise Http404("temuan tidak disebut")
    return _simpan(
        request,
        tk,
        lambda: isian_justifikasi(request, tk, kode, lokasi),
        lambda aktor, teks, versi: services.justifikasi_set(
            aktor=aktor, tahun_kinerja=tk, kode=kode, lokasi=lokasi, teks=teks, versi=versi
        ),
    )
