"""Charts drawn with matplotlib (Agg: no display, safe in a batch)."""

from __future__ import annotations

import io
from decimal import Decimal

from sakip.documents.model import Grafik

FONT = "DejaVu Sans"


def _pyplot():  # noqa: ANN202 - matplotlib's module type
    import matplotlib

    matplotlib.use("Agg")
    # SVG text stays text (not paths) so the PDF can search and copy it.
    matplotlib.rcParams.update({"font.family": FONT, "svg.fonttype": "none", "font.size": 9})
    from matplotlib import pyplot

    return pyplot


def _id(value: float) -> str:
    # Axis labels in Indonesian style: decimal comma.
    return f"{value:g}".replace(".", ",")


def _float(values: list[Decimal | None]) -> list[float]:
    return [float("nan") if v is None else float(v) for v in values]


def gambar(grafik: Grafik, format: str = "png") -> bytes:
    """The chart as PNG or SVG bytes."""
    plt = _pyplot()
    from matplotlib.ticker import FuncFormatter

    fig, ax = plt.subplots(figsize=(6.3, 2.6), dpi=110)
    # Fixed margins instead of tight_layout, which draws the figure twice.
    fig.subplots_adjust(left=0.09, right=0.98, top=0.95, bottom=0.11)
    try:
        x = list(range(len(grafik.label)))
        if grafik.jenis == "skm":
            nilai = _float(grafik.seri["NRR"])
            batang = ax.bar(x, nilai, color="#2f5d8a", width=0.6)
            ax.bar_label(batang, labels=[_id(round(v, 2)) for v in nilai], fontsize=7)
            ax.set_ylim(0, 4.3)
        else:
            for (nama, nilai), gaya in zip(grafik.seri.items(), ("--o", "-s"), strict=False):
                ax.plot(x, _float(nilai), gaya, label=nama, linewidth=1.6, markersize=4)
        if grafik.garis is not None:
            ax.axhline(
                float(grafik.garis),
                color="#c0392b",
                linewidth=1,
                linestyle=":",
                label=f"{grafik.label_garis} {_id(round(float(grafik.garis), 2))}",
            )
        ax.set_xticks(x, grafik.label)
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: _id(v)))
        if grafik.sumbu_y:
            ax.set_ylabel(grafik.sumbu_y)
        ax.spines[["top", "right"]].set_visible(False)
        ax.grid(axis="y", alpha=0.3)
        if ax.get_legend_handles_labels()[0]:
            ax.legend(frameon=False, fontsize=8)
        out = io.BytesIO()
        fig.savefig(out, format=format, metadata={"Date": None} if format == "svg" else None)
        return out.getvalue()
    finally:
        plt.close(fig)
