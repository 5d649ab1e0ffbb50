"""Capaian by polarity: one row per case, readable by an auditor."""

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sakip.engine.angka import bulatkan
from sakip.engine.capaian import capaian_indikator, rata_rata_capaian


@pytest.mark.parametrize(
    ("target", "realisasi", "polaritas", "rumus_negatif", "expected"),
    [
        # Robatal 2020, IKM: 79,017 / 81,55 x 100
        (D("81.55"), D("79.017"), "positif", "2t-r", D("96.89")),
        # Torjun-style exactly met
        (D("82.08"), D("82.08"), "positif", "2t-r", D("100.00")),
        # over target, uncapped at the indicator level
        (D(10), D(13), "positif", "2t-r", D("130.00")),
        # negative polarity: (2 x 10 - 12) / 10 x 100
        (D(10), D(12), "negatif", "2t-r", D("80.00")),
        # negative, better than target: (2 x 10 - 5) / 10
        (D(10), D(5), "negatif", "2t-r", D("150.00")),
        # negative floored at 0 once realisasi > 2 x target
        (D(10), D(25), "negatif", "2t-r", D("0.00")),
        # the other regional rule: target / realisasi
        (D(10), D(12), "negatif", "t/r", D("83.33")),
        # numbers written the Indonesian way
        ("12 Bulan", "12 Bulan", "positif", "2t-r", D("100.00")),
        ("1.500 surat", "1.200 surat", "positif", "2t-r", D("80.00")),
        ("2,5 km", "2 km", "positif", "2t-r", D("80.00")),
        # range target: inside is 100, outside compares with the nearer bound
        ([80, 85], D(83), "positif", "2t-r", D("100.00")),
        ([80, 85], D(72), "positif", "2t-r", D("90.00")),
        ([80, 85], D(90), "negatif", "2t-r", D("94.12")),
        # graded: B (rank 5 of 8 from the bottom) against target B
        ("B", "B", "kualitatif", "2t-r", D("100.00")),
        ("B", "CC", "kualitatif", "2t-r", D("80.00")),
        ("BB", "A", "kualitatif", "2t-r", D("116.67")),
    ],
)
def test_it_computes_capaian(target, realisasi, polaritas, rumus_negatif, expected):
    hasil = capaian_indikator(target, realisasi, polaritas=polaritas, rumus_negatif=rumus_negatif)
    assert bulatkan(hasil.nilai) == expected
    assert hasil.rumus


@pytest.mark.parametrize(
    ("target", "realisasi", "polaritas", "alasan"),
    [
        (0, D(5), "positif", "target 0"),
        (0, D(5), "negatif", "target 0"),
        (D(10), None, "positif", "realisasi belum ada"),
        (None, D(10), "positif", "tidak ada target"),
        (D(10), "Upacara, Pawai", "positif", "bukan angka"),
        ("tinggi", D(10), "positif", "bukan angka"),
        ("B", "Z", "kualitatif", "bukan nilai pada skala"),
        (D(10), D(0), "negatif-t/r", "realisasi 0"),
    ],
)
def test_it_says_not_measurable_never_zero(target, realisasi, polaritas, alasan):
    rumus = "t/r" if polaritas.endswith("t/r") else "2t-r"
    hasil = capaian_indikator(
        target, realisasi, polaritas=polaritas.split("-")[0], rumus_negatif=rumus
    )
    assert hasil.nilai is None
    assert alasan in hasil.alasan


def test_it_reads_a_numeric_ikm_against_a_graded_target():
    # An IKM of 93,71 is mutu A on the PermenPAN-RB 14/2017 table: above target B.
    hasil = capaian_indikator(
        "B", D("93.71"), polaritas="kualitatif", skala_nilai="permenpan-14-2017"
    )
    assert hasil.nilai > 100
    # 88,30 is still B: exactly on target.
    hasil = capaian_indikator(
        "B", D("88.30"), polaritas="kualitatif", skala_nilai="permenpan-14-2017"
    )
    assert hasil.nilai == 100


def test_it_caps_each_indicator_before_averaging():
    r = rata_rata_capaian([D(150), D(80)], batas=D(120))
    assert r.nilai == D(100)
    assert "120" in r.rumus
    assert rata_rata_capaian([D(150), D(80)]).nilai == D(115)
    assert rata_rata_capaian([None, None]).nilai is None


angka = st.decimals(min_value=D("0.01"), max_value=D("1e9"), places=3)


@given(target=angka, realisasi=st.decimals(min_value=0, max_value=D("1e9"), places=3))
def test_positive_capaian_is_the_ratio(target, realisasi):
    hasil = capaian_indikator(target, realisasi)
    assert hasil.nilai is not None
    assert abs(hasil.nilai * target / 100 - realisasi) < D("1e-15") * max(realisasi, 1)


@given(target=angka, realisasi=st.decimals(min_value=0, max_value=D("1e9"), places=3))
def test_negative_capaian_is_never_below_zero_and_falls_as_realisasi_rises(target, realisasi):
    hasil = capaian_indikator(target, realisasi, polaritas="negatif")
    assert hasil.nilai >= 0
    worse = capaian_indikator(target, realisasi + 1, polaritas="negatif")
    assert worse.nilai <= hasil.nilai


@given(bawah=st.integers(0, 1000), lebar=st.integers(0, 100), realisasi=st.integers(0, 2000))
def test_range_capaian_is_100_exactly_inside(bawah, lebar, realisasi):
    atas = bawah + lebar
    hasil = capaian_indikator([bawah, atas], realisasi)
    inside = bawah <= realisasi <= atas
    assert (hasil.nilai == 100) == inside
