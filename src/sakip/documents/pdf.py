"""A :class:`Dokumen` as an archival PDF laid out by ReportLab: A4, page
numbers, a table of contents with page numbers, table headers repeated on
every page, PDF bookmarks, fonts embedded.

ReportLab, not an HTML engine: a long LKjIP holds thousands of table
cells, and WeasyPrint needed about 1 ms per cell (7 s for the benchmark
report, against a target of 3 s); ReportLab lays the same report out in
well under a second (figures in the README).
"""

from __future__ import annotations

import io
from functools import cache
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    ListFlowable,
    ListItem,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from sakip.documents import font
from sakip.documents.font import SANS, SERIF
from sakip.documents.lebar import angka_utuh, lebar_kolom
from sakip.documents.model import (
    KETERANGAN_DRAF,
    TANDA_DRAF,
    Bagian,
    Blok,
    Daftar,
    Dokumen,
    Grafik,
    Paragraf,
    Tabel,
    TandaTangan,
)
from sakip.documents.pdf_grafik import gambar_pdf

BIRU = colors.HexColor("#1f3a5f")
MERAH = colors.HexColor("#b01e1e")
GARIS = colors.HexColor("#9aa8b8")
GENAP = colors.HexColor("#f1f4f8")
KAKI = colors.HexColor("#dde4ee")
ABU = colors.HexColor("#444444")

MARGIN_KIRI, MARGIN_KANAN, MARGIN_ATAS, MARGIN_BAWAH = 2.5 * cm, 2 * cm, 2.2 * cm, 2.2 * cm
LEBAR_TEKS = A4[0] - MARGIN_KIRI - MARGIN_KANAN
TINGGI_TEKS = A4[1] - MARGIN_ATAS - MARGIN_BAWAH
MENDATAR = landscape(A4)
LEBAR_MENDATAR = MENDATAR[0] - MARGIN_KIRI - MARGIN_KANAN
#: A table's own default font is Helvetica, which is not embedded: every table
#: names ours, even one whose cells are all paragraphs.
_FONT_TABEL = ("FONT", (0, 0), (-1, -1), SERIF, 10)
#: Tables of six or more columns are set smaller so that rupiah fit.
KOLOM_LEBAR = 6
#: Room for a page number at the right of the contents list.
LEBAR_NOMOR = 24


@cache
def _siapkan() -> None:
    """Once per process: the embedded fonts, and ReportLab's check of every
    attribute set on a chart shape switched off (our charts are built by
    code, not from input; the check took a quarter of the time of a report
    with forty charts)."""
    rl_config.shapeChecking = 0
    font.daftarkan()


def _gaya(nama: str, **kw: object) -> ParagraphStyle:
    dasar = {"fontName": SERIF, "fontSize": 11, "leading": 15, "textColor": colors.black}
    return ParagraphStyle(nama, **{**dasar, **kw})


