"""The published schema: loadable as package data, a valid draft 2020-12
schema, accepting every section of the format; and the fast yes/no check
agreeing with jsonschema on any document."""

from __future__ import annotations

import copy
from decimal import Decimal as D
from importlib import resources

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator, FormatChecker

from sakip.dataset.load import parse_document, read_document, validate
from sakip.dataset.schema import SCHEMA_FILE, load_schema
from sakip.dataset.schema_check import inline_refs
from sakip.dataset.schema_fast import compile_schema

# Every section and most optional keys of the format, valid.
FULL = """\
format: sakip-dataset/1
pemda:
  nama: Kabupaten Sampang
  provinsi: Jawa Timur
  skala_capaian:
    - {lebih_dari: 100, label: Melampaui}
    - {dari: 91, sampai: 100, label: Sangat Tinggi}
    - {dari: 0, sampai: 90, label: Belum}
  batas_capaian: 120
  rumus_negatif: 2t-r
  bobot_skm: "1/9"
instansi:
  nama: Kecamatan Torjun
  jenis: kecamatan
  kepala: {jabatan: Camat Torjun, nama: Fulan, pangkat: Pembina, nip: "197001011990031001"}
  atasan: {jabatan: Bupati Sampang}
rpjmd:
  periode: [2021, 2026]
  visi: Sampang hebat
  misi:
    - {kode: M1, uraian: Misi satu}
  tujuan:
    - {kode: RT1, uraian: Tujuan RPJMD, misi: M1}
  sasaran:
    - kode: RS1
      uraian: Sasaran RPJMD
      misi: [M1]
      tujuan: RT1
      indikator:
        - Indeks Kepuasan Masyarakat
        - {kode: RI1, uraian: IKM kabupaten, target: {2022: [80, 85]}}
renstra:
  periode: [2021, 2026]
  dinyatakan:
    2022: [{capaian: 98.5, predikat: Sangat Tinggi, sumber: Ikhtisar}, {capaian: "98,50 %"}]
  tujuan:
    - kode: T1
      uraian: Tujuan
      mendukung: [RS1, M1]
      indikator:
        - {kode: T1.1, uraian: Indeks tujuan, polaritas: kualitatif, skala_nilai: [A, B, C],
           target: {2022: B}, realisasi: {2022: A}}
      sasaran:
        - kode: S1
          uraian: Sasaran
          mendukung: RS1
          indikator:
            - kode: S1.1
              uraian: IKM
              satuan: indeks
              polaritas: kualitatif
              skala_nilai: permenpan-14-2017
              iku: true
              formula: Survei
              sumber_data: SKM
              penanggung_jawab: Camat
              kondisi_awal: 78.2
              akumulasi: rata_rata
              target: {2022: B, 2023: "B"}
              realisasi: {2020: 77.1, 2022: 93.71}
              dinyatakan:
                2022: {capaian: 133.33, predikat: Sangat Tinggi, tingkat_kemajuan: 100,
                       realisasi: 93.71, target: B, sumber: Tabel 3.1}
            - kode: S1.2
              uraian: Persentase penurunan aduan
              polaritas: negatif
              target: {2022: [5, 10]}
              realisasi: {2022: 12 Bulan}
perjanjian_kinerja:
  tahun: 2022
  tanggal: 2022-02-01
  versi: 2
  indikator: [S1.1, {kode: S1.2, target: [4, 9]}]
  program: [7.01.01, {kode: 7.01.02, pagu: 1500000.00}]
  dinyatakan: [{pagu: 3000000.00, sumber: PK}]
rencana_aksi:
  S1.1: {2022: [B, B, B, B]}
realisasi_triwulan:
  S1.2: {2022: [3, null, 4, 5], 2020: [1, 2, 3, 4]}
anggaran:
  tahun: 2022
  belanja_tidak_langsung:
    - {uraian: Gaji, pagu: 100.00, realisasi: 90.00}
  program:
    - kode: 7.01.01
      uraian: Penunjang urusan
      sasaran: [S1]
      mendukung: [S1.1]
      indikator:
        - {kode: O1, uraian: Dokumen, satuan: dok, target: {2022: 3}, realisasi: {2022: 3}}
      dinyatakan: [{pagu: 1000.00, sumber: Tabel 3.5}, {persen: 90, sisa: -1.5}]
      kegiatan:
        - kode: 7.01.01.2.01
          uraian: Perencanaan
          sub_kegiatan:
            - kode: 7.01.01.2.01.0001
              uraian: Renstra
              rincian:
                pegawai: {pagu: 400.00, realisasi: 400.00}
                barang_jasa: {pagu: 600.00}
              dinyatakan: {capaian: 100}
    - {kode: 7.01.02, uraian: Pelayanan, pagu: 500.00, realisasi: 0}
  dinyatakan: {pagu: 1600.00, realisasi: 1490.00, persen: "93,13"}
skm:
  - tahun: 2022
    layanan: KTP
    responden_csv: skm/ktp-2022.csv
    jumlah_responden: 120
    populasi: 500
    dinyatakan: {ikm: 87.28, mutu: B, nrr: {U1: 3.31}}
  - tahun: 2022
    unsur: [{kode: A, uraian: Satu}, {kode: B}]
    mutu: [{dari: 80, mutu: A, kinerja: Baik}, {dari: 25, label: B}]
    nrr: {A: 3.5, B: 4}
  - {tahun: 2021, unsur: kepmenpan-25-2004, mutu: kepmenpan-25-2004, ikm: 81.3}
evaluasi:
  2022:
    nilai: 72.51
    predikat: BB
    tanggal: 2022-11-30
    evaluator: Inspektorat
    komponen: {perencanaan: 22.5, pengukuran: 20, pelaporan: 10.01, evaluasi_internal: 20}
    rekomendasi:
      - {uraian: Susun rencana aksi, tindak_lanjut: Disusun, status: selesai}
      - {uraian: Pantau triwulan}
narasi:
  kata_pengantar: Puji syukur.
  ikhtisar: Ringkas.
  isu_strategis:
    - {masalah: Pelayanan, pokok_masalah: SKM, akar_masalah: Sarana}
  analisis: {S1.1: Naik., O1: Tercapai.}
  hambatan: Anggaran.
  solusi: Efisiensi.
  penutup: Demikian.
"""


