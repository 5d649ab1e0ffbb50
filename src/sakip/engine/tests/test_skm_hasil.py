"""SKM results from answers: a worked example computed by hand, the 14-unsur
set, breakdowns per group, and properties over random answers."""

from decimal import Decimal as D

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from sakip.engine.angka import bulatkan
from sakip.engine.skm_hasil import data_dari_baris, hitung_hasil
from sakip.engine.skm_profil import kelompok_umur
from sakip.engine.unsur import UnsurSetSalah, baca_unsur_set, unsur_set

PERMENPAN = unsur_set("permenpan-14-2017")
KEPMENPAN = unsur_set("kepmenpan-25-2004")

# Four paper forms, 9 unsur; 0 is a blank (R3 left U2 empty, R4 left U3).
JAWABAN = [
    [4, 4, 4, 4, 4, 4, 4, 4, 4],  # R1 Perempuan
    [3, 3, 3, 3, 3, 3, 3, 3, 3],  # R2 Laki-laki
    [2, 0, 4, 4, 3, 3, 4, 4, 1],  # R3 Perempuan
    [4, 3, 0, 4, 4, 3, 4, 4, 2],  # R4 Laki-laki
]
JK = ["Perempuan", "Laki-laki", "Perempuan", "Laki-laki"]


def _hasil(**kw):
    data = data_dari_baris(PERMENPAN.kode, JAWABAN, {"jenis_kelamin": JK})
    return hitung_hasil(data, PERMENPAN, **kw)


def test_it_computes_the_worked_example_by_hand():
    h = _hasil()
    # NRR = sum / number of answers; a blank counts in neither:
    #   U1 (4+3+2+4)/4 = 13/4 = 3,25     U2 (4+3+3)/3 = 10/3 = 3,333...
    #   U3 (4+3+4)/3 = 11/3 = 3,666...   U4 (4+3+4+4)/4 = 15/4 = 3,75
    #   U5 (4+3+3+4)/4 = 3,5             U6 (4+3+3+3)/4 = 3,25
    #   U7 = U8 = 15/4 = 3,75            U9 (4+3+1+2)/4 = 10/4 = 2,5
    nrr = {u.kode: u.nrr for u in h.unsur}
    assert [u.jumlah_jawaban for u in h.unsur] == [4, 3, 3, 4, 4, 4, 4, 4, 4]
    assert nrr["U1"] == D("3.25") and nrr["U9"] == D("2.5")
    assert bulatkan(nrr["U2"], 4) == D("3.3333") and bulatkan(nrr["U3"], 4) == D("3.6667")
    # Weighted NRR = NRR x 1/9: U1 3,25 / 9 = 0,3611...
    assert bulatkan(h.unsur[0].nrr_tertimbang, 4) == D("0.3611")
    # Sum of NRR = 3,25+3,5+3,25+2,5 + 3 x 3,75 + (10+11)/3 = 12,5 + 11,25 + 7 = 30,75
    # IKM = 30,75 / 9 x 25 = 85,4166... -> 85,42, mutu B (76,61 <= 85,42 < 88,31)
    assert bulatkan(h.ikm.ikm) == D("85.42")
    assert h.ikm.mutu.mutu == "B"
    assert h.responden == 4
    # Unsur mutu reads NRR x 25: U9 2,5 x 25 = 62,5 -> D; U4 3,75 x 25 = 93,75 -> A
    assert (h.unsur[8].mutu.mutu, h.unsur[3].mutu.mutu) == ("D", "A")


def test_it_flags_the_three_lowest_unsur_ties_included():
    h = _hasil()
    # U9 2,5; then U1 and U6 tie at 3,25.
    assert [u.kode for u in h.prioritas] == ["U9", "U1", "U6"]
    assert [u.kode for u in _hasil(jumlah_prioritas=1).prioritas] == ["U9"]


def test_it_breaks_the_result_down_per_group():
    laki = {k.nilai: k for k in _hasil().per_kelompok["jenis_kelamin"]}["Laki-laki"]
    # R2 and R4: U1 (3+4)/2 = 3,5; U2 (3+3)/2 = 3; U3 3/1 = 3; U4 3,5; U5 3,5;
    # U6 (3+3)/2 = 3; U7 3,5; U8 3,5; U9 (3+2)/2 = 2,5
    # sum = 5 x 3,5 + 3 x 3 + 2,5 = 29 -> IKM = 29 / 9 x 25 = 80,555... -> 80,56 (B)
    assert laki.responden == 2
    assert bulatkan(laki.ikm.ikm) == D("80.56") and laki.ikm.mutu.mutu == "B"


