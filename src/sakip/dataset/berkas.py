"""A dataset file's bytes, read within a size limit: the one place for the
limit and for the errors of reading a file, whatever its format."""

from __future__ import annotations

import os
from decimal import Decimal
from typing import IO

from sakip.dataset.errors import DatasetInvalid, Galat, Lokasi
from sakip.engine.angka import format_angka

#: Largest file accepted. One instansi's cycle is well under 1 MB; the limit
#: keeps an upload from tying up a worker.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024


def terlalu_besar(filename: str | None, size: int | None, max_bytes: int) -> DatasetInvalid:
    """The error of a file over the limit; ``size`` is None when only "more
    than the limit" is known (a stream is read no further than that).

    >>> print(terlalu_besar("a.yaml", 2_000_000, 1_000_000))
    a.yaml: (dokumen): berkas terlalu besar: 2.000.000 byte, batasnya 1.000.000 byte
    >>> print(terlalu_besar("a.xlsx", None, 1_000_000))
    a.xlsx: (dokumen): berkas terlalu besar: lebih dari 1.000.000 byte
    """
    batas = format_angka(Decimal(max_bytes), 0)
    if size is None:
        pesan = f"berkas terlalu besar: lebih dari {batas} byte"
    else:
        ukuran = format_angka(Decimal(size), 0)
        pesan = f"berkas terlalu besar: {ukuran} byte, batasnya {batas} byte"
    return DatasetInvalid([Galat(Lokasi(file=filename), (), pesan)])


def baca_byte(
    source: str | os.PathLike[str] | IO[bytes], *, filename: str | None, max_bytes: int
) -> bytes:
    """Every byte of a file (a path or a binary stream), or :class:`DatasetInvalid`
    naming the file: unreadable, or over ``max_bytes`` (checked before reading)."""
    if not isinstance(source, str | os.PathLike):
        data = source.read(max_bytes + 1)
    else:
        try:
            with open(source, "rb") as f:
                size = os.fstat(f.fileno()).st_size
                if size > max_bytes:
                    raise terlalu_besar(filename, size, max_bytes)
                # Read one byte more than allowed: a file that grew since stat.
                data = f.read(max_bytes + 1)
        except OSError as exc:
            pesan = f"berkas tidak dapat dibaca: {exc.strerror or exc}"
            raise DatasetInvalid([Galat(Lokasi(file=filename), (), pesan)]) from None
    if len(data) > max_bytes:
        raise terlalu_besar(filename, None, max_bytes)
    return data
