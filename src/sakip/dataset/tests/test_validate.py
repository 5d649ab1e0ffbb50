"""Validation: the reference example passes; each kind of error is reported
once, at the right line and key path, in words the data keepers read."""

from __future__ import annotations

import pytest

from sakip.dataset.baca import baca_dataset
from sakip.dataset.errors import DatasetInvalid, SourceMap
from sakip.dataset.load import parse_document, validate

# A small valid dataset; each case below edits it. Line numbers on the right.
MINI = """\
format: sakip-dataset/1
pemda:
  nama: Kabupaten Sampang
instansi:
  nama: Kecamatan Robatal
  kepala: {jabatan: Camat Robatal}
rpjmd:
  periode: [2019, 2024]
  misi:
    - {kode: M4, uraian: Misi empat}
  sasaran:
    - {kode: RPJMD-S1, misi: M4, uraian: Pelayanan publik}
renstra:
  periode: [2019, 2024]
  tujuan:
    - kode: T1
      uraian: Tujuan satu
      mendukung: RPJMD-S1
      sasaran:
        - kode: S1
          uraian: Sasaran satu
          indikator:
            - kode: S1.1
              uraian: IKM
              polaritas: positif
              target: {2020: 81.55}
              realisasi: {2019: 81.60, 2020: 79.017}
perjanjian_kinerja:
  tahun: 2020
  tanggal: 2020-02-03
  indikator: [S1.1]
  program: [P1]
rencana_aksi:
  S1.1: {2020: [20, 40, 60, 81.55]}
anggaran:
  tahun: 2020
  program:
    - kode: P1
      uraian: Program satu
      sasaran: [S1]
      kegiatan:
        - {uraian: Kegiatan satu, pagu: 95098700.00, realisasi: 88933388.00}
narasi:
  analisis:
    S1.1: Turun karena pandemi.
"""

IND = ("renstra", "tujuan", 0, "sasaran", 0, "indikator", 0)
KEG = ("anggaran", "program", 0, "kegiatan", 0)


def errors(text: str) -> list[tuple]:
    doc, source = parse_document(text, filename="mini.yaml")
    return [(g.lokasi.line, g.path, g.pesan) for g in validate(doc, source)]


def edit(old: str, new: str) -> str:
    assert MINI.count(old) == 1, old
    return MINI.replace(old, new)


def test_the_mini_dataset_is_valid():
    assert errors(MINI) == []


