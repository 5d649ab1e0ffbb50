"""`sakip skm-buka`, `skm-impor`, `skm-ikm`, `skm-tutup` against the test database."""

import re
from decimal import Decimal
from pathlib import Path

import pytest

from sakip.cli.main import main
from sakip.record.models import NilaiIndikator
from sakip.skm.models import Kuesioner, Responden

ROBATAL = Path(__file__).resolve().parents[2] / "demo" / "robatal-2020.yaml"

pytestmark = pytest.mark.django_db


def test_it_opens_imports_sets_the_ikm_and_closes(tmp_path, capsys):
    assert main(["import", str(ROBATAL)]) == 0
    assert main(["skm-buka", "--instansi", "kecamatan robatal", "--tahun", "2020"]) == 0
    kode = re.search(r"/s/(\w+) ", capsys.readouterr().out).group(1)
    assert Kuesioner.objects.get().kode == kode

    bad = tmp_path / "salah.csv"
    bad.write_text("U1,U2,U3,U4,U5,U6,U7,U8,U9\n4,4,4,4,4,4,4,4,4\n4,4,4,4,4,4,4,4,44\n")
    assert main(["skm-impor", kode, str(bad)]) == 1
    assert "baris 3, kolom U9: nilai '44'" in capsys.readouterr().err
    assert Responden.objects.count() == 0

    good = tmp_path / "kertas.csv"
    good.write_text("U1,U2,U3,U4,U5,U6,U7,U8,U9\n4,4,4,4,4,4,4,4,4\n3,3,3,3,3,3,3,3,\n")
    assert main(["skm-impor", kode, str(good)]) == 0
    assert Responden.objects.count() == 2

    # U1..U8 (4+3)/2 = 3,5; U9 4/1 = 4: (8 x 3,5 + 4) / 9 x 25 = 88,89
    assert main(["skm-ikm", kode]) == 0
    assert "IKM 88,89 dicatat" in capsys.readouterr().out
    nilai = NilaiIndikator.objects.get(indikator__kode="S1.1", tahun=2020)
    assert nilai.realisasi == Decimal("88.89")

    assert main(["skm-tutup", kode]) == 0
    assert not Kuesioner.objects.get().terbuka
    assert main(["skm-ikm", "tidakada"]) == 1


def test_a_closed_survey_refuses_a_paper_import_at_the_command_line(tmp_path, capsys):
    assert main(["import", str(ROBATAL)]) == 0
    assert main(["skm-buka", "--instansi", "kecamatan robatal", "--tahun", "2020"]) == 0
    kode = re.search(r"/s/(\w+) ", capsys.readouterr().out).group(1)
    assert main(["skm-tutup", kode]) == 0
    f = tmp_path / "kertas.csv"
    f.write_text("U1,U2,U3,U4,U5,U6,U7,U8,U9\n4,4,4,4,4,4,4,4,4\n")
    assert main(["skm-impor", kode, str(f)]) == 1
    assert "sudah ditutup; tidak ada yang diimpor" in capsys.readouterr().err
    assert Responden.objects.count() == 0


@pytest.mark.parametrize("populasi", ["1e30", "0", "-5", "1000000000000000000000000000000", "x"])
def test_an_absurd_population_is_refused_by_skm_buka(populasi, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["skm-buka", "--instansi", "x", "--tahun", "2020", "--populasi", populasi])
    assert exc.value.code == 2
    assert "bukan jumlah populasi" in capsys.readouterr().err
    assert Kuesioner.objects.count() == 0
