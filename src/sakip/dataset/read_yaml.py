"""YAML text -> plain document and :class:`SourceMap`, with exact numbers.

PyYAML's constructors turn ``81.55`` into a binary float and silently keep
the last of two equal keys; its C composer recurses once per nesting level
and crashes the process on a few hundred thousand ``[``. So we let libyaml
only *parse* (its parser keeps an explicit stack) and build the document from
the event stream ourselves, iteratively:

- a plain scalar's tag is resolved by PyYAML's own YAML 1.1 resolver, so
  ``yes`` and ``2021-03-01`` mean what they mean everywhere else; but a
  number is read in decimal notation only: ``0x1F``, ``017``, ``0b101`` and
  ``1:30:00``, which YAML 1.1 reads as 31, 15, 5 and 5400, are errors (as
  a key, such a form is the text as written);
- a float becomes the Decimal of its source text (``81.60`` stays ``81.60``);
  ``.inf`` and ``.nan`` are errors;
- a date becomes its ISO text, keys become text (``2020:`` -> ``"2020"``);
- a key written twice is an error, not a silent overwrite;
- an alias is copied, and the copies are counted: a document may expand
  through aliases only to a bounded size ("billion laughs" is refused).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from yaml.nodes import ScalarNode

from sakip.dataset.errors import DatasetInvalid, Galat, Lokasi, Path, SourceMap

# libyaml's parser when PyYAML was built with it: several times faster.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_T = "tag:yaml.org,2002:"
STR, INT, FLOAT, BOOL, NULL = _T + "str", _T + "int", _T + "float", _T + "bool", _T + "null"
TIMESTAMP, MERGE, VALUE, MAP, SEQ = (
    _T + "timestamp",
    _T + "merge",
    _T + "value",
    _T + "map",
    _T + "seq",
)

#: Deepest nesting of mappings and sequences accepted (a dataset needs ~10).
MAX_DEPTH = 100

#: Values that aliases may add beyond the document's own size: a document may
#: grow through aliases to at most twice its own number of values plus this.
ALIAS_ALLOWANCE = 100_000

_constructor = SafeConstructor()

# PyYAML's implicit resolvers (YAML 1.1), indexed by first character.
_IMPLICIT = yaml.resolver.Resolver.yaml_implicit_resolvers


def _resolve(text: str) -> str:
    """The tag of a plain scalar, as PyYAML's resolver gives it."""
    for tag, regexp in _IMPLICIT.get(text[:1], ()):
        if regexp.match(text):
            return tag
    return STR


# What the pending value of a mapping is for.
_VALUE, _SKIP, _MERGE, _KEY = "value", "skip", "merge", "key"


class _Fatal(Exception):
    """Stop building: the rest of the stream cannot be trusted."""

    def __init__(self, galat: Galat):
        self.galat = galat


@dataclass
class _Frame:
    """A mapping or sequence being built."""

    value: dict[str, Any] | list[Any]
    path: Path
    anchor: str | None
    first_location: int  # index into _Builder.order where this node's locations start
    mark: Any  # where it starts
    is_key: bool = False  # a collection used as a mapping key (an error)
    mode: str = _KEY  # mappings: what the next finished value is for
    key: str = ""  # mappings: the pending key (its path, even when skipped)
    key_lines: dict[str, int] = field(default_factory=dict)
    merged: list[tuple[dict[str, Any], Lokasi]] = field(default_factory=list)


