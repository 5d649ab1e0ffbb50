"""Charts of the PDF as ReportLab vector drawings: sharp at any zoom, their
text searchable, and cheap (a matplotlib PNG cost about 90 ms a chart, the
largest part of a long report). The DOCX draws the same :class:`Grafik` as
a native Word chart (``docx_grafik.py``)."""

from __future__ import annotations

from decimal import Decimal

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import LineLegend
from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Drawing, Group, Line, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors
from reportlab.lib.units import cm

from sakip.documents import warna
from sakip.documents.model import Grafik

WARNA = [colors.HexColor(f"#{w}") for w in warna.SERI]
#: Target dashed with circles, realisasi solid with squares (as in the DOCX).
GARIS_PUTUS = [[4, 2], None]
PENANDA = ["Circle", "Square"]
MERAH = colors.HexColor(f"#{warna.REFERENSI}")
BATANG = colors.HexColor(f"#{warna.BATANG}")
LEBAR, TINGGI = 15.5 * cm, 6.4 * cm
KIRI, BAWAH, ATAS = 1.5 * cm, 0.8 * cm, 0.8 * cm


def label_sumbu(value: float) -> str:
    """An axis or bar label in Indonesian style: decimal comma."""
    return f"{value:g}".replace(".", ",")


def _nilai(v: Decimal | None) -> float | None:
    return None if v is None else float(v)


def _sumbu_y(chart: LinePlot | VerticalBarChart, font: str) -> None:
    sumbu = chart.yValueAxis if isinstance(chart, LinePlot) else chart.valueAxis
    sumbu.labels.fontName, sumbu.labels.fontSize = font, 7
    sumbu.labelTextFormat = label_sumbu
    sumbu.visibleGrid, sumbu.gridStrokeColor, sumbu.gridStrokeWidth = 1, colors.lightgrey, 0.3
    sumbu.strokeColor = colors.black


def _tren(grafik: Grafik, font: str) -> tuple[Drawing, list[tuple[colors.Color, str]]]:
    d = Drawing(LEBAR, TINGGI)
    lp = LinePlot()
    lp.x, lp.y = KIRI, BAWAH
    lp.width, lp.height = LEBAR - KIRI - 0.3 * cm, TINGGI - BAWAH - ATAS
    data, gaya, legenda = [], [], []
    for i, (nama, nilai) in enumerate(grafik.seri.items()):
        legenda.append((WARNA[i % 2], nama))
        # A missing year is left out: the line joins its neighbours.
        titik = [(x, y) for x, v in enumerate(nilai) if (y := _nilai(v)) is not None]
        if titik:
            # ReportLab draws no line of one point: a zero-length one shows its marker.
            data.append(titik * 2 if len(titik) == 1 else titik)
            gaya.append(i)
    lp.data = data or [[(0, 0), (0, 0)]]  # no value at all: empty axes, nothing drawn
    if not data:
        lp.lines[0].strokeColor = None
    for j, i in enumerate(gaya):
        garis = lp.lines[j]
        garis.strokeColor, garis.strokeWidth = WARNA[i % 2], 1.4
        garis.strokeDashArray = GARIS_PUTUS[i % 2]
        garis.symbol = makeMarker(PENANDA[i % 2], size=4, fillColor=WARNA[i % 2])
    n = len(grafik.label)
    lp.xValueAxis.valueMin, lp.xValueAxis.valueMax = -0.3, max(n - 1, 0) + 0.3
    lp.xValueAxis.valueSteps = list(range(n))
    lp.xValueAxis.labelTextFormat = lambda x: grafik.label[int(round(x))] if 0 <= x < n else ""
    lp.xValueAxis.labels.fontName, lp.xValueAxis.labels.fontSize = font, 7
    nilai_y = [y for seri in lp.data for _, y in seri]
    if grafik.garis is not None:
        nilai_y.append(float(grafik.garis))
    bawah, atas = min(nilai_y), max(nilai_y)
    ruang = (atas - bawah) * 0.1 or abs(atas) * 0.1 or 1
    lp.yValueAxis.valueMin, lp.yValueAxis.valueMax = bawah - ruang, atas + ruang
    _sumbu_y(lp, font)
    d.add(lp)
    if grafik.garis is not None:
        y = lp.y + lp.height * (float(grafik.garis) - (bawah - ruang)) / (atas - bawah + 2 * ruang)
        d.add(Line(lp.x, y, lp.x + lp.width, y, strokeColor=MERAH, strokeDashArray=[1, 2]))
    return d, legenda


def _skm(grafik: Grafik, font: str) -> tuple[Drawing, list[tuple[colors.Color, str]]]:
    d = Drawing(LEBAR, TINGGI)
    bc = VerticalBarChart()
    bc.x, bc.y = KIRI, BAWAH
    bc.width, bc.height = LEBAR - KIRI - 0.3 * cm, TINGGI - BAWAH - ATAS
    nilai = [_nilai(v) for v in grafik.seri["NRR"]]
    bc.data = [[v if v is not None else 0 for v in nilai]]
    bc.bars[0].fillColor, bc.bars[0].strokeColor = BATANG, None
    bc.barWidth = 6
    bc.groupSpacing = 8
    bc.categoryAxis.categoryNames = list(grafik.label)
    bc.categoryAxis.labels.fontName, bc.categoryAxis.labels.fontSize = font, 7
    bc.valueAxis.valueMin, bc.valueAxis.valueMax, bc.valueAxis.valueStep = 0, 4.3, 0.5
    _sumbu_y(bc, font)
    bc.barLabelFormat = lambda v: label_sumbu(round(v, 2)) if v else ""
    bc.barLabels.fontName, bc.barLabels.fontSize = font, 6.5
    bc.barLabels.nudge = 5
    d.add(bc)
    legenda: list[tuple[colors.Color, str]] = []
    if grafik.garis is not None:
        y = bc.y + bc.height * float(grafik.garis) / 4.3
        d.add(Line(bc.x, y, bc.x + bc.width, y, strokeColor=MERAH, strokeDashArray=[1, 2]))
    return d, legenda


def gambar_pdf(grafik: Grafik, font: str) -> Drawing:
    """The chart as a drawing 15.5 cm wide, in the font ``font``."""
    d, legenda = (_skm if grafik.jenis == "skm" else _tren)(grafik, font)
    # The renderer sets this font first; ReportLab's default, Helvetica, would
    # be named in the PDF without being embedded.
    d.initialFontName, d.initialFontSize = font, 7
    if grafik.garis is not None:
        legenda.append((MERAH, grafik.label_referensi()))
    if legenda:
        lg = LineLegend()
        lg.x, lg.y = LEBAR - 0.4 * cm, TINGGI - 0.1 * cm
        lg.alignment = "right"
        lg.boxAnchor = "ne"
        lg.fontName, lg.fontSize = font, 7
        lg.columnMaximum = 1  # one row, above the plot
        lg.colorNamePairs = legenda
        lg.dx, lg.dy, lg.deltax = 14, 0, 75
        lg.strokeWidth = 1.4
        d.add(lg)
    if grafik.sumbu_y:
        # Along the y axis, read bottom to top.
        judul = String(0, 0, grafik.sumbu_y, fontName=font, fontSize=7, textAnchor="middle")
        d.add(Group(judul, transform=(0, 1, -1, 0, 0.3 * cm, BAWAH + (TINGGI - BAWAH - ATAS) / 2)))
    return d
