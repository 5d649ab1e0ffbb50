"""A :class:`Dokumen` as an archival PDF: HTML from ``templates/`` laid out by
WeasyPrint (A4, page numbers, table headers repeated on every page, fonts
embedded)."""

from __future__ import annotations

import base64
import gc
from collections.abc import Iterator
from contextlib import contextmanager
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


@cache
def _ua_stylesheet():  # noqa: ANN202 - weasyprint's CSS type
    """WeasyPrint's HTML user-agent stylesheet without its universal
    pseudo-element rules.

    ``::marker`` and the footnote and note pseudo-elements match every element
    there, so WeasyPrint computed six extra styles for each of the thousands
    of table cells (about 1 s of a 46-page LKjIP). Markers are scoped to list
    items (the only elements that get one); the document has no footnotes or
    notes.
    """
    from weasyprint import CSS
    from weasyprint.html import UA, UA_COUNTER_STYLE

    ua = UA.replace("\n::marker {", "\nli::marker {")
    ua = "\n".join(
        baris for baris in ua.splitlines() if not baris.startswith(("::footnote-", "::note-"))
    )
    return CSS(string=ua, counter_style=UA_COUNTER_STYLE)


@cache
def _kelas_html() -> type:
    from weasyprint import HTML

    class _HTML(HTML):
        def _ua_stylesheets(self, forms: bool = False) -> list:
            return [_ua_stylesheet()]

    return _HTML


@contextmanager
def _gc_jarang() -> Iterator[None]:
    """Fewer garbage collections while WeasyPrint works.

    Layout allocates millions of small objects (boxes, styles, text runs):
    with the default threshold of 700 the collector ran hundreds of times
    and took 15-20 % of a long report's time. 50,000 costs about 100 MB
    more at the peak; the threshold is restored afterwards.
    """
    lama = gc.get_threshold()
    gc.set_threshold(max(lama[0], 50_000), *lama[1:])
    try:
        yield
    finally:
        gc.set_threshold(*lama)


def tulis_pdf(dokumen: Dokumen) -> bytes:
    teks = html(dokumen)
    with _gc_jarang():
        return _kelas_html()(string=teks, base_url=str(TEMPLATES)).write_pdf()
