"""The one entry point: a dataset document to the bytes of a document."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sakip.documents.model import Dokumen
from sakip.documents.pernyataan import Pernyataan
from sakip.documents.siap import periksa
from sakip.engine.laporan import Jawaban, hitung_laporan
from sakip.model import Dokumen as Dataset

FORMAT = ("docx", "pdf", "xlsx")
DOKUMEN = ("lkjip", "pk")


@dataclass
class Hasil:
    isi: bytes
    dokumen: Dokumen

    @property
    def peringatan(self) -> list[str]:
        return self.dokumen.peringatan


def susun(
    doc: Dataset | Mapping[str, object],
    *,
    dokumen: str = "lkjip",
    responden: Mapping[int, Jawaban] | None = None,
    draf: bool = False,
    reviu: Pernyataan | None = None,
) -> Dokumen:
    """The document's model. The LKjIP is the final edition unless ``draf``
    (see :mod:`sakip.documents.lkjip`); ``reviu`` signs its review statement."""
    from sakip.documents.lkjip import susun_lkjip
    from sakip.documents.pk import susun_pk

    laporan = hitung_laporan(doc, responden=responden)
    if dokumen == "pk":
        return susun_pk(laporan)
    return susun_lkjip(laporan, draf=draf, reviu=reviu)


def tulis(model: Dokumen, format: str) -> bytes:
    if format == "docx":
        from sakip.documents.docx import tulis_docx

        return tulis_docx(model)
    if format == "pdf":
        from sakip.documents.pdf import tulis_pdf

        return tulis_pdf(model)
    from sakip.documents.xlsx import tulis_xlsx

    return tulis_xlsx(model)


def buat_dokumen(
    doc: Dataset | Mapping[str, object],
    *,
    format: str,
    dokumen: str = "lkjip",
    responden: Mapping[int, Jawaban] | None = None,
    draf: bool = False,
    reviu: Pernyataan | None = None,
) -> Hasil:
    """Build one document; raise :class:`~sakip.documents.siap.DokumenTidakSiap`
    before any work when a library or font is missing. ``draf``: the
    officer's draft (a year not approved yet), with the review's markers and
    appendix and "DRAF" on every page; otherwise the final edition."""
    if format not in FORMAT or dokumen not in DOKUMEN:
        raise ValueError(f"format {format!r} atau dokumen {dokumen!r} tidak dikenal")
    periksa(format)
    model = susun(doc, dokumen=dokumen, responden=responden, draf=draf, reviu=reviu)
    # A draft is the officer's working copy: the review's markers and
    # appendix inside (susun), and "DRAF" on every page (the writers).
    model.draf = draf
    return Hasil(tulis(model, format), model)


def buat_reviu(
    doc: Dataset | Mapping[str, object],
    *,
    format: str,
    reviu: Pernyataan | None = None,
    responden: Mapping[int, Jawaban] | None = None,
) -> Hasil:
    """The Inspektorat's review document of one dataset's LKjIP."""
    from sakip.documents.reviu import susun_reviu

    if format not in FORMAT:
        raise ValueError(f"format {format!r} tidak dikenal")
    periksa(format)
    model = susun_reviu(hitung_laporan(doc, responden=responden), reviu)
    return Hasil(tulis(model, format), model)