@cache
def _gaya_semua() -> dict[str, ParagraphStyle]:
    judul = {"fontName": f"{SANS}-Bold", "textColor": BIRU, "keepWithNext": 1}
    sel = {"fontName": SANS, "fontSize": 8.5, "leading": 10.5}
    sel_kecil = {"fontName": SANS, "fontSize": 7.2, "leading": 9}
    gaya = {
        "biasa": _gaya("biasa", alignment=TA_JUSTIFY, spaceAfter=7),
        "peringatan": _gaya(
            "peringatan",
            fontName=f"{SERIF}-Bold",
            textColor=MERAH,
            backColor=colors.HexColor("#fbeeee"),
            borderColor=MERAH,
            borderWidth=0.6,
            borderPadding=4,
            spaceBefore=4,
            spaceAfter=11,
        ),
        "catatan": _gaya(
            "catatan",
            fontName=f"{SERIF}-Italic",
            fontSize=9,
            leading=12,
            textColor=ABU,
            spaceAfter=7,
        ),
        "tengah": _gaya("tengah", fontName=f"{SERIF}-Bold", alignment=TA_CENTER, spaceAfter=7),
        "kanan": _gaya("kanan", alignment=TA_RIGHT, spaceAfter=7),
        "h1": _gaya("h1", **judul, fontSize=15, leading=19, alignment=TA_CENTER, spaceAfter=17),
        "h2": _gaya("h2", **judul, fontSize=12.5, leading=16, spaceBefore=20, spaceAfter=7),
        "h3": _gaya("h3", **judul, fontSize=11, leading=14, spaceBefore=14, spaceAfter=6),
        "judul_tabel": _gaya(
            "judul_tabel",
            fontName=f"{SANS}-Bold",
            fontSize=9,
            leading=12,
            spaceBefore=4,
            spaceAfter=3,
            keepWithNext=1,
        ),
        "judul_grafik": _gaya(
            "judul_grafik",
            fontName=f"{SANS}-Italic",
            fontSize=9,
            leading=12,
            alignment=TA_CENTER,
            spaceAfter=12,
        ),
        "ttd": _gaya("ttd", alignment=TA_CENTER, leading=14),
        "toc1": _gaya("toc1", fontName=f"{SERIF}-Bold", rightIndent=36, spaceBefore=6),
        "toc2": _gaya("toc2", leftIndent=0.8 * cm, rightIndent=36),
    }
    for akhiran, dasar in (("", sel), ("_kecil", sel_kecil)):
        sel_tebal = {**dasar, "fontName": f"{SANS}-Bold"}
        gaya[f"sel{akhiran}"] = _gaya(f"sel{akhiran}", **dasar)
        gaya[f"sel{akhiran}_tebal"] = _gaya(f"sel{akhiran}_tebal", **sel_tebal)
        gaya[f"kepala{akhiran}"] = _gaya(
            f"kepala{akhiran}", **sel_tebal, textColor=colors.white, alignment=TA_CENTER
        )
    # The cover: title, instansi, pemda, year.
    for nama, ukuran, tebal, warna in (
        ("sampul_judul", 26, True, BIRU),
        ("sampul_instansi", 20, True, colors.black),
        ("sampul_pemda", 14, False, colors.black),
        ("sampul_tahun", 18, True, colors.black),
    ):
        gaya[nama] = _gaya(
            nama,
            fontName=f"{SANS}-Bold" if tebal else SANS,
            fontSize=ukuran,
            leading=ukuran * 1.23,
            alignment=TA_CENTER,
            textColor=warna,
        )
    return gaya


class _Judul(Paragraph):
    """A heading: the document template lists it in the table of contents
    and the PDF bookmarks."""

    def __init__(self, bagian: Bagian, gaya: ParagraphStyle, tingkat: int, kunci: str) -> None:
        # A bab is set in capitals; the contents and bookmarks keep its case.
        super().__init__(escape(bagian.judul.upper() if tingkat == 1 else bagian.judul), gaya)
        self.teks, self.tingkat, self.kunci = bagian.judul, tingkat, kunci
        self.di_daftar_isi = bagian.di_daftar_isi


class _Kanvas(Canvas):
    """A canvas that knows the page of every heading and, when the document
    is saved, writes those numbers into the contents list.

    The contents list (page 2) is drawn before the pages it points to: each
    of its numbers is a form XObject that PDF lets us define at the end, so
    the document is laid out in one pass instead of ReportLab's usual two.
    """

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.halaman_judul: dict[str, int] = {}
        self.nomor_dipakai: list[tuple[str, ParagraphStyle]] = []
        # Called by <onDraw name="titik_dan_nomor"> at the end of a contents line.
        self.setNamedCB("titik_dan_nomor", _titik_dan_nomor)

    def save(self) -> None:
        for kunci, gaya in self.nomor_dipakai:
            self.beginForm(_nama_nomor(kunci), lowerx=0, lowery=-5, upperx=LEBAR_NOMOR, uppery=20)
            self.setFont(gaya.fontName, gaya.fontSize)
            self.drawRightString(LEBAR_NOMOR, 0, str(self.halaman_judul.get(kunci, "")))
            self.endForm()
        super().save()