@pytest.fixture(scope="module")
def full():
    return parse_document(FULL, filename="full.yaml")


def test_the_schema_is_package_data_and_a_valid_2020_12_schema():
    text = resources.files("sakip.dataset.schema").joinpath(SCHEMA_FILE).read_text("utf-8")
    schema = load_schema()
    assert '"$id"' in text and schema["$id"] == "urn:sakip:schema:sakip-dataset-1"
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["title"] == "sakip-dataset/1"
    Draft202012Validator.check_schema(schema)


def _objects(node, path=()):
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            yield from _objects(value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _objects(value, (*path, i))


def test_every_object_schema_is_closed_and_every_custom_message_has_its_keyword():
    for path, node in _objects(load_schema()):
        if node.get("type") == "object":
            assert "additionalProperties" in node, path
        for keyword in node.get("x-galat", {}):
            assert keyword in node, (path, keyword)


def test_every_section_validates(full):
    doc, source = full
    assert validate(doc, source) == []
    assert list(Draft202012Validator(load_schema()).iter_errors(doc)) == []


def test_the_published_schema_accepts_robatal(robatal_path):
    doc, _ = read_document(robatal_path)
    assert list(Draft202012Validator(load_schema()).iter_errors(doc)) == []


# -- the fast check says "valid" exactly when jsonschema does -----------------
PUBLISHED = Draft202012Validator(load_schema(), format_checker=FormatChecker(formats=["date"]))
FAST = compile_schema(inline_refs(load_schema()))

WORDS = [
    "",
    "x",
    "P1",
    "S1.1",
    "positif",
    "kualitatif",
    "2t-r",
    "1/9",
    "0.111",
    "B",
    "A",
    "2022-02-01",
    "2022-02-30",
    "permenpan-14-2017",
    "selesai",
    "../x.csv",
    "sakip-dataset/1",
    " S1",
    "2022",
    "kode",
    "pagu",
]
KEYS = [
    "kode",
    "uraian",
    "pagu",
    "realisasi",
    "target",
    "dari",
    "label",
    "2022",
    "1999",
    "x",
    "lebih_dari",
    "nrr",
    "ikm",
    "sumber",
    "rincian",
    "modal",
    "tahun",
    "dinyatakan",
]
scalar = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 2300),
    st.sampled_from([D("0"), D("-0.01"), D("0.111"), D("81.55"), D("100.5"), D("2022")]),
    st.sampled_from(WORDS),
)
replacement = st.recursive(
    scalar,
    lambda inner: st.one_of(
        st.lists(inner, max_size=5), st.dictionaries(st.sampled_from(KEYS), inner, max_size=3)
    ),
    max_leaves=6,
)


