"""Write a dataset document back as YAML or JSON, so that reading it again
gives an equal document.

The two things a generic dumper gets wrong for us: a Decimal must be written
as its exact plain digits (never scientific notation, never via float), and
a year key must read back as the same text. Reading turns every number with
a decimal point into a Decimal and every other into an int, so a Decimal
without fractional digits is written with ``.0`` to stay a Decimal.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

_T = "tag:yaml.org,2002:"

# A key that YAML may write as a plain integer and read back as the same text.
_CANONICAL_INT = re.compile(r"0|[1-9][0-9]*")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

# Short leaf collections are written inline ({dari: 91, label: Tinggi}).
_FLOW_WIDTH = 72
_FLOW_ITEMS = 6


def decimal_text(value: Decimal) -> str:
    """The exact plain text of a Decimal.

    >>> decimal_text(Decimal("1436165227.00")), decimal_text(Decimal("1E+3"))
    ('1436165227.00', '1000.0')
    >>> decimal_text(Decimal("-0.000001"))
    '-0.000001'
    """
    if not value.is_finite():
        raise ValueError(f"not a finite number: {value}")
    text = format(value, "f")
    if value.as_tuple().exponent >= 0:  # type: ignore[operator]
        text += ".0"
    return text


def _scalar_text(value: Any) -> str | None:
    """The plain text of a short scalar (to judge flow style), or None."""
    if value is None or isinstance(value, bool | int):
        return str(value)
    if isinstance(value, Decimal):
        return decimal_text(value)
    if isinstance(value, str) and "\n" not in value:
        return value
    return None


def _inline(items: Sequence[Any]) -> bool:
    texts = [_scalar_text(v) for v in items]
    if len(texts) > _FLOW_ITEMS or any(t is None for t in texts):
        return False
    return sum(len(t) + 4 for t in texts if t is not None) <= _FLOW_WIDTH


class _Dumper(yaml.SafeDumper):
    """Block style, key order kept, no anchors for repeated objects."""

    root: object = None

    def represent(self, data: Any) -> None:
        self.root = data  # the document itself is never written inline
        super().represent(data)

    def ignore_aliases(self, data: Any) -> bool:
        return True

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        # Indent list items under their key, as people write them.
        super().increase_indent(flow, False)


def _represent_decimal(dumper: _Dumper, value: Decimal) -> Node:
    return dumper.represent_scalar(_T + "float", decimal_text(value))


def _represent_float(dumper: _Dumper, value: float) -> Node:
    raise TypeError(f"float {value!r} in a dataset document: use Decimal")


def _represent_str(dumper: _Dumper, value: str) -> Node:
    if _ISO_DATE.fullmatch(value) and _is_date(value):
        # Reads back as this same text (dates are read as ISO text).
        return dumper.represent_scalar(_T + "timestamp", value)
    style = None
    if "\n" in value:
        # Literal block when the emitter can (it falls back to quotes).
        style = "|"
    if any(c in value for c in "\r\x85\u2028\u2029\ufeff"):
        # Characters YAML may fold or drop: write them as escapes.
        style = '"'
    return dumper.represent_scalar(_T + "str", value, style=style)


def _is_date(text: str) -> bool:
    try:
        return dt.date.fromisoformat(text).isoformat() == text
    except ValueError:
        return False


def _represent_date(dumper: _Dumper, value: dt.date) -> Node:
    return _represent_str(dumper, value.isoformat())


def _key_node(dumper: _Dumper, key: Any) -> Node:
    key = str(key) if isinstance(key, int) and not isinstance(key, bool) else key
    if not isinstance(key, str):
        raise TypeError(f"key {key!r} in a dataset document: keys are text")
    if _CANONICAL_INT.fullmatch(key):
        return ScalarNode(_T + "int", key)  # year keys: plain 2020
    return dumper.represent_data(key)


def _represent_mapping(dumper: _Dumper, value: Mapping[Any, Any]) -> Node:
    pairs = [(_key_node(dumper, k), dumper.represent_data(v)) for k, v in value.items()]
    flow = value is not dumper.root and bool(value) and _inline([*value.keys(), *value.values()])
    return MappingNode(_T + "map", pairs, flow_style=flow)


def _represent_sequence(dumper: _Dumper, value: Sequence[Any]) -> Node:
    items = [dumper.represent_data(v) for v in value]
    return SequenceNode(_T + "seq", items, flow_style=bool(value) and _inline(value))


_Dumper.add_representer(Decimal, _represent_decimal)
_Dumper.add_representer(float, _represent_float)
_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(dt.date, _represent_date)
_Dumper.add_representer(dt.datetime, _represent_date)
_Dumper.add_representer(dict, _represent_mapping)
_Dumper.add_representer(list, _represent_sequence)
_Dumper.add_representer(tuple, _represent_sequence)
# Subclasses (OrderedDict, Django's TextChoices and IntegerChoices): as their base.
_Dumper.add_multi_representer(dict, _represent_mapping)
_Dumper.add_multi_representer(list, _represent_sequence)
_Dumper.add_multi_representer(str, lambda d, v: _represent_str(d, str.__str__(v)))
_Dumper.add_multi_representer(int, lambda d, v: d.represent_int(int(v)))


def dump_yaml(doc: Mapping[str, Any]) -> str:
    """The document as readable YAML (block style, key order kept, unicode as
    is, one line per value: long text is not folded).

    >>> print(dump_yaml({"target": {"2020": Decimal("81.55")}, "nip": "1966"}), end="")
    target: {2020: 81.55}
    nip: '1966'
    """
    return yaml.dump(
        doc,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=1_000_000_000,
    )


def dump_json(doc: Mapping[str, Any]) -> str:
    """The document as JSON, two-space indented, unicode as is.

    >>> print(dump_json({"periode": [2019, 2024], "pagu": Decimal("95098700.00")}), end="")
    {
      "periode": [2019, 2024],
      "pagu": 95098700.00
    }
    """
    out: list[str] = []
    _json(doc, "", out, root=True)
    out.append("\n")
    return "".join(out)


def _json(value: Any, indent: str, out: list[str], *, root: bool = False) -> None:
    if isinstance(value, Mapping):
        if not value:
            out.append("{}")
            return
        keys = [_json_key(k) for k in value]
        if not root and _inline([*keys, *value.values()]):
            pairs = (f"{k}: {_json_scalar(v)}" for k, v in zip(keys, value.values(), strict=True))
            out.append("{" + ", ".join(pairs) + "}")
            return
        inner = indent + "  "
        out.append("{")
        for i, (key, item) in enumerate(zip(keys, value.values(), strict=True)):
            out.append(f"{',' if i else ''}\n{inner}{key}: ")
            _json(item, inner, out)
        out.append(f"\n{indent}}}")
    elif isinstance(value, list | tuple):
        if not value or all(_scalar_text(v) is not None for v in value):
            out.append("[" + ", ".join(_json_scalar(v) for v in value) + "]")
            return
        inner = indent + "  "
        out.append("[")
        for i, item in enumerate(value):
            out.append(f"{',' if i else ''}\n{inner}")
            _json(item, inner, out)
        out.append(f"\n{indent}]")
    else:
        out.append(_json_scalar(value))


def _json_key(key: Any) -> str:
    if isinstance(key, int) and not isinstance(key, bool):
        key = str(key)
    if not isinstance(key, str):
        raise TypeError(f"key {key!r} in a dataset document: keys are text")
    return _json_str(key)


def _json_scalar(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(int(value))  # an IntEnum's str() is its name
    if isinstance(value, Decimal):
        return decimal_text(value)
    if isinstance(value, str):
        return _json_str(value)
    if isinstance(value, dt.date):
        return _json_str(value.isoformat())
    raise TypeError(f"{type(value).__name__} {value!r} in a dataset document")


def _json_str(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)
