"""Any dataset file -> plain document and :class:`SourceMap`, and validation:
the steps behind :func:`sakip.dataset.baca.baca_dataset`, the one entry point
that accepts a file (use it, not these, to read a dataset).

- :func:`format_berkas`: the format a file name says (YAML, JSON or XLSX).
- :func:`read_document` / :func:`parse_document`: a file / in-memory content
  -> plain document and :class:`SourceMap`; only malformed input is an error
  here.
- :func:`validate`: every error of a document, schema, semantic and of
  each value (:mod:`sakip.dataset.isi`: numbers in range, no control
  characters), each with the key path and the line it came from. Never raises. ``sakip check`` and
  ``sakip import`` both accept a file through it.

A document is plain data: dicts with ``str`` keys, lists, ``str``, ``int``,
``decimal.Decimal`` (never float), ``bool`` and ``None``; dates are ISO text.
Writing it back is :mod:`sakip.dataset.dump`'s job.
"""

from __future__ import annotations

import io
import os
import pathlib
from collections.abc import Iterator, Mapping
from typing import Any, Literal

from sakip.dataset.berkas import DEFAULT_MAX_BYTES, baca_byte, terlalu_besar
from sakip.dataset.errors import DatasetInvalid, Galat, Lokasi, Path, SourceMap
from sakip.dataset.isi import isi_galat
from sakip.dataset.read_json import read_json
from sakip.dataset.read_yaml import read_yaml
from sakip.dataset.schema_check import schema_galat, tampil
from sakip.dataset.semantic import semantic_galat

__all__ = [
    "FORMAT",
    "Format",
    "format_berkas",
    "parse_document",
    "read_document",
    "validate",
]

#: The format identifier this module reads.
FORMAT = "sakip-dataset/1"


#: How a dataset file is written.
Format = Literal["yaml", "json", "xlsx"]

_EXTENSIONS: dict[str, Format] = {
    ".yaml": "yaml",
    ".yml": "yaml",
    ".json": "json",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",  # a workbook saved with macros: its cells read the same
}


def format_berkas(filename: str | os.PathLike[str]) -> Format:
    """The format a file's extension names; any other extension is refused,
    never guessed: a wrong guess would report the file's content as errors.

    >>> format_berkas("robatal-2020.YML"), format_berkas("isian.xlsx")
    ('yaml', 'xlsx')
    >>> format_berkas("data.csv")
    Traceback (most recent call last):
    ...
    sakip.dataset.errors.DatasetInvalid: data.csv: (dokumen): jenis berkas tidak dikenal: '.csv'; gunakan .yaml, .yml, .json, .xlsx atau .xlsm
    """  # noqa: E501
    suffix = pathlib.PurePath(filename).suffix.lower()
    if suffix not in _EXTENSIONS:
        pesan = (
            f"jenis berkas tidak dikenal: {suffix or '(tanpa ekstensi)'!r}; "
            "gunakan .yaml, .yml, .json, .xlsx atau .xlsm"
        )
        raise DatasetInvalid([Galat(Lokasi(file=str(filename)), (), pesan)])
    return _EXTENSIONS[suffix]


def read_document(
    path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[dict[str, Any], SourceMap]:
    """Read a YAML, JSON or XLSX file into a document and its SourceMap.

    The size is checked before anything is parsed. Raises
    :class:`DatasetInvalid` for an unknown extension, an unreadable, too big
    or malformed file, duplicate keys, or a number that is not finite.
    """
    name = str(path)
    fmt = format_berkas(name)
    if fmt == "xlsx":
        return _read_workbook(path, filename=name, max_bytes=max_bytes)
    data = baca_byte(path, filename=name, max_bytes=max_bytes)
    return parse_document(data, filename=name, fmt=fmt, max_bytes=max_bytes)


def parse_document(
    content: str | bytes,
    *,
    filename: str = "<input>",
    fmt: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> tuple[dict[str, Any], SourceMap]:
    """Parse in-memory content, an upload: YAML or JSON text, or the bytes of
    a workbook (``fmt``, else by ``filename``'s extension)."""
    fmt = fmt.lower() if fmt else format_berkas(filename)
    if fmt not in _EXTENSIONS.values():
        raise DatasetInvalid(
            [Galat(Lokasi(file=filename), (), f"format berkas tidak dikenal: {fmt!r}")]
        )
    if fmt == "xlsx":
        if isinstance(content, str):
            pesan = "buku kerja XLSX harus dibaca sebagai byte, bukan teks"
            raise DatasetInvalid([Galat(Lokasi(file=filename), (), pesan)])
        return _read_workbook(io.BytesIO(content), filename=filename, max_bytes=max_bytes)
    if isinstance(content, str):
        # A character takes at most 4 bytes: only encode when it could matter.
        if len(content) > max_bytes or (
            len(content) * 4 > max_bytes and len(content.encode("utf-8")) > max_bytes
        ):
            raise terlalu_besar(filename, len(content.encode("utf-8")), max_bytes)
        text = content
    else:
        if len(content) > max_bytes:
            raise terlalu_besar(filename, len(content), max_bytes)
        text = _decode(content, filename)
    if fmt == "json":
        return read_json(text, filename)
    return read_yaml(text, filename)


def _read_workbook(
    source: str | os.PathLike[str] | io.BytesIO, *, filename: str, max_bytes: int
) -> tuple[dict[str, Any], SourceMap]:
    # Imported here: the workbook reader is large, and YAML/JSON never need it.
    from sakip.dataset.xlsx import read_workbook

    return read_workbook(source, filename=filename, max_bytes=max_bytes)


def _decode(data: bytes, filename: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        pesan = f"berkas bukan teks UTF-8 (byte {exc.start + 1} tidak valid)"
        raise DatasetInvalid([Galat(Lokasi(file=filename, line=line), (), pesan)]) from None


def validate(doc: object, source: SourceMap | None = None) -> list[Galat]:
    """Every error of a document, in the order of the file. Never raises.

    A document of another format is not checked further: its one error says so.
    """
    source = source if source is not None else SourceMap()
    if not isinstance(doc, Mapping):
        return [Galat(source.find(()), (), "dokumen harus berupa peta (kunci: nilai)")]
    if "format" in doc and doc["format"] != FORMAT:
        pesan = f"format tidak dikenal: {tampil(doc['format'])}; yang didukung: {FORMAT!r}"
        return [Galat(source.find(("format",)), ("format",), pesan)]
    kinds = list(_plain_data_errors(doc, ()))
    if kinds:
        # A document built by code, not read from a file: the schema checker
        # cannot even look at a non-text key.
        return [Galat(source.find(path), path, pesan) for path, pesan in kinds]
    galat = schema_galat(doc, source) + semantic_galat(doc, source) + isi_galat(doc, source)
    unique = list(dict.fromkeys(galat))
    # Stable: errors on one line keep the schema-then-semantic order.
    unique.sort(key=lambda g: (g.lokasi.line or 0, g.lokasi.column or 0))
    return unique


def _plain_data_errors(value: object, path: Path) -> Iterator[tuple[Path, str]]:
    """Keys that are not text and binary floats, which no reader makes."""
    if isinstance(value, Mapping):
        for key, item in value.items():
            if not isinstance(key, str):
                yield (*path, str(key)), f"kunci harus berupa teks, bukan {type(key).__name__}"
            else:
                yield from _plain_data_errors(item, (*path, key))
    elif isinstance(value, list | tuple):
        for i, item in enumerate(value):
            yield from _plain_data_errors(item, (*path, i))
    elif isinstance(value, float):
        yield path, f"angka biner (float) {value!r} tidak diperbolehkan: gunakan Decimal"
