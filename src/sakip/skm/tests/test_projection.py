"""Surveys of an imported dataset."""

from decimal import Decimal

import pytest

from sakip.datasets.services import dataset_import
from sakip.datasets.testing import minimal, robatal
from sakip.skm.models import Survei

pytestmark = pytest.mark.django_db

NRR = ["3.31", "3.35", "3.49", "3.93", "3.45", "3.39", "3.39", "3.76", "3.35"]


def _import(doc):
    return dataset_import(doc=doc, source_name="x.yaml", fmt="yaml")


def test_it_stores_the_unsur_of_a_named_set_with_their_nrr():
    nrr = {f"U{i}": Decimal(v) for i, v in enumerate(NRR, start=1)}
    _import(minimal(skm=[{"tahun": 2022, "layanan": "KTP", "nrr": nrr, "ikm": Decimal("87.28")}]))

    survei = Survei.objects.get()
    assert (survei.tahun, survei.layanan, survei.unsur_set) == (2022, "KTP", "permenpan-14-2017")
    assert survei.ikm == Decimal("87.28")
    unsur = list(survei.unsur.all())
    assert [u.kode for u in unsur] == [f"U{i}" for i in range(1, 10)]
    assert unsur[0].uraian.lower().startswith("persyaratan")
    assert [u.nrr for u in unsur] == [Decimal(v) for v in NRR]


def test_it_stores_a_list_of_unsur_and_a_survey_known_only_by_its_ikm():
    _import(
        minimal(
            skm=[
                {
                    "tahun": 2021,
                    "unsur": [{"kode": "A", "uraian": "Keramahan"}, {"kode": "B"}],
                    "mutu": "kepmenpan-25-2004",
                    "nrr": {"A": Decimal("3.5")},
                    "jumlah_responden": 120,
                },
                {"tahun": 2022, "ikm": Decimal("81.60")},
            ]
        )
    )

    daftar, ikm_saja = Survei.objects.order_by("urutan")
    assert (daftar.unsur_set, daftar.mutu, daftar.jumlah_responden) == (
        "daftar",
        "kepmenpan-25-2004",
        120,
    )
    assert [(u.kode, u.uraian, u.nrr) for u in daftar.unsur.all()] == [
        ("A", "Keramahan", Decimal("3.5")),
        ("B", "", None),
    ]
    assert ikm_saja.ikm == Decimal("81.60") and ikm_saja.unsur.count() == 9
    assert not ikm_saja.unsur.filter(nrr__isnull=False).exists()


def test_it_stores_no_survey_when_the_document_has_none():
    _import(robatal())

    assert not Survei.objects.exists()