def test_robatal_loads_and_validates(robatal_path):
    ds = baca_dataset(robatal_path)
    assert ds.doc["instansi"]["nama"] == "Kecamatan Robatal"
    assert str(ds.doc["anggaran"]["dinyatakan"]["pagu"]) == "2214879630.50"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        pytest.param(
            "  nama: Kecamatan Robatal\n",
            "  nama: Kecamatan Robatal\n  alamat: Jl. Raya\n",
            [(6, ("instansi", "alamat"), "kunci tidak dikenal: 'alamat'")],
            id="unknown-key",
        ),
        pytest.param(
            "realisasi: {2019",
            "realisai: {2019",
            [(27, (*IND, "realisai"), "kunci tidak dikenal: 'realisai' (maksudnya 'realisasi'?)")],
            id="unknown-key-with-suggestion",
        ),
        pytest.param(
            "pagu: 95098700.00",
            "pagu: [95098700.00]",
            [(42, (*KEG, "pagu"), "harus berupa angka, bukan daftar")],
            id="list-where-a-number-belongs",
        ),
        pytest.param(
            "realisasi: 88933388.00",
            "realisasi: '88.933.388,00'",
            [(42, (*KEG, "realisasi"), "harus berupa angka, bukan teks")],
            id="money-as-text",
        ),
        pytest.param(
            "pagu: 95098700.00",
            "pagu: -0.01",
            [(42, (*KEG, "pagu"), "nilai uang tidak boleh negatif")],
            id="negative-money",
        ),
        pytest.param(
            "      uraian: Tujuan satu\n",
            "",
            [(16, ("renstra", "tujuan", 0), "wajib ada: 'uraian'")],
            id="missing-required-key",
        ),
        pytest.param(
            "polaritas: positif",
            "polaritas: naik",
            [
                (
                    25,
                    (*IND, "polaritas"),
                    "nilai 'naik' tidak dikenal; pilihan: 'positif', 'negatif', 'kualitatif'",
                )
            ],
            id="enum",
        ),
        pytest.param(
            "- kode: P1\n",
            "- kode: 7.01\n",
            [
                (
                    32,
                    ("perjanjian_kinerja", "program", 0),
                    "kode 'P1' tidak ditemukan di antara program anggaran",
                ),
                (
                    38,
                    ("anggaran", "program", 0, "kode"),
                    "kode harus berupa teks, bukan angka (tulis dalam tanda kutip)",
                ),
            ],
            id="code-written-as-a-number",
        ),
        pytest.param(
            "target: {2020: 81.55}",
            "target: {2020: 81.55, tahun: 85}",
            [
                (
                    26,
                    (*IND, "target", "tahun"),
                    "kunci harus berupa tahun empat angka (mis. 2020), bukan 'tahun'",
                )
            ],
            id="year-key-not-a-year",
        ),
        pytest.param(
            "target: {2020: 81.55}",
            "target: {2020: {nilai: 81.55}}",
            [(26, (*IND, "target", "2020"), "harus berupa angka, teks atau daftar, bukan peta")],
            id="target-of-no-kind",
        ),
        pytest.param(
            "target: {2020: 81.55}",
            "target: {2020: [80, 85, 90]}",
            [
                (
                    26,
                    (*IND, "target", "2020"),
                    "target rentang harus berisi 2 angka [bawah, atas], bukan 3",
                )
            ],
            id="range-of-three",
        ),
        pytest.param(
            "target: {2020: 81.55}",
            "target: {2020: [85, 80.5]}",
            [
                (
                    26,
                    (*IND, "target", "2020"),
                    "batas bawah rentang (85) lebih besar dari batas atas (80.5)",
                )
            ],
            id="range-upside-down",
        ),
        pytest.param(
            "target: {2020: 81.55}",
            "target: {2020: 81.55, 2025: 90}",
            [(26, (*IND, "target", "2025"), "target tahun 2025 di luar periode Renstra 2019-2024")],
            id="target-year-outside-period",
        ),
        pytest.param(
            "realisasi: {2019: 81.60,",
            "realisasi: {2017: 80, 2019: 81.60,",
            [],
            id="realisasi-outside-period-is-history",
        ),
        pytest.param(
            "  tahun: 2020\n  tanggal",
            "  tahun: 2025\n  tanggal",
            [
                (
                    29,
                    ("perjanjian_kinerja", "tahun"),
                    "Perjanjian Kinerja tahun 2025 di luar periode Renstra 2019-2024",
                )
            ],
            id="pk-year-outside-period",
        ),
        pytest.param(
            "S1.1: {2020: [20, 40, 60, 81.55]}",
            "S1.1: {2020: [20, 40, 60, 81.55], 2018: [1, 2, 3, 4]}",
            [
                (
                    34,
                    ("rencana_aksi", "S1.1", "2018"),
                    "rencana aksi (target triwulan) tahun 2018 di luar periode Renstra 2019-2024",
                )
            ],
            id="quarterly-target-outside-period",
        ),
        pytest.param(
            "[20, 40, 60, 81.55]",
            "[20, 40, 81.55]",
            [
                (
                    34,
                    ("rencana_aksi", "S1.1", "2020"),
                    "harus berisi tepat 4 nilai triwulan (TW I-IV), bukan 3",
                )
            ],
            id="quarters-not-four",
        ),
        pytest.param(
            "narasi:\n",
            "realisasi_triwulan:\n  S1.1: {2021: [1, null, 2, 3, 4]}\nnarasi:\n",
            [
                (
                    44,
                    ("realisasi_triwulan", "S1.1", "2021"),
                    "harus berisi tepat 4 nilai triwulan (TW I-IV), bukan 5",
                )
            ],
            id="realisasi-quarters-not-four",
        ),
        pytest.param(
            "          indikator:\n",
            "          indikator:\n            - {kode: S1.1, uraian: Kembar}\n",
            [
                (
                    24,
                    (*IND[:-1], 1, "kode"),
                    "kode ganda: 'S1.1' (sudah dipakai di "
                    "renstra.tujuan[0].sasaran[0].indikator[0].kode)",
                )
            ],
            id="duplicate-indicator-code",
        ),
        pytest.param(
            "        - {uraian: Kegiatan satu,",
            "        - {kode: P1, uraian: Kegiatan satu,",
            [(42, (*KEG, "kode"), "kode ganda: 'P1' (sudah dipakai di anggaran.program[0].kode)")],
            id="duplicate-program-tree-code",
        ),
        pytest.param(
            "      sasaran: [S1]\n      kegiatan",
            "      sasaran: [S1, S2]\n      kegiatan",
            [
                (
                    40,
                    ("anggaran", "program", 0, "sasaran", 1),
                    "kode 'S2' tidak ditemukan di antara sasaran Renstra",
                )
            ],
            id="dangling-program-sasaran",
        ),
        pytest.param(
            "      sasaran: [S1]\n      kegiatan",
            "      sasaran: [S1]\n      mendukung: [S1.1, S9.9]\n      kegiatan",
            [
                (
                    41,
                    ("anggaran", "program", 0, "mendukung", 1),
                    "kode 'S9.9' tidak ditemukan di antara indikator Renstra",
                )
            ],
            id="dangling-mendukung",
        ),
        pytest.param(
            "mendukung: RPJMD-S1",
            "mendukung: RPJMD-S2",
            [
                (
                    18,
                    ("renstra", "tujuan", 0, "mendukung"),
                    "kode 'RPJMD-S2' tidak ditemukan di antara kode RPJMD (maksudnya 'RPJMD-S1'?)",
                )
            ],
            id="dangling-cascading",
        ),
        pytest.param(
            "mendukung: RPJMD-S1",
            "mendukung: [RPJMD-S1, M4]",
            [],
            id="tujuan-supports-a-misi-too",
        ),
        pytest.param(
            "misi: M4, uraian: Pelayanan",
            "misi: M5, uraian: Pelayanan",
            [
                (
                    12,
                    ("rpjmd", "sasaran", 0, "misi"),
                    "kode 'M5' tidak ditemukan di antara misi RPJMD",
                )
            ],
            id="dangling-rpjmd-misi",
        ),
        pytest.param(
            "  indikator: [S1.1]\n",
            "  indikator: [S1.1, {kode: S1.2, target: 80}]\n",
            [
                (
                    31,
                    ("perjanjian_kinerja", "indikator", 1, "kode"),
                    "kode 'S1.2' tidak ditemukan di antara indikator (maksudnya 'S1.1'?)",
                )
            ],
            id="dangling-pk-indicator",
        ),
        pytest.param(
            "  program: [P1]\n",
            "  program: [P1, {kode: P2, pagu: 1000.00}]\n",
            [
                (
                    32,
                    ("perjanjian_kinerja", "program", 1, "kode"),
                    "kode 'P2' tidak ditemukan di antara program anggaran",
                )
            ],
            id="dangling-pk-program",
        ),
        pytest.param(
            "  S1.1: {2020:",
            "  S1.9: {2020:",
            [
                (
                    34,
                    ("rencana_aksi", "S1.9"),
                    "kode 'S1.9' tidak ditemukan di antara indikator (maksudnya 'S1.1'?)",
                ),
            ],
            id="dangling-rencana-aksi",
        ),
        pytest.param(
            "    S1.1: Turun",
            "    S2.1: Turun",
            [
                (
                    45,
                    ("narasi", "analisis", "S2.1"),
                    "kode 'S2.1' tidak ditemukan di antara indikator (maksudnya 'S1.1'?)",
                )
            ],
            id="dangling-narasi-analisis",
        ),
        pytest.param(
            "      kegiatan:\n",
            "      pagu: 1.00\n      kegiatan:\n",
            [
                (
                    41,
                    ("anggaran", "program", 0, "pagu"),
                    "'pagu' tidak boleh ditulis pada node yang memiliki kegiatan: jumlahnya "
                    "dihitung dari anaknya; tulis angka yang tercetak di 'dinyatakan'",
                )
            ],
            id="amount-on-a-parent",
        ),
        pytest.param(
            "tanggal: 2020-02-03",
            "tanggal: 2020-02-30",
            [
                (
                    30,
                    ("perjanjian_kinerja", "tanggal"),
                    "harus tanggal yang ada, ditulis TTTT-BB-HH, bukan '2020-02-30'",
                )
            ],
            id="no-such-date",
        ),
        pytest.param(
            "tanggal: 2020-02-03",
            "tanggal: 3 Februari 2020",
            [
                (
                    30,
                    ("perjanjian_kinerja", "tanggal"),
                    "harus tanggal yang ada, ditulis TTTT-BB-HH, bukan '3 Februari 2020'",
                )
            ],
            id="date-not-iso",
        ),
        pytest.param(
            "  nama: Kabupaten Sampang\n",
            "  nama: Kabupaten Sampang\n  skala_capaian:\n    - {label: Tinggi}\n",
            [(5, ("pemda", "skala_capaian", 0), "wajib ada salah satu: 'dari' atau 'lebih_dari'")],
            id="band-without-bound",
        ),
        pytest.param(
            "  nama: Kabupaten Sampang\n",
            "  nama: Kabupaten Sampang\n  bobot_skm: 0.111\n  rumus_negatif: t/r\n",
            [],
            id="pemda-settings",
        ),
        pytest.param(
            "narasi:\n",
            "skm:\n  - {tahun: 2020, layanan: KTP}\nnarasi:\n",
            [(44, ("skm", 0), "wajib ada salah satu: 'responden_csv', 'nrr' atau 'ikm'")],
            id="survey-without-result",
        ),
        pytest.param(
            "narasi:\n",
            "skm:\n  - {tahun: 2020, nrr: {U1: 3.5, U10: 3}}\nnarasi:\n",
            [
                (
                    44,
                    ("skm", 0, "nrr", "U10"),
                    "kode 'U10' tidak ditemukan di antara unsur survei (maksudnya 'U1'?)",
                )
            ],
            id="nrr-of-an-unknown-unsur",
        ),
        pytest.param(
            "narasi:\n",
            "skm:\n  - {tahun: 2020, responden_csv: ../../etc/passwd}\nnarasi:\n",
            [
                (
                    44,
                    ("skm", 0, "responden_csv"),
                    "harus jalur relatif di dalam folder dataset, bukan '../../etc/passwd'",
                )
            ],
            id="survey-file-outside-the-folder",
        ),
        pytest.param(
            "narasi:\n",
            "evaluasi:\n  2021: {nilai: 72.5, rekomendasi: [{uraian: X, status: done}]}\nnarasi:\n",
            [
                (
                    44,
                    ("evaluasi", "2021", "rekomendasi", 0, "status"),
                    "nilai 'done' tidak dikenal; pilihan: 'belum', 'proses', 'selesai'",
                )
            ],
            id="evaluasi",
        ),
        pytest.param(
            "    S1.1: Turun karena pandemi.\n",
            "    S1.1: Turun karena pandemi.\n  hambatan: [satu, dua]\n",
            [(46, ("narasi", "hambatan"), "harus berupa teks, bukan daftar")],
            id="narasi-text",
        ),
    ],
)
def test_each_error_names_its_line_and_path(old, new, expected):
    assert errors(edit(old, new)) == expected


