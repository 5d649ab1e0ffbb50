"""Column sizes of the record, and the checks that a value fits one exactly.

Money must fit its column exactly or the write stops: a rupiah amount is
never rounded on the way in.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from sakip.common.errors import DatasetRejected
from sakip.dataset.errors import Path

#: Column sizes, used by the models and checked before a value is stored.
MONEY = {"max_digits": 20, "decimal_places": 2}
KODE_MAX = 100
SHORT_MAX = 255


def fits(value: Decimal, *, max_digits: int, decimal_places: int) -> bool:
    """Whether a column of that size holds ``value`` without rounding.

    >>> fits(Decimal("826875.00"), **MONEY), fits(Decimal("0.005"), **MONEY)
    (True, False)
    >>> fits(Decimal("1E+19"), **MONEY)
    False
    """
    try:
        stored = value.quantize(Decimal(1).scaleb(-decimal_places))
    except InvalidOperation:
        return False
    return stored == value and len(stored.as_tuple().digits) <= max_digits


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