def _nama_nomor(kunci: str) -> str:
    return f"halaman_{kunci}"


def _titik_dan_nomor(canvas: _Kanvas, _jenis: str, label: str) -> None:
    """Called while a contents line is drawn, at the end of its text: dot
    leaders to the right margin, then the heading's page number."""
    kunci, tingkat = label.split("|")
    gaya = _gaya_semua()[f"toc{tingkat}"]
    x, y = canvas._curr_tx_info["cur_x"], canvas._curr_tx_info["cur_y"]
    titik = " . "
    lebar_titik = pdfmetrics.stringWidth(titik, gaya.fontName, gaya.fontSize)
    jumlah = int((LEBAR_TEKS - LEBAR_NOMOR - x) / lebar_titik)
    if jumlah > 0:
        canvas.setFont(gaya.fontName, gaya.fontSize)
        canvas.drawRightString(LEBAR_TEKS - LEBAR_NOMOR, y, titik * jumlah)
    canvas.saveState()
    canvas.translate(LEBAR_TEKS - LEBAR_NOMOR, y)
    canvas.doForm(_nama_nomor(kunci))
    canvas.restoreState()
    canvas.nomor_dipakai.append((kunci, gaya))
    canvas.linkRect("", kunci, (0, y - 3, LEBAR_TEKS, y + gaya.fontSize), relative=1)


