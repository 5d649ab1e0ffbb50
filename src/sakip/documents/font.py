"""The document fonts, registered once per process with ReportLab: the PDF
embeds them, and both renderers measure text with them to size table
columns (the DOCX's Liberation Serif has the metrics of Word's Times New
Roman)."""

from __future__ import annotations

from functools import cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from sakip.documents.siap import path_font

SERIF, SANS = "DokSerif", "DokSans"


@cache
def daftarkan() -> None:
    """Register both families (parsing a TTF is slow: once per process)."""
    font = path_font()
    keluarga = {
        SERIF: ("serif", "serif_bold", "serif_italic"),
        SANS: ("sans", "sans_bold", "sans_italic"),
    }
    for nama, (biasa, tebal, miring) in keluarga.items():
        for akhiran, peran in (("", biasa), ("-Bold", tebal), ("-Italic", miring)):
            pdfmetrics.registerFont(TTFont(nama + akhiran, str(font[peran])))
        pdfmetrics.registerFontFamily(
            nama,
            normal=nama,
            bold=f"{nama}-Bold",
            italic=f"{nama}-Italic",
            boldItalic=f"{nama}-Bold",
        )


def lebar_teks(teks: str, font: str, ukuran: float) -> float:
    """The width of ``teks`` in points, in a registered font."""
    daftarkan()
    return pdfmetrics.stringWidth(teks, font, ukuran)
