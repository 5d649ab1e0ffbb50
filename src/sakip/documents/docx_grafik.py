"""Charts of the DOCX as native Word charts, each with its data in an
embedded workbook: officers can restyle a chart or correct its data in Word
("Edit Data") as they do with the charts they paste from Excel today.

The chart XML follows ECMA-376 part 1, section 21.2 (DrawingML charts); the
values are also kept in the chart's caches, which is what Word and
LibreOffice draw until the data is edited.
"""

from __future__ import annotations

import io
from decimal import Decimal
from xml.sax.saxutils import escape, quoteattr

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from sakip.documents import warna
from sakip.documents.model import Grafik

CT_GRAFIK = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
CT_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
EMU_CM = 360_000
LEBAR_CM, TINGGI_CM = 15.0, 6.2
#: Series styles: colour, dash, marker (as in the PDF).
GAYA_SERI = [(warna.SERI[0], "dash", "circle"), (warna.SERI[1], "solid", "square")]
SUMBU_KATEGORI, SUMBU_NILAI = 48_650_001, 48_650_002


def _kolom(j: int) -> str:
    return get_column_letter(j + 2)  # column A holds the categories


def _seri(grafik: Grafik) -> list[tuple[str, list[Decimal | None]]]:
    """Every series the chart plots, the reference line last (a constant)."""
    seri = list(grafik.seri.items())
    if grafik.garis is not None:
        seri.append((grafik.label_referensi(), [grafik.garis] * len(grafik.label)))
    return seri


def _buku_kerja(grafik: Grafik) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    seri = _seri(grafik)
    ws.append([""] + [nama for nama, _ in seri])
    for i, label in enumerate(grafik.label):
        ws.append([label, *(None if (y := v[i]) is None else float(y) for _, v in seri)])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _cache_teks(ref: str, teks: list[str]) -> str:
    pt = "".join(f'<c:pt idx="{i}"><c:v>{escape(t)}</c:v></c:pt>' for i, t in enumerate(teks))
    return (
        f'<c:strRef><c:f>{ref}</c:f><c:strCache><c:ptCount val="{len(teks)}"/>{pt}'
        "</c:strCache></c:strRef>"
    )


def _cache_angka(ref: str, nilai: list[Decimal | None]) -> str:
    # A missing value has no point: Word leaves a gap there. Fixed notation:
    # str() of a Decimal may be "1E+2".
    pt = "".join(
        f'<c:pt idx="{i}"><c:v>{Decimal(v):f}</c:v></c:pt>'
        for i, v in enumerate(nilai)
        if v is not None
    )
    return (
        f"<c:numRef><c:f>{ref}</c:f><c:numCache><c:formatCode>General</c:formatCode>"
        f'<c:ptCount val="{len(nilai)}"/>{pt}</c:numCache></c:numRef>'
    )


def _ser(grafik: Grafik, j: int, nama: str, nilai: list[Decimal | None], gaya: str) -> str:
    n = len(grafik.label)
    kolom = _kolom(j)
    return (
        f'<c:ser><c:idx val="{j}"/><c:order val="{j}"/>'
        f"<c:tx>{_cache_teks(f'Sheet1!${kolom}$1', [nama])}</c:tx>{gaya}"
        f"<c:cat>{_cache_teks(f'Sheet1!$A$2:$A${n + 1}', list(grafik.label))}</c:cat>"
        f"<c:val>{_cache_angka(f'Sheet1!${kolom}$2:${kolom}${n + 1}', nilai)}</c:val>"
    )


def _garis(rgb: str, dash: str, penanda: str | None) -> str:
    simbol = (
        f'<c:marker><c:symbol val="{penanda}"/><c:size val="5"/>'
        f'<c:spPr><a:solidFill><a:srgbClr val="{rgb}"/></a:solidFill></c:spPr></c:marker>'
        if penanda
        else '<c:marker><c:symbol val="none"/></c:marker>'
    )
    return (
        f'<c:spPr><a:ln w="19050"><a:solidFill><a:srgbClr val="{rgb}"/></a:solidFill>'
        f'<a:prstDash val="{dash}"/></a:ln></c:spPr>{simbol}'
    )


def _grafik_garis(grafik: Grafik, seri: list[tuple[str, list[Decimal | None]]], awal: int) -> str:
    """A lineChart of the series from index ``awal`` on."""
    isi = []
    for j, (nama, nilai) in enumerate(seri[awal:], start=awal):
        if grafik.garis is not None and j == len(seri) - 1:
            gaya = _garis(warna.REFERENSI, "sysDot", None)
        else:
            gaya = _garis(*GAYA_SERI[j % 2])
        isi.append(_ser(grafik, j, nama, nilai, gaya) + '<c:smooth val="0"/></c:ser>')
    return (
        '<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>'
        + "".join(isi)
        + f'<c:marker val="1"/><c:axId val="{SUMBU_KATEGORI}"/><c:axId val="{SUMBU_NILAI}"/>'
        "</c:lineChart>"
    )


