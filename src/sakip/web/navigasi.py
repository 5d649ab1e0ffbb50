"""The tabs of an instansi-year's pages, in the order of the cycle."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse

#: (label, URL name): every page of an instansi-year, in the cycle's order.
HALAMAN_TAHUN: tuple[tuple[str, str], ...] = (
    ("Ringkasan", "web:tahun"),
    ("Renstra", "web:renstra"),
    ("IKU", "web:iku"),
    ("Pohon kinerja", "web:pohon"),
    ("Perjanjian Kinerja", "web:pk"),
    ("Rencana aksi", "web:rencana-aksi"),
    ("Capaian", "web:capaian"),
    ("Realisasi", "web:realisasi"),
    ("Triwulan", "web:triwulan"),
    ("Anggaran", "web:anggaran"),
    ("Narasi", "web:narasi"),
    ("SKM", "web:skm"),
    ("Dokumen", "web:dokumen"),
    ("Catatan reviu", "web:catatan"),
    ("Riwayat", "web:riwayat"),
)


def tab_tahun(
    request: HttpRequest, instansi_id: int, tahun: int, jumlah: dict[str, int] | None = None
) -> list[tuple[str, str, bool]]:
    """(label, url, current) of each page of the year; ``jumlah`` (URL name ->
    count) adds what awaits on a page to its label, e.g. the open review notes."""
    tab = []
    for label, nama in HALAMAN_TAHUN:
        url = reverse(nama, args=[instansi_id, tahun])
        n = (jumlah or {}).get(nama)
        tab.append((f"{label} ({n})" if n else label, url, request.path == url))
    return tab
