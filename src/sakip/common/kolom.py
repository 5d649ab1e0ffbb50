"""Column sizes of the record's text, and reading a year.

Money is held exactly (:func:`sakip.engine.angka.uang_tepat` says what fits).
"""

from __future__ import annotations

from sakip.common.errors import DatasetRejected
from sakip.dataset.errors import Path

#: Column sizes, used by the models and checked before a value is stored.
KODE_MAX = 100
SHORT_MAX = 255


def year(value: object, path: Path) -> int:
    """A year, from an int or its text ("2020").

    >>> year("2020", ()), year(2020, ())
    (2020, 2020)
    """
    try:
        result = int(str(value).strip())
    except ValueError:
        raise DatasetRejected(path, f"{value!r} bukan tahun") from None
    if not 1900 <= result <= 2999:
        raise DatasetRejected(path, f"{result} bukan tahun yang masuk akal")
    return result
