"""A row as the document map it stands for, and a document map split into a
row's columns and the rest."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sakip.record.models import Baris

FORMAT = "sakip-dataset/1"


def isi_baris(row: Baris, kolom: tuple[str, ...] | None = None) -> dict[str, Any]:
    """The document keys a row holds: its columns that are present, then ``lain``."""
    out: dict[str, Any] = {}
    for key in row.KOLOM if kolom is None else kolom:
        value = getattr(row, key)
        if value is not None:
            out[key] = value
    out.update(row.lain or {})
    return out


def pisah(
    data: Mapping[str, Any], kolom: tuple[str, ...], anak: tuple[str, ...] = ()
) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """Split a document map into column values (``None`` when absent) and
    the rest (``lain``). A child list in ``anak`` is rows of its own; it stays
    in ``lain`` only when present but empty, so that the document comes back
    as it was."""
    kolom_nilai = {key: data.get(key) for key in kolom}
    lain = {
        key: value
        for key, value in data.items()
        if key not in kolom and (key not in anak or value in ([], {}))
    }
    return kolom_nilai, lain or None


def peta_tahun(rows: list[Any], field: str) -> dict[str, Any]:
    """A map from year to one field of year rows, leaving out absent values."""
    return {str(r.tahun): getattr(r, field) for r in rows if getattr(r, field) is not None}


def sama(a: object, b: object) -> bool:
    """Whether two document values are the same value of the same kind.

    A number keeps its kind (``5`` is not ``5.0``, ``True`` is not ``1``) but
    not its writing (``81.55`` is ``81.550``): a file exported as YAML, which
    writes every decimal with a point, imports again as no change.

    >>> from decimal import Decimal
    >>> sama(Decimal("81.55"), Decimal("81.550")), sama(5, Decimal(5)), sama(True, 1)
    (True, False, False)
    >>> sama({"a": [1, None]}, {"a": [1, None]}), sama({"a": 1}, {"a": 1, "b": 2})
    (True, False)
    """
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        assert isinstance(b, dict)
        return a.keys() == b.keys() and all(sama(a[k], b[k]) for k in a)
    if isinstance(a, list):
        assert isinstance(b, list)
        return len(a) == len(b) and all(sama(x, y) for x, y in zip(a, b, strict=True))
    return a == b
