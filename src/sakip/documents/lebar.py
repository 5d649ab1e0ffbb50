"""Column widths of a table, shared by the PDF and DOCX renderers."""

from __future__ import annotations

from collections.abc import Callable

from sakip.documents.model import Tabel

#: Longer texts in a figure column are notes, not figures: they may wrap.
PANJANG_ANGKA = 24


def angka_utuh(t: Tabel, j: int, teks: str) -> bool:
    """Whether ``teks`` in column ``j`` is a figure, which never breaks (a
    longer text in a figure column is a note, such as "tidak terukur (...)")."""
    return j in t.angka and len(teks) <= PANJANG_ANGKA


#: The width in points of a text, in the table's bold (True) or regular font.
Ukur = Callable[[str, bool], float]


def _perkiraan(t: Tabel) -> list[float]:
    """Each column's share of the width, from the length of its words and
    texts: a text column gets room for its average cell on one line."""
    bobot = []
    for j, kepala in enumerate(t.kepala):
        sel = [b[j] for b in t.baris + t.kaki if j < len(b)]
        kata = max(
            [len(w) for s in sel for w in s.split()] + [len(w) for w in kepala.split()], default=0
        )
        if j in t.angka:
            kata = max([kata] + [len(s) for s in sel if len(s) <= PANJANG_ANGKA])
        rata = sum(len(s) for s in sel) / len(sel) if sel else 0
        indent = 3 * max(t.tingkat, default=0) if j == 1 else 0
        bobot.append(max(kata + 3, min(rata, 40) + 2) + indent)
    return [b / sum(bobot) for b in bobot]


def _kode(kata: str) -> bool:
    """A code or a number: broken across lines it would read as two."""
    return kata.replace(".", "").replace(",", "").isdigit()


def lebar_kolom(t: Tabel, total: float, ukur: Ukur, ruang_sel: float, indent: float) -> list[float]:
    """Column widths in points, summing to ``total``.

    Widths start from the texts' lengths, then a column is widened where the
    real font needs it, at the expense of the columns with room to spare.
    Figures, codes (``7.01.01.2.01.0001``) and header words must never
    break; a long word in a text column (``bulanan/triwulan/semesteran``)
    should not, but may when the page is too narrow for everything.
    ``ruang_sel`` is a cell's padding, ``indent`` the indent per level of the
    nested rows' column 1.
    """
    lebar = [total * p for p in _perkiraan(t)]
    wajib, layak = [], []  # per column: what must fit, what should
    for j, kepala in enumerate(t.kepala):
        ruang = ruang_sel + (indent * max(t.tingkat, default=0) if j == 1 else 0)
        harus = max((ukur(w, True) for w in kepala.split()), default=0)
        kata = 0.0
        for i, isi in enumerate(t.baris + t.kaki):
            teks = isi[j] if j < len(isi) else ""
            tebal = i >= len(t.baris)  # total rows are bold
            if angka_utuh(t, j, teks):
                harus = max(harus, ukur(teks, tebal))
                continue
            for w in teks.split():
                if _kode(w):
                    harus = max(harus, ukur(w, tebal))
                else:
                    kata = max(kata, ukur(w, tebal))
        wajib.append(harus + ruang)
        layak.append(max(harus, kata) + ruang)
    for perlu in (layak, wajib):
        kurang = sum(max(0.0, p - w) for p, w in zip(perlu, lebar, strict=True))
        if not kurang:
            return lebar
        sisa = [max(0.0, w - p) for p, w in zip(perlu, lebar, strict=True)]
        if sum(sisa) >= kurang:
            return [
                p if p >= w else w - kurang * r / sum(sisa)
                for p, w, r in zip(perlu, lebar, sisa, strict=True)
            ]
    # Not even the figures fit: share the width by need; the longest wrap.
    return [total * p / sum(wajib) for p in wajib]
