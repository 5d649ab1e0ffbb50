"""Read any dataset file (YAML, JSON or XLSX) into a validated document.

The one entry point the command line, the web application and the tests use
to accept a file: it picks the reader by extension, validates, and reads the
survey answers a dataset points to, so that a bad file is rejected whole
with every error naming where it is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sakip.dataset.errors import DatasetInvalid, Galat, Lokasi, SourceMap
from sakip.dataset.load import read_document, validate
from sakip.dataset.responden import baca_responden

XLSX = {".xlsx", ".xlsm"}


@dataclass(frozen=True)
class DatasetFile:
    path: Path
    format: str  # yaml | json | xlsx
    doc: dict
    source: SourceMap
    #: Answers of surveys given by ``responden_csv``, by position in ``skm``.
    responden: dict[int, list[dict[str, int | None]]] = field(default_factory=dict)


def format_berkas(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in XLSX:
        return "xlsx"
    return "json" if suffix == ".json" else "yaml"


def baca_dataset(path: str | Path) -> DatasetFile:
    """Read and validate one dataset file; raise :class:`DatasetInvalid`."""
    path = Path(path)
    if not path.is_file():
        raise DatasetInvalid([Galat(Lokasi(file=str(path)), (), "berkas tidak ditemukan")])
    fmt = format_berkas(path)
    if fmt == "xlsx":
        from sakip.dataset.xlsx import read_workbook

        doc, source = read_workbook(path, filename=str(path))
    else:
        doc, source = read_document(path)
    galat = validate(doc, source)
    if galat:
        raise DatasetInvalid(galat)
    responden: dict[int, list[dict[str, int | None]]] = {}
    salah: list[Galat] = []
    for i, survei in enumerate(doc.get("skm") or ()):
        if survei.get("responden_csv"):
            try:
                responden[i] = baca_responden(
                    path.parent / str(survei["responden_csv"]), kode_unsur_survei(survei)
                )
            except DatasetInvalid as exc:
                salah += exc.galat
    if salah:
        raise DatasetInvalid(salah)
    return DatasetFile(path, fmt, doc, source, responden)


def kode_unsur_survei(survei: dict) -> list[str]:
    from sakip.engine.skm import UNSUR

    unsur = survei.get("unsur") or "permenpan-14-2017"
    if isinstance(unsur, str):
        return [k for k, _ in UNSUR.get(unsur, ())]
    return [str(u["kode"]) for u in unsur]
