"""Column widths of a table, shared by the PDF and DOCX renderers."""

from __future__ import annotations

from sakip.documents.model import Tabel

#: Longer texts in a figure column are notes, not figures: they may wrap.
PANJANG_ANGKA = 24


def lebar_kolom(t: Tabel) -> list[str]:
    """Column widths in percent, from the longest word and the text per column.

    Both renderers get fixed widths, computed here once from text lengths so
    that Word and the PDF agree; the PDF then widens a column where its real
    font needs more room (``pdf._lebar``).
    """
    bobot = []
    for j, kepala in enumerate(t.kepala):
        sel = [b[j] for b in t.baris + t.kaki if j < len(b)]
        # Header words are bold and wider: count them 40 % longer.
        kata = max(
            [len(w) for s in sel for w in s.split()] + [1.4 * len(w) for w in kepala.split()]
        )
        if j in t.angka:
            # A figure never wraps: its whole text must fit (words of the
            # longer notes such as "tidak terukur (...)" may wrap).
            kata = max([kata] + [len(s) for s in sel if len(s) <= PANJANG_ANGKA])
        rata = sum(len(s) for s in sel) / len(sel) if sel else 0
        # The longest word plus padding; a text column gets room for its
        # average cell on one line (capped), plus the indent of nested rows.
        indent = 3 * max(t.tingkat, default=0) if j == 1 else 0
        bobot.append(max(kata + 3, min(rata, 40) + 2) + indent)
    jumlah = sum(bobot)
    return [f"{100 * b / jumlah:.2f}%" for b in bobot]
