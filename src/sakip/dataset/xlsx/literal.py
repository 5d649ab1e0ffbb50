"""Exact JSON text of a document value, for the cells that need one.

A workbook cell holds a number as a binary float and text as XML; a few
values fit neither exactly (a Decimal of 20 digits, ``None``, a list, text
with a control character). Those are written as JSON text, read back with
:func:`baca_literal`. Decimals keep their exponent: ``Decimal("5")`` is
written ``5E+0`` so that it does not come back as the int ``5``.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal

# Characters XML 1.0 cannot carry, "\r" (XML parsers turn "\r\n" into "\n")
# and Excel's own "_xHHHH_" escape, which Excel would decode on opening.
TIDAK_AMAN = re.compile(
    "[\x00-\x08\x0b\x0c\x0d\x0e-\x1f\ud800-\udfff\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)"
)


def teks_aman(text: str) -> bool:
    """Whether ``text`` survives a cell unchanged (and is not blank).

    >>> teks_aman("Camat Robatal"), teks_aman("a\\r\\nb"), teks_aman("  "), teks_aman("_x0041_")
    (True, False, False, False)
    """
    return bool(text.strip()) and len(text) <= 32767 and not TIDAK_AMAN.search(text)


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group(0)):04x}"


def _string(text: str) -> str:
    # json escapes control characters; the rest of TIDAK_AMAN only occurs
    # inside string literals, where a \\u escape is valid JSON.
    return TIDAK_AMAN.sub(_escape, json.dumps(text, ensure_ascii=False))


def tulis_literal(value: object) -> str:
    """JSON text of a document value, numbers exact.

    >>> tulis_literal({"a": [Decimal("81.55"), Decimal("5"), 7, None, True]})
    '{"a": [81.55, 5E+0, 7, null, true]}'
    """
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"angka tidak terhingga tidak didukung: {value}")
        # An exponent of 0 would read back as an int: write it in E form.
        return format(value, "E") if value.as_tuple().exponent == 0 else str(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(tulis_literal(v) for v in value) + "]"
    if isinstance(value, dict):
        parts = []
        for key, item in value.items():
            if not isinstance(key, str):
                raise TypeError(f"kunci harus teks: {key!r}")
            parts.append(f"{_string(key)}: {tulis_literal(item)}")
        return "{" + ", ".join(parts) + "}"
    raise TypeError(f"nilai tidak didukung dalam dokumen: {type(value).__name__}")


def _no_constant(name: str) -> object:
    raise ValueError(f"{name} bukan angka yang sah")


def baca_literal(text: str) -> object:
    """Read JSON text written by :func:`tulis_literal`; raise ``ValueError``.

    >>> baca_literal('[81.55, 5E+0, 7]')
    [Decimal('81.55'), Decimal('5'), 7]
    """
    try:
        return json.loads(text, parse_float=Decimal, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise ValueError(f"JSON tidak sah ({exc.msg}, posisi {exc.pos})") from None
