"""`sakip import`, `export` and `demo` against the test database."""

from decimal import Decimal
from pathlib import Path

import pytest

from sakip.cli.main import main
from sakip.dataset.baca import baca_dataset
from sakip.datasets.models import DatasetVersion

DEMO = Path(__file__).resolve().parents[2] / "demo"
ROBATAL = DEMO / "robatal-2020.yaml"
TORJUN = DEMO / "torjun-2022.yaml"

pytestmark = pytest.mark.django_db


def test_it_imports_nothing_when_one_file_is_bad(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text(ROBATAL.read_text().replace("pagu: 3000000.00", "pagu: -3000000.00"))
    assert main(["import", str(TORJUN), str(bad)]) == 1
    err = capsys.readouterr().err
    assert "bad.yaml" in err and "negatif" in err
    assert DatasetVersion.objects.count() == 0


def test_it_refuses_to_overwrite_without_replace_and_keeps_the_old_version(capsys):
    assert main(["import", str(ROBATAL)]) == 0
    assert main(["import", str(ROBATAL)]) == 1
    assert "--replace" in capsys.readouterr().err
    assert DatasetVersion.objects.count() == 1
    assert main(["import", "--replace", str(ROBATAL)]) == 0
    assert DatasetVersion.objects.count() == 2
    assert DatasetVersion.objects.filter(is_active=True).count() == 1


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_export_then_import_round_trips_exactly(tmp_path, capsys, fmt):
    assert main(["import", str(TORJUN)]) == 0
    out = tmp_path / f"torjun.{fmt}"
    args = ["export", "--instansi", "Kecamatan Torjun", "--tahun", "2022", "--format", fmt]
    assert main([*args, "--out", str(out)]) == 0
    assert baca_dataset(out).doc == baca_dataset(TORJUN).doc


def test_export_of_an_unknown_year_says_so(capsys):
    assert main(["import", str(ROBATAL)]) == 0
    assert main(["export", "--instansi", "Kecamatan Robatal", "--tahun", "2019"]) == 1
    assert "2019" in capsys.readouterr().err


def test_demo_loads_both_reports(capsys):
    assert main(["demo"]) == 0
    tahun = sorted(DatasetVersion.objects.values_list("instansi__nama", "tahun"))
    assert tahun == [("Kecamatan Robatal", 2020), ("Kecamatan Torjun", 2022)]
    from sakip.anggaran.models import AnggaranNode

    leaf = AnggaranNode.objects.get(uraian="Fasilitasi administrasi pelayanan umum")
    assert leaf.pagu == Decimal("826875.00")


def test_a_replaced_version_can_be_listed_and_restored(capsys):
    assert main(["import", str(ROBATAL)]) == 0
    first = DatasetVersion.objects.get()
    assert main(["import", "--replace", str(ROBATAL)]) == 0
    capsys.readouterr()
    assert main(["versi", "--instansi", "Kecamatan Robatal"]) == 0
    listing = capsys.readouterr().out
    assert f"#{first.pk}" in listing and "diganti" in listing and "aktif" in listing
    assert main(["pulihkan", str(first.pk)]) == 0
    first.refresh_from_db()
    assert first.is_active
    assert DatasetVersion.objects.filter(is_active=True).count() == 1
    assert main(["pulihkan", str(first.pk)]) == 1  # already active
    assert main(["pulihkan", "9999"]) == 1
