"""JSON Schema validation of a document, every error as an Indonesian Galat.

jsonschema's messages are English and, for ``anyOf``, say only that nothing
matched. Each error here is rewritten for the people who keep the data: the
key path, the file's line, and what is wrong in their words. A schema may
name the message for one of its keywords in the vendor keyword ``x-galat``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from decimal import Decimal
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from sakip.dataset.errors import Galat, Path, SourceMap, maksudnya
from sakip.dataset.schema import load_schema
from sakip.dataset.schema_fast import FORMATS, Check, Unsupported, compile_schema
from sakip.engine.angka import teks_ringkas

_JENIS = {
    "object": "peta",
    "array": "daftar",
    "string": "teks",
    "number": "angka",
    "integer": "bilangan bulat",
    "boolean": "true/false",
    "null": "kosong (null)",
}

_TAHUN = "^[0-9]{4}$"


@cache
def _validator() -> Draft202012Validator:
    # Only "date" and "uang" are asserted among formats (schema_fast.FORMATS).
    return Draft202012Validator(inline_refs(load_schema()), format_checker=FORMATS)


def inline_refs(schema: Mapping[str, Any]) -> dict[str, Any]:
    """The schema with every ``$ref`` to ``#/$defs/...`` replaced by its target.

    Resolving references is most of jsonschema's time (4x on a large
    dataset). Our schema has no recursive reference, and the only keywords
    beside a ``$ref`` are annotations, so merging them is equivalent.
    """
    defs = schema.get("$defs") or {}

    def resolve(node: Any, seen: tuple[str, ...]) -> Any:
        if isinstance(node, list):
            return [resolve(v, seen) for v in node]
        if not isinstance(node, Mapping):
            return node
        out = {k: resolve(v, seen) for k, v in node.items() if k not in ("$ref", "$defs")}
        ref = node.get("$ref")
        if ref is None:
            return out
        name = str(ref).removeprefix("#/$defs/")
        if name in seen or name not in defs:
            raise ValueError(f"unsupported $ref {ref!r}")
        target = resolve(defs[name], (*seen, name))
        clash = set(out) & set(target) - {"description"}
        if clash:
            raise ValueError(f"keywords beside $ref {ref!r}: {sorted(clash)}")
        return {**target, **out}

    return resolve(schema, ())


def jenis_nilai(value: object) -> str:
    """What a value is, in the words of the messages.

    >>> jenis_nilai([1]), jenis_nilai(Decimal("1.5")), jenis_nilai(True)
    ('daftar', 'angka', 'true/false')
    """
    if value is None:
        return "kosong (null)"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | Decimal | float):
        return "angka"
    if isinstance(value, str):
        return "teks"
    if isinstance(value, Mapping):
        return "peta"
    if isinstance(value, list | tuple):
        return "daftar"
    return type(value).__name__


def tampil(value: object) -> str:
    """A value as a message quotes it: text in quotes, numbers plain."""
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, int | Decimal) and not isinstance(value, bool):
        return teks_ringkas(value)
    return str(value)


def _types(spec: object) -> list[str]:
    return [spec] if isinstance(spec, str) else [str(t) for t in spec or ()]


def _atau(words: list[str]) -> str:
    words = list(dict.fromkeys(words))
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " atau " + words[-1]


@cache
def _fast() -> Check | None:
    try:
        return compile_schema(inline_refs(load_schema()))
    except Unsupported:  # pragma: no cover - the schema grew a keyword: stay correct
        return None


def schema_galat(doc: object, source: SourceMap) -> list[Galat]:
    """Every schema error of ``doc``, translated, in document order."""
    fast = _fast()
    if fast is not None and fast(doc):
        return []
    out: list[Galat] = []
    for error in _validator().iter_errors(doc):
        for path, pesan in _translate(error):
            out.append(Galat(source.find(path), path, pesan))
    return out


def _translate(error: ValidationError) -> Iterator[tuple[Path, str]]:
    path: Path = tuple(error.absolute_path)
    keyword = str(error.validator)
    schema = error.schema if isinstance(error.schema, Mapping) else {}
    instance = error.instance
    custom = (schema.get("x-galat") or {}).get(keyword)
    if keyword == "additionalProperties" and isinstance(instance, Mapping):
        yield from _unknown_keys(path, schema, instance)
        return
    if keyword == "required" and isinstance(instance, Mapping):
        for name in error.validator_value:
            if name not in instance:
                yield path, f"wajib ada: {name!r}"
        return
    if custom:
        n = len(instance) if isinstance(instance, list | Mapping | str) else 0
        yield path, custom.format(n=n, nilai=tampil(instance), bukan=jenis_nilai(instance))
        return
    if keyword in ("anyOf", "oneOf"):
        yield from _branches(error, path)
        return
    yield path, _message(keyword, error.validator_value, instance, error)


def _unknown_keys(path: Path, schema: Mapping[str, Any], instance: Mapping[str, Any]) -> Iterator:
    known = list(schema.get("properties") or {})
    patterns = list(schema.get("patternProperties") or {})
    for key in instance:
        if key in known or any(re.search(p, key) for p in patterns):
            continue
        if patterns == [_TAHUN]:
            yield (*path, key), f"kunci harus berupa tahun empat angka (mis. 2020), bukan {key!r}"
            continue
        yield (*path, key), f"kunci tidak dikenal: {key!r}" + maksudnya(key, known)


def _branches(error: ValidationError, path: Path) -> Iterator[tuple[Path, str]]:
    """Explain an anyOf/oneOf failure by the branch meant for this kind of value.

    Every branch of our schema's alternatives takes a different kind (a code
    or a map; a value or a range): a branch that fails on ``type`` at its top
    was not meant, and the errors of the one that remains are the real ones.
    """
    by_branch: dict[int, list[ValidationError]] = {}
    for sub in error.context or ():
        by_branch.setdefault(int(sub.relative_schema_path[0]), []).append(sub)
    meant, wanted = [], []
    for errors in by_branch.values():
        top_type = [e for e in errors if e.validator == "type" and not e.relative_path]
        if top_type:
            wanted += [_JENIS.get(t, t) for t in _types(top_type[0].validator_value)]
        else:
            meant.append(errors)
    if not meant:
        bukan = jenis_nilai(error.instance)
        yield path, f"harus berupa {_atau(wanted)}, bukan {bukan}"
        return
    for sub in min(meant, key=len):
        yield from _translate(sub)


def _message(keyword: str, expected: Any, instance: Any, error: ValidationError) -> str:
    n = len(instance) if isinstance(instance, list | Mapping | str) else 0
    if keyword == "type":
        wanted = _atau([_JENIS.get(t, t) for t in _types(expected)])
        return f"harus berupa {wanted}, bukan {jenis_nilai(instance)}"
    if keyword == "enum":
        pilihan = ", ".join(tampil(v) for v in expected)
        return f"nilai {tampil(instance)} tidak dikenal; pilihan: {pilihan}"
    if keyword == "const":
        return f"harus {tampil(expected)}, bukan {tampil(instance)}"
    if keyword == "minimum":
        return f"tidak boleh kurang dari {tampil(expected)}, bukan {tampil(instance)}"
    if keyword == "maximum":
        return f"tidak boleh lebih dari {tampil(expected)}, bukan {tampil(instance)}"
    if keyword == "exclusiveMinimum":
        return f"harus lebih dari {tampil(expected)}, bukan {tampil(instance)}"
    if keyword == "exclusiveMaximum":
        return f"harus kurang dari {tampil(expected)}, bukan {tampil(instance)}"
    if keyword == "minItems":
        return f"harus berisi paling sedikit {expected} butir, bukan {n}"
    if keyword == "maxItems":
        return f"harus berisi paling banyak {expected} butir, bukan {n}"
    if keyword in ("minLength", "minProperties"):
        return "tidak boleh kosong"
    if keyword == "maxLength":
        return f"paling panjang {expected} karakter, bukan {n}"
    if keyword == "uniqueItems":
        return "berisi butir ganda"
    if keyword == "pattern":
        return f"bentuk tidak sesuai: {tampil(instance)}"
    if keyword == "format":
        return f"bukan {expected} yang valid: {tampil(instance)}"
    if keyword == "not":
        return "bentuk ini tidak diperbolehkan di sini"
    return error.message
