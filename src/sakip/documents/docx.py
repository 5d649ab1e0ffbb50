"""A :class:`Dokumen` as DOCX: real Word headings, styles and tables, so that
officers can go on editing it in Word."""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor

from sakip.documents import font
from sakip.documents.docx_grafik import sisipkan_grafik
from sakip.documents.font import SERIF
from sakip.documents.lebar import lebar_kolom
from sakip.documents.model import (
    KETERANGAN_DRAF,
    TANDA_DRAF,
    Blok,
    Daftar,
    Dokumen,
    Grafik,
    Paragraf,
    Tabel,
    TandaTangan,
)

MERAH = RGBColor(0xB0, 0x1E, 0x1E)
LEBAR_TEKS = 9072  # twips: A4 (11906) less 2 x 2.5 cm margins
LEBAR_MENDATAR = 13999  # twips: landscape A4 (16838) less 2 x 2.5 cm margins
UKURAN_TABEL = 18  # half-points: 9 pt


def _field(paragraph, instr: str, placeholder: str = "") -> None:  # noqa: ANN001
    """A Word field (PAGE, TOC): Word fills it in when the document opens."""
    run = paragraph.add_run()
    for tag, attr in (("w:fldChar", "begin"), ("w:instrText", instr), ("w:fldChar", "separate")):
        el = OxmlElement(tag)
        if tag == "w:fldChar":
            el.set(qn("w:fldCharType"), attr)
        else:
            el.set(qn("xml:space"), "preserve")
            el.text = attr
        run._r.append(el)
    paragraph.add_run(placeholder)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    paragraph.add_run()._r.append(end)


def _paragraf(doc, teks: str = "", gaya: str | None = None):  # noqa: ANN001, ANN202
    """A paragraph in the Word style with id ``gaya`` ("Caption", "Heading1").

    Set by id: python-docx's lookup by style name searches every style of the
    document on each call and took a third of a long report's time.
    """
    p = doc.add_paragraph(teks)
    if gaya:
        p._p.style = gaya
    return p


def _gaya(doc) -> None:  # noqa: ANN001
    normal = doc.styles["Normal"]
    normal.font.name = "Liberation Serif"
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(6)
    for nama, ukuran in (("Heading 1", 14), ("Heading 2", 12), ("Heading 3", 11)):
        doc.styles[nama].font.size = Pt(ukuran)
        doc.styles[nama].font.color.rgb = RGBColor(0x1F, 0x3A, 0x5F)
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(2.5)
    sec.top_margin = sec.bottom_margin = Cm(2.5)


def _sampul(doc, dokumen: Dokumen) -> None:  # noqa: ANN001
    s = dokumen.sampul
    for _ in range(6):
        doc.add_paragraph()
    for baris in s.judul:
        p = doc.add_paragraph(style="Title")
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run(baris.upper())
    for baris, ukuran in (
        (s.instansi.upper(), 20),
        (s.pemda.upper(), 14),
        (f"TAHUN {s.tahun}" if s.tahun else "", 18),
    ):
        if not baris:
            continue
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        r = p.add_run(baris)
        r.bold, r.font.size = True, Pt(ukuran)
    if dokumen.draf:
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        r = p.add_run(KETERANGAN_DRAF)
        r.bold, r.font.size, r.font.color.rgb = True, Pt(14), MERAH
        # Every later section links to this header: each page says it.
        kepala = doc.sections[0].header.paragraphs[0]
        kepala.alignment = WD_ALIGN_PARAGRAPH.CENTER
        r = kepala.add_run(KETERANGAN_DRAF)
        r.bold, r.font.color.rgb = True, MERAH
    # Page numbers start after the cover: a new section with its own footer.
    baru = doc.add_section(WD_SECTION.NEW_PAGE)
    baru.footer.is_linked_to_previous = False
    kaki = baru.footer.paragraphs[0]
    kaki.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _field(kaki, "PAGE", "1")


def _sel(teks: str, *, tebal: bool, kanan: bool, indent: int = 0) -> str:
    ppr = ('<w:jc w:val="right"/>' if kanan else "") + (
        f'<w:ind w:left="{indent}"/>' if indent else ""
    )
    rpr = "<w:b/>" if tebal else ""
    return (
        f'<w:tc><w:p><w:pPr><w:spacing w:after="0"/>{ppr}</w:pPr><w:r><w:rPr>{rpr}'
        f'<w:sz w:val="{UKURAN_TABEL}"/></w:rPr><w:t xml:space="preserve">{escape(teks)}'
        "</w:t></w:r></w:p></w:tc>"
    )


