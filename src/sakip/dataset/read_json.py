"""JSON text -> plain document and :class:`SourceMap`, with exact numbers.

The standard decoder can make Decimals (``parse_float``) but tells nothing
about where a value was, and keeps the last of two equal keys. This small
recursive-descent reader does what it does, with the same string scanner,
and records the line and column of every key and list item. NaN and
Infinity, which Python's decoder accepts, are refused.
"""

from __future__ import annotations

import re
from decimal import Decimal
from json.decoder import JSONDecodeError, scanstring
from typing import Any

from sakip.dataset.errors import DatasetInvalid, Galat, Lokasi, Path, SourceMap

#: Deepest nesting of objects and arrays accepted (a dataset needs ~10).
MAX_DEPTH = 100

_WS = re.compile(r"[ \t\n\r]*")
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?")
_WORDS = {"true": True, "false": False, "null": None}
_NOT_FINITE = re.compile(r"-?(?:NaN|Infinity)")


class _Stop(Exception):
    def __init__(self, pos: int, pesan: str):
        self.pos = pos
        self.pesan = pesan


class _Reader:
    def __init__(self, text: str, filename: str):
        self.s = text
        self.file = filename
        self.source = SourceMap(file=filename)
        self.galat: list[Galat] = []
        # Newlines can only occur in whitespace (strings may not hold raw
        # control characters), so the line is counted while skipping it.
        self.line = 1
        self.line_start = 0

    def lokasi(self, pos: int) -> Lokasi:
        return Lokasi(file=self.file, line=self.line, column=pos - self.line_start + 1)

    def ws(self, pos: int) -> int:
        end = _WS.match(self.s, pos).end()  # type: ignore[union-attr]
        if end > pos:
            newlines = self.s.count("\n", pos, end)
            if newlines:
                self.line += newlines
                self.line_start = self.s.rfind("\n", pos, end) + 1
        return end

    def value(self, pos: int, path: Path, depth: int) -> tuple[Any, int]:
        s = self.s
        ch = s[pos : pos + 1]
        if ch == "{":
            return self.object(pos, path, depth)
        if ch == "[":
            return self.array(pos, path, depth)
        if ch == '"':
            return self.string(pos)
        number = _NUMBER.match(s, pos)
        if number:
            text = number.group()
            if number.group(1) is None and number.group(2) is None:
                try:
                    return int(text), number.end()
                except ValueError:  # more digits than Python converts
                    raise _Stop(pos, "bilangan bulat terlalu panjang") from None
            try:
                return Decimal(text), number.end()
            except ArithmeticError:  # an exponent beyond what Decimal holds
                raise _Stop(pos, "angka di luar jangkauan") from None
        for word, value in _WORDS.items():
            if s.startswith(word, pos):
                return value, pos + len(word)
        if _NOT_FINITE.match(s, pos):
            raise _Stop(pos, "NaN/Infinity tidak diperbolehkan: nilai harus angka terhingga")
        if not ch:
            raise _Stop(pos, "dokumen JSON berakhir sebelum nilai selesai")
        raise _Stop(pos, f"nilai JSON tidak valid dimulai dengan {ch!r}")

    def string(self, pos: int) -> tuple[str, int]:
        try:
            return scanstring(self.s, pos + 1, True)
        except JSONDecodeError as exc:
            raise _Stop(exc.pos, f"teks JSON tidak valid: {exc.msg}") from None

    def object(self, pos: int, path: Path, depth: int) -> tuple[dict[str, Any], int]:
        if depth >= MAX_DEPTH:
            raise _Stop(pos, f"struktur bersarang lebih dari {MAX_DEPTH} tingkat")
        s = self.s
        out: dict[str, Any] = {}
        lines: dict[str, int] = {}
        pos = self.ws(pos + 1)
        if s.startswith("}", pos):
            return out, pos + 1
        while True:
            if not s.startswith('"', pos):
                raise _Stop(pos, "diharapkan nama kunci dalam tanda kutip ganda")
            lokasi = self.lokasi(pos)
            key, pos = self.string(pos)
            child = (*path, key)
            duplicate = key in lines
            if duplicate:
                pesan = f"kunci ganda: {key!r} (sudah ada di baris {lines[key]})"
                self.galat.append(Galat(lokasi, child, pesan))
            else:
                lines[key] = lokasi.line or 0
                self.source.add(child, lokasi)
            pos = self.ws(pos)
            if not s.startswith(":", pos):
                raise _Stop(pos, "diharapkan ':' setelah nama kunci")
            pos = self.ws(pos + 1)
            value, pos = self.value(pos, child, depth + 1)
            if not duplicate:
                out[key] = value
            pos = self.ws(pos)
            if s.startswith("}", pos):
                return out, pos + 1
            if not s.startswith(",", pos):
                raise _Stop(pos, "diharapkan ',' atau '}'")
            pos = self.ws(pos + 1)

    def array(self, pos: int, path: Path, depth: int) -> tuple[list[Any], int]:
        if depth >= MAX_DEPTH:
            raise _Stop(pos, f"struktur bersarang lebih dari {MAX_DEPTH} tingkat")
        s = self.s
        out: list[Any] = []
        pos = self.ws(pos + 1)
        if s.startswith("]", pos):
            return out, pos + 1
        while True:
            child = (*path, len(out))
            self.source.add(child, self.lokasi(pos))
            value, pos = self.value(pos, child, depth + 1)
            out.append(value)
            pos = self.ws(pos)
            if s.startswith("]", pos):
                return out, pos + 1
            if not s.startswith(",", pos):
                raise _Stop(pos, "diharapkan ',' atau ']'")
            pos = self.ws(pos + 1)


def read_json(text: str, filename: str) -> tuple[dict[str, Any], SourceMap]:
    """Parse one JSON document.

    Raises :class:`DatasetInvalid` with the errors found, each at its line.
    """
    reader = _Reader(text.removeprefix("\ufeff"), filename)
    try:
        pos = reader.ws(0)
        reader.source.add((), reader.lokasi(pos))
        doc, pos = reader.value(pos, (), 0)
        pos = reader.ws(pos)
        if pos < len(reader.s):
            raise _Stop(pos, "ada data lain setelah akhir dokumen JSON")
    except _Stop as stop:
        s = reader.s
        line = s.count("\n", 0, stop.pos) + 1
        column = stop.pos - (s.rfind("\n", 0, stop.pos) + 1) + 1
        lokasi = Lokasi(file=filename, line=line, column=column)
        raise DatasetInvalid(
            [*reader.galat, Galat(lokasi, (), f"JSON tidak valid: {stop.pesan}")]
        ) from None
    if reader.galat:
        raise DatasetInvalid(reader.galat)
    if not isinstance(doc, dict):
        raise DatasetInvalid(
            [Galat(Lokasi(file=filename, line=1), (), "dokumen harus berupa objek JSON")]
        )
    return doc, reader.source
