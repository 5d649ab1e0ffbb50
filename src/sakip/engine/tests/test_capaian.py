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


@pytest.mark.parametrize(
    ("target", "realisasi", "skala_nilai", "tercapai"),
    [
        # Grades are tercapai or tidak tercapai: never a percentage of positions
        # (A against B used to read 133,33 %).
        ("B", "B", None, True),
        ("B", "A", None, True),
        ("BB", "A", None, True),
        ("B", "CC", None, False),
        ("b", " a ", None, True),
        ("B", "C", ["A", "B", "C"], False),
        # An IKM of 93,71 is mutu A on the PermenPAN-RB 14/2017 table: above target B.
        ("B", D("93.71"), "permenpan-14-2017", True),
        # 88,30 is still B: exactly on target; 76,60 is C.
        ("B", D("88.30"), "permenpan-14-2017", True),
        ("B", D("76.60"), "permenpan-14-2017", False),
    ],
)
def test_a_graded_indicator_is_tercapai_or_not_without_a_percentage(
    target, realisasi, skala_nilai, tercapai
):
    hasil = capaian_indikator(target, realisasi, polaritas="kualitatif", skala_nilai=skala_nilai)
    assert hasil.nilai is None
    assert hasil.terukur and hasil.kualitatif
    assert hasil.tercapai is tercapai
    assert hasil.status == ("tercapai" if tercapai else "tidak tercapai")
    assert "x 100" not in hasil.rumus + hasil.perhitungan


@pytest.mark.parametrize(
    ("dicetak", "tercapai", "cocok"),
    [
        ("Berhasil", True, True),
        ("Tercapai", True, True),
        ("Sudah", True, True),
        ("sudah tercapai.", True, True),
        ("Belum tercapai", True, False),
        ("Tidak tercapai", False, True),
        ("Berhasil", False, False),
        (D(100), True, True),
        ("100 %", True, True),
        (D(0), False, True),
        (D(100), False, False),
        (D("133.33"), True, False),
        ("Sangat Tinggi", True, False),
    ],
)
def test_a_printed_verdict_of_a_graded_indicator(dicetak, tercapai, cocok):
    from sakip.engine.capaian import Capaian, cocok_kualitatif

    assert cocok_kualitatif(dicetak, Capaian(None, "", tercapai=tercapai)) is cocok


@pytest.mark.parametrize(
    ("aturan", "nilai", "jumlah", "keterangan"),
    [
        # Default: graded indicators are left out and reported beside the mean.
        ("terpisah", D(90), 1, "2 indikator kualitatif: 1 tercapai, 1 tidak tercapai"),
        # The pemda's rule: 100 % / 0 %.
        ("100/0", D("63.33333333333333333333333333"), 3, ""),
    ],
)
def test_graded_indicators_in_a_mean_follow_the_pemda_rule(aturan, nilai, jumlah, keterangan):
    from sakip.engine.capaian import rata_rata_indikator
    from sakip.model import CapaianKualitatif

    capaian = [
        capaian_indikator(D(10), D(9)),
        capaian_indikator("B", "A", polaritas="kualitatif"),
        capaian_indikator("B", "C", polaritas="kualitatif"),
    ]
    r = rata_rata_indikator(capaian, None, CapaianKualitatif(aturan))
    assert (r.nilai, r.jumlah, r.tidak_terukur, r.keterangan) == (nilai, jumlah, 0, keterangan)
    assert "kualitatif" in r.rumus
    # Without graded indicators the rule is not named.
    assert "kualitatif" not in rata_rata_indikator(capaian[:1]).rumus


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
