"""Read any dataset file (YAML, JSON or XLSX) into a validated document.

:func:`baca_dataset` is the one entry point the command line, the web
application and the tests use to accept a file: it picks the reader by
extension (:func:`~sakip.dataset.load.format_berkas`), validates, and reads
the survey answers a dataset points to, so that a bad file is rejected whole
with every error naming where it is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sakip.dataset.berkas import DEFAULT_MAX_BYTES
from sakip.dataset.errors import DatasetInvalid, Galat, Lokasi, SourceMap
from sakip.dataset.load import Format, format_berkas, read_document, validate
from sakip.dataset.responden import baca_responden

__all__ = ["DatasetFile", "baca_dataset"]


@dataclass(frozen=True)
class DatasetFile:
    """A file that passed every check, with where its values came from."""

    path: Path
    format: Format
    doc: dict
    source: SourceMap
    #: Answers of surveys given by ``responden_csv``, by position in ``skm``.
    responden: dict[int, list[dict[str, int | None]]] = field(default_factory=dict)


def baca_dataset(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> DatasetFile:
    """Read and validate one dataset file; :class:`DatasetInvalid` lists every error.

    >>> baca_dataset("tidak-ada.yaml")
    Traceback (most recent call last):
    ...
    sakip.dataset.errors.DatasetInvalid: tidak-ada.yaml: (dokumen): berkas tidak ditemukan
    """
    path = Path(path)
    if not _ada(path):
        raise DatasetInvalid([Galat(Lokasi(file=str(path)), (), "berkas tidak ditemukan")])
    fmt = format_berkas(path)
    doc, source = read_document(path, max_bytes=max_bytes)
    galat = validate(doc, source)
    if galat:
        raise DatasetInvalid(galat)
    responden: dict[int, list[dict[str, int | None]]] = {}
    salah: list[Galat] = []
    for i, survei in enumerate(doc.get("skm") or ()):
        if survei.get("responden_csv"):
            tempat = ("skm", i, "responden_csv")
            berkas = path.parent / str(survei["responden_csv"])
            if not _ada(berkas):
                # A name the system cannot even look up (too long, a NUL)
                # is a file that is not there.
                pesan = f"berkas jawaban tidak ditemukan: {str(berkas)[:200]!r}"
                salah.append(Galat(source.find(tempat), tempat, pesan))
                continue
            try:
                responden[i] = baca_responden(berkas, _kode_unsur_survei(survei))
            except DatasetInvalid as exc:
                salah += exc.galat
    if salah:
        raise DatasetInvalid(salah)
    return DatasetFile(path, fmt, doc, source, responden)


def _ada(path: Path) -> bool:
    """Whether ``path`` is a file; a name too long for the system is not one."""
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False


def _kode_unsur_survei(survei: dict) -> list[str]:
    """The unsur codes a survey's answers have, in order."""
    from sakip.engine.skm import UNSUR

    unsur = survei.get("unsur") or "permenpan-14-2017"
    if isinstance(unsur, str):
        return [k for k, _ in UNSUR.get(unsur, ())]
    return [str(u["kode"]) for u in unsur]
