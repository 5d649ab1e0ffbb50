"""Checks of every value of a document, whatever its place: numbers within
range.

A number wider than :data:`~sakip.engine.angka.DIGIT_MAKS` digits before
or after the point (``1E+400``, ``1.0E-400``, a workbook cell of 1e308) is
refused: no figure of a report is that wide, and arithmetic on it would
round or overflow.

Like the other checks it never raises and names the line of each value.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal

from sakip.dataset.errors import Galat, Path, SourceMap
from sakip.engine.angka import DIGIT_MAKS, di_luar_jangkauan, teks_ringkas

__all__ = ["isi_galat"]


def _temuan(value: object, path: Path) -> Iterator[tuple[Path, str]]:
    # Iterative: a document may nest as deep as the readers allow.
    stack: list[tuple[object, Path]] = [(value, path)]
    while stack:
        value, path = stack.pop()
        if isinstance(value, Mapping):
            items = list(value.items())
            for key, item in reversed(items):
                stack.append((item, (*path, key)))
        elif isinstance(value, list):
            stack.extend((item, (*path, i)) for i, item in reversed(list(enumerate(value))))
        elif isinstance(value, int | Decimal) and not isinstance(value, bool):
            if di_luar_jangkauan(value):
                yield (
                    path,
                    (
                        f"angka di luar jangkauan: {teks_ringkas(value)} (paling banyak "
                        f"{DIGIT_MAKS} angka sebelum koma dan {DIGIT_MAKS} sesudahnya)"
                    ),
                )


def isi_galat(doc: object, source: SourceMap) -> list[Galat]:
    """Every number out of range, in document order."""
    return [Galat(source.find(path), path, pesan) for path, pesan in _temuan(doc, ())]
