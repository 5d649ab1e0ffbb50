"""The year's documents from the page: the LKjIP and the Perjanjian Kinerja
of an instansi-year as DOCX, PDF or XLSX, in draft or final form.

A document is built on request, synchronously, from the record (the same
document ``sakip report --instansi --tahun`` writes): Robatal's LKjIP takes
well under a second. The final form exists only for an approved year, whose
record is locked; any other is marked DRAF on every page.
"""

from __future__ import annotations

import re
import unicodedata

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from sakip.documents.buat import DOKUMEN, FORMAT, buat_dokumen
from sakip.documents.siap import DokumenTidakSiap
from sakip.record.ekspor import dokumen_tahun, responden_tahun
from sakip.record.models import StatusTahun, TahunKinerja
from sakip.web.akses import tahun_untuk
from sakip.web.tahun import konteks_tahun

JUDUL = {"lkjip": "LKjIP", "pk": "PK"}
NAMA = {"lkjip": "Laporan Kinerja (LKjIP)", "pk": "Perjanjian Kinerja (PK)"}
BENTUK = ("draf", "final")
JENIS_ISI = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
LABEL_FORMAT = {"docx": "Word (DOCX)", "pdf": "PDF", "xlsx": "Excel (XLSX)"}


def nama_berkas(tk: TahunKinerja, jenis: str, bentuk: str, format: str) -> str:
    """A download's name in plain ASCII: ``LKjIP-Kecamatan-Robatal-2020-draf.pdf``.

    >>> from types import SimpleNamespace as N
    >>> tk = N(instansi=N(nama="Dinas Pendidikan & Kebudayaan "), tahun=2021)
    >>> nama_berkas(tk, "pk", "final", "docx"), nama_berkas(tk, "lkjip", "draf", "pdf")
    ('PK-Dinas-Pendidikan-Kebudayaan-2021.docx', 'LKjIP-Dinas-Pendidikan-Kebudayaan-2021-draf.pdf')
    """
    teks = unicodedata.normalize("NFKD", tk.instansi.nama).encode("ascii", "ignore").decode()
    instansi = re.sub(r"[^A-Za-z0-9]+", "-", teks).strip("-")[:80] or "instansi"
    akhir = "-draf" if bentuk == "draf" else ""
    return f"{JUDUL[jenis]}-{instansi}-{tk.tahun}{akhir}.{format}"


@login_required
@require_GET
def daftar(request: HttpRequest, instansi_id: int, tahun: int) -> HttpResponse:
    tk = tahun_untuk(request, instansi_id, tahun)
    final = tk.status == StatusTahun.DISETUJUI
    dokumen = [
        {
            "nama": NAMA[jenis],
            "unduh": [
                (bentuk, LABEL_FORMAT[f], jenis, f)
                for bentuk in (("final", "draf") if final else ("draf",))
                for f in FORMAT
            ],
        }
        for jenis in DOKUMEN
    ]
    konteks = konteks_tahun(request, tk, dokumen=dokumen, final=final)
    return render(request, "web/dokumen/daftar.html", konteks)


@login_required
@require_GET
def unduh(
    request: HttpRequest, instansi_id: int, tahun: int, jenis: str, bentuk: str, format: str
) -> HttpResponse:
    if jenis not in DOKUMEN or bentuk not in BENTUK or format not in FORMAT:
        raise Http404("dokumen tidak dikenal")
    tk = tahun_untuk(request, instansi_id, tahun)
    if bentuk == "final" and tk.status != StatusTahun.DISETUJUI:
        pesan = (
            f"Bentuk final {NAMA[jenis]} hanya tersedia setelah laporan {tk.tahun} disetujui "
            "pimpinan. Unduh bentuk draf sampai saat itu."
        )
        return _pesan(request, tk, pesan, 409)
    try:
        hasil = buat_dokumen(
            dokumen_tahun(tk),
            format=format,
            dokumen=jenis,
            responden=responden_tahun(tk),
            draf=bentuk == "draf",
        )
    except DokumenTidakSiap as exc:  # a font or library missing on the server
        return _pesan(request, tk, f"Dokumen tidak dapat dibuat di server ini: {exc}", 503)
    jawab = HttpResponse(hasil.isi, content_type=JENIS_ISI[format])
    jawab["Content-Disposition"] = (
        f'attachment; filename="{nama_berkas(tk, jenis, bentuk, format)}"'
    )
    # A draft changes with every save: never serve a stale copy.
    jawab["Cache-Control"] = "no-store"
    return jawab


def _pesan(request: HttpRequest, tk: TahunKinerja, pesan: str, status: int) -> HttpResponse:
    konteks = konteks_tahun(request, tk, pesan=pesan)
    return render(request, "web/dokumen/pesan.html", konteks, status=status)
