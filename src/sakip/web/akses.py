"""How a page finds what it shows, through the one access function.

An object the user may not even see answers 404, so that a page never tells
a stranger what exists; one they may see but not change answers 403 (the
access function's refusal, with its message).
"""

from __future__ import annotations

from django.http import Http404, HttpRequest

from sakip.akun.akses import Aksi, boleh, pastikan_boleh
from sakip.organisasi.models import Pemda
from sakip.record.models import AnggaranNode, Indikator, TahunKinerja
from sakip.record.riwayat import indikator_dari_tahun


def pastikan(request: HttpRequest, aksi: Aksi, obj: object) -> None:
    """404 unless the user may see ``obj``; 403 unless they may do ``aksi``."""
    if not boleh(request.user, Aksi.LIHAT, obj):
        raise Http404("tidak ditemukan")
    if aksi != Aksi.LIHAT:
        pastikan_boleh(request.user, aksi, obj)


def pemda_untuk(request: HttpRequest, pemda_id: int, aksi: Aksi) -> Pemda:
    """The pemda of an admin page: 404 unless the user may do ``aksi`` on it,
    so that the pages of a pemda's admin tell nobody else they exist."""
    pemda = Pemda.objects.filter(pk=pemda_id).first()
    if pemda is None or not boleh(request.user, aksi, pemda):
        raise Http404("pemda tidak ditemukan")
    return pemda


def tahun_untuk(
    request: HttpRequest, instansi_id: int, tahun: int, aksi: Aksi = Aksi.LIHAT
) -> TahunKinerja:
    """The instansi-year of the URL, checked for ``aksi``."""
    tk = (
        TahunKinerja.objects.select_related("instansi__pemda", "renstra", "aturan", "anggaran")
        .filter(instansi_id=instansi_id, tahun=tahun)
        .first()
    )
    if tk is None:
        raise Http404("tahun kinerja tidak ditemukan")
    pastikan(request, aksi, tk)
    return tk


def tahun_untuk_isian(
    request: HttpRequest, instansi_id: int, tahun: int, aksi: Aksi
) -> TahunKinerja:
    """The instansi-year of a field's URL: drawing the field (GET) needs only
    sight of the year, saving it (POST) ``aksi``."""
    return tahun_untuk(request, instansi_id, tahun, Aksi.LIHAT if request.method == "GET" else aksi)


def indikator_tahun(tk: TahunKinerja, pk: int) -> Indikator:
    """An indicator of the year's Renstra or budget; 404 for any other."""
    ind = indikator_dari_tahun(tk).filter(pk=pk).first()
    if ind is None:
        raise Http404("indikator tidak ditemukan")
    return ind


def node_tahun(tk: TahunKinerja, pk: int) -> AnggaranNode:
    """A budget line of the year; 404 for any other."""
    node = AnggaranNode.objects.filter(pk=pk, anggaran__tahun_kinerja=tk).first()
    if node is None:
        raise Http404("baris anggaran tidak ditemukan")
    return node
