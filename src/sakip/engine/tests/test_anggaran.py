from decimal import Decimal as D

from hypothesis import given
from hypothesis import strategies as st

from sakip.engine.anggaran import hitung_anggaran

uang = st.decimals(min_value=0, max_value=D("1e12"), places=2)


@given(st.lists(st.lists(st.tuples(uang, uang), min_size=1, max_size=5), min_size=1, max_size=5))
def test_parents_are_the_sums_of_their_children(tree):
    data = {
        "program": [
            {"kode": f"P{i}", "kegiatan": [{"pagu": p, "realisasi": r} for p, r in keg]}
            for i, keg in enumerate(tree)
        ]
    }
    hasil = hitung_anggaran(data)
    assert hasil.total.pagu == sum((p for keg in tree for p, _ in keg), D(0))
    assert hasil.total.realisasi == sum((r for keg in tree for _, r in keg), D(0))
    for node in hasil.total.telusuri():
        if node.anak:
            assert node.pagu == sum(a.pagu for a in node.anak)
        assert node.sisa == node.pagu - node.realisasi


def test_a_leaf_split_by_economic_class_sums_its_classes():
    data = {
        "program": [
            {
                "kode": "7.01.01",
                "kegiatan": [
                    {
                        "kode": "7.01.01.2.01",
                        "sub_kegiatan": [
                            {
                                "kode": "7.01.01.2.01.0001",
                                "rincian": {
                                    "pegawai": {"pagu": D("100.50"), "realisasi": D(100)},
                                    "modal": {"pagu": D(50), "realisasi": D(0)},
                                },
                            }
                        ],
                    }
                ],
            }
        ]
    }
    hasil = hitung_anggaran(data)
    assert hasil.total.pagu == D("150.50")
    assert hasil.per_kelas == {"pegawai": (D("100.50"), D(100)), "modal": (D(50), D(0))}
    assert [n.lokasi for n in hasil.semua()] == [
        "total",
        "7.01.01",
        "7.01.01/7.01.01.2.01",
        "7.01.01/7.01.01.2.01/7.01.01.2.01.0001",
    ]


def test_zero_pagu_has_no_absorption():
    hasil = hitung_anggaran({"program": [{"kode": "P", "kegiatan": [{"pagu": 0, "realisasi": 0}]}]})
    assert hasil.total.penyerapan is None


@given(
    jumlah=st.decimals(min_value=0, max_value=D("1e15"), places=2),
    n=st.integers(min_value=1, max_value=12),
)
def test_a_shared_line_splits_into_shares_that_add_up_to_the_sen(jumlah, n):
    from sakip.engine.efisiensi import bagi_rata

    bagian = bagi_rata(jumlah, n)
    assert len(bagian) == n and sum(bagian) == jumlah
    assert max(bagian) - min(bagian) <= D("0.01") * n
    assert all(b == b.quantize(D("0.01")) for b in bagian)
