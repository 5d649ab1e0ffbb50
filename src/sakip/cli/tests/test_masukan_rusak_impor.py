"""``sakip import`` refuses every hostile file of the table of
``sakip/dataset/tests/test_masukan_rusak.py`` the way ``sakip check`` does:
exit 1, the message naming file and line or cell, no raw control character
on the terminal, and the database unchanged."""

import json

import pytest

from sakip.cli.main import main
from sakip.dataset.tests.test_masukan_rusak import KASUS, Kasus
from sakip.ledger.testing import dump
from sakip.record.models import TahunKinerja

from .test_database_commands import ROBATAL, TORJUN

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("kasus", KASUS, ids=[k.id for k in KASUS])
def test_import_refuses_it_and_changes_nothing(tmp_path, capsys, kasus: Kasus):
    assert main(["import", str(TORJUN)]) == 0
    before = dump()
    path, tempat = kasus.buat(tmp_path)
    capsys.readouterr()

    assert main(["import", str(path)]) == 1

    out, err = capsys.readouterr()
    assert f"{path}, {tempat}: " in err and kasus.pesan in err
    assert "tidak ada data yang diimpor" in err
    assert all(ch in "\n\t" or ch.isprintable() for ch in out + err)
    assert dump() == before
    assert TahunKinerja.objects.count() == 1


@pytest.mark.parametrize(
    ("nama", "berkas"),
    [
        ("../../luar/Kecamatan Robatal", "luar-kecamatan-robatal-2020.xlsx"),
        ("/etc/Kecamatan Robatal", "etc-kecamatan-robatal-2020.xlsx"),
        ("..\\..\\Kecamatan Robatal", "kecamatan-robatal-2020.xlsx"),
        ("...", "2020.xlsx"),
        ("Kecamatan ... Robatal", "kecamatan-.-robatal-2020.xlsx"),
    ],
    ids=["naik-folder", "akar", "garis-miring-terbalik", "titik-saja", "titik-tengah"],
)
def test_export_without_out_writes_only_into_the_current_folder(
    tmp_path, monkeypatch, capsys, nama, berkas
):
    data = tmp_path / "data.yaml"
    teks = ROBATAL.read_text(encoding="utf-8")
    teks = teks.replace("nama: Kecamatan Robatal", f"nama: {json.dumps(nama)}")
    data.write_text(teks, encoding="utf-8")
    assert main(["import", str(data)]) == 0
    kerja = tmp_path / "a" / "b"
    kerja.mkdir(parents=True)
    monkeypatch.chdir(kerja)
    sebelum = set(tmp_path.rglob("*"))

    assert main(["export", "--instansi", nama, "--tahun", "2020", "--format", "xlsx"]) == 0

    baru = set(tmp_path.rglob("*")) - sebelum
    assert baru == {kerja / berkas}, baru
    assert f"ditulis: {berkas}" in capsys.readouterr().err