class _Templat(BaseDocTemplate):
    def __init__(self, out: io.BytesIO, dokumen: Dokumen) -> None:
        super().__init__(
            out,
            pagesize=A4,
            leftMargin=MARGIN_KIRI,
            rightMargin=MARGIN_KANAN,
            topMargin=MARGIN_ATAS,
            bottomMargin=MARGIN_BAWAH,
            title=dokumen.judul,
            author=dokumen.sampul.instansi,
            subject=dokumen.judul,
            creator="sakip",
            lang="id-ID",
            initialFontName=SERIF,
        )
        self.judul_dokumen = dokumen.judul
        self.draf = dokumen.draf
        frame = Frame(
            MARGIN_KIRI,
            MARGIN_BAWAH,
            LEBAR_TEKS,
            TINGGI_TEKS,
            id="teks",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        frame_mendatar = Frame(
            MARGIN_KIRI,
            MARGIN_BAWAH,
            LEBAR_MENDATAR,
            MENDATAR[1] - MARGIN_ATAS - MARGIN_BAWAH,
            id="mendatar",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates(
            [
                PageTemplate("sampul", [frame], onPage=_bingkai_sampul, autoNextPageTemplate="isi"),
                PageTemplate("isi", [frame], onPage=self._kepala_kaki, pagesize=A4),
                PageTemplate(
                    "mendatar", [frame_mendatar], onPage=self._kepala_kaki, pagesize=MENDATAR
                ),
            ]
        )
        self._tingkat_bookmark = -1

    def _kepala_kaki(self, canvas, doc) -> None:  # noqa: ANN001 - ReportLab's callback
        canvas.saveState()
        canvas.setFont(SANS, 9)
        canvas.setFillColor(ABU)
        lebar, tinggi = doc.pageTemplate.pagesize
        canvas.drawCentredString(lebar / 2, 1.2 * cm, str(canvas.getPageNumber()))
        canvas.setFont(SANS, 8)
        canvas.setFillColor(colors.HexColor("#777777"))
        canvas.drawRightString(lebar - MARGIN_KANAN, tinggi - 1.3 * cm, self.judul_dokumen)
        if self.draf:
            canvas.setFillColor(MERAH)
            # In the footer: the header's right side holds the title.
            canvas.drawString(MARGIN_KIRI, 1.2 * cm, KETERANGAN_DRAF)
        canvas.restoreState()
        if self.draf:
            _tanda_draf(canvas, lebar, tinggi)

    def afterFlowable(self, flowable: Flowable) -> None:
        if not isinstance(flowable, _Judul):
            return
        self.canv.bookmarkPage(flowable.kunci)
        # Outline levels may not skip one (a sub-sub bab right under a bab).
        tingkat = min(flowable.tingkat - 1, self._tingkat_bookmark + 1)
        self._tingkat_bookmark = tingkat
        self.canv.addOutlineEntry(flowable.teks, flowable.kunci, level=tingkat, closed=True)
        self.canv.halaman_judul[flowable.kunci] = self.page

    def handle_documentBegin(self) -> None:
        self._tingkat_bookmark = -1
        super().handle_documentBegin()


def _tanda_draf(canvas, lebar: float, tinggi: float) -> None:  # noqa: ANN001
    """ "DRAF" across the page, pale enough to read the text under it."""
    canvas.saveState()
    canvas.setFont(f"{SANS}-Bold", 110)
    canvas.setFillColor(MERAH)
    canvas.setFillAlpha(0.12)
    canvas.translate(lebar / 2, tinggi / 2)
    canvas.rotate(45)
    canvas.drawCentredString(0, -40, TANDA_DRAF)
    canvas.restoreState()


def _bingkai_sampul(canvas, doc) -> None:  # noqa: ANN001 - ReportLab's callback
    if getattr(doc, "draf", False):
        _tanda_draf(canvas, *A4)
    canvas.saveState()
    canvas.setStrokeColor(BIRU)
    x, y = MARGIN_KIRI, MARGIN_BAWAH + 1.5 * cm
    w, h = LEBAR_TEKS, TINGGI_TEKS - 3 * cm
    canvas.setLineWidth(1.2)
    canvas.rect(x, y, w, h)
    canvas.setLineWidth(0.6)
    canvas.rect(x + 3, y + 3, w - 6, h - 6)
    canvas.restoreState()


def _sampul(dokumen: Dokumen) -> list[Flowable]:
    g = _gaya_semua()
    s = dokumen.sampul
    isi: list[Flowable] = [Paragraph(escape(b.upper()), g["sampul_judul"]) for b in s.judul]
    isi += [Spacer(1, 1.5 * cm), Paragraph(escape(s.instansi.upper()), g["sampul_instansi"])]
    isi += [Spacer(1, 0.4 * cm), Paragraph(escape(s.pemda.upper()), g["sampul_pemda"])]
    if s.tahun:
        isi += [Spacer(1, 1.5 * cm), Paragraph(f"Tahun {s.tahun}", g["sampul_tahun"])]
    if dokumen.draf:
        merah = ParagraphStyle("sampul_draf", parent=g["sampul_pemda"], textColor=MERAH)
        isi += [Spacer(1, 1 * cm), Paragraph(escape(KETERANGAN_DRAF), merah)]
    tinggi = sum(f.wrap(LEBAR_TEKS - 2 * cm, TINGGI_TEKS)[1] for f in isi)
    return [Spacer(1, max(0, (TINGGI_TEKS - tinggi) / 2 - 0.5 * cm)), *isi, PageBreak()]


def _muat(teks: str, gaya: ParagraphStyle, lebar: float) -> bool:
    """Whether ``teks`` fits on one line: then the cell is a plain string,
    which ReportLab draws many times faster than a wrapping Paragraph."""
    return "\n" not in teks and font.lebar_teks(teks, gaya.fontName, gaya.fontSize) <= lebar


@cache
def _kanan(gaya: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle(f"{gaya.name}_kanan", parent=gaya, alignment=TA_RIGHT)


def _tabel(t: Tabel, lebar_teks: float) -> list[Flowable]:
    g = _gaya_semua()
    kecil = len(t.kepala) >= KOLOM_LEBAR and lebar_teks <= LEBAR_TEKS
    akhiran = "_kecil" if kecil else ""
    gaya_sel, gaya_tebal = g[f"sel{akhiran}"], g[f"sel{akhiran}_tebal"]
    pad = 2 if kecil else 4
    lebar = lebar_kolom(
        t,
        lebar_teks,
        lambda teks, tebal: font.lebar_teks(
            teks, (gaya_tebal if tebal else gaya_sel).fontName, gaya_sel.fontSize
        ),
        ruang_sel=2 * pad + 1,
        indent=7,
    )
    perintah: list[tuple] = [
        ("FONT", (0, 0), (-1, -1), gaya_sel.fontName, gaya_sel.fontSize, gaya_sel.leading),
        ("GRID", (0, 0), (-1, -1), 0.5, GARIS),
        ("LINEBELOW", (0, 0), (-1, 0), 0.5, BIRU),
        ("BACKGROUND", (0, 0), (-1, 0), BIRU),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), pad),
        ("RIGHTPADDING", (0, 0), (-1, -1), pad),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("ROWBACKGROUNDS", (0, 1), (-1, len(t.baris)), [colors.white, GENAP]),
    ]
    for j in t.angka:
        perintah.append(("ALIGN", (j, 1), (j, -1), "RIGHT"))
    gaya_kepala = g["kepala_kecil"] if kecil else g["kepala"]
    data: list[list[object]] = [[Paragraph(escape(k), gaya_kepala) for k in t.kepala]]
    kosong = [""] * len(t.kepala)
    for i, isi in enumerate(t.baris + t.kaki):
        isi = isi + kosong[len(isi) :]  # a short row gets empty cells
        r = i + 1
        kaki = i >= len(t.baris)
        gaya = gaya_tebal if kaki else gaya_sel
        gaya_kanan = _kanan(gaya)
        tingkat = t.tingkat[i] if i < len(t.tingkat) else 0
        if kaki:
            perintah += [
                ("BACKGROUND", (0, r), (-1, r), KAKI),
                ("FONT", (0, r), (-1, r), gaya.fontName, gaya.fontSize, gaya.leading),
            ]
        if tingkat:
            perintah.append(("LEFTPADDING", (1, r), (1, r), pad + 7 * tingkat))
        baris: list[object] = []
        for j, teks in enumerate(isi):
            ruang = lebar[j] - 2 * pad - (7 * tingkat if j == 1 else 0)
            if _muat(teks, gaya, ruang):
                baris.append(teks)
            else:
                # Too long for one line: wrap, still aligned like its column.
                kanan = angka_utuh(t, j, teks)
                baris.append(Paragraph(escape(teks), gaya_kanan if kanan else gaya))
        data.append(baris)
    tabel = Table(data, colWidths=lebar, repeatRows=1, style=TableStyle(perintah), hAlign="LEFT")
    return [Paragraph(escape(t.judul), g["judul_tabel"]), tabel, Spacer(1, 0.35 * cm)]


def _grafik(grafik: Grafik) -> list[Flowable]:
    keterangan = Paragraph(escape(grafik.keterangan()), _gaya_semua()["judul_grafik"])
    return [KeepTogether([Spacer(1, 0.15 * cm), gambar_pdf(grafik, SANS), keterangan])]


def _orang(orang: dict[str, str] | None) -> list[Flowable]:
    if not orang:
        return []
    gaya = _gaya_semua()["ttd"]
    baris = [orang[k] for k in ("keterangan", "jabatan") if orang.get(k)]
    isi: list[Flowable] = [Paragraph("<br/>".join(escape(b) for b in baris), gaya)]
    isi.append(Spacer(1, 2 * cm))
    nama = f"<b><u>{escape(orang.get('nama') or '(……………………………)')}</u></b>"
    bawah = [escape(orang["pangkat"])] if orang.get("pangkat") else []
    bawah += [f"NIP. {escape(orang['nip'])}"] if orang.get("nip") else []
    isi.append(Paragraph("<br/>".join([nama, *bawah]), gaya))
    return isi


def _tanda_tangan(tt: TandaTangan) -> list[Flowable]:
    g = _gaya_semua()
    isi: list[Flowable] = []
    if tt.tempat_tanggal:
        isi.append(Paragraph(escape(tt.tempat_tanggal), g["kanan"]))
    isi.append(
        Table(
            [[_orang(tt.kiri), _orang(tt.kanan)]],
            colWidths=[LEBAR_TEKS / 2] * 2,
            style=TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), _FONT_TABEL]),
        )
    )
    return [Spacer(1, 0.4 * cm), KeepTogether(isi)]


