"""The report text of an instansi-year: the parts of the LKjIP
(kata pengantar, ikhtisar, hambatan, solusi, penutup) and the analysis of
each indicator's capaian, kept where the data contract keeps it
(``narasi.analisis`` by indicator code)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET, require_http_methods

from sakip.akun.akses import Aksi
from sakip.record import services
from sakip.record.models import Indikator, TahunKinerja
from sakip.record.queries import laporan_tahun
from sakip.record.riwayat import indikator_dari_tahun
from sakip.web.akses import indikator_tahun, tahun_untuk, tahun_untuk_isian
from sakip.web.tahun import tampil_tahun
from sakip.web.ubah import Isian, _boleh_ubah, _riwayat_url, _simpan, isian_narasi, url_cepat


def isian_analisis(request: HttpRequest, tk: TahunKinerja, ind: Indikator) -> Isian:
    """The report's analysis of one indicator's capaian."""
    return Isian(
        url=url_cepat("web:ubah-analisis", tk.instansi_id, tk.tahun, ind.pk),
        label=f"Analisis capaian {ind.kode}",
        nilai=((tk.narasi or {}).get("analisis") or {}).get(ind.kode),
        versi=tk.versi,
        boleh_ubah=_boleh_ubah(request, Aksi.UBAH_NARASI, tk),
        riwayat=_riwayat_url(tk, bidang="narasi"),
        panjang=True,
    )


@require_GET
@login_required
def halaman(request: HttpRequest, instansi_id: int, tahun: int) -> HttpResponse:
    tk = tahun_untuk(request, instansi_id, tahun)
    return tampil_tahun(request, tk, "web/narasi/halaman.html", lambda: _halaman_isi(request, tk))


def _halaman_isi(request: HttpRequest, tk: TahunKinerja) -> dict[str, object]:
    laporan = laporan_tahun(tk)
    indikator = {i.kode: i for i in indikator_dari_tahun(tk)}
    analisis = [
        {
            "hasil": b,
            "indikator": indikator[b.kode],
            "isian": isian_analisis(request, tk, indikator[b.kode]),
        }
        for b in laporan.indikator_tahun()
        if b.kode in indikator
    ]
    bagian = [isian_narasi(request, tk, b) for b in services.BAGIAN_NARASI]
    return {"bagian": bagian, "analisis": analisis}


@login_required
@require_http_methods(["GET", "POST"])
def ubah_analisis(request: HttpRequest, instansi_id: int, tahun: int, pk: int) -> HttpResponse:
    tk = tahun_untuk_isian(request, instansi_id, tahun, Aksi.UBAH_NARASI)
    ind = indikator_tahun(tk, pk)
    return _simpan(
        request,
        tk,
        lambda: isian_analisis(request, tahun_untuk(request, instansi_id, tahun), ind),
        lambda aktor, teks, versi: services.analisis_set(
            aktor=aktor, tahun_kinerja=tk, indikator=ind, teks=teks, versi=versi
        ),
    )
