"""Exact JSON text of a dataset document, and back.

The imported document is stored as JSON text so that it comes back exactly
as it went in: key order kept, and every ``Decimal`` written as the number it
is (``826875.00`` stays ``826875.00``, never a binary float). Python's
``json`` cannot write a Decimal as a bare number, so writing is done here.

A Decimal written without a fraction or an exponent would read back as an
``int``; it is written with ``E0`` (``Decimal("5")`` -> ``5E0``), still a
plain JSON number, so that its type survives too.
"""

from __future__ import annotations

import json
from decimal import Decimal

from sakip.dataset.errors import Path, format_path


def dumps(value: object, *, indent: int | None = 2) -> str:
    """JSON text of a document made of dicts, lists, str, int, Decimal, bool, None.

    >>> print(dumps({"b": Decimal("826875.00"), "a": [1, Decimal("5"), None, True]}, indent=None))
    {"b": 826875.00, "a": [1, 5E0, null, true]}
    >>> dumps({"x": 0.5})
    Traceback (most recent call last):
    ...
    TypeError: x: float is not allowed in a dataset document (use Decimal)
    """
    out: list[str] = []
    _write(value, out, indent, 0, ())
    return "".join(out)


def loads(text: str) -> object:
    """Read text written by :func:`dumps` (or any JSON): fractions as ``Decimal``.

    >>> loads('{"b": 826875.00, "a": [1, 5E0, null]}')
    {'b': Decimal('826875.00'), 'a': [1, Decimal('5'), None]}
    """
    return json.loads(text, parse_float=Decimal, parse_constant=_no_constant)


def decimal_text(value: Decimal) -> str:
    """The JSON number for a Decimal, exact and typed.

    >>> decimal_text(Decimal("0.010")), decimal_text(Decimal("1E+3")), decimal_text(Decimal("-7"))
    ('0.010', '1E+3', '-7E0')
    """
    if not value.is_finite():
        raise ValueError(f"{value} is not a number JSON can hold")
    text = str(value)
    if "." not in text and "E" not in text:
        text += "E0"
    return text


def _no_constant(name: str) -> object:
    raise ValueError(f"{name} is not a number a dataset may hold")


def _write(value: object, out: list[str], indent: int | None, depth: int, path: Path) -> None:
    if value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, str):
        out.append(json.dumps(value, ensure_ascii=False))
    elif isinstance(value, int):
        out.append(str(value))
    elif isinstance(value, Decimal):
        out.append(decimal_text(value))
    elif isinstance(value, dict):
        for key in value:
            if not isinstance(key, str):
                raise TypeError(f"{format_path(path)}: key {key!r} is not a string")
        items = [
            (json.dumps(k, ensure_ascii=False) + ": ", v, (*path, k)) for k, v in value.items()
        ]
        _write_container("{", "}", items, out, indent, depth)
    elif isinstance(value, list | tuple):
        items = [("", v, (*path, i)) for i, v in enumerate(value)]
        _write_container("[", "]", items, out, indent, depth)
    else:
        raise TypeError(
            f"{format_path(path)}: {type(value).__name__} is not allowed in a dataset document"
            + (" (use Decimal)" if isinstance(value, float) else "")
        )


def _write_container(
    open_: str,
    close: str,
    items: list[tuple[str, object, Path]],
    out: list[str],
    indent: int | None,
    depth: int,
) -> None:
    if not items:
        out.append(open_ + close)
        return
    if indent is None:
        sep, inner, outer = ", ", "", ""
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