def test_it_computes_the_14_unsur_set_with_its_own_table():
    # R1 answers 4 everywhere; R2 answers 2 everywhere but leaves U14 blank.
    data = data_dari_baris(KEPMENPAN.kode, [[4] * 14, [2] * 13 + [0]])
    h = hitung_hasil(data, KEPMENPAN)
    # U1..U13: (4+2)/2 = 3; U14: 4/1 = 4; sum = 13 x 3 + 4 = 43
    # IKM = 43 / 14 x 25 = 76,7857... -> 76,79; Kepmenpan table: 62,51-81,25 is B
    assert bulatkan(h.ikm.ikm) == D("76.79") and h.ikm.mutu.mutu == "B"
    assert h.ikm.rumus.endswith("(14 unsur)")
    # The printed weight 0,071: 43 x 0,071 x 25 = 76,325 -> 76,33
    lama = hitung_hasil(data, KEPMENPAN, bobot_skm="0.071")
    assert bulatkan(lama.ikm.ikm) == D("76.33")


@pytest.mark.parametrize(
    ("populasi", "minimum", "cukup"), [(None, None, None), (5, 5, False), (4, 4, True)]
)
def test_it_states_whether_the_sample_meets_krejcie_morgan(populasi, minimum, cukup):
    h = _hasil(populasi=populasi)
    assert (h.sampel_minimum, h.sampel_cukup) == (minimum, cukup)


def test_it_reads_a_pemdas_own_unsur_list(tmp_path):
    f = tmp_path / "daftar.yaml"
    f.write_text("unsur:\n  - {kode: A, nama: Antrian}\n  - {kode: B, nama: Ruang tunggu}\n")
    daftar = baca_unsur_set(f)
    assert daftar.kode == ["A", "B"] and daftar.mutu.nama == "permenpan-14-2017"
    f.write_text("unsur:\n  - {kode: A, jawaban: [a, b]}\n")
    with pytest.raises(UnsurSetSalah, match="empat label"):
        baca_unsur_set(f)


def test_every_shipped_unsur_has_a_question_and_four_labels():
    for s in (PERMENPAN, KEPMENPAN):
        assert all(u.pertanyaan.endswith("?") and len(u.jawaban) == 4 for u in s.unsur)


@pytest.mark.parametrize(("umur", "pita"), [("19", "< 20 tahun"), ("59", "50-59 tahun")])
def test_it_bands_an_age(umur, pita):
    assert kelompok_umur(umur) == pita


# Random answer matrices where every unsur has at least one answer.
matriks = hnp.arrays(
    np.uint8, st.tuples(st.integers(1, 30), st.just(9)), elements=st.integers(0, 4)
).map(lambda m: np.vstack([m, np.full((1, 9), 1, dtype=np.uint8)]))


@settings(max_examples=60, deadline=None)
@given(matriks, st.lists(st.sampled_from(["a", "b", ""]), min_size=31, max_size=31))
def test_it_keeps_ikm_within_25_and_100_and_groups_add_up(m, grup):
    data = data_dari_baris(PERMENPAN.kode, m.tolist(), {"layanan": grup[: len(m)]})
    h = hitung_hasil(data, PERMENPAN)
    assert D(25) <= bulatkan(h.ikm.ikm) <= D(100)
    assert sum(k.responden for k in h.per_kelompok["layanan"]) == h.responden


@given(st.integers(2500, 10000))
def test_mutu_boundaries_are_exact_at_two_decimals(seratus):
    ikm = D(seratus) / 100
    assert PERMENPAN.mutu.mutu(ikm).mutu == (
        "A" if ikm >= D("88.31") else "B" if ikm >= D("76.61") else "C" if ikm >= 65 else "D"
    )
    assert (
        PERMENPAN.mutu.mutu(D("88.30")).mutu == "B" and PERMENPAN.mutu.mutu(D("88.31")).mutu == "A"
    )
