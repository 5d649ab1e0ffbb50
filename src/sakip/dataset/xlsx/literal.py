"""Exact JSON text of a document value, for the cells that need one.

A workbook cell holds a number as a binary float and text as XML; a few
values fit neither exactly (a Decimal of 20 digits, ``None``, a list, text
with a control character). Those are written as JSON text by the one exact
codec, :mod:`sakip.dataset.json_exact` (``Decimal("5")`` is ``5E0``, so
that it does not come back as the int ``5``), with the characters a cell
cannot carry escaped, and read back with :func:`baca_literal`. Workbooks
written before the codec was shared hold ``5E+0``: the same number.
"""

from __future__ import annotations

import json
import re

from sakip.dataset.json_exact import dumps, loads

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


def tulis_literal(value: object) -> str:
    """JSON text of a document value, numbers exact, safe in a cell.

    >>> from decimal import Decimal
    >>> tulis_literal({"a": [Decimal("81.55"), Decimal("5"), 7, None, True, "_x0041_"]})
    '{"a": [81.55, 5E0, 7, null, true, "\\\\u005fx0041_"]}'
    """
    # The JSON text has TIDAK_AMAN characters only inside string literals
    # (json escapes control characters; the rest is punctuation and digits),
    # where a \u escape is valid JSON.
    return TIDAK_AMAN.sub(_escape, dumps(value, indent=None))


def baca_literal(text: str) -> object:
    """Read JSON text written by :func:`tulis_literal`; raise ``ValueError``.

    >>> baca_literal('[81.55, 5E0, 5E+0, 7]')
    [Decimal('81.55'), Decimal('5'), Decimal('5'), 7]
    """
    try:
        return loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"JSON tidak sah ({exc.msg}, posisi {exc.pos})") from None