def _blok(blok: Blok, lebar_teks: float) -> list[Flowable]:
    g = _gaya_semua()
    if isinstance(blok, Paragraf):
        return [Paragraph(escape(blok.teks), g.get(blok.gaya, g["biasa"]))]
    if isinstance(blok, Daftar):
        butir = [ListItem(Paragraph(escape(b), g["biasa"]), leftIndent=14) for b in blok.butir]
        return [ListFlowable(butir, bulletType="bullet", start="•", bulletFontName=SERIF)]
    if isinstance(blok, Tabel):
        return _tabel(blok, lebar_teks)
    if isinstance(blok, Grafik):
        return _grafik(blok)
    if isinstance(blok, TandaTangan):
        return _tanda_tangan(blok)
    raise TypeError(blok)


def _di_daftar_isi(b: Bagian) -> bool:
    return b.di_daftar_isi and b.tingkat <= 2


def _daftar_isi(dokumen: Dokumen) -> list[Flowable]:
    """The contents list: its lines are known before layout, only their page
    numbers are not (see :class:`_Kanvas`)."""
    g = _gaya_semua()
    isi: list[Flowable] = [Paragraph("DAFTAR ISI", g["h1"])]
    for i, b in enumerate(dokumen.bagian):
        if _di_daftar_isi(b):
            tanda = f'<onDraw name="titik_dan_nomor" label="b{i}|{b.tingkat}"/>'
            isi.append(Paragraph(escape(b.judul) + tanda, g[f"toc{b.tingkat}"]))
    return isi


