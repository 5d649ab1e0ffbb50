"""Values of command-line options read the Indonesian way, for argparse's
``type=``: a refused value is argparse's error (exit 2) naming what was typed."""

from __future__ import annotations

import argparse
import re

from sakip.engine.skm import POPULASI_MAKS


def bilangan_populasi(teks: str) -> int:
    """``--populasi``: a whole number 1..1,000,000,000, else argparse's error (exit 2).

    >>> bilangan_populasi("5.000"), bilangan_populasi("250")
    (5000, 250)
    """
    bersih = teks.strip()
    if re.fullmatch(r"[1-9][0-9]{0,2}(\.[0-9]{3})+", bersih):  # Indonesian thousands
        bersih = bersih.replace(".", "")
    if not (bersih.isascii() and bersih.isdigit()) or not 1 <= int(bersih) <= POPULASI_MAKS:
        raise argparse.ArgumentTypeError(
            f"{teks[:40]!r} bukan jumlah populasi: bilangan bulat 1 sampai 1.000.000.000"
        )
    return int(bersih)
