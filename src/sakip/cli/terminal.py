"""Text for a terminal: never a raw control character.

A dataset is written by someone else. A name holding ESC or BEL, printed
as it is, would be read by the terminal as a command (move the cursor,
change the title, hide a line with CR). Everything the commands print from a
file or the record goes through :func:`aman`.
"""

from __future__ import annotations

import re
import sys
from os import PathLike
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the readers load only when a file is read
    from sakip.dataset.errors import DatasetInvalid

# Category Cc (C0, DEL, C1) except tab and newline.
_KENDALI = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# In JSON text the C0 characters are already escaped by the encoder; DEL and
# C1 may stand raw inside a string literal, where a \\u escape is valid.
_KENDALI_JSON = re.compile("[\x7f-\x9f]")


def _escape(match: re.Match[str]) -> str:
    return f"\\x{ord(match.group(0)):02x}"


def aman(text: str) -> str:
    """``text`` with each control character written as a visible escape.

    >>> aman("Kecamatan\\x1b[2JRobatal\\x07\\n\\tbaris dua\\r")
    'Kecamatan\\\\x1b[2JRobatal\\\\x07\\n\\tbaris dua\\\\x0d'
    """
    return _KENDALI.sub(_escape, text)


def aman_json(text: str) -> str:
    """JSON text with DEL and C1 characters escaped (still the same JSON).

    >>> aman_json('{"nama": "a\\x9bb"}')
    '{"nama": "a\\\\u009bb"}'
    """
    return _KENDALI_JSON.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


def cetak_tidak_valid(path: str | PathLike[str], exc: DatasetInvalid, *, akhiran: str = "") -> None:
    """Say on stderr that a file was refused, then every error found in it,
    one per line (``akhiran``: what the command then did, or did not do)."""
    print(aman(f"{path}: tidak valid ({len(exc.galat)} galat){akhiran}"), file=sys.stderr)
    for g in exc.galat:
        print(aman(f"  {g}"), file=sys.stderr)
