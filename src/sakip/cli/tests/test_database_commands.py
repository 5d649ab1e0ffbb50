"""`sakip import`, `export`, `check --instansi`, `riwayat`, `versi`, `pulihkan`
and `demo` against the test database."""

import json
from decimal import Decimal
from pathlib import Path

import pytest

from sakip.cli.main import main
from sakip.dataset.baca import baca_dataset
from sakip.ledger.models import DatasetVersion
from sakip.ledger.testing import dump
from sakip.record.models import AnggaranNode, AturanPemda, TahunKinerja

DEMO = Path(__file__).resolve().parents[2] / "demo"
ROBATAL = DEMO / "robatal-2020.yaml"
TORJUN = DEMO / "torjun-2022.yaml"
LEAF = "Fasilitasi administrasi pelayanan umum"

pytestmark = pytest.mark.django_db


def test_it_imports_nothing_when_one_file_is_bad(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text(ROBATAL.read_text().replace("pagu: 3000000.00", "pagu: -3000000.00"))
    assert main(["import", str(TORJUN), str(bad)]) == 1
    err = capsys.readouterr().err
    assert "bad.yaml" in err and "negatif" in err
    assert not TahunKinerja.objects.exists() and not DatasetVersion.objects.exists()


@pytest.mark.parametrize("path", [ROBATAL, TORJUN], ids=["robatal", "torjun"])
def test_each_shipped_dataset_imported_twice_changes_nothing_the_second_time(path, capsys):
    assert main(["import", str(path)]) == 0
    assert "ditambah (diimpor)" in capsys.readouterr().out
    before = dump()

    assert main(["import", str(path)]) == 0

    assert "tidak ada perubahan" in capsys.readouterr().out
    assert dump() == before


def test_a_dry_run_prints_the_plan_and_writes_nothing(tmp_path, capsys):
    assert main(["import", str(ROBATAL)]) == 0
    changed = tmp_path / "robatal-revisi.yaml"
    changed.write_text(
        ROBATAL.read_text().replace("pagu: 826875.00", "pagu: 826875.50"), encoding="utf-8"
    )
    before = dump()
    capsys.readouterr()

    assert main(["import", "--dry-run", str(changed)]) == 0

    out = capsys.readouterr().out
    assert "1 diubah (akan diubah)" in out
    assert f"P5 / {LEAF}: pagu: 826.875,00 -> 826.875,50" in out
    assert "uji coba: tidak ada yang ditulis" in out
    assert dump() == before

    assert main(["import", str(changed)]) == 0
    assert AnggaranNode.objects.get(uraian=LEAF).pagu == Decimal("826875.50")


@pytest.mark.parametrize("fmt", ["yaml", "json", "xlsx"])
def test_export_then_import_is_a_fixed_point(tmp_path, capsys, fmt):
    assert main(["import", str(TORJUN)]) == 0
    out = tmp_path / f"torjun.{fmt}"
    args = ["export", "--instansi", "Kecamatan Torjun", "--tahun", "2022", "--format", fmt]
    assert main([*args, "--out", str(out)]) == 0
    assert baca_dataset(out).doc == baca_dataset(TORJUN).doc
    capsys.readouterr()

    assert main(["import", str(out)]) == 0
    assert "tidak ada perubahan" in capsys.readouterr().out


def test_export_of_an_unknown_year_says_so(capsys):
    assert main(["import", str(ROBATAL)]) == 0
    assert main(["export", "--instansi", "Kecamatan Robatal", "--tahun", "2019"]) == 1
    assert "2019" in capsys.readouterr().err


@pytest.mark.parametrize(
    "path,instansi,tahun",
    [(ROBATAL, "Kecamatan Robatal", "2020"), (TORJUN, "Kecamatan Torjun", "2022")],
    ids=["robatal", "torjun"],
)
def test_check_from_the_database_equals_check_of_the_file(path, instansi, tahun, capsys):
    assert main(["check", "--format", "json", str(path)]) == 0
    dari_berkas = json.loads(capsys.readouterr().out)
    assert main(["import", str(path)]) == 0
    capsys.readouterr()

    assert main(["check", "--format", "json", "--instansi", instansi, "--tahun", tahun]) == 0

    dari_database = json.loads(capsys.readouterr().out)
    assert dari_database.pop("file") == f"{instansi} {tahun} (database)"
    dari_berkas.pop("file")
    assert dari_database == dari_berkas


def test_check_needs_a_file_or_an_instansi_year(capsys):
    assert main(["check"]) == 2
    assert main(["check", "--instansi", "Kecamatan Robatal"]) == 2
    assert main(["check", "--instansi", "Kecamatan Robatal", "--tahun", "2020"]) == 1
    assert "tidak ditemukan" in capsys.readouterr().err


def test_riwayat_lists_who_changed_what_and_when(tmp_path, capsys):
    assert main(["import", str(ROBATAL)]) == 0
    changed = tmp_path / "robatal-revisi.yaml"
    changed.write_text(ROBATAL.read_text().replace("2020: 79.017", "2020: 80.5"), encoding="utf-8")
    assert main(["import", str(changed)]) == 0
    capsys.readouterr()

    args = ["riwayat", "--instansi", "Kecamatan Robatal", "--tahun", "2020"]
    assert main([*args, "--indikator", "S1.1", "--bidang", "realisasi"]) == 0

    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 1
    assert "sistem" in lines[0]
    assert "indikator S1.1 / 2020: realisasi: 79,017 -> 80,5" in lines[0]
    assert main([*args, "--indikator", "X9"]) == 1
    assert "X9" in capsys.readouterr().err


def test_demo_loads_both_reports(capsys):
    assert main(["demo"]) == 0
    tahun = sorted(TahunKinerja.objects.values_list("instansi__nama", "tahun"))
    assert tahun == [("Kecamatan Robatal", 2020), ("Kecamatan Torjun", 2022)]
    assert AnggaranNode.objects.get(uraian=LEAF).pagu == Decimal("826875.00")
    # The pemda keeps the scale of its first file (Torjun's states none).
    aturan = AturanPemda.objects.get(pemda__nama="Kabupaten Sampang")
    assert aturan.skala_capaian == baca_dataset(ROBATAL).doc["pemda"]["skala_capaian"]


def test_an_earlier_file_can_be_listed_and_applied_again(tmp_path, capsys):
    assert main(["import", str(ROBATAL)]) == 0
    first = DatasetVersion.objects.get()
    changed = tmp_path / "robatal-revisi.yaml"
    changed.write_text(
        ROBATAL.read_text().replace("pagu: 826875.00", "pagu: 826875.50"), encoding="utf-8"
    )
    assert main(["import", str(changed)]) == 0
    capsys.readouterr()

    assert main(["versi", "--instansi", "Kecamatan Robatal"]) == 0
    listing = capsys.readouterr().out
    assert f"#{first.pk}" in listing and "lama" in listing and "terbaru" in listing

    assert main(["pulihkan", "--dry-run", str(first.pk)]) == 0
    assert "pagu: 826.875,50 -> 826.875,00" in capsys.readouterr().out
    assert AnggaranNode.objects.get(uraian=LEAF).pagu == Decimal("826875.50")

    assert main(["pulihkan", str(first.pk)]) == 0
    assert AnggaranNode.objects.get(uraian=LEAF).pagu == Decimal("826875.00")
    assert main(["pulihkan", str(first.pk)]) == 0
    assert "tidak ada perubahan" in capsys.readouterr().out
    assert main(["pulihkan", "9999"]) == 1
