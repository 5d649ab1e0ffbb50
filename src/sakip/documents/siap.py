"""Check, before any work, that the libraries and fonts the documents need
are present, so a batch fails at its start with a clear message rather than
halfway through."""

from __future__ import annotations

import importlib
from functools import cache
from pathlib import Path

FONT_DIR = Path("/usr/share/fonts/truetype")
#: The fonts the PDF embeds and both documents measure text with, by role.
FONT = {
    "serif": "liberation/LiberationSerif-Regular.ttf",
    "serif_bold": "liberation/LiberationSerif-Bold.ttf",
    "serif_italic": "liberation/LiberationSerif-Italic.ttf",
    "sans": "dejavu/DejaVuSans.ttf",
    "sans_bold": "dejavu/DejaVuSans-Bold.ttf",
    "sans_italic": "dejavu/DejaVuSans-Oblique.ttf",
}
PAKET_FONT = {"liberation": "fonts-liberation", "dejavu": "fonts-dejavu-core"}
#: Python module -> what to install when it is missing, per output format.
PUSTAKA = {
    # The DOCX measures its table columns with the PDF's fonts and ReportLab.
    "docx": {"docx": "python-docx", "reportlab": "reportlab"},
    "pdf": {"reportlab": "reportlab"},
    "xlsx": {"openpyxl": "openpyxl"},
}


class DokumenTidakSiap(RuntimeError):
    """A library or font that documents need is missing."""


def _pustaka(modul: str) -> str | None:
    try:
        importlib.import_module(modul)
    except ImportError as exc:
        return str(exc)
    return None


@cache
def path_font() -> dict[str, Path]:
    return {peran: FONT_DIR / nama for peran, nama in FONT.items()}


def periksa(format: str) -> None:
    """Raise :class:`DokumenTidakSiap` naming every missing piece for ``format``."""
    masalah = []
    for modul, paket in PUSTAKA[format].items():
        galat = _pustaka(modul)
        if galat:
            masalah.append(f"pustaka Python {modul} tidak dapat dimuat ({galat}): pasang {paket}")
    if format in ("pdf", "docx"):
        for path in path_font().values():
            if not path.is_file():
                paket = PAKET_FONT[path.parent.name]
                masalah.append(f"font {path} tidak ada: pasang paket Debian {paket}")
    if masalah:
        raise DokumenTidakSiap(
            "dokumen tidak dapat dibuat: " + "; ".join(masalah) + " (atau jalankan scripts/setup)"
        )