def test_another_format_is_one_error_and_nothing_else():
    text = edit("format: sakip-dataset/1", "format: sakip-dataset/2").replace("pagu: 9", "pagu: -9")
    pesan = "format tidak dikenal: 'sakip-dataset/2'; yang didukung: 'sakip-dataset/1'"
    assert errors(text) == [(1, ("format",), pesan)]


def test_a_missing_section_is_named():
    text = edit("format: sakip-dataset/1\n", "")
    assert errors(text) == [(1, (), "wajib ada: 'format'")]


def test_baca_dataset_raises_with_every_error(tmp_path):
    path = tmp_path / "salah.yaml"
    path.write_text(edit("pagu: 95098700.00", "pagu: -1").replace("[S1]", "[S7]"), "utf-8")
    with pytest.raises(DatasetInvalid) as info:
        baca_dataset(path)
    assert [str(g) for g in info.value.galat] == [
        f"{path}, baris 40: anggaran.program[0].sasaran[0]: "
        "kode 'S7' tidak ditemukan di antara sasaran Renstra",
        f"{path}, baris 42: anggaran.program[0].kegiatan[0].pagu: nilai uang tidak boleh negatif",
    ]


def test_json_errors_have_lines_too(tmp_path):
    path = tmp_path / "x.json"
    path.write_text('{\n "format": "sakip-dataset/1",\n "pemda": {"nama": "X"},\n "instansi": 5\n}')
    with pytest.raises(DatasetInvalid) as info:
        baca_dataset(path)
    assert [(g.lokasi.line, g.path, g.pesan) for g in info.value.galat] == [
        (1, (), "wajib ada: 'renstra'"),
        (4, ("instansi",), "harus berupa peta, bukan angka"),
    ]


