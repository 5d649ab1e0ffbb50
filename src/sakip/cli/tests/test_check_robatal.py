"""`sakip check` reproduces the Robatal 2020 report's correct figures and flags
its inconsistency (the figures are those the dataset's comments list)."""

import json
from pathlib import Path

import pytest

from sakip.cli.main import main

DEMO = Path(__file__).resolve().parents[2] / "demo"


@pytest.fixture(scope="module")
def robatal(tmp_path_factory):
    return DEMO / "robatal-2020.yaml"


def _check_json(capsys, *files):
    status = main(["check", "--format", "json", *map(str, files)])
    out = capsys.readouterr()
    return status, json.loads(out.out) if out.out else None, out.err


def test_it_computes_the_ikm_capaian(capsys, robatal):
    status, data, _ = _check_json(capsys, robatal)
    assert status == 0
    row = next(r for r in data["indikator"] if r["kode"] == "S1.1" and r["tahun"] == 2020)
    assert row["target"] == "81.55"
    assert row["realisasi"] == "79.017"
    assert row["capaian"] == "96.89"
    assert row["predikat"] == "Sangat Tinggi"
    assert row["rumus"] == "realisasi / target x 100"
    assert row["perubahan"]["selisih"] == "-2.583"
    assert row["perubahan"]["persen"] == "-3.17"


@pytest.mark.parametrize(
    ("lokasi", "pagu", "realisasi", "penyerapan", "sisa"),
    [
        ("P1", "139531378.50", "130601977.00", "93.60", "8929401.50"),
        ("belanja_langsung", "311898403.50", "301520797.00", "96.67", "10377606.50"),
        ("belanja_tidak_langsung", "1902981227.00", "1588157346.00", "83.46", "314823881.00"),
        ("total", "2214879630.50", "1889678143.00", "85.32", "325201487.50"),
        ("P5/#5", "826875.00", "826000.00", "99.89", "875.00"),
    ],
)
def test_it_rolls_up_the_budget(capsys, robatal, lokasi, pagu, realisasi, penyerapan, sisa):
    _, data, _ = _check_json(capsys, robatal)
    row = next(r for r in data["anggaran"] if r["lokasi"] == lokasi)
    assert (row["pagu"], row["realisasi"], row["penyerapan"], row["sisa"]) == (
        pagu,
        realisasi,
        penyerapan,
        sisa,
    )


def test_it_flags_the_printed_sisa_and_nothing_else_as_wrong(capsys, robatal):
    _, data, _ = _check_json(capsys, robatal)
    galat = [t for t in data["temuan"] if t["tingkat"] == "galat"]
    assert [(t["kode"], t["lokasi"], t["dinyatakan"], t["dihitung"]) for t in galat] == [
        ("SISA_BEDA", "P5/#5", "0.01", "875.00")
    ]
    assert "0,01" in galat[0]["pesan"] and "875,00" in galat[0]["pesan"]


def test_it_reports_efficiency_per_sasaran(capsys, robatal):
    _, data, _ = _check_json(capsys, robatal)
    [row] = data["efisiensi"]
    assert row["sasaran"] == "S1"
    assert row["capaian"] == "96.89"
    assert row["penyerapan"] == "96.67"
    assert row["selisih"] == "0.22"


def test_the_text_output_names_figures_the_indonesian_way(capsys, robatal):
    assert main(["check", str(robatal)]) == 0
    out = capsys.readouterr().out
    assert "96,89 %" in out
    assert "2.214.879.630,50" in out
    assert "SISA_BEDA" in out


def test_an_invalid_file_exits_1_with_the_line(capsys, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: sakip-dataset/1\npemda: [unclosed\n", encoding="utf-8")
    status = main(["check", str(bad)])
    err = capsys.readouterr().err
    assert status == 1
    assert "bad.yaml" in err and "baris" in err


def test_a_missing_file_exits_1(capsys, tmp_path):
    assert main(["check", str(tmp_path / "nope.yaml")]) == 1
    assert "tidak ditemukan" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("aturan", "capaian_instansi", "keterangan"),
    [
        ("", "tidak terukur", "1 indikator kualitatif: tercapai"),
        ("  capaian_kualitatif: 100/0\n", "100.00", None),
    ],
)
def test_a_graded_indicator_is_tercapai_in_the_json(
    capsys, robatal, tmp_path, aturan, capaian_instansi, keterangan
):
    teks = robatal.read_text(encoding="utf-8")
    teks = teks.replace(
        "polaritas: positif      # positif | negatif | kualitatif",
        "polaritas: kualitatif\n              skala_nilai: permenpan-14-2017",
    ).replace("target: {2020: 81.55}", "target: {2020: B}")
    teks = teks.replace("  provinsi: Jawa Timur\n", "  provinsi: Jawa Timur\n" + aturan, 1)
    berkas = tmp_path / "robatal-huruf.yaml"
    berkas.write_text(teks, encoding="utf-8")
    status, data, err = _check_json(capsys, berkas)
    assert status == 0, err
    row = next(r for r in data["indikator"] if r["kode"] == "S1.1" and r["tahun"] == 2020)
    assert (row["capaian"], row["tercapai"], row["predikat"]) == ("tercapai", True, "tercapai")
    assert "x 100" not in row["perhitungan"]
    [instansi] = data["capaian_instansi"]
    assert instansi["capaian"] == capaian_instansi
    assert (instansi["kualitatif"] or {}).get("keterangan") == keterangan
    assert "kualitatif" in instansi["rumus"]
