"""Errors of a dataset file, each pointing at where the problem is.

A dataset is read from YAML, JSON or an XLSX workbook into a plain document
(dicts, lists, str, int, Decimal). While reading, the reader records where
each value came from in a :class:`SourceMap`, so that every later check can
name the file and line (YAML, JSON) or the sheet and cell (XLSX) of the value
it rejects, together with its key path in the document.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field

#: A key path in a dataset document: ``("renstra", "tujuan", 0, "kode")``.
Path = tuple[str | int, ...]


def format_path(path: Path) -> str:
    """Write a key path the way a user reads it.

    >>> format_path(("renstra", "tujuan", 0, "sasaran", 1, "kode"))
    'renstra.tujuan[0].sasaran[1].kode'
    >>> format_path(())
    '(dokumen)'
    """
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "(dokumen)"


def maksudnya(salah: str, dikenal: Iterable[str]) -> str:
    """A hint to add to a message when ``salah`` looks like a known name:
    a typo in a key or a code is the most common error in a hand-written file.

    >>> maksudnya("realisai", ["target", "realisasi"]), maksudnya("xyz", ["target"])
    (" (maksudnya 'realisasi'?)", '')
    """
    mirip = difflib.get_close_matches(salah, list(dikenal), n=1, cutoff=0.75)
    return f" (maksudnya {mirip[0]!r}?)" if mirip else ""


@dataclass(frozen=True)
class Lokasi:
    """Where a value sits in its source file."""

    file: str | None = None
    line: int | None = None
    column: int | None = None
    sheet: str | None = None
    cell: str | None = None

    def __str__(self) -> str:
        parts = [self.file or "<input>"]
        if self.sheet:
            parts.append(f"sheet {self.sheet!r}")
        if self.cell:
            parts.append(f"sel {self.cell}")
        if self.line is not None:
            parts.append(f"baris {self.line}")
        return ", ".join(parts)


@dataclass
class SourceMap:
    """Key path -> source location, with lookup falling back to the parent."""

    file: str | None = None
    locations: dict[Path, Lokasi] = field(default_factory=dict)

    def add(self, path: Path, lokasi: Lokasi) -> None:
        self.locations[path] = lokasi

    def find(self, path: Path) -> Lokasi:
        """The location of ``path``, or of its nearest recorded ancestor."""
        p = tuple(path)
        while True:
            if p in self.locations:
                return self.locations[p]
            if not p:
                return Lokasi(file=self.file)
            p = p[:-1]


@dataclass(frozen=True)
class Galat:
    """One error found in a dataset: where, which key, what is wrong."""

    lokasi: Lokasi
    path: Path
    pesan: str

    def __str__(self) -> str:
        return f"{self.lokasi}: {format_path(self.path)}: {self.pesan}"

    def as_dict(self) -> dict[str, object]:
        return {
            "file": self.lokasi.file,
            "baris": self.lokasi.line,
            "sheet": self.lokasi.sheet,
            "sel": self.lokasi.cell,
            "path": format_path(self.path),
            "pesan": self.pesan,
        }


class DatasetInvalid(Exception):
    """A dataset that cannot be accepted; carries every error found."""

    def __init__(self, galat: Iterable[Galat]):
        self.galat = list(galat)
        super().__init__("\n".join(str(g) for g in self.galat))
