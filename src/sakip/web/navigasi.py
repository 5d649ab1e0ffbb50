"""The tabs of an instansi-year's pages, grouped by the stage of the cycle.

Fifteen tabs in one row wrap into six lines on a phone; grouped, the header
shows the five stages and, under them, only the pages of the current stage.
Both rows are plain links drawn by the server, so they work without
JavaScript.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import reverse

#: (stage, ((label, URL name), ...)): every page of an instansi-year, in the
#: cycle's order. A stage's link opens its first page.
KELOMPOK_TAHUN: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    ("Ringkasan", (("Ringkasan", "web:tahun"),)),
    (
        "Perencanaan",
        (
            ("Renstra", "web:renstra"),
            ("IKU", "web:iku"),
            ("Pohon kinerja", "web:pohon"),
            ("Perjanjian Kinerja", "web:pk"),
            ("Rencana aksi", "web:rencana-aksi"),
        ),
    ),
    (
        "Pengukuran",
        (
            ("Capaian", "web:capaian"),
            ("Realisasi", "web:realisasi"),
            ("Triwulan", "web:triwulan"),
            ("Anggaran", "web:anggaran"),
        ),
    ),
    ("Pelaporan", (("Narasi", "web:narasi"), ("SKM", "web:skm"), ("Dokumen", "web:dokumen"))),
    ("Reviu", (("Catatan reviu", "web:catatan"), ("Riwayat", "web:riwayat"))),
)

#: (label, URL name): every page of an instansi-year, in the cycle's order.
HALAMAN_TAHUN: tuple[tuple[str, str], ...] = tuple(
    halaman for _, isi in KELOMPOK_TAHUN for halaman in isi
)


@dataclass(frozen=True)
class Tab:
    label: str
    url: str
    aktif: bool


@dataclass(frozen=True)
class Kelompok:
    """One stage of the cycle in the year's navigation."""

    label: str
    url: str
    aktif: bool
    halaman: tuple[Tab, ...]


def tab_tahun(
    request: HttpRequest, instansi_id: int, tahun: int, jumlah: dict[str, int] | None = None
) -> list[Kelompok]:
    """The stages of the year and their pages, the current one marked;
    ``jumlah`` (URL name -> count) adds what awaits on a page to its label and
    to its stage's, e.g. the open review notes, so it shows from every page."""
    jumlah = jumlah or {}
    path = request.path
    kelompok = []
    for label, isi in KELOMPOK_TAHUN:
        halaman = []
        menunggu = 0
        di_sini = False
        for label_halaman, nama in isi:
            url = reverse(nama, args=[instansi_id, tahun])
            n = jumlah.get(nama, 0)
            menunggu += n
            halaman.append(Tab(f"{label_halaman} ({n})" if n else label_halaman, url, path == url))
            # A page below a tab (writing a review note, a PK's result) stays
            # in its stage; the overview's URL is the prefix of them all.
            di_sini = di_sini or path == url or (nama != "web:tahun" and path.startswith(url))
        label = f"{label} ({menunggu})" if menunggu else label
        kelompok.append(Kelompok(label, halaman[0].url, di_sini, tuple(halaman)))
    return kelompok