class _Builder:
    def __init__(self, filename: str):
        self.file = filename
        self.source = SourceMap(file=filename)
        self.galat: list[Galat] = []
        # (path, location) in document order, so that an anchor's locations
        # are a slice and can be copied with an alias.
        self.order: list[tuple[Path, Lokasi]] = []
        self.anchors: dict[str, tuple[Any, list[tuple[Path, Lokasi]], Path]] = {}
        self.stack: list[_Frame] = []
        self.root: Any = None
        self.has_root = False
        self.direct = 0  # values written in the text
        self.expanded = 0  # values added by copying aliases

    # -- locations and errors --------------------------------------------
    def lokasi(self, mark: Any) -> Lokasi:
        return Lokasi(file=self.file, line=mark.line + 1, column=mark.column + 1)

    def record(self, path: Path, lokasi: Lokasi) -> None:
        self.source.add(path, lokasi)
        self.order.append((path, lokasi))

    def error(self, path: Path, mark: Any, pesan: str) -> None:
        self.galat.append(Galat(self.lokasi(mark), path, pesan))

    # -- where the next value goes ---------------------------------------
    def child_path(self, mark: Any) -> tuple[Path, bool]:
        """Path of the value about to start, and whether it is a mapping key."""
        if not self.stack:
            return (), False
        frame = self.stack[-1]
        if isinstance(frame.value, list):
            path = (*frame.path, len(frame.value))
            self.record(path, self.lokasi(mark))
            return path, False
        if frame.mode == _KEY:
            return (*frame.path, "<kunci>"), True
        if frame.mode == _MERGE:
            return (*frame.path, "<<"), False
        return (*frame.path, frame.key), False

    def place(self, value: Any, mark: Any) -> None:
        """Put a finished value where it belongs."""
        if not self.stack:
            self.root, self.has_root = value, True
            return
        frame = self.stack[-1]
        if isinstance(frame.value, list):
            frame.value.append(value)
        elif frame.mode == _KEY:
            self.set_key(frame, value, mark)
        else:
            if frame.mode == _MERGE:
                self.add_merge(frame, value, mark)
            elif frame.mode == _VALUE:
                frame.value[frame.key] = value
            frame.mode = _KEY

    def set_key(self, frame: _Frame, key: Any, mark: Any) -> None:
        frame.mode = _SKIP
        if isinstance(key, bool) or not isinstance(key, str | int):
            frame.key = "<kunci>"
            self.error(frame.path, mark, "kunci harus berupa teks atau angka bulat")
            return
        frame.key = key = str(key)
        path = (*frame.path, key)
        if key in frame.key_lines:
            first = frame.key_lines[key]
            self.error(path, mark, f"kunci ganda: {key!r} (sudah ada di baris {first})")
            return
        lokasi = self.lokasi(mark)
        frame.key_lines[key] = mark.line + 1
        self.record(path, lokasi)
        frame.mode = _VALUE

    def add_merge(self, frame: _Frame, value: Any, mark: Any) -> None:
        sources = value if isinstance(value, list) else [value]
        if not all(isinstance(s, dict) for s in sources):
            self.error(frame.path, mark, "nilai '<<' harus berupa peta atau daftar peta")
            return
        lokasi = self.source.find((*frame.path, "<<"))
        frame.merged.extend((s, lokasi) for s in sources)

    # -- events ------------------------------------------------------------
    def scalar(self, event: ScalarEvent) -> None:
        mark = event.start_mark
        path, is_key = self.child_path(mark)
        tag = event.tag
        if tag is None or tag == "!":
            tag = _resolve(event.value) if event.implicit[0] else STR
        self.direct += 1
        if is_key and tag == INT and _bukan_desimal(event.value):
            # ``0x10:`` or ``1:30:`` as a key: the text as written, not 16 or 90.
            tag = STR
        if is_key and tag not in (STR, INT):
            if tag == MERGE:
                frame = self.stack[-1]
                frame.mode = _MERGE
                self.record((*frame.path, "<<"), self.lokasi(mark))
                return
            # ``yes:``, ``1.5:`` or ``2020-01-01:`` as a key: the text as written.
            value: Any = event.value
        else:
            value = self.convert(tag, event, path)
        if event.anchor is not None:
            self.anchors[event.anchor] = (value, [], path)
        self.place(value, mark)

    def convert(self, tag: str, event: ScalarEvent, path: Path) -> Any:
        text = event.value
        try:
            if tag == STR or tag == VALUE:
                return text
            if tag == INT:
                if text.isascii() and text.isdigit() and (text[0] != "0" or text == "0"):
                    return int(text)
                _desimal_saja(text)
                return _constructor.construct_yaml_int(ScalarNode(tag, text))
            if tag == FLOAT:
                _desimal_saja(text)
                return _decimal(text)
            if tag == NULL:
                return None
            if tag == BOOL:
                return _constructor.bool_values[text.lower()]
            if tag == TIMESTAMP:
                try:
                    stamp = _constructor.construct_yaml_timestamp(ScalarNode(tag, text))
                except ValueError:
                    # 2021-13-01: kept as written, for validation to reject
                    # with every other error (it is not a date).
                    return text
                return stamp.isoformat()
        except _BadNumber as exc:
            self.error(path, event.start_mark, str(exc))
            return None
        except (ValueError, KeyError, ConstructorError, InvalidOperation):
            self.error(path, event.start_mark, f"angka tidak valid: {text!r}")
            return None
        self.error(path, event.start_mark, f"tag YAML tidak didukung: {tag}")
        return None

    def start(self, event: Any) -> None:
        mark = event.start_mark
        path, is_key = self.child_path(mark)
        if not self.stack:
            self.record((), self.lokasi(mark))
        if len(self.stack) >= MAX_DEPTH:
            # The path itself would be MAX_DEPTH long: the line says where.
            pesan = f"struktur bersarang lebih dari {MAX_DEPTH} tingkat"
            raise _Fatal(Galat(self.lokasi(mark), (), pesan))
        is_map = isinstance(event, MappingStartEvent)
        if event.tag not in (None, "!", MAP if is_map else SEQ):
            self.error(path, mark, f"tag YAML tidak didukung: {event.tag}")
        self.direct += 1
        self.stack.append(
            _Frame({} if is_map else [], path, event.anchor, len(self.order), mark, is_key=is_key)
        )

    def end(self, event: Any) -> None:
        frame = self.stack.pop()
        value = frame.value
        if frame.merged and isinstance(value, dict):
            value = self.merge(frame)
        if frame.anchor is not None:
            self.anchors[frame.anchor] = (value, self.order[frame.first_location :], frame.path)
        if frame.is_key:
            parent = self.stack[-1]
            parent.mode, parent.key = _SKIP, "<kunci>"
            pesan = "kunci harus berupa teks, bukan peta atau daftar"
            self.error(parent.path, frame.mark, pesan)
            return
        self.place(value, event.start_mark)

    def merge(self, frame: _Frame) -> dict[str, Any]:
        """``<<: *base``: keys of the mapping win over merged ones, and an
        earlier merge source over a later one (YAML merge-key rules)."""
        out: dict[str, Any] = {}
        for source, lokasi in frame.merged:
            for key, value in source.items():
                if key not in out and key not in frame.value:
                    out[key] = value  # already a copy when it came from an alias
                    self.record((*frame.path, key), lokasi)
        out.update(frame.value)
        return out

    def alias(self, event: AliasEvent) -> None:
        mark = event.start_mark
        path, is_key = self.child_path(mark)
        if event.anchor not in self.anchors:
            # Undefined, or an alias to a node still being built (recursion).
            self.error(path, mark, f"alias tidak dikenal atau rekursif: *{event.anchor}")
            self.place(None, mark)
            return
        value, locations, anchor_path = self.anchors[event.anchor]
        self.expanded += len(locations) + 1
        if self.expanded > self.direct + ALIAS_ALLOWANCE:
            raise _Fatal(
                Galat(
                    self.lokasi(mark),
                    path,
                    f"alias *{event.anchor} mengembangkan dokumen terlalu besar "
                    "(pola 'billion laughs'): ditolak",
                )
            )
        if not is_key:
            cut = len(anchor_path)
            for sub, sub_lokasi in locations:
                self.record((*path, *sub[cut:]), sub_lokasi)
        self.place(_copy(value), mark)


