"""A dataset as one XLSX workbook that an officer can fill in Excel.

:func:`write_workbook` writes a document, :func:`write_template` the blank
workbook, and :func:`read_workbook` reads either back: writing then reading
gives the same document, value for value. The sheets are described in
:mod:`~sakip.dataset.xlsx.layout` and, for the user, on the workbook's
Petunjuk sheet. The cells are read by a hand-written OOXML layer
(:mod:`~sakip.dataset.xlsx.ooxml`, whose docstring gives the measurement
against python-calamine that keeps it).
"""

from __future__ import annotations

import os
from typing import IO

from sakip.dataset.berkas import DEFAULT_MAX_BYTES
from sakip.dataset.errors import DatasetInvalid, SourceMap
from sakip.dataset.xlsx.build import susun_dokumen
from sakip.dataset.xlsx.jeda import tanpa_gc
from sakip.dataset.xlsx.scan import pindai
from sakip.dataset.xlsx.write import write_template, write_workbook

__all__ = ["read_workbook", "write_template", "write_workbook"]


def read_workbook(
    source: str | os.PathLike | IO[bytes],
    *,
    filename: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> tuple[dict, SourceMap]:
    """Read a workbook (a path or a binary stream) into a dataset document.

    Every key path of the document is located in the source map by sheet and
    cell. A file that is not a workbook, or a sheet that breaks the layout,
    raises :class:`DatasetInvalid` with every error found, each naming its
    sheet and cell. The document is not validated here (see ``load.validate``).
    """
    if filename is None and isinstance(source, str | os.PathLike):
        filename = os.fspath(source)
    with tanpa_gc():
        lembar, galat = pindai(source, filename=filename, max_bytes=max_bytes)
        if galat:
            raise DatasetInvalid(galat)
        doc, peta, galat = susun_dokumen(lembar, filename)
    if galat:
        raise DatasetInvalid(galat)
    return doc, peta
