"""Write a dataset document back as YAML or JSON, so that reading it again
gives an equal document.

JSON is written by the one exact codec, :mod:`sakip.dataset.json_exact`
(see there for how numbers are written). YAML needs its own number text:
a YAML 1.1 float must have a decimal point (``5E0`` would read back as
text), so a Decimal without fractional digits is written with ``.0``
(``Decimal("5")`` -> ``5.0``, ``Decimal("1E+3")`` -> ``1000.0``): it reads
back as a Decimal of the same value, with one fractional digit more. Money
and percentages are read with their fractional digits, so they come back
exactly. A year key must read back as the same text too.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from sakip.dataset.json_exact import dumps, fits_inline

_T = "tag:yaml.org,2002:"

# A key that YAML may write as a plain integer and read back as the same text.
_CANONICAL_INT = re.compile(r"0|[1-9][0-9]*")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")



def yaml_number(value: Decimal) -> str:
    """The plain text of a Decimal as a YAML float (see the module's doc).

    >>> yaml_number(Decimal("1436165227.00")), yaml_number(Decimal("1E+3"))
    ('1436165227.00', '1000.0')
    >>> yaml_number(Decimal("-0.000001"))
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
        return yaml_number(value)
    if isinstance(value, str) and "\n" not in value:
        return value
    return None


def _inline(items: Sequence[Any]) -> bool:
    """Short leaf collections are written inline ({dari: 91, label: Tinggi})."""
    return fits_inline([_scalar_text(v) for v in items])


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
    return dumper.represent_scalar(_T + "float", yaml_number(value))


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
    """The document as a JSON file: two-space indented, unicode as is, short
    collections on one line (:func:`sakip.dataset.json_exact.dumps`).

    >>> print(dump_json({"periode": [2019, 2024], "pagu": Decimal("95098700.00")}), end="")
    {
      "periode": [2019, 2024],
      "pagu": 95098700.00
    }
    """
    return dumps(doc, indent=2) + "\n"