def _copy(value: Any) -> Any:
    """A deep copy of built data (dicts, lists, immutable scalars)."""
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    return value


class _BadNumber(ValueError):
    pass


def _bukan_desimal(text: str) -> str | None:
    """What a YAML 1.1 number is written in when not in decimal notation:
    ``0x5AB0A8C`` (hexadecimal), ``0o17``/``017`` (octal), ``0b101``
    (binary), ``1:30:00`` (sexagesimal, base 60).

    >>> _bukan_desimal("0x5AB0A8C"), _bukan_desimal("017"), _bukan_desimal("1:30:00")
    ('heksadesimal', 'oktal', 'seksagesimal (basis 60)')
    >>> _bukan_desimal("-1_000"), _bukan_desimal("0"), _bukan_desimal("81.60")
    (None, None, None)
    """
    body = text.lstrip("+-")
    if ":" in body:
        return "seksagesimal (basis 60)"
    lowered = body.lower()
    if lowered.startswith("0x"):
        return "heksadesimal"
    if lowered.startswith("0b"):
        return "biner"
    if lowered.startswith("0o") or (
        len(body) > 1 and body[0] == "0" and body[1] not in ".eE" and "." not in body
    ):
        return "oktal"
    return None


def _desimal_saja(text: str) -> None:
    """Numbers are read in decimal notation only: YAML 1.1 would read
    ``pagu: 1:30:00`` as 5400 and ``pagu: 0x5AB0A8C`` as 95095436."""
    if bentuk := _bukan_desimal(text):
        raise _BadNumber(
            f"angka {text!r} ditulis dalam notasi {bentuk}, bukan desimal: tulis angka "
            "desimal (mis. 95098700.00), atau beri tanda kutip bila maksudnya teks"
        )


