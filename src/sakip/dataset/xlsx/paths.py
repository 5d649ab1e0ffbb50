"""Key paths written in one cell, for the key/value sheets.

``kepala.nip``, ``rpjmd.periode[0]``, ``analisis["S1.1"]``: a plain key is
written bare, a key that is not a plain name (a code with a dot, a year) in
brackets as a JSON string, a list position as ``[n]`` (from 0).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator

from sakip.dataset.errors import Path
from sakip.dataset.xlsx.literal import tulis_literal

_NAMA = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_INDEKS = re.compile(r"\[(\d+)\]")


def tulis_jalur(path: Path) -> str:
    """Write a path the way the key column shows it.

    >>> tulis_jalur(("kepala", "nip")), tulis_jalur(("periode", 0))
    ('kepala.nip', 'periode[0]')
    >>> tulis_jalur(("analisis", "S1.1"))
    'analisis["S1.1"]'
    """
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        elif _NAMA.fullmatch(part):
            out += f".{part}" if out else part
        else:
            out += f"[{tulis_literal(part)}]"
    return out


def baca_jalur(text: str) -> Path:
    """Read a path written by :func:`tulis_jalur`; raise ``ValueError``.

    >>> baca_jalur('isu_strategis[0].masalah'), baca_jalur('analisis["S1.1"]')
    (('isu_strategis', 0, 'masalah'), ('analisis', 'S1.1'))
    """
    text = text.strip()
    parts: list[str | int] = []
    pos = 0
    decoder = json.JSONDecoder()
    while pos < len(text):
        if text[pos] == "." and parts:
            pos += 1
        elif parts and text[pos] != "[":
            raise ValueError(f"kunci tidak sah di posisi {pos + 1}: {text!r}")
        if pos < len(text) and text[pos] == "[":
            if m := _INDEKS.match(text, pos):
                parts.append(int(m.group(1)))
                pos = m.end()
                continue
            try:
                key, end = decoder.raw_decode(text, pos + 1)
            except json.JSONDecodeError:
                raise ValueError(f"kunci tidak sah di posisi {pos + 1}: {text!r}") from None
            if not isinstance(key, str) or text[end : end + 1] != "]":
                raise ValueError(f"kunci tidak sah di posisi {pos + 1}: {text!r}")
            parts.append(key)
            pos = end + 1
            continue
        m = _NAMA.match(text, pos)
        if not m:
            raise ValueError(f"kunci tidak sah di posisi {pos + 1}: {text!r}")
        parts.append(m.group(0))
        pos = m.end()
    if not parts:
        raise ValueError("kunci kosong")
    return tuple(parts)


def ratakan(value: object, prefix: Path = ()) -> Iterator[tuple[Path, object]]:
    """Every leaf of ``value`` with its path; an empty map or list is a leaf.

    >>> list(ratakan({"a": [1, {}], "b": "x"}))
    [(('a', 0), 1), (('a', 1), {}), (('b',), 'x')]
    """
    if isinstance(value, dict) and value:
        for key, item in value.items():
            yield from ratakan(item, (*prefix, key))
    elif isinstance(value, list) and value:
        for i, item in enumerate(value):
            yield from ratakan(item, (*prefix, i))
    else:
        yield prefix, value


#: Called with (container, key) for every slot :func:`pasang` fills.
Catat = Callable[[dict | list, str | int], None]


def pasang(root: dict, path: Path, value: object, catat: Catat) -> None:
    """Put ``value`` at ``path`` under ``root``, making the maps and lists on
    the way; raise ``ValueError`` when the place is taken or out of order."""
    wadah: dict | list = root
    for i, part in enumerate(path):
        last = i == len(path) - 1
        baru = value if last else ([] if isinstance(path[i + 1], int) else {})
        if isinstance(wadah, dict) and isinstance(part, str):
            if part in wadah:
                if last:
                    raise ValueError(f"{tulis_jalur(path)} sudah terisi")
                wadah = wadah[part]
                continue
            wadah[part] = baru
        elif isinstance(wadah, list) and isinstance(part, int):
            if part < len(wadah):
                if last:
                    raise ValueError(f"{tulis_jalur(path)} sudah terisi")
                wadah = wadah[part]
                continue
            if part > len(wadah):
                raise ValueError(
                    f"{tulis_jalur(path)}: urutan daftar melompat (isi [{len(wadah)}] dulu)"
                )
            wadah.append(baru)
        else:
            raise ValueError(f"{tulis_jalur(path[: i + 1])} tidak cocok dengan isi sebelumnya")
        catat(wadah, part)
        wadah = baru  # type: ignore[assignment]
