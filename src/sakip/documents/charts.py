"""Charts of the DOCX, drawn with matplotlib as PNG pictures. The PDF draws
the same charts as vectors (``pdf_grafik.py``).

Figures are made with matplotlib's object API, not pyplot: pyplot keeps
global state that two requests of a threaded web server would share.
"""

from __future__ import annotations

import io
from decimal import Decimal
from functools import cache, lru_cache

from sakip.documents.model import Grafik

FONT = "DejaVu Sans"


@cache
def _siapkan() -> None:
    import matplotlib

    # The same values every time: set once per process.
    matplotlib.rcParams.update({"font.family": FONT, "font.size": 9})


def label_sumbu(value: float) -> str:
    """An axis or bar label in Indonesian style: decimal comma."""
    return f"{value:g}".replace(".", ",")


def _float(values: list[Decimal | None]) -> list[float]:
    return [float("nan") if v is None else float(v) for v in values]


#: Sharp in print (15.5 cm wide) and on screen, light enough for a DOCX.
DPI = 150


def gambar(grafik: Grafik) -> bytes:
    """The chart as PNG bytes, drawn once per chart and process (the web
    application or a batch may build the same report again)."""
    kunci = (
        grafik.jenis,
        tuple(grafik.label),
        tuple((nama, tuple(nilai)) for nama, nilai in grafik.seri.items()),
        grafik.garis,
        grafik.label_garis,
        grafik.sumbu_y,
    )
    return _gambar(kunci)


def lupakan_gambar() -> None:
    """Forget the drawn charts (a benchmark times each format from scratch)."""
    _gambar.cache_clear()


@lru_cache(maxsize=64)
def _gambar(kunci: tuple) -> bytes:
    jenis, label, seri, garis, label_garis, sumbu_y = kunci
    _siapkan()
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter

    fig = Figure(figsize=(6.3, 2.6), dpi=DPI)  # drawn by Agg: no display needed
    ax = fig.add_subplot()
    # Fixed margins instead of tight_layout, which draws the figure twice.
    fig.subplots_adjust(left=0.09, right=0.98, top=0.95, bottom=0.11)
    x = list(range(len(label)))
    if jenis == "skm":
        nilai = _float(dict(seri)["NRR"])
        batang = ax.bar(x, nilai, color="#2f5d8a", width=0.6)
        ax.bar_label(batang, labels=[label_sumbu(round(v, 2)) for v in nilai], fontsize=7)
        ax.set_ylim(0, 4.3)
    else:
        for (nama, nilai), gaya in zip(seri, ("--o", "-s"), strict=False):
            ax.plot(x, _float(nilai), gaya, label=nama, linewidth=1.6, markersize=4)
    if garis is not None:
        ax.axhline(
            float(garis),
            color="#c0392b",
            linewidth=1,
            linestyle=":",
            label=f"{label_garis} {label_sumbu(round(float(garis), 2))}",
        )
    ax.set_xticks(x, label)
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: label_sumbu(v)))
    if sumbu_y:
        ax.set_ylabel(sumbu_y)
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(axis="y", alpha=0.3)
    if ax.get_legend_handles_labels()[0]:
        ax.legend(frameon=False, fontsize=8)
    out = io.BytesIO()
    # Fast compression: a few KB more in the DOCX, a fifth less time.
    fig.savefig(out, format="png", pil_kwargs={"compress_level": 1})
    return out.getvalue()
