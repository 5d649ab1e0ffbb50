"""The pemda and instansi of an imported dataset, and their settings."""

from decimal import Decimal

import pytest
from django.db import IntegrityError

from sakip.datasets.errors import DatasetRejected
from sakip.datasets.services import dataset_import
from sakip.datasets.testing import minimal, robatal
from sakip.organisasi.models import BobotSkm, Instansi, Pemda, RumusNegatif

pytestmark = pytest.mark.django_db


def _import(doc, **kwargs):
    return dataset_import(doc=doc, source_name="x.yaml", fmt="yaml", **kwargs)


def test_it_creates_the_pemda_and_the_instansi_with_its_officials():
    _import(robatal())

    instansi = Instansi.objects.select_related("pemda").get()
    assert instansi.nama == "Kecamatan Robatal" and instansi.jenis == "kecamatan"
    assert instansi.kepala_nama == "H. AHMAD FIRDAUSI, S.Pd, M.Si"
    assert instansi.kepala_jabatan == "Camat Robatal"
    assert instansi.kepala_pangkat == "Pembina Tingkat I"
    assert instansi.kepala_nip == "196604011989031005"
    assert instansi.atasan_jabatan == "Bupati Sampang" and instansi.atasan_nama == ""
    assert instansi.pemda.nama == "Kabupaten Sampang"
    assert instansi.pemda.provinsi == "Jawa Timur"


def test_it_takes_the_pemda_settings_from_the_document():
    _import(robatal())

    pemda = Pemda.objects.get()
    assert pemda.skala_capaian[0] == {"dari": 91, "label": "Sangat Tinggi"}
    assert [band["label"] for band in pemda.skala_capaian][-1] == "Sangat Rendah"
    assert pemda.batas_capaian is None
    assert pemda.rumus_negatif == RumusNegatif.DUA_T_KURANG_R
    assert pemda.bobot_skm == BobotSkm.TEPAT


@pytest.mark.parametrize(
    ("bobot", "stored"),
    [("1/9", "1/n"), ("1/n", "1/n"), (Decimal("0.111"), "0.111"), ("0.11", "0.11")],
)
def test_it_reads_the_skm_weight_however_it_is_written(bobot, stored):
    doc = minimal()
    doc["pemda"].update(
        bobot_skm=bobot,
        batas_capaian=Decimal("120.5"),
        rumus_negatif="t/r",
        skala_capaian=[{"dari": Decimal("90.5"), "label": "Baik"}],
    )
    _import(doc)

    pemda = Pemda.objects.get()
    assert pemda.bobot_skm == stored
    assert pemda.batas_capaian == Decimal("120.5")
    assert pemda.rumus_negatif == "t/r"
    # A JSON column cannot hold a Decimal: its exact text is kept.
    assert pemda.skala_capaian == [{"dari": "90.5", "label": "Baik"}]


def test_it_rejects_an_unknown_formula_and_writes_nothing():
    doc = minimal()
    doc["pemda"]["rumus_negatif"] = "r/t"

    with pytest.raises(DatasetRejected, match=r"^pemda\.rumus_negatif: 'r/t' bukan"):
        _import(doc)

    assert not Pemda.objects.exists()


def test_it_updates_the_officials_on_replace():
    _import(robatal())
    doc = robatal()
    doc["instansi"]["kepala"] = {"jabatan": "Camat Robatal", "nama": "Pejabat Baru"}

    _import(doc, replace=True)

    instansi = Instansi.objects.get()
    assert instansi.kepala_nama == "Pejabat Baru" and instansi.kepala_nip == ""


def test_it_allows_one_instansi_name_per_pemda_whatever_the_case():
    pemda = Pemda.objects.create(nama="Kabupaten Sampang")
    Instansi.objects.create(pemda=pemda, nama="Kecamatan Robatal")

    with pytest.raises(IntegrityError):
        Instansi.objects.create(pemda=pemda, nama="kecamatan robatal")