def _decimal(text: str) -> Decimal:
    """The exact value of a YAML 1.1 float as written: 1_000.50 -> 1000.50
    (decimal notation only: see :func:`_desimal_saja`)."""
    clean = text.replace("_", "")
    lowered = clean.lower().lstrip("+-")
    if lowered in (".inf", ".nan"):
        raise _BadNumber(f"{text} tidak diperbolehkan: nilai harus angka terhingga")
    return Decimal(clean)


def read_yaml(text: str, filename: str) -> tuple[dict[str, Any], SourceMap]:
    """Parse one YAML document.

    Raises :class:`DatasetInvalid` with every error found, each at its line.
    """
    builder = _Builder(filename)
    loader = _Loader(text)
    try:
        _run(loader, builder)
    except _Fatal as exc:
        raise DatasetInvalid([*builder.galat, exc.galat]) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        lokasi = builder.lokasi(mark) if mark else Lokasi(file=filename)
        pesan = "YAML tidak valid: " + "; ".join(str(p) for p in (exc.problem, exc.context) if p)
        raise DatasetInvalid([*builder.galat, Galat(lokasi, (), pesan)]) from None
    except yaml.YAMLError as exc:  # ReaderError: a character YAML does not allow
        lokasi = _reader_lokasi(text, getattr(exc, "position", 0) or 0, filename)
        raise DatasetInvalid(
            [*builder.galat, Galat(lokasi, (), f"YAML tidak valid: {exc}".split("\n")[0])]
        ) from None
    finally:
        loader.dispose()
    if not builder.has_root:
        raise DatasetInvalid([Galat(Lokasi(file=filename, line=1), (), "dokumen kosong")])
    if builder.galat:
        raise DatasetInvalid(builder.galat)
    if not isinstance(builder.root, dict):
        raise DatasetInvalid(
            [Galat(Lokasi(file=filename, line=1), (), "dokumen harus berupa peta (kunci: nilai)")]
        )
    return builder.root, builder.source


def _reader_lokasi(text: str, position: int, filename: str) -> Lokasi:
    """Line and column of a reader error. libyaml counts bytes of the UTF-8
    text, PyYAML's own reader characters."""
    if _Loader is not yaml.SafeLoader:
        head = text.encode("utf-8")[:position].decode("utf-8", "replace")
    else:
        head = text[:position]
    line_start = head.rfind("\n") + 1
    return Lokasi(file=filename, line=head.count("\n") + 1, column=len(head) - line_start + 1)


def _run(loader: Any, builder: _Builder) -> None:
    handlers = {
        ScalarEvent: builder.scalar,
        MappingStartEvent: builder.start,
        SequenceStartEvent: builder.start,
        MappingEndEvent: builder.end,
        SequenceEndEvent: builder.end,
        AliasEvent: builder.alias,
    }
    get_event = loader.get_event
    documents = 0
    while True:
        event = get_event()
        handler = handlers.get(type(event))
        if handler is not None:
            handler(event)
        elif isinstance(event, DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise _Fatal(
                    Galat(
                        builder.lokasi(event.start_mark),
                        (),
                        "berkas hanya boleh berisi satu dokumen YAML",
                    )
                )
        elif isinstance(event, StreamEndEvent) or event is None:
            return
