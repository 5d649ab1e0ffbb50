"""Checks of every value of a document, whatever its place: numbers within
range, and no control characters in text.

- A number wider than :data:`~sakip.engine.angka.DIGIT_MAKS` digits before
  or after the point (``1E+400``, ``1.0E-400``, a workbook cell of 1e308) is
  refused: no figure of a report is that wide, and arithmetic on it would
  round or overflow.
- Text holds no control character (Unicode category Cc: NUL, BEL, ESC, DEL,
  the C1 range...) except tab and line breaks in free text; names, codes and
  keys hold none at all. A name with an ESC would reach a terminal as a
  command, and "Kecamatan\\0Robatal" would be a third instansi.

Like the other checks it never raises and names the line of each value.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Mapping
from decimal import Decimal

from sakip.dataset.errors import Galat, Path, SourceMap
from sakip.engine.angka import DIGIT_MAKS, di_luar_jangkauan, teks_ringkas

__all__ = ["isi_galat", "kendali_pertama"]

#: The keys whose text is a name or a code: one line, no control character.
_NAMA_KODE = frozenset(
    {"kode", "nama", "nip", "jenis", "provinsi", "mendukung", "misi", "sasaran", "tujuan"}
)
#: Lists of codes in the Perjanjian Kinerja (elsewhere ``indikator`` and
#: ``program`` hold maps, or an RPJMD indicator's description).
_KODE_PK = frozenset({"indikator", "program"})

#: Line breaks and tab: allowed in free text only.
_SPASI = frozenset("\t\n\r")

_NAMA_KENDALI = {
    "\x00": "NUL",
    "\x07": "BEL",
    "\x08": "BS",
    "\t": "tab",
    "\n": "baris baru",
    "\r": "CR",
    "\x1b": "ESC",
    "\x7f": "DEL",
}


def kendali_pertama(text: str, *, satu_baris: bool) -> tuple[int, str] | None:
    """The position and character of the first control character ``text``
    may not hold (tab and line breaks are allowed unless ``satu_baris``).

    >>> kendali_pertama("Kecamatan\\x1bRobatal", satu_baris=False)
    (9, '\\x1b')
    >>> kendali_pertama("baris satu\\nbaris dua", satu_baris=False) is None
    True
    >>> kendali_pertama("S1.1\\t", satu_baris=True)
    (4, '\\t')
    >>> kendali_pertama("Robatal\\ud800", satu_baris=False)
    (7, '\\ud800')
    """
    if text.isprintable():  # fast path: the usual text has none
        return None
    for i, ch in enumerate(text):
        kategori = unicodedata.category(ch)
        # A lone surrogate (JSON "\ud800") is no character at all: no UTF-8
        # text, database or document can hold it.
        if kategori == "Cs" or (kategori == "Cc" and (satu_baris or ch not in _SPASI)):
            return i, ch
    return None


def _pesan_kendali(pos: int, ch: str, satu_baris: bool) -> str:
    if unicodedata.category(ch) == "Cs":
        return (
            f"berisi kode U+{ord(ch):04X} pada karakter ke-{pos + 1}: separuh pasangan "
            "surrogate UTF-16, bukan karakter; ketik ulang teksnya"
        )
    nama = _NAMA_KENDALI.get(ch)
    tanda = f"{nama} (U+{ord(ch):04X})" if nama else f"U+{ord(ch):04X}"
    where = "nama, kode atau kunci" if satu_baris else "teks"
    return (
        f"berisi karakter kendali {tanda} pada karakter ke-{pos + 1}: "
        f"tidak diperbolehkan dalam {where}"
    )


def _satu_baris(path: Path) -> bool:
    keys = [p for p in path if isinstance(p, str)]
    if not keys:
        return False
    last = keys[-1]
    return last in _NAMA_KODE or (last in _KODE_PK and keys[0] == "perjanjian_kinerja")


def _temuan(value: object, path: Path) -> Iterator[tuple[Path, str]]:
    # Iterative: a document may nest as deep as the readers allow.
    stack: list[tuple[object, Path]] = [(value, path)]
    while stack:
        value, path = stack.pop()
        if isinstance(value, Mapping):
            items = list(value.items())
            for key, item in reversed(items):
                stack.append((item, (*path, key)))
            for key, _ in items:
                if isinstance(key, str) and (found := kendali_pertama(key, satu_baris=True)):
                    yield (*path, key), "kunci " + _pesan_kendali(*found, True)
        elif isinstance(value, list):
            stack.extend((item, (*path, i)) for i, item in reversed(list(enumerate(value))))
        elif isinstance(value, str):
            satu = _satu_baris(path)
            if found := kendali_pertama(value, satu_baris=satu):
                yield path, _pesan_kendali(*found, satu)
        elif isinstance(value, int | Decimal) and not isinstance(value, bool):
            if di_luar_jangkauan(value):
                yield (
                    path,
                    (
                        f"angka di luar jangkauan: {teks_ringkas(value)} (paling banyak "
                        f"{DIGIT_MAKS} angka sebelum koma dan {DIGIT_MAKS} sesudahnya)"
                    ),
                )


def isi_galat(doc: object, source: SourceMap) -> list[Galat]:
    """Every number out of range and every control character, in document order."""
    return [Galat(source.find(path), path, pesan) for path, pesan in _temuan(doc, ())]
