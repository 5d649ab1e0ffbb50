from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sakip.engine.angka import bulatkan
from sakip.engine.skm import MUTU, hitung_ikm, nilai_unsur, nrr_dari_jawaban, sampel_minimum

TABEL = MUTU["permenpan-14-2017"]


def test_it_reproduces_the_worked_example_by_hand():
    # Three respondents, 9 unsur; respondent 3 left U2 blank.
    jawaban = [
        {f"U{i}": 4 for i in range(1, 10)},
        {f"U{i}": 3 for i in range(1, 10)},
        {**{f"U{i}": 2 for i in range(1, 10)}, "U2": None},
    ]
    kode = [f"U{i}" for i in range(1, 10)]
    unsur = nilai_unsur(nrr_dari_jawaban(kode, jawaban), 9)
    # U1: (4 + 3 + 2) / 3 = 3; U2: (4 + 3) / 2 = 3,5 (the blank counts in neither)
    assert unsur[0].nrr == D(3) and unsur[0].jumlah_jawaban == 3
    assert unsur[1].nrr == D("3.5") and unsur[1].jumlah_jawaban == 2
    # IKM = (8 x 3 + 3,5) / 9 x 25 = 27,5 / 9 x 25 = 76,388... -> 76,39, mutu C (< 76,61)
    hasil = hitung_ikm({u.kode: u.nrr for u in unsur}, tabel=TABEL)
    assert bulatkan(hasil.ikm) == D("76.39")
    assert hasil.mutu.mutu == "C"


@pytest.mark.parametrize(
    ("bobot", "expected"),
    [("1/n", D("100.00")), ("0.111", D("99.90")), ("0.11", D("99.00"))],
)
def test_printed_weights_reproduce_old_figures(bobot, expected):
    hasil = hitung_ikm({f"U{i}": D(4) for i in range(1, 10)}, tabel=TABEL, bobot_skm=bobot)
    assert bulatkan(hasil.ikm) == expected


@pytest.mark.parametrize(
    ("ikm", "mutu"),
    [
        ("88.31", "A"),
        ("88.30", "B"),
        ("88.305", "A"),
        ("76.61", "B"),
        ("76.60", "C"),
        ("65.00", "C"),
        ("64.99", "D"),
        ("25", "D"),
        ("100", "A"),
    ],
)
def test_mutu_boundaries_are_exact(ikm, mutu):
    assert TABEL.mutu(D(ikm)).mutu == mutu


def test_the_14_unsur_set_has_its_own_mutu_table():
    tabel = MUTU["kepmenpan-25-2004"]
    hasil = hitung_ikm({f"U{i}": D(3) for i in range(1, 15)}, tabel=tabel)
    # 14 x 3 / 14 x 25 = 75: between 62,51 and 81,25 -> B
    assert bulatkan(hasil.ikm) == D("75.00")
    assert hasil.mutu.mutu == "B"
    assert tabel.mutu(D("81.26")).mutu == "A" and tabel.mutu(D("81.25")).mutu == "B"


@given(st.lists(st.sampled_from([1, 2, 3, 4]), min_size=9, max_size=9))
def test_ikm_is_always_between_25_and_100(nilai):
    hasil = hitung_ikm({f"U{i}": D(v) for i, v in enumerate(nilai)}, tabel=TABEL)
    assert D(25) <= bulatkan(hasil.ikm) <= D(100)


@pytest.mark.parametrize(("n", "sampel"), [(100, 80), (500, 217), (5000, 357)])
def test_krejcie_morgan(n, sampel):
    assert sampel_minimum(n) == sampel