def _paths(node, path=()):
    yield path
    if isinstance(node, dict):
        items = list(node.items())
    else:
        items = list(enumerate(node)) if isinstance(node, list) else []
    for key, value in items:
        yield from _paths(value, (*path, key))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_the_fast_check_agrees_with_jsonschema(full, data):
    doc = copy.deepcopy(full[0])
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from([p for p in _paths(doc) if p]))
        parent = doc
        for key in path[:-1]:
            parent = parent[key]
        action = data.draw(st.sampled_from(["replace", "delete", "add"]))
        if action == "replace":
            parent[path[-1]] = data.draw(replacement)
        elif action == "delete":
            del parent[path[-1]]
        elif isinstance(parent, dict):
            parent[data.draw(st.sampled_from(KEYS))] = data.draw(replacement)
        else:
            parent.append(data.draw(replacement))
    assert FAST(doc) == (next(PUBLISHED.iter_errors(doc), None) is None)
    # Whatever the damage, validation reports it and never raises.
    galat = validate(doc, full[1])
    assert all(g.pesan and g.lokasi.line for g in galat)


@pytest.mark.parametrize(
    ("path", "value", "valid"),
    [
        (("perjanjian_kinerja", "tanggal"), "2022-02-30", False),  # format: date
        (("perjanjian_kinerja", "tanggal"), "2022-2-1", False),
        (("perjanjian_kinerja", "versi"), True, False),  # a bool is not an integer
        (("perjanjian_kinerja", "tahun"), D("2022"), False),  # nor is a Decimal
        (("pemda", "bobot_skm"), D("0.1110"), True),  # enum by value
        (("pemda", "bobot_skm"), 1, False),
        (("pemda", "capaian_kualitatif"), "100/0", True),
        (("pemda", "capaian_kualitatif"), "terpisah", True),
        (("pemda", "capaian_kualitatif"), "100", False),
        (("pemda", "batas_capaian"), 0, False),  # exclusiveMinimum
        (("pemda", "skala_capaian", 0, "dari"), 100, False),  # not both bounds
        (("renstra", "tujuan", 0, "indikator", 0, "skala_nilai"), ["A", "A"], False),
        (("renstra", "tujuan", 0, "sasaran", 0, "indikator", 1, "target", "2022"), [5], False),
        (("renstra", "tujuan", 0, "sasaran", 0, "indikator", 1, "target", "22"), 5, False),
        (("skm", 1, "nrr", "A"), D("4.01"), False),
        (("skm", 0, "responden_csv"), "/etc/passwd", False),
        (("skm", 2, "ikm"), None, False),  # no result left
        (("narasi", "analisis", "S1.1"), 5, False),
        (("anggaran", "program", 1, "realisasi"), D("-0.00"), True),  # -0 is not negative
    ],
)
def test_the_fast_check_agrees_on_edge_cases(full, path, value, valid):
    doc = copy.deepcopy(full[0])
    parent = doc
    for key in path[:-1]:
        parent = parent[key]
    if value is None:
        del parent[path[-1]]
    else:
        parent[path[-1]] = value
    assert (next(PUBLISHED.iter_errors(doc), None) is None) is valid
    assert FAST(doc) is valid
