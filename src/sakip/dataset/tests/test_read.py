"""Reading YAML and JSON: exact numbers, text keys, and every malformed
input rejected with the line (and column) where it is."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from sakip.dataset.baca import baca_dataset
from sakip.dataset.berkas import DEFAULT_MAX_BYTES
from sakip.dataset.errors import DatasetInvalid, Lokasi
from sakip.dataset.load import format_berkas, parse_document, read_document

from .conftest import ROBATAL


def galat_of(text: str | bytes, filename: str = "x.yaml", **kw) -> list[tuple]:
    """(line, column, path, message) of every error reading ``text``."""
    with pytest.raises(DatasetInvalid) as info:
        parse_document(text, filename=filename, **kw)
    return [(g.lokasi.line, g.lokasi.column, g.path, g.pesan) for g in info.value.galat]


@pytest.fixture(scope="module")
def robatal():
    return read_document(ROBATAL)


def test_it_reads_robatal_numbers_exactly(robatal):
    doc, _ = robatal
    ind = doc["renstra"]["tujuan"][0]["sasaran"][0]["indikator"][0]
    assert ind["target"] == {"2020": D("81.55")}
    # 81.60 keeps its trailing zero: the exact text, not a float's value.
    assert [str(v) for v in ind["realisasi"].values()] == ["81.60", "79.017"]
    btl = doc["anggaran"]["belanja_tidak_langsung"][0]
    assert str(btl["pagu"]) == "1436165227.00" and type(btl["pagu"]) is D
    sisa = doc["anggaran"]["program"][4]["kegiatan"][4]["dinyatakan"]["sisa"]
    assert str(sisa) == "0.01"
    assert doc["instansi"]["kepala"]["nip"] == "196604011989031005"
    assert doc["rpjmd"]["periode"] == [2019, 2024]


def _floats(value) -> list:
    if isinstance(value, dict):
        return [f for v in value.values() for f in _floats(v)] + [
            k for k in value if not isinstance(k, str)
        ]
    if isinstance(value, list):
        return [f for v in value for f in _floats(v)]
    return [value] if isinstance(value, float) else []


def test_it_never_makes_a_float_or_a_non_text_key(robatal):
    assert _floats(robatal[0]) == []


@pytest.mark.parametrize(
    ("path", "line", "column"),
    [
        ((), 5, 1),
        (("format",), 5, 1),
        (("instansi", "kepala", "nip"), 26, 5),
        (("renstra", "tujuan", 0), 44, 7),
        (("renstra", "tujuan", 0, "sasaran", 0, "indikator", 0, "target", "2020"), 59, 24),
        (("renstra", "tujuan", 0, "sasaran", 0, "indikator", 0, "realisasi", "2020"), 60, 40),
        (("perjanjian_kinerja", "program", 4), 66, 29),
        (("anggaran", "program", 0, "kegiatan", 2, "realisasi"), 89, 100),
        (("anggaran", "program", 4, "kegiatan", 4, "dinyatakan", "sisa"), 123, 24),
        (("anggaran", "dinyatakan"), 124, 3),
        (("narasi", "analisis", "S1.1"), 133, 5),
    ],
)
def test_it_maps_every_key_path_to_its_line_and_column(robatal, path, line, column):
    _, source = robatal
    assert source.locations[path] == Lokasi(file=str(ROBATAL), line=line, column=column)


def test_a_path_without_its_own_entry_falls_back_to_its_parent(robatal):
    _, source = robatal
    assert source.find(("anggaran", "dinyatakan", "pagu", "nope")).line == 124


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: 2020-03-01\n", {"a": "2020-03-01"}),  # a YAML date is ISO text
        ("a: 2020-03-01 10:30:00\n", {"a": "2020-03-01T10:30:00"}),
        ("a: 2021-13-01\n", {"a": "2021-13-01"}),  # no such date: left for validation
        ("2020: a\n", {"2020": "a"}),  # a year key is text
        ("a: 1_000.50\n", {"a": D("1000.50")}),
        ("a: -0.50\n", {"a": D("-0.50")}),
        ("a: .5\nb: -.5\n", {"a": D("0.5"), "b": "-.5"}),  # PyYAML's YAML 1.1 regex
        ("a: 1.0e+3\n", {"a": D("1.0E+3")}),
        # YAML 1.1 base 60, 16 and 8 are refused as values (test_masukan_rusak);
        # as keys they are the text as written.
        ("0x1F: a\n1:30: b\n017: c\n", {"0x1F": "a", "1:30": "b", "017": "c"}),
        ("a: !!float 7\n", {"a": D("7")}),
        ("a: 12345678901234567890123\n", {"a": 12345678901234567890123}),
        ("a: '81.55'\n", {"a": "81.55"}),  # quoted: text
        ("a: yes\nb: ~\n", {"a": True, "b": None}),
        ("yes: 1\n1.5: 2\n", {"yes": 1, "1.5": 2}),  # odd keys keep their text
        ("a: =\n", {"a": "="}),
        ("b: &x {p: [1, 2]}\nc: *x\n", {"b": {"p": [1, 2]}, "c": {"p": [1, 2]}}),
        (
            "b: &x {p: 1, q: 2}\nc:\n  <<: *x\n  q: 3\n",
            {"b": {"p": 1, "q": 2}, "c": {"p": 1, "q": 3}},
        ),  # noqa: E501
        ("\ufeffa: 1\n", {"a": 1}),
    ],
)
def test_yaml_scalars(text, expected):
    doc, _ = parse_document(text, filename="x.yaml")
    assert doc == expected
    assert [type(v) for v in doc.values()] == [type(v) for v in expected.values()]


def test_an_alias_is_a_copy_with_the_anchors_lines():
    doc, source = parse_document("b: &x\n  p: [1, 2]\nc: *x\n", filename="x.yaml")
    assert doc["c"] is not doc["b"]
    assert source.find(("c",)).line == 3
    assert source.find(("c", "p", 1)).line == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"a": 81.55, "b": 1436165227.00}', {"a": D("81.55"), "b": D("1436165227.00")}),
        ('{"a": 12, "b": -0, "c": 1e3}', {"a": 12, "b": 0, "c": D("1E+3")}),
        ('{"2020": "\\u00e9\\n", "x": [true, null]}', {"2020": "é\n", "x": [True, None]}),
        ('\ufeff{"a": {}}', {"a": {}}),
    ],
)
def test_json_values(text, expected):
    doc, _ = parse_document(text, filename="x.json")
    assert doc == expected
    assert [type(v) for v in doc.values()] == [type(v) for v in expected.values()]


def test_json_locations():
    text = '{\n  "a": {\n    "b": [1,\n      2]\n  },\n  "c": "x"\n}\n'
    _, source = parse_document(text, filename="x.json")
    found = {p: (loc.line, loc.column) for p, loc in source.locations.items()}
    assert found == {
        (): (1, 1),
        ("a",): (2, 3),
        ("a", "b"): (3, 5),
        ("a", "b", 0): (3, 11),
        ("a", "b", 1): (4, 7),
        ("c",): (6, 3),
    }


LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{n}: &{n} [{', '.join(['*' + p] * 10)}]\n"
    for p, n in zip("abcdefgh", "bcdefghi", strict=True)
)


@pytest.mark.parametrize(
    ("filename", "text", "expected"),
    [
        pytest.param(
            "x.yaml",
            "format: sakip-dataset/1\npemda:\n  nama: [a\n  b: c\n",
            [
                (
                    4,
                    4,
                    (),
                    "YAML tidak valid: did not find expected ',' or ']'; "
                    "while parsing a flow sequence",
                )
            ],
            id="malformed-yaml",
        ),
        pytest.param(
            "x.yaml",
            "pemda:\n  nama: A\n  provinsi: B\n  nama: C\nx: 1\nx: 2\n",
            [
                (4, 3, ("pemda", "nama"), "kunci ganda: 'nama' (sudah ada di baris 2)"),
                (6, 1, ("x",), "kunci ganda: 'x' (sudah ada di baris 5)"),
            ],
            id="duplicate-yaml-keys",
        ),
        pytest.param(
            "x.yaml",
            "target:\n  2020: 1\n  '2020': 2\n",
            [(3, 3, ("target", "2020"), "kunci ganda: '2020' (sudah ada di baris 2)")],
            id="duplicate-year-key-int-and-text",
        ),
        pytest.param(
            "x.yaml",
            "a: .nan\nb:\n  - 1.5\n  - -.inf\n",
            [
                (1, 4, ("a",), ".nan tidak diperbolehkan: nilai harus angka terhingga"),
                (4, 5, ("b", 1), "-.inf tidak diperbolehkan: nilai harus angka terhingga"),
            ],
            id="nan-and-inf",
        ),
        pytest.param(
            "x.yaml",
            "a: 1\n---\nb: 2\n",
            [(2, 1, (), "berkas hanya boleh berisi satu dokumen YAML")],
            id="two-documents",
        ),
        pytest.param("x.yaml", "", [(1, None, (), "dokumen kosong")], id="empty"),
        pytest.param(
            "x.yaml",
            "- a\n",
            [(1, None, (), "dokumen harus berupa peta (kunci: nilai)")],
            id="not-a-mapping",
        ),
        pytest.param(
            "x.yaml",
            "a: !!binary aGVsbG8=\nb: !!python/name:x x\n",
            [
                (1, 4, ("a",), "tag YAML tidak didukung: tag:yaml.org,2002:binary"),
                (2, 4, ("b",), "tag YAML tidak didukung: tag:yaml.org,2002:python/name:x"),
            ],
            id="unsafe-tags",
        ),
        pytest.param(
            "x.yaml",
            "a: ok\n? [k]\n: 1\n",
            [(2, 3, (), "kunci harus berupa teks, bukan peta atau daftar")],
            id="complex-key",
        ),
        pytest.param(
            "x.yaml",
            "a: &a [1, *a]\n",
            [(1, 11, ("a", 1), "alias tidak dikenal atau rekursif: *a")],
            id="recursive-alias",
        ),
        pytest.param(
            "x.yaml",
            LAUGHS,
            [
                (
                    5,
                    36,
                    ("e", 7),
                    "alias *d mengembangkan dokumen terlalu besar (pola 'billion laughs'): ditolak",
                )
            ],
            id="billion-laughs",
        ),
        pytest.param(
            "x.yaml",
            "[" * 200_000,
            [(1, 101, (), "struktur bersarang lebih dari 100 tingkat")],
            id="deep-nesting",  # libyaml's own composer would crash the process
        ),
        pytest.param(
            "x.yaml",
            "é: ok\nb: x\x01\n",
            [
                (
                    2,
                    5,
                    (),
                    "YAML tidak valid: unacceptable character #x0001: "
                    "control characters are not allowed",
                )
            ],
            id="control-character",
        ),
        pytest.param(
            "x.yaml",
            b"a: 1\nb: \xff\n",
            [(2, None, (), "berkas bukan teks UTF-8 (byte 9 tidak valid)")],
            id="not-utf8",
        ),
        pytest.param(
            "x.json",
            '{\n  "a": 1,\n  "b": [1, 2,\n}\n',
            [(4, 1, (), "JSON tidak valid: nilai JSON tidak valid dimulai dengan '}'")],
            id="malformed-json",
        ),
        pytest.param(
            "x.json",
            '{\n  "a": 1,\n  "a": 2\n}',
            [(3, 3, ("a",), "kunci ganda: 'a' (sudah ada di baris 2)")],
            id="duplicate-json-keys",
        ),
        pytest.param(
            "x.json",
            '{\n "a": [1,\n  NaN]}',
            [
                (
                    3,
                    3,
                    (),
                    "JSON tidak valid: NaN/Infinity tidak diperbolehkan: "
                    "nilai harus angka terhingga",
                )
            ],
            id="json-nan",
        ),
        pytest.param(
            "x.json",
            '{"a": 1} x',
            [(1, 10, (), "JSON tidak valid: ada data lain setelah akhir dokumen JSON")],
            id="json-trailing-data",
        ),
        pytest.param(
            "x.json",
            '{"a": 1,}',
            [(1, 9, (), "JSON tidak valid: diharapkan nama kunci dalam tanda kutip ganda")],
            id="json-trailing-comma",
        ),
        pytest.param(
            "x.json",
            "[" * 100_000,
            [(1, 101, (), "JSON tidak valid: struktur bersarang lebih dari 100 tingkat")],
            id="json-deep-nesting",
        ),
        pytest.param(
            "x.json",
            "[1]",
            [(1, None, (), "dokumen harus berupa objek JSON")],
            id="json-not-an-object",
        ),
        pytest.param(
            "x.txt",
            "a: 1",
            [
                (
                    None,
                    None,
                    (),
                    "jenis berkas tidak dikenal: '.txt'; "
                    "gunakan .yaml, .yml, .json, .xlsx atau .xlsm",
                )
            ],
            id="unknown-extension",
        ),
    ],
)
def test_malformed_input_names_line_column_and_path(filename, text, expected):
    assert galat_of(text, filename) == expected


def test_a_file_over_the_size_limit_is_refused_before_reading(tmp_path):
    big = tmp_path / "besar.yaml"
    with big.open("wb") as f:  # sparse: nothing is written but the size
        f.truncate(DEFAULT_MAX_BYTES + 1)
    with pytest.raises(DatasetInvalid) as info:
        read_document(big)
    [galat] = info.value.galat
    assert galat.lokasi == Lokasi(file=str(big))
    assert galat.pesan == "berkas terlalu besar: 20.971.521 byte, batasnya 20.971.520 byte"


def test_the_size_limit_is_a_keyword(tmp_path):
    path = tmp_path / "kecil.json"
    path.write_text('{"a": "' + "x" * 100 + '"}', encoding="utf-8")
    assert read_document(path, max_bytes=109)[0] == {"a": "x" * 100}
    with pytest.raises(DatasetInvalid, match="berkas terlalu besar: 109 byte, batasnya 108 byte"):
        read_document(path, max_bytes=108)


@pytest.mark.parametrize("content", ["a: é\n" * 10, ("a: é\n" * 10).encode()])
def test_in_memory_content_is_limited_by_its_utf8_size(content):
    # 10 lines of 6 bytes (é is two): 60 bytes, though 50 characters.
    assert galat_of(content, max_bytes=59) == [
        (None, None, (), "berkas terlalu besar: 60 byte, batasnya 59 byte")
    ]


def test_a_missing_file_is_a_galat(tmp_path):
    with pytest.raises(DatasetInvalid, match="berkas tidak dapat dibaca"):
        read_document(tmp_path / "tidak-ada.yaml")


def test_parse_document_reads_an_upload():
    doc, source = parse_document(ROBATAL.read_bytes(), filename="unggah.yml")
    assert source.find(("format",)).file == "unggah.yml"
    assert doc["format"] == "sakip-dataset/1"


@pytest.mark.parametrize("name", ["data.csv", "data.txt", "data", "data.yaml.bak"])
def test_an_unknown_extension_is_refused_naming_the_file_never_guessed(tmp_path, name):
    path = tmp_path / name
    path.write_text("format: sakip-dataset/1\n", encoding="utf-8")
    with pytest.raises(DatasetInvalid) as info:
        baca_dataset(path)
    [galat] = info.value.galat
    assert galat.lokasi == Lokasi(file=str(path))
    assert galat.pesan.startswith("jenis berkas tidak dikenal: ")
    assert str(galat).startswith(f"{path}: ")


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("a.yaml", "yaml"),
        ("a.YML", "yaml"),
        ("a.json", "json"),
        ("a.xlsx", "xlsx"),
        ("a.XLSM", "xlsx"),
    ],
)
def test_the_extension_names_the_format(name, fmt):
    assert format_berkas(name) == fmt


def test_a_workbook_upload_is_read_from_its_bytes(tmp_path):
    from sakip.dataset.xlsx import write_workbook

    path = tmp_path / "isian.xlsx"
    write_workbook(read_document(ROBATAL)[0], path)
    from_bytes, source = parse_document(path.read_bytes(), filename="unggah.xlsx")
    assert from_bytes == baca_dataset(path).doc
    assert source.find(("format",)).file == "unggah.xlsx"
    with pytest.raises(DatasetInvalid, match="harus dibaca sebagai byte"):
        parse_document("teks", filename="unggah.xlsx")