@pytest.mark.parametrize(
    "doc",
    [
        None,
        [],
        {"format": None},
        {"renstra": {"periode": "2019-2024", "tujuan": {"kode": 1}}},
        {"renstra": {"periode": [2024, 2019], "tujuan": [{"sasaran": [{"indikator": [5]}]}]}},
        {"anggaran": {"program": [{"kegiatan": "x", "sasaran": 5, "mendukung": {"a": 1}}]}},
        {"perjanjian_kinerja": {"indikator": [{"kode": ["x"]}], "program": 7}},
        {"rencana_aksi": [1], "realisasi_triwulan": {"S1": [1, 2]}, "narasi": "x"},
        {"skm": [{"unsur": 5, "nrr": [1], "dinyatakan": [{"nrr": "x"}, 3]}]},
        {"rpjmd": {"periode": [2019], "sasaran": [{"misi": {"x": 1}, "indikator": [{}]}]}},
    ],
)
def test_validate_never_raises(doc):
    galat = validate(doc, SourceMap(file="x"))
    assert galat and all(g.pesan for g in galat)


def test_renstra_period_upside_down():
    text = edit("renstra:\n  periode: [2019, 2024]", "renstra:\n  periode: [2024, 2019]")
    assert (14, ("renstra", "periode"), "awal periode (2024) sesudah akhirnya (2019)") in errors(
        text
    )


def test_a_document_built_by_code_must_be_plain_data():
    doc = {"format": "sakip-dataset/1", "renstra": {"periode": [2019, 2024.0]}, "x": {2020: 1}}
    assert [(g.path, g.pesan) for g in validate(doc)] == [
        (
            ("renstra", "periode", 1),
            "angka biner (float) 2024.0 tidak diperbolehkan: gunakan Decimal",
        ),
        (("x", "2020"), "kunci harus berupa teks, bukan int"),
    ]
