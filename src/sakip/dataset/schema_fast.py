"""A fast yes/no answer to "is this document valid against the schema?".

jsonschema spends ~30 ms on a large dataset (5 years, 40 indicators, 300
budget lines), most of it in bookkeeping for error reporting. Most documents
are valid, so the schema is also compiled into plain closures that only say
yes or no, in a few milliseconds; jsonschema runs, to explain, only on a no.

The compiler knows exactly the keywords our schema uses, with jsonschema's
meaning (keywords apply only to their own kind of value, ``enum`` does not
equate ``True`` with ``1``, formats other than ``date`` are annotations). A
keyword it does not know makes :func:`compile_schema` raise, and the caller
then leaves every document to jsonschema: a gap here can cost speed, never
a missed error.
"""

from __future__ import annotations

import numbers
import re
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

from jsonschema import FormatChecker

from sakip.engine.angka import uang_tepat

Check = Callable[[Any], bool]

_ANNOTATIONS = {"$schema", "$id", "$comment", "title", "description", "default", "x-galat"}

#: The formats asserted: "date" (a tanggal must exist: no 30 Feb) and "uang"
#: (money the record's column holds exactly); any other is an annotation.
#: jsonschema (schema_check) uses the same checker.
FORMATS = FormatChecker(formats=["date"])


@FORMATS.checks("uang")
def _uang(value: object) -> bool:
    if not isinstance(value, int | Decimal) or isinstance(value, bool):
        return True  # the type is another keyword's business
    return uang_tepat(Decimal(value))


class Unsupported(ValueError):
    """The schema uses a keyword this compiler does not know."""


def _is_number(v: Any) -> bool:
    return isinstance(v, numbers.Number) and not isinstance(v, bool)


_TYPES: dict[str, Check] = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "number": _is_number,
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
}


def _equal(a: Any, b: Any) -> bool:
    """jsonschema's equality: True is not 1, containers compared deeply."""
    if isinstance(a, str) or isinstance(b, str):
        return a == b
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_equal(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_equal(a[k], b[k]) for k in a)
    return bool(a == b)


def compile_schema(schema: Any) -> Check:
    """A function telling whether a value is valid against ``schema``
    (``$ref`` already inlined)."""
    if schema is True:
        return lambda v: True
    if schema is False:
        return lambda v: False
    if not isinstance(schema, Mapping):
        raise Unsupported(f"schema {schema!r}")
    checks: list[Check] = []
    for keyword, arg in schema.items():
        if keyword in _ANNOTATIONS:
            continue
        make = _MAKERS.get(keyword)
        if make is None:
            raise Unsupported(keyword)
        check = make(arg, schema)
        if check is not None:
            checks.append(check)
    if not checks:
        return lambda v: True
    if len(checks) == 1:
        return checks[0]

    def all_of(v: Any) -> bool:
        for check in checks:
            if not check(v):
                return False
        return True

    return all_of


def _type(arg: Any, _: Mapping[str, Any]) -> Check:
    tests = [_TYPES[t] for t in ([arg] if isinstance(arg, str) else arg)]
    if len(tests) == 1:
        return tests[0]
    return lambda v: any(t(v) for t in tests)


def _properties(arg: Mapping[str, Any], schema: Mapping[str, Any]) -> Check:
    props = {k: compile_schema(s) for k, s in arg.items()}

    def check(v: Any) -> bool:
        if not isinstance(v, dict):
            return True
        for key, value in v.items():
            c = props.get(key)
            if c is not None and not c(value):
                return False
        return True

    return check


def _additional(arg: Any, schema: Mapping[str, Any]) -> Check:
    known = set(schema.get("properties") or ())
    pattern_schemas = schema.get("patternProperties") or {}
    patterns = [(re.compile(p), compile_schema(s)) for p, s in pattern_schemas.items()]
    extra = compile_schema(arg)

    def check(v: Any) -> bool:
        if not isinstance(v, dict):
            return True
        for key, value in v.items():
            matched = False
            for regex, c in patterns:
                if regex.search(key):
                    matched = True
                    if not c(value):
                        return False
            if not matched and key not in known and not extra(value):
                return False
        return True

    return check


def _pattern_properties(arg: Any, schema: Mapping[str, Any]) -> Check | None:
    if "additionalProperties" in schema:
        return None  # checked together with it
    return _additional(True, {"patternProperties": arg})


def _items(arg: Any, _: Mapping[str, Any]) -> Check:
    c = compile_schema(arg)
    return lambda v: not isinstance(v, list) or all(c(x) for x in v)


def _required(arg: list[str], _: Mapping[str, Any]) -> Check:
    return lambda v: not isinstance(v, dict) or all(k in v for k in arg)


def _size(kind: type, compare: Callable[[int, int], bool]) -> Callable[[Any, Any], Check]:
    def make(arg: int, _: Mapping[str, Any]) -> Check:
        return lambda v: not isinstance(v, kind) or compare(len(v), arg)

    return make


def _bound(compare: Callable[[Any, Any], bool]) -> Callable[[Any, Any], Check]:
    def make(arg: Any, _: Mapping[str, Any]) -> Check:
        return lambda v: not _is_number(v) or compare(v, arg)

    return make


def _enum(arg: list[Any], _: Mapping[str, Any]) -> Check:
    return lambda v: any(_equal(v, e) for e in arg)


def _const(arg: Any, _: Mapping[str, Any]) -> Check:
    return lambda v: _equal(v, arg)


def _pattern(arg: str, _: Mapping[str, Any]) -> Check:
    regex = re.compile(arg)
    return lambda v: not isinstance(v, str) or regex.search(v) is not None


def _format(arg: str, _: Mapping[str, Any]) -> Check | None:
    if arg not in FORMATS.checkers:
        return None  # an annotation only
    return lambda v: FORMATS.conforms(v, arg)


def _any_of(arg: list[Any], _: Mapping[str, Any]) -> Check:
    branches = [compile_schema(s) for s in arg]
    return lambda v: any(b(v) for b in branches)


def _one_of(arg: list[Any], _: Mapping[str, Any]) -> Check:
    branches = [compile_schema(s) for s in arg]
    return lambda v: sum(1 for b in branches if b(v)) == 1


def _not(arg: Any, _: Mapping[str, Any]) -> Check:
    c = compile_schema(arg)
    return lambda v: not c(v)


def _unique(arg: bool, _: Mapping[str, Any]) -> Check | None:
    if not arg:
        return None

    def check(v: Any) -> bool:
        if not isinstance(v, list):
            return True
        return not any(_equal(a, b) for i, a in enumerate(v) for b in v[i + 1 :])

    return check


_MAKERS: dict[str, Callable[[Any, Mapping[str, Any]], Check | None]] = {
    "type": _type,
    "properties": _properties,
    "additionalProperties": _additional,
    "patternProperties": _pattern_properties,
    "items": _items,
    "required": _required,
    "minItems": _size(list, lambda n, m: n >= m),
    "maxItems": _size(list, lambda n, m: n <= m),
    "minProperties": _size(dict, lambda n, m: n >= m),
    "minLength": _size(str, lambda n, m: n >= m),
    "maxLength": _size(str, lambda n, m: n <= m),
    "enum": _enum,
    "const": _const,
    "minimum": _bound(lambda v, m: v >= m),
    "maximum": _bound(lambda v, m: v <= m),
    "exclusiveMinimum": _bound(lambda v, m: v > m),
    "exclusiveMaximum": _bound(lambda v, m: v < m),
    "pattern": _pattern,
    "format": _format,
    "anyOf": _any_of,
    "oneOf": _one_of,
    "not": _not,
    "uniqueItems": _unique,
}
