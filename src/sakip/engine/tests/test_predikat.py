from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sakip.engine.predikat import (
    SKALA_PERMENDAGRI_86,
    periksa_skala,
    predikat_evaluasi,
    skala_dari_data,
)


@pytest.mark.parametrize(
    ("nilai", "label"),
    [
        (D("0"), "Sangat Rendah"),
        (D("50"), "Sangat Rendah"),
        (D("50.5"), "Sangat Rendah"),
        (D("51"), "Rendah"),
        (D("65.99"), "Rendah"),
        (D("66"), "Sedang"),
        (D("75.5"), "Sedang"),
        (D("76"), "Tinggi"),
        (D("90.5"), "Tinggi"),
        (D("91"), "Sangat Tinggi"),
        (D("96.89"), "Sangat Tinggi"),
        (D("120"), "Sangat Tinggi"),
    ],
)
def test_it_labels_by_the_default_scale(nilai, label):
    assert SKALA_PERMENDAGRI_86.predikat(nilai) == label


def test_the_default_scale_has_no_gap_or_overlap():
    assert periksa_skala(SKALA_PERMENDAGRI_86) == []


@pytest.mark.parametrize(
    ("bands", "jenis"),
    [
        # a reference report's scale: nothing between 85 and 95
        (
            [
                {"dari": 95, "label": "Sangat Baik"},
                {"dari": 75, "sampai": 85, "label": "Baik"},
                {"dari": 0, "sampai": 74, "label": "Kurang"},
            ],
            ["celah"],
        ),
        (
            [
                {"dari": 90, "label": "A"},
                {"dari": 70, "sampai": 92, "label": "B"},
                {"dari": 0, "sampai": 69, "label": "C"},
            ],
            ["tumpang"],
        ),
        ([{"dari": 50, "label": "A"}], ["celah"]),
        (
            [
                {"lebih_dari": 100, "label": "Melampaui"},
                {"dari": 91, "sampai": 100, "label": "Sangat Tinggi"},
                {"dari": 0, "sampai": 90, "label": "Lain"},
            ],
            [],
        ),
        ([{"dari": 0, "label": "X"}, {"dari": 0, "label": "Y"}], ["tumpang"]),
    ],
)
def test_it_reports_gaps_and_overlaps(bands, jenis):
    assert [m.jenis for m in periksa_skala(skala_dari_data(bands))] == jenis


def test_more_than_100_is_exclusive():
    skala = skala_dari_data(
        [{"lebih_dari": 100, "label": "Melampaui"}, {"dari": 0, "label": "Tercapai"}]
    )
    assert skala.predikat(D(100)) == "Tercapai"
    assert skala.predikat(D("100.01")) == "Melampaui"


@given(st.decimals(min_value=0, max_value=1000, places=2))
def test_every_value_gets_exactly_the_band_with_the_greatest_lower_bound(nilai):
    label = SKALA_PERMENDAGRI_86.predikat(nilai)
    bounds = {"Sangat Rendah": 0, "Rendah": 51, "Sedang": 66, "Tinggi": 76, "Sangat Tinggi": 91}
    expected = max((b, lab) for lab, b in bounds.items() if b <= nilai)[1]
    assert label == expected


@pytest.mark.parametrize(
    ("nilai", "predikat"),
    [
        (D("100"), "AA"),
        (D("90.01"), "AA"),
        (D("90"), "A"),
        (D("80.5"), "A"),
        (D("80"), "BB"),
        (D("70"), "B"),
        (D("60"), "CC"),
        (D("50"), "C"),
        (D("30.01"), "C"),
        (D("30"), "D"),
        (D("0"), "D"),
    ],
)
def test_it_gives_the_sakip_evaluation_predikat(nilai, predikat):
    assert predikat_evaluasi(nilai) == predikat
