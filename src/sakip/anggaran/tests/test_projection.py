"""The budget tree of an imported dataset."""

from decimal import Decimal

import pytest

from sakip.anggaran.models import AnggaranNode, Level, RincianBelanja
from sakip.datasets.errors import DatasetRejected
from sakip.datasets.services import dataset_import
from sakip.datasets.testing import minimal, robatal

pytestmark = pytest.mark.django_db


def _import(doc):
    return dataset_import(doc=doc, source_name="x.yaml", fmt="yaml")


def test_it_stores_the_tree_in_document_order():
    version = _import(robatal())

    nodes = AnggaranNode.objects.filter(dataset=version)
    assert nodes.filter(level=Level.BTL).count() == 2
    assert list(nodes.filter(level=Level.PROGRAM).values_list("kode", flat=True)) == [
        "P1",
        "P2",
        "P3",
        "P4",
        "P5",
    ]
    p5 = nodes.get(kode="P5")
    assert [k.urutan for k in p5.children.all()] == [1, 2, 3, 4, 5]
    assert p5.children.last().uraian == "Fasilitasi administrasi pelayanan umum"
    assert {n.tahun for n in nodes} == {2020}


def test_it_stores_amounts_on_leaves_only():
    version = _import(robatal())

    nodes = AnggaranNode.objects.filter(dataset=version)
    leaf = nodes.get(uraian="Fasilitasi administrasi pelayanan umum")
    assert (leaf.pagu, leaf.realisasi) == (Decimal("826875.00"), Decimal("826000.00"))
    assert leaf.parent.kode == "P5" and leaf.level == Level.KEGIATAN
    # Parents' amounts are computed by the engine, never stored.
    assert not nodes.filter(level=Level.PROGRAM, pagu__isnull=False).exists()
    gaji = nodes.get(level=Level.BTL, urutan=1)
    assert gaji.pagu == Decimal("1436165227.00")


def test_it_keeps_every_leaf_amount_exact():
    version = _import(robatal())

    leaves = AnggaranNode.objects.filter(dataset=version, pagu__isnull=False)
    total_pagu = sum(n.pagu for n in leaves)
    total_realisasi = sum(n.realisasi for n in leaves)
    # The totals the reference document prints for the whole budget.
    assert total_pagu == Decimal("2214879630.50")
    assert total_realisasi == Decimal("1889678143.00")


def test_it_stores_sub_kegiatan_and_the_split_by_economic_class():
    leaf = {
        "kode": "7.01.02.2.01.0001",
        "uraian": "Sub kegiatan",
        "rincian": {
            "pegawai": {"pagu": Decimal("100.50"), "realisasi": 100},
            "modal": {"pagu": 5, "realisasi": Decimal("0.00")},
        },
    }
    doc = minimal(
        anggaran={
            "tahun": 2022,
            "program": [
                {
                    "kode": "7.01.02",
                    "uraian": "Program",
                    "kegiatan": [
                        {"kode": "7.01.02.2.01", "uraian": "Kegiatan", "sub_kegiatan": [leaf]}
                    ],
                }
            ],
        }
    )
    version = _import(doc)

    sub = AnggaranNode.objects.get(dataset=version, level=Level.SUB_KEGIATAN)
    assert sub.parent.kode == "7.01.02.2.01" and sub.parent.parent.kode == "7.01.02"
    assert sub.pagu is None  # the document gives only the split
    rincian = {r.kelas: (r.pagu, r.realisasi) for r in RincianBelanja.objects.filter(node=sub)}
    assert rincian == {
        "pegawai": (Decimal("100.50"), Decimal("100")),
        "modal": (Decimal("5"), Decimal("0")),
    }


def test_it_rejects_an_amount_too_large_for_its_column():
    doc = minimal(
        anggaran={
            "tahun": 2022,
            "belanja_tidak_langsung": [{"uraian": "Gaji", "pagu": Decimal("1E+18")}],
        }
    )

    with pytest.raises(DatasetRejected, match=r"belanja_tidak_langsung\[0\]\.pagu"):
        _import(doc)

    assert not AnggaranNode.objects.exists()
