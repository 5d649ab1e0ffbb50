"""A :class:`Dokumen` as an archival PDF: HTML from ``templates/`` laid out by
WeasyPrint (A4, page numbers, table headers repeated on every page, fonts
embedded)."""

from __future__ import annotations

import base64
from functools import cache
from pathlib import Path

from django.template import Context, Engine

from sakip.documents.charts import gambar
from sakip.documents.lebar import PANJANG_ANGKA, lebar_kolom
from sakip.documents.model import Blok, Daftar, Dokumen, Grafik, Paragraf, Tabel, TandaTangan
from sakip.documents.siap import path_font

TEMPLATES = Path(__file__).with_name("templates")


@cache
def _engine() -> Engine:
    # A standalone engine: the PDF needs no Django settings (`sakip report FILE`
    # runs without a database or a configured project).
    return Engine(dirs=[str(TEMPLATES)], autoescape=True)


def _tabel(t: Tabel) -> dict:
    baris = []
    for i, isi in enumerate(t.baris + t.kaki):
        tingkat = t.tingkat[i] if i < len(t.tingkat) else 0
        baris.append(
            {
                "kaki": i >= len(t.baris),
                "sel": [
                    {
                        "teks": teks,
                        "angka": j in t.angka and len(teks) <= PANJANG_ANGKA,
                        "indent": str(3 + 7 * tingkat) if j == 1 and tingkat else "",
                    }
                    for j, teks in enumerate(isi)
                ],
            }
        )
    return {
        "lebar_kolom": lebar_kolom(t),
        "jenis": "tabel",
        "judul": t.judul,
        "kepala": t.kepala,
        "baris": baris,
        "lebar": len(t.kepala) >= 6,
    }


def _blok(blok: Blok) -> dict:
    if isinstance(blok, Paragraf):
        return {"jenis": "paragraf", "teks": blok.teks, "gaya": blok.gaya}
    if isinstance(blok, Daftar):
        return {"jenis": "daftar", "butir": blok.butir}
    if isinstance(blok, Tabel):
        return _tabel(blok)
    if isinstance(blok, Grafik):
        svg = base64.b64encode(gambar(blok, "svg")).decode()
        return {"jenis": "grafik", "judul": blok.judul, "src": f"data:image/svg+xml;base64,{svg}"}
    if isinstance(blok, TandaTangan):
        return {
            "jenis": "ttd",
            "tempat_tanggal": blok.tempat_tanggal,
            "orang": [blok.kiri, blok.kanan],
        }
    raise TypeError(blok)


def html(dokumen: Dokumen) -> str:
    fonts = {peran: path.as_uri() for peran, path in path_font().items()}
    css = _engine().get_template("dokumen.css").render(Context({"font": fonts}))
    bagian = [
        {
            "id": f"b{i}",
            "judul": b.judul,
            "tingkat": str(min(b.tingkat, 3)),
            "halaman_baru": b.halaman_baru,
            "isi": [_blok(x) for x in b.isi],
        }
        for i, b in enumerate(dokumen.bagian)
    ]
    # Numbers reach the template as text only: rendering an int would make
    # Django localise it, which needs configured settings.
    konteks = {
        "dokumen": dokumen,
        "tahun": str(dokumen.sampul.tahun or ""),
        "bagian": bagian,
        "css": css,
    }
    return _engine().get_template("dokumen.html").render(Context(konteks))


def tulis_pdf(dokumen: Dokumen) -> bytes:
    from weasyprint import HTML

    return HTML(string=html(dokumen), base_url=str(TEMPLATES)).write_pdf()