def _grafik_batang(grafik: Grafik, seri: list[tuple[str, list[Decimal | None]]]) -> str:
    nama, nilai = seri[0]
    gaya = f'<c:spPr><a:solidFill><a:srgbClr val="{warna.BATANG}"/></a:solidFill></c:spPr>'
    label = (
        '<c:dLbls><c:numFmt formatCode="0.00" sourceLinked="0"/><c:spPr><a:noFill/><a:ln>'
        '<a:noFill/></a:ln></c:spPr><c:dLblPos val="outEnd"/><c:showLegendKey val="0"/>'
        '<c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/>'
        '<c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>'
    )
    ser = _ser(grafik, 0, nama, nilai, gaya + '<c:invertIfNegative val="0"/>' + label)
    return (
        '<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>'
        f'{ser}</c:ser><c:gapWidth val="80"/>'
        f'<c:axId val="{SUMBU_KATEGORI}"/><c:axId val="{SUMBU_NILAI}"/></c:barChart>'
    )


def _sumbu(grafik: Grafik) -> str:
    skala = '<c:orientation val="minMax"/>'
    if grafik.jenis == "skm":
        skala += '<c:max val="4.3"/><c:min val="0"/>'
    judul = ""
    if grafik.sumbu_y:
        judul = (
            f'<c:title><c:tx><c:rich><a:bodyPr rot="-5400000" vert="horz"/><a:p><a:pPr><a:defRPr'
            f' sz="800" b="0"/></a:pPr><a:r><a:rPr lang="id-ID" sz="800" b="0"/>'
            f"<a:t>{escape(grafik.sumbu_y)}</a:t></a:r></a:p></c:rich></c:tx>"
            '<c:overlay val="0"/></c:title>'
        )
    garis_bantu = (
        '<c:spPr><a:ln w="3175"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln>'
        "</c:spPr>"
    )
    return (
        f'<c:catAx><c:axId val="{SUMBU_KATEGORI}"/><c:scaling><c:orientation val="minMax"/>'
        '</c:scaling><c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" '
        'sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/>'
        f'<c:tickLblPos val="low"/><c:crossAx val="{SUMBU_NILAI}"/><c:crosses val="autoZero"/>'
        '<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/>'
        f'</c:catAx><c:valAx><c:axId val="{SUMBU_NILAI}"/><c:scaling>{skala}</c:scaling>'
        f'<c:delete val="0"/><c:axPos val="l"/><c:majorGridlines>{garis_bantu}</c:majorGridlines>'
        f'{judul}<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/>'
        '<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>'
        f'<c:crossAx val="{SUMBU_KATEGORI}"/><c:crosses val="autoZero"/>'
        '<c:crossBetween val="between"/></c:valAx>'
    )


def xml_grafik(grafik: Grafik) -> str:
    """The chart part (``word/charts/chartN.xml``) of ``grafik``."""
    seri = _seri(grafik)
    if grafik.jenis == "skm":
        plot = _grafik_batang(grafik, seri)
        if len(seri) > 1:
            plot += _grafik_garis(grafik, seri, 1)
    else:
        plot = _grafik_garis(grafik, seri, 0)
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<c:chartSpace xmlns:c="{NS_C}" xmlns:a="{NS_A}" xmlns:r="{NS_R}">'
        '<c:roundedCorners val="0"/><c:chart><c:autoTitleDeleted val="1"/>'
        f"<c:plotArea><c:layout/>{plot}{_sumbu(grafik)}</c:plotArea>"
        '<c:legend><c:legendPos val="t"/><c:overlay val="0"/></c:legend>'
        '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>'
        "<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>"
        '<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"/></a:pPr>'
        '<a:endParaRPr lang="id-ID"/></a:p></c:txPr>'
        '<c:externalData r:id="rId1"><c:autoUpdate val="0"/></c:externalData>'
        "</c:chartSpace>"
    )


def sisipkan_grafik(doc, grafik: Grafik) -> None:  # noqa: ANN001 - python-docx Document
    """Append ``grafik`` to ``doc`` as a centred paragraph holding a Word chart."""
    package = doc.part.package
    bagian = Part(
        package.next_partname("/word/charts/chart%d.xml"),
        CT_GRAFIK,
        xml_grafik(grafik).encode(),
        package,
    )
    nomor = bagian.partname.idx
    buku = Part(
        PackURI(f"/word/embeddings/Microsoft_Excel_Worksheet{nomor}.xlsx"),
        CT_XLSX,
        _buku_kerja(grafik),
        package,
    )
    # The chart XML names its workbook rId1: the first relationship of a new part.
    if bagian.relate_to(buku, RT.PACKAGE) != "rId1":
        raise RuntimeError("relasi buku kerja grafik tidak terduga")
    rid = doc.part.relate_to(bagian, RT.CHART)
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    id_gambar = doc.part.next_id
    p.add_run()._r.append(
        parse_xml(
            '<w:drawing xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
            'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">'
            '<wp:inline distT="0" distB="0" distL="0" distR="0">'
            f'<wp:extent cx="{int(LEBAR_CM * EMU_CM)}" cy="{int(TINGGI_CM * EMU_CM)}"/>'
            '<wp:effectExtent l="0" t="0" r="0" b="0"/>'
            f'<wp:docPr id="{id_gambar}" name="Grafik {id_gambar}" '
            f"descr={quoteattr(grafik.judul)}/>"
            "<wp:cNvGraphicFramePr/>"
            f'<a:graphic xmlns:a="{NS_A}"><a:graphicData uri="{NS_C}">'
            f'<c:chart xmlns:c="{NS_C}" xmlns:r="{NS_R}" r:id="{rid}"/>'
            "</a:graphicData></a:graphic></wp:inline></w:drawing>"
        )
    )
