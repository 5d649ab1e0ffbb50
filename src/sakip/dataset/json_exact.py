"""Exact JSON text of a dataset document, and back: the one JSON codec.

Everything that writes a document as JSON uses :func:`dumps`: the export
(:func:`sakip.dataset.dump.dump_json`), the imported document kept in the
database and the audit's old and new values. Stored text is read back with
:func:`loads`; a JSON *file* is read by :mod:`sakip.dataset.read_json`, which
types numbers the same way and also records where each value was.

A document is plain data: dicts with ``str`` keys, lists, ``str``, ``int``,
``Decimal`` (never a binary float), ``bool`` and ``None``. Key order is kept.

Numbers. Both readers make an ``int`` of a number written without fraction
and exponent and the ``Decimal`` of its exact text of any other, so writing
gives back the same value of the same type, digit for digit:

- an ``int`` is written as its digits: ``7``;
- a ``Decimal`` as Python's own exact text of it (``str``: the General
  Decimal Arithmetic "to-scientific-string"), so ``826875.00`` stays
  ``826875.00`` and ``Decimal("1E+3")`` is ``1E+3``;
- an integral ``Decimal`` would then look like an ``int`` (``5``); it is
  written with the exponent ``E0`` (``5E0``), still a plain JSON number that
  any reader takes as 5, and ours as ``Decimal("5")`` again. Writing ``5.0``
  instead, as the export once did, reads back as ``Decimal("5.0")``: equal,
  but another number of digits, so a report would print it differently. The
  database has always stored ``5E0``, so stored text needs no conversion.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from decimal import Decimal

from sakip.dataset.errors import Path, format_path

__all__ = ["decimal_text", "dumps", "fits_inline", "loads"]

# With an indent, a short collection of scalars is written on one line
# ({"2020": 81.55, "2021": 82}): the export is read by people too.
_INLINE_WIDTH = 72
_INLINE_ITEMS = 6


def dumps(value: object, *, indent: int | None = 2) -> str:
    """JSON text of a plain-data document; ``indent=None`` gives one line.

    >>> print(dumps({"b": Decimal("826875.00"), "a": [1, Decimal("5"), None, True]}, indent=None))
    {"b": 826875.00, "a": [1, 5E0, null, true]}
    >>> print(dumps({"periode": [2019, 2024], "target": {"2020": Decimal("81.55")}}))
    {
      "periode": [2019, 2024],
      "target": {"2020": 81.55}
    }
    >>> dumps({"x": 0.5})
    Traceback (most recent call last):
    ...
    TypeError: x: float is not allowed in a dataset document (use Decimal)
    """
    if indent is None and not isinstance(value, dict | list | tuple):
        # A single value (most columns of the record): no walk needed.
        scalar = _scalar(value, ())
        assert scalar is not None
        return scalar
    out: list[str] = []
    _write(value, out, indent, 0, ())
    return "".join(out)


def loads(text: str) -> object:
    """Read text written by :func:`dumps` (or any JSON): numbers with a
    fraction or an exponent as ``Decimal``; NaN and Infinity are refused.

    >>> loads('{"b": 826875.00, "a": [1, 5E0, null]}')
    {'b': Decimal('826875.00'), 'a': [1, Decimal('5'), None]}
    >>> loads('[NaN]')
    Traceback (most recent call last):
    ...
    ValueError: NaN tidak diperbolehkan: nilai harus angka terhingga
    """
    return json.loads(text, parse_float=Decimal, parse_constant=_no_constant)


def decimal_text(value: Decimal) -> str:
    """The JSON number of a Decimal: exact, and read back as a Decimal.

    >>> decimal_text(Decimal("0.010")), decimal_text(Decimal("1E+3")), decimal_text(Decimal("-7"))
    ('0.010', '1E+3', '-7E0')
    """
    if not value.is_finite():
        raise ValueError(f"{value} is not a number JSON can hold")
    text = str(value)
    if "." not in text and "E" not in text:
        text += "E0"
    return text


def fits_inline(texts: Sequence[str | None]) -> bool:
    """Whether a collection reads well on one line, given the text of each of
    its keys and values (``None``: not a scalar). The YAML export uses it too.

    >>> fits_inline(["2020", "81.55"]), fits_inline(["a", None])
    (True, False)
    """
    if len(texts) > _INLINE_ITEMS or any(t is None for t in texts):
        return False
    return sum(len(t) + 4 for t in texts if t is not None) <= _INLINE_WIDTH


def _no_constant(name: str) -> object:
    raise ValueError(f"{name} tidak diperbolehkan: nilai harus angka terhingga")


def _scalar(value: object, path: Path) -> str | None:
    """The JSON text of a scalar; ``None`` for a dict or a list."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, int):
        return int.__repr__(value)  # an IntEnum's str() may be its name
    if isinstance(value, Decimal):
        return decimal_text(value)
    if isinstance(value, dict | list | tuple):
        return None
    raise TypeError(
        f"{format_path(path)}: {type(value).__name__} is not allowed in a dataset document"
        + (" (use Decimal)" if isinstance(value, float) else "")
    )


def _write(value: object, out: list[str], indent: int | None, depth: int, path: Path) -> None:
    text = _scalar(value, path)
    if text is not None:
        out.append(text)
        return
    if isinstance(value, dict):
        for key in value:
            if not isinstance(key, str):
                raise TypeError(f"{format_path(path)}: key {key!r} is not a string")
        keys = [json.dumps(k, ensure_ascii=False) for k in value]
        pairs = zip(keys, value.items(), strict=True)
        items = [(k + ": ", v, (*path, name)) for k, (name, v) in pairs]
        open_, close = "{", "}"
    else:
        assert isinstance(value, list | tuple)
        keys = []
        items = [("", v, (*path, i)) for i, v in enumerate(value)]
        open_, close = "[", "]"
    if not items:
        out.append(open_ + close)
        return
    if indent is None:
        sep, inner, outer = ", ", "", ""
    elif depth and fits_inline([*keys, *(_scalar(v, p) for _, v, p in items)]):
        sep, inner, outer = ", ", "", ""  # never the document itself
    else:
        sep = ","
        inner = "\n" + " " * (indent * (depth + 1))
        outer = "\n" + " " * (indent * depth)
    out.append(open_)
    for n, (prefix, child, child_path) in enumerate(items):
        if n:
            out.append(sep)
        out.append(inner + prefix)
        _write(child, out, indent, depth + 1, child_path)
    out.append(outer + close)