def _tabel_xml(t: Tabel, lebar_teks: int = LEBAR_TEKS) -> str:
    """The whole table as WordprocessingML in one string.

    Built as text and parsed once: python-docx's cell-by-cell API re-searches
    the tree on every call and took seconds for a 300-line budget table.
    """
    lebar = [
        round(20 * w)  # points to twips
        for w in lebar_kolom(
            t,
            lebar_teks / 20,
            lambda teks, tebal: font.lebar_teks(
                teks, SERIF + ("-Bold" if tebal else ""), UKURAN_TABEL / 2
            ),
            ruang_sel=2 * 5.4 + 1,  # Word's default cell margins: 0.19 cm a side
            indent=10,  # 200 twips a level, as in _sel
        )
    ]
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in lebar)
    kepala = "".join(_sel(k, tebal=True, kanan=False) for k in t.kepala)
    baris = [f"<w:tr><w:trPr><w:tblHeader/></w:trPr>{kepala}</w:tr>"]
    for i, isi in enumerate(t.baris + t.kaki):
        tingkat = t.tingkat[i] if i < len(t.tingkat) else 0
        sel = "".join(
            _sel(
                teks,
                tebal=i >= len(t.baris),
                kanan=j in t.angka,
                indent=200 * tingkat if j == 1 else 0,
            )
            for j, teks in enumerate(isi)
        )
        baris.append(f"<w:tr>{sel}</w:tr>")
    return (
        f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblStyle w:val="TableGrid"/>'
        '<w:tblW w:w="5000" w:type="pct"/><w:jc w:val="center"/></w:tblPr>'
        f"<w:tblGrid>{grid}</w:tblGrid>{''.join(baris)}</w:tbl>"
    )


def _tabel(doc, t: Tabel, lebar_teks: int) -> None:  # noqa: ANN001
    _paragraf(doc, t.judul, "Caption")
    doc.element.body._insert_tbl(parse_xml(_tabel_xml(t, lebar_teks)))
    doc.add_paragraph()


def _tanda_tangan(doc, tt: TandaTangan) -> None:  # noqa: ANN001
    if tt.tempat_tanggal:
        p = doc.add_paragraph(tt.tempat_tanggal)
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    tbl = doc.add_table(rows=1, cols=2)
    for cell, orang in zip(tbl.rows[0].cells, (tt.kiri, tt.kanan), strict=True):
        if not orang:
            continue
        cell.text = ""
        p = cell.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if orang.get("keterangan"):
            p.add_run(orang["keterangan"] + "\n")
        p.add_run(orang["jabatan"] + "\n\n\n\n")
        nama = p.add_run(orang["nama"] or "(………………………………)")
        nama.bold, nama.underline = True, True
        if orang["pangkat"]:
            p.add_run("\n" + orang["pangkat"])
        if orang["nip"]:
            p.add_run("\nNIP. " + orang["nip"])


def _blok(doc, blok: Blok, lebar_teks: int) -> None:  # noqa: ANN001
    if isinstance(blok, Paragraf):
        p = doc.add_paragraph()
        r = p.add_run(blok.teks)
        if blok.gaya == "peringatan":
            r.bold, r.font.color.rgb = True, MERAH
        elif blok.gaya == "catatan":
            r.italic, r.font.size = True, Pt(9)
        elif blok.gaya == "tengah":
            p.alignment, r.bold = WD_ALIGN_PARAGRAPH.CENTER, True
        else:
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    elif isinstance(blok, Daftar):
        for butir in blok.butir:
            _paragraf(doc, butir, "ListBullet")
    elif isinstance(blok, Tabel):
        _tabel(doc, blok, lebar_teks)
    elif isinstance(blok, Grafik):
        sisipkan_grafik(doc, blok)
        _paragraf(doc, blok.keterangan(), "Caption")
    elif isinstance(blok, TandaTangan):
        _tanda_tangan(doc, blok)


def _halaman(doc, mendatar: bool) -> None:  # noqa: ANN001
    """A new section on landscape pages, or back on portrait ones; it keeps
    the footer, so page numbers go on."""
    sec = doc.add_section(WD_SECTION.NEW_PAGE)
    sec.orientation = WD_ORIENT.LANDSCAPE if mendatar else WD_ORIENT.PORTRAIT
    panjang, pendek = Cm(29.7), Cm(21)
    sec.page_width, sec.page_height = (panjang, pendek) if mendatar else (pendek, panjang)


def tulis_docx(dokumen: Dokumen) -> bytes:
    doc = Document()
    _gaya(doc)
    doc.core_properties.title = f"{TANDA_DRAF}: {dokumen.judul}" if dokumen.draf else dokumen.judul
    _sampul(doc, dokumen)
    pertama, mendatar = True, False
    for bagian in dokumen.bagian:
        if bagian.mendatar != mendatar:
            _halaman(doc, bagian.mendatar)
            mendatar = bagian.mendatar
        elif bagian.halaman_baru and not pertama:
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        if pertama and dokumen.daftar_isi:
            _paragraf(doc, "Daftar Isi", "Heading1")
            # Word fills in a TOC field's page numbers; updateFields asks it to
            # do so when the file is opened.
            pembaruan = OxmlElement("w:updateFields")
            pembaruan.set(qn("w:val"), "true")
            doc.settings.element.append(pembaruan)
            _field(
                doc.add_paragraph(),
                'TOC \\o "1-2" \\h \\z \\u',
                "Klik kanan lalu Update Field untuk menampilkan daftar isi.",
            )
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        pertama = False
        _paragraf(doc, bagian.judul, f"Heading{min(bagian.tingkat, 3)}")
        for blok in bagian.isi:
            _blok(doc, blok, LEBAR_MENDATAR if mendatar else LEBAR_TEKS)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