def _bagian(b: Bagian, i: int) -> Flowable:
    g = _gaya_semua()
    tingkat = min(b.tingkat, 3)
    return _Judul(b, g[f"h{tingkat}"], tingkat, f"b{i}")


def cerita(dokumen: Dokumen) -> list[Flowable]:
    """The flowables of the whole document, cover first."""
    alur: list[Flowable] = _sampul(dokumen)
    halaman_kosong = True  # a forced page break on an empty page would leave it blank
    if dokumen.daftar_isi:
        alur += _daftar_isi(dokumen)
        halaman_kosong = False
    mendatar = False
    for i, b in enumerate(dokumen.bagian):
        if b.mendatar != mendatar:
            # A landscape section gets pages of its own, then portrait again.
            templat = NextPageTemplate("mendatar" if b.mendatar else "isi")
            if halaman_kosong:
                alur.insert(len(alur) - 1, templat)  # before the cover's page break
            else:
                alur += [templat, PageBreak()]
            mendatar = b.mendatar
        elif b.halaman_baru and not halaman_kosong:
            alur.append(PageBreak())
        alur.append(_bagian(b, i))
        lebar_teks = LEBAR_MENDATAR if mendatar else LEBAR_TEKS
        for blok in b.isi:
            alur += _blok(blok, lebar_teks)
        halaman_kosong = False
    return alur


def tulis_pdf(dokumen: Dokumen) -> bytes:
    _siapkan()
    out = io.BytesIO()
    _Templat(out, dokumen).build(cerita(dokumen), canvasmaker=_Kanvas)
    return out.getvalue()
