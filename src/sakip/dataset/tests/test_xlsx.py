"""The XLSX workbook: exact round trip, template, and errors that name the cell."""

from __future__ import annotations

import io
import time
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
import yaml
from hypothesis import HealthCheck, given, settings

from sakip.dataset.errors import DatasetInvalid, Lokasi
from sakip.dataset.tests.conftest import ROBATAL
from sakip.dataset.tests.strategi_dokumen import dokumen
from sakip.dataset.xlsx import read_workbook, write_template, write_workbook
from sakip.dataset.xlsx.layout import LEMBAR


class _Loader(yaml.SafeLoader):
    """YAML the way the dataset reader gives it: floats as exact Decimals."""


_Loader.add_constructor("tag:yaml.org,2002:float", lambda loader, node: Decimal(node.value))


def _kunci_teks(value: object) -> object:
    if isinstance(value, dict):
        return {str(k): _kunci_teks(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_kunci_teks(v) for v in value]
    return value


def robatal() -> dict:
    with open(ROBATAL, encoding="utf-8") as fh:
        return _kunci_teks(yaml.load(fh, Loader=_Loader))


def sama_persis(a: object, b: object, path: tuple = ()) -> None:
    """Equal, and of the same types: ``Decimal("81.60")`` is not ``81.6``."""
    assert type(a) is type(b), (path, a, b)
    if isinstance(a, dict):
        assert set(a) == set(b), (path, set(a) ^ set(b))
        for key in a:
            sama_persis(a[key], b[key], (*path, key))
    elif isinstance(a, list):
        assert len(a) == len(b), (path, a, b)
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            sama_persis(x, y, (*path, i))
    elif isinstance(a, Decimal):
        assert str(a) == str(b), (path, a, b)
    else:
        assert a == b, (path, a, b)


def pulang_pergi(doc: dict) -> tuple[dict, object]:
    stream = io.BytesIO()
    write_workbook(doc, stream)
    stream.seek(0)
    return read_workbook(stream, filename="uji.xlsx")


# --- round trip ----------------------------------------------------------------------


def test_it_gives_robatal_back_exactly():
    doc = robatal()
    back, _ = pulang_pergi(doc)
    sama_persis(doc, back)


def test_it_writes_to_and_reads_from_a_path(tmp_path):
    doc = robatal()
    path = tmp_path / "robatal.xlsx"
    write_workbook(doc, str(path))
    back, source = read_workbook(path)
    sama_persis(doc, back)
    assert source.find(("instansi", "nama")).file == str(path)


def test_source_map_names_the_sheet_and_cell_of_each_value():
    _, source = pulang_pergi(robatal())
    target = ("renstra", "tujuan", 0, "sasaran", 0, "indikator", 0, "target", "2020")
    assert source.find(target) == Lokasi(file="uji.xlsx", sheet="nilai_indikator", cell="C2")
    pagu = ("anggaran", "program", 0, "kegiatan", 1, "pagu")
    assert source.find(pagu) == Lokasi(file="uji.xlsx", sheet="anggaran", cell="F6")
    sisa = ("anggaran", "program", 4, "kegiatan", 4, "dinyatakan", "sisa")
    assert source.find(sisa).sheet == "dinyatakan"
    assert source.find(("instansi", "kepala", "nip")).sheet == "instansi"
    assert source.find(("format",)) == Lokasi(file="uji.xlsx", sheet="umum", cell="B2")


def test_money_shows_two_decimals_and_long_decimals_are_text():
    doc = robatal()
    panjang = Decimal("12345678901234567.89")
    doc["anggaran"]["belanja_tidak_langsung"][0]["pagu"] = panjang
    stream = io.BytesIO()
    write_workbook(doc, stream)
    ws = openpyxl.load_workbook(io.BytesIO(stream.getvalue()))["anggaran"]
    assert ws["F2"].data_type == "s" and ws["F2"].value == "12345678901234567.89"
    assert ws["F3"].value == Decimal("466816000.00") or ws["F3"].value == 466816000
    assert ws["F3"].number_format == "#,##0.00"
    stream.seek(0)
    back, _ = read_workbook(stream)
    assert str(back["anggaran"]["belanja_tidak_langsung"][0]["pagu"]) == str(panjang)


@pytest.mark.parametrize(
    "value",
    [
        Decimal("2214879630.50"),
        Decimal("0.01"),
        Decimal("9.99999999999999"),
        Decimal("123456789012.345"),
        Decimal("1234567890123456"),
        Decimal("5"),
        Decimal("1E+3"),
        Decimal("-0.00"),
        Decimal("0.0000000000000000001"),
        10**20,
        -7,
        None,
        True,
        "",
        "  spasi  ",
        "=SUM(A1)",
        "baris\r\nbaru",
        "_x0041_",
        "12 Bulan",
        "😀 Ĕ",
        [80, Decimal("85.5")],
        {},
    ],
)
def test_a_target_value_comes_back_exactly(value):
    doc = {
        "renstra": {
            "tujuan": [{"kode": "T1", "indikator": [{"kode": "I1", "target": {"2020": value}}]}]
        }
    }
    back, _ = pulang_pergi(doc)
    sama_persis(doc, back)


def test_absent_keys_stay_absent_and_empty_ones_stay_empty():
    doc = {
        "format": "sakip-dataset/1",
        "rpjmd": {},
        "renstra": {"tujuan": [{"kode": "T1", "sasaran": [], "indikator": [{}]}]},
        "anggaran": {"program": [{}]},
        "rencana_aksi": {"S1.1": {}, "S1.2": {"2020": [None, 1, None]}},
    }
    back, _ = pulang_pergi(doc)
    sama_persis(doc, back)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(dokumen())
def test_any_document_comes_back_exactly(doc):
    back, _ = pulang_pergi(doc)
    sama_persis(doc, back)


# --- template --------------------------------------------------------------------------


def test_template_has_every_sheet_with_its_headers(tmp_path):
    path = tmp_path / "isian.xlsx"
    write_template(path)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Petunjuk", *(lembar.nama for lembar in LEMBAR)]
    for lembar in LEMBAR:
        ws = wb[lembar.nama]
        assert [c.value for c in ws[1]] == [k.judul for k in lembar.kolom]
        assert ws.freeze_panes == "A2"
    assert wb["instansi"]["A7"].value == "kepala.nip"
    assert "Petunjuk" in wb["Petunjuk"]["A1"].value


def test_the_blank_template_reads_as_an_empty_dataset(tmp_path):
    path = tmp_path / "isian.xlsx"
    write_template(path)
    doc, _ = read_workbook(path)
    assert doc == {"format": "sakip-dataset/1"}


def test_rows_a_user_types_are_read_with_their_meaning(tmp_path):
    path = tmp_path / "robatal.xlsx"
    write_workbook(robatal(), path)
    wb = openpyxl.load_workbook(path)
    ws = wb["anggaran"]
    ws.insert_rows(5, 2)  # empty rows are skipped
    row = ws.max_row + 1
    ws.cell(row, 2, "kegiatan")
    ws.cell(row, 3, "1.01.1")
    ws.cell(row, 4, "P3")
    ws.cell(row, 5, "Kegiatan baru")
    ws.cell(row, 6, 1500.5).number_format = "#,##0.00"  # a typed number is a float
    ws.cell(row, 7, 1500)
    ws.cell(row, 8, "S1, S2")
    wb.save(path)
    doc, _ = read_workbook(path)
    baru = doc["anggaran"]["program"][2]["kegiatan"][-1]
    sama_persis(
        baru,
        {
            "kode": "1.01.1",
            "uraian": "Kegiatan baru",
            "pagu": Decimal("1500.50"),
            "realisasi": 1500,
            "sasaran": ["S1", "S2"],
        },
    )


# --- errors ------------------------------------------------------------------------------


def _ubah(tmp_path: Path, ubah) -> Path:
    path = tmp_path / "salah.xlsx"
    write_workbook(robatal(), path)
    wb = openpyxl.load_workbook(path)
    ubah(wb)
    wb.save(path)
    return path


def _galat(path: Path, **kwargs) -> list:
    with pytest.raises(DatasetInvalid) as exc:
        read_workbook(path, filename="salah.xlsx", **kwargs)
    return exc.value.galat


def _satu(galat: list, sheet: str, cell: str, pesan: str) -> None:
    cocok = [g for g in galat if g.lokasi.sheet == sheet and g.lokasi.cell == cell]
    assert cocok, [str(g) for g in galat]
    assert pesan in cocok[0].pesan, str(cocok[0])
    assert f"sheet {sheet!r}" in str(cocok[0]) and f"sel {cell}" in str(cocok[0])


def _hapus_kolom_kode(wb):
    wb["tujuan"]["A1"] = None


def _rumus(wb):
    wb["anggaran"]["F3"] = "=F2*2"


def _gabung(wb):
    wb["tujuan"].merge_cells("B2:C2")


def _bukan_angka(wb):
    wb["anggaran"]["G4"] = "seratus"


def _induk_tujuan(wb):
    wb["sasaran"]["B2"] = "T9"


def _induk_anggaran(wb):
    wb["anggaran"]["D5"] = "P9"


def _indikator_tak_dikenal(wb):
    wb["nilai_indikator"]["A3"] = "S9.9"


def _judul_asing(wb):
    wb["indikator"]["O1"] = "Catatan"


def _tanpa_sheet(wb):
    del wb["indikator"]


def _literal_rusak(wb):
    cell = wb["nilai_indikator"]["C2"]
    cell.value, cell.number_format = "[1, 2", "[Blue]@"


def _ya_tidak(wb):
    wb["indikator"]["G2"] = "mungkin"


@pytest.mark.parametrize(
    "ubah, sheet, cell, pesan",
    [
        (_hapus_kolom_kode, "tujuan", "A1", "kolom 'Kode' tidak ada"),
        (_rumus, "anggaran", "F3", "sel berisi rumus; isi dengan nilai"),
        (_gabung, "tujuan", "B2:C2", "sel digabung (B2:C2)"),
        (_bukan_angka, "anggaran", "G4", "bukan angka"),
        (_induk_tujuan, "sasaran", "B2", "tujuan 'T9' tidak ditemukan"),
        (_induk_anggaran, "anggaran", "D5", "induk 'P9' tidak ditemukan"),
        (_indikator_tak_dikenal, "nilai_indikator", "A3", "indikator 'S9.9' tidak ditemukan"),
        (_judul_asing, "indikator", "O1", "judul kolom tidak dikenal"),
        (_tanpa_sheet, "indikator", None, "sheet 'indikator' tidak ada"),
        (_literal_rusak, "nilai_indikator", "C2", "tidak sah"),
        (_ya_tidak, "indikator", "G2", "ya atau tidak"),
    ],
)
def test_a_broken_sheet_is_rejected_naming_the_cell(tmp_path, ubah, sheet, cell, pesan):
    galat = _galat(_ubah(tmp_path, ubah))
    if cell is None:
        assert any(g.lokasi.sheet == sheet and pesan in g.pesan for g in galat), galat
    else:
        _satu(galat, sheet, cell, pesan)
    assert all(g.lokasi.file == "salah.xlsx" for g in galat)


def test_a_file_that_is_not_a_zip_is_rejected(tmp_path):
    path = tmp_path / "bukan.xlsx"
    path.write_bytes(b"ini bukan buku kerja")
    [galat] = _galat(path)
    assert "bukan berkas XLSX" in galat.pesan and galat.lokasi.file == "salah.xlsx"


def test_a_zip_that_is_not_a_workbook_is_rejected(tmp_path):
    path = tmp_path / "arsip.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("isi.txt", "halo")
    [galat] = _galat(path)
    assert "xl/workbook.xml" in galat.pesan


def test_a_workbook_over_the_size_limit_is_rejected(tmp_path):
    path = tmp_path / "besar.xlsx"
    write_workbook(robatal(), path)
    [galat] = _galat(path, max_bytes=1000)
    assert "terlalu besar" in galat.pesan
    with pytest.raises(DatasetInvalid, match="terlalu besar"):
        read_workbook(io.BytesIO(path.read_bytes()), max_bytes=1000)


def test_cell_errors_are_reported_before_the_structure_is_checked(tmp_path):
    def dua(wb):
        _rumus(wb)
        _induk_tujuan(wb)

    galat = _galat(_ubah(tmp_path, dua))
    assert [(g.lokasi.sheet, g.lokasi.cell) for g in galat] == [("anggaran", "F3")]


def test_every_structural_error_is_reported_once(tmp_path):
    def dua(wb):
        _induk_tujuan(wb)
        _induk_anggaran(wb)

    galat = _galat(_ubah(tmp_path, dua))
    # The indicators of the misplaced sasaran are not reported again.
    assert [(g.lokasi.sheet, g.lokasi.cell) for g in galat] == [
        ("sasaran", "B2"),
        ("anggaran", "D5"),
    ]


# --- a workbook as Excel writes it -------------------------------------------------------

_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _paket_excel(path: Path, sheets: dict[str, str], strings: list[str]) -> None:
    """A minimal package the way Excel writes it: shared strings, styles by
    index, cells that may omit their address."""
    daftar = "".join(
        f'<sheet name="{nama}" sheetId="{i}" r:id="rId{i}"/>' for i, nama in enumerate(sheets, 1)
    )
    rels = "".join(
        f'<Relationship Id="rId{i}" Target="worksheets/sheet{i}.xml" Type="{_R}/worksheet"/>'
        for i in range(1, len(sheets) + 1)
    )
    sst = "".join(f"<si><t xml:space='preserve'>{s}</t></si>" for s in strings)
    gaya = (
        f'<styleSheet {_NS}><numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.00"/>'
        '</numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/>'
        "</cellXfs></styleSheet>"
    )
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(
            "xl/workbook.xml",
            f'<workbook {_NS} xmlns:r="{_R}"><sheets>{daftar}</sheets></workbook>',
        )
        zf.writestr(
            "xl/_rels/workbook.xml.rels",
            f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>',
        )
        zf.writestr("xl/sharedStrings.xml", f"<sst {_NS}>{sst}</sst>")
        zf.writestr("xl/styles.xml", gaya)
        for i, rows in enumerate(sheets.values(), 1):
            zf.writestr(
                f"xl/worksheets/sheet{i}.xml",
                f"<worksheet {_NS}><sheetData>{rows}</sheetData></worksheet>",
            )


def test_it_reads_a_workbook_saved_by_excel(tmp_path):
    strings = [
        "Kunci",
        "Nilai",
        "format",
        "sakip-dataset/1",
        "nama",
        "Kabupaten Sampang",
        "perjanjian_kinerja.tanggal",
        "Kode",
        "Uraian",
        "T1",
        "Tujuan_x000D_satu_x005F_x0041_",
        "Tujuan",
        "Jenis induk",
        "Kode induk",
        "IKU",
    ]

    def s(i: int) -> str:
        return f'<c t="s"><v>{i}</v></c>'

    sheets = {
        "umum": f"<row r='1'>{s(0)}{s(1)}</row><row r='2'>{s(2)}{s(3)}</row>"
        f"<row r='3'>{s(6)}<c s='2'><v>43832</v></c></row>",
        "pemda": f"<row r='1'>{s(0)}{s(1)}</row><row r='2'>{s(4)}{s(5)}</row>",
        "instansi": f"<row r='1'>{s(0)}{s(1)}</row>",
        "tujuan": f"<row r='1'>{s(7)}{s(8)}</row><row r='3'>{s(9)}{s(10)}</row>",
        "sasaran": f"<row r='1'>{s(7)}{s(11)}</row>",
        "INDIKATOR": f"<row r='1'>{s(12)}{s(13)}{s(7)}<c r='G1' t='s'><v>14</v></c></row>"
        "<row r='2'><c r='A2' t='inlineStr'><is><t>tujuan</t></is></c>"
        f"{s(9)}<c t='str'><v>I1</v></c><c r='G2' t='b'><v>1</v></c></row>",
    }
    path = tmp_path / "excel.xlsx"
    _paket_excel(path, sheets, strings)
    doc, source = read_workbook(path)
    assert doc == {
        "format": "sakip-dataset/1",
        "perjanjian_kinerja": {"tanggal": "2020-01-02"},
        "pemda": {"nama": "Kabupaten Sampang"},
        "renstra": {
            "tujuan": [
                {
                    "kode": "T1",
                    "uraian": "Tujuan\rsatu_x0041_",
                    "indikator": [{"kode": "I1", "iku": True}],
                }
            ]
        },
    }
    assert source.find(("renstra", "tujuan", 0, "uraian")).cell == "B3"
    assert source.find(("renstra", "tujuan", 0, "indikator", 0, "iku")).sheet == "INDIKATOR"


def test_whole_rupiah_stays_an_int_and_shows_two_decimals():
    doc = {
        "anggaran": {"program": [{"uraian": "P", "pagu": 95098700, "realisasi": Decimal("5.5")}]}
    }
    stream = io.BytesIO()
    write_workbook(doc, stream)
    ws = openpyxl.load_workbook(io.BytesIO(stream.getvalue()))["anggaran"]
    assert ws["F2"].number_format.startswith("#,##0.00")
    assert ws["G2"].number_format == "#,##0.0"
    stream.seek(0)
    sama_persis(read_workbook(stream)[0], doc)


# --- with the dataset validator -------------------------------------------------------------


def test_the_workbook_of_robatal_is_a_valid_dataset():
    from sakip.dataset.load import validate

    doc, source = pulang_pergi(robatal())
    assert validate(doc, source) == []


def test_a_validation_error_names_the_sheet_and_cell(tmp_path):
    from sakip.dataset.load import validate

    path = _ubah(tmp_path, lambda wb: wb["indikator"].__setitem__("F2", "naik"))
    doc, source = read_workbook(path, filename="salah.xlsx")
    [galat] = validate(doc, source)
    assert (galat.lokasi.sheet, galat.lokasi.cell) == ("indikator", "F2")


def _teks_sel(ref: str, text: str) -> str:
    return f"<c r='{ref}' t='inlineStr'><is><t>{text}</t></is></c>"


def test_a_workbook_of_100_000_cells_reads_in_seconds(tmp_path):
    judul = {
        "umum": ["Kunci", "Nilai"],
        "pemda": ["Kunci", "Nilai"],
        "instansi": ["Kunci", "Nilai"],
        "tujuan": ["Kode"],
        "sasaran": ["Kode", "Tujuan"],
        "indikator": ["Jenis induk", "Kode induk", "Kode"],
    }
    sheets = {
        nama: "<row r='1'>"
        + "".join(_teks_sel(f"{chr(65 + i)}1", t) for i, t in enumerate(k))
        + "</row>"
        for nama, k in judul.items()
    }
    kolom = ["Tingkat", "Kode", "Induk", "Uraian", "Pagu", "Realisasi"] + [
        f"{b} {k}" for k in ("pegawai", "barang jasa", "modal") for b in ("Pagu", "Realisasi")
    ]
    rows = [
        "<row r='1'>"
        + "".join(_teks_sel(f"{chr(65 + i)}1", t) for i, t in enumerate(kolom))
        + "</row>"
    ]
    baris = 8400  # 12 cells a row (11 on a program row): 100,000 cells
    for n in range(2, baris + 1):
        program = n % 100 == 2
        sel = [
            _teks_sel(f"A{n}", "program" if program else "kegiatan"),
            _teks_sel(f"B{n}", f"K{n}"),
            "" if program else _teks_sel(f"C{n}", f"K{n - (n - 2) % 100}"),
            _teks_sel(f"D{n}", f"Kegiatan nomor {n}"),
        ]
        sel += [f"<c r='{chr(69 + i)}{n}' s='1'><v>{n}.5</v></c>" for i in range(8)]
        rows.append(f"<row r='{n}'>{''.join(sel)}</row>")
    sheets["anggaran"] = "".join(rows)
    path = tmp_path / "besar.xlsx"
    _paket_excel(path, sheets, [])
    mulai = time.process_time()
    doc, _ = read_workbook(path)
    detik = time.process_time() - mulai
    print(f"100.000 sel dibaca dalam {detik:.2f} detik CPU")
    program = doc["anggaran"]["program"]
    assert len(program) == 84 and sum(len(p["kegiatan"]) for p in program) == baris - 1 - 84
    assert program[0]["kegiatan"][0]["rincian"]["modal"]["realisasi"] == Decimal("3.50")
    # 2-3 s of CPU on a busy 2-core machine; the bound catches a slowdown of
    # several times, not noise.
    assert detik < 8, detik


def test_a_zip_bomb_is_rejected_before_it_is_unpacked(tmp_path):
    path = tmp_path / "bom.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
        zf.writestr("xl/worksheets/sheet1.xml", " " * 6_000_000)
    assert path.stat().st_size < 100_000
    [galat] = _galat(path, max_bytes=1_000_000)
    assert "terurai terlalu besar" in galat.pesan
