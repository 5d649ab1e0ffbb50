"""Evaluation results of an imported dataset."""

import datetime
from decimal import Decimal

import pytest

from sakip.datasets.errors import DatasetRejected
from sakip.datasets.services import dataset_import
from sakip.datasets.testing import minimal
from sakip.evaluasi.models import HasilEvaluasi, StatusTindakLanjut

pytestmark = pytest.mark.django_db


def _import(doc):
    return dataset_import(doc=doc, source_name="x.yaml", fmt="yaml")


def _evaluasi(**rekomendasi_status):
    return {
        "2021": {
            "nilai": Decimal("61.05"),
            "predikat": "B",
            "tanggal": "2021-11-02",
            "evaluator": "Inspektorat Kabupaten Sampang",
            "komponen": {"perencanaan": Decimal("18.5"), "evaluasi_internal": 10},
            "rekomendasi": [
                {"uraian": "Rumusan tujuan belum berorientasi hasil", **rekomendasi_status},
                {
                    "uraian": "IKU belum direviu secara berkala",
                    "tindak_lanjut": "Reviu IKU setiap triwulan",
                },
                {"uraian": "Pengukuran belum memakai teknologi informasi"},
            ],
        }
    }


def test_it_stores_the_result_and_its_recommendations():
    _import(minimal(evaluasi=_evaluasi(status="selesai", tindak_lanjut="Tujuan dirumuskan ulang")))

    hasil = HasilEvaluasi.objects.get()
    assert (hasil.tahun, hasil.nilai, hasil.predikat) == (2021, Decimal("61.05"), "B")
    assert hasil.tanggal == datetime.date(2021, 11, 2)
    assert hasil.evaluator == "Inspektorat Kabupaten Sampang"
    assert (hasil.nilai_perencanaan, hasil.nilai_pengukuran, hasil.nilai_evaluasi_internal) == (
        Decimal("18.5"),
        None,
        Decimal(10),
    )
    rows = [(r.urutan, r.status, r.tindak_lanjut) for r in hasil.rekomendasi.all()]
    assert rows == [
        (1, StatusTindakLanjut.SELESAI, "Tujuan dirumuskan ulang"),
        # Without a status, a written follow-up is in progress, none is not started.
        (2, StatusTindakLanjut.PROSES, "Reviu IKU setiap triwulan"),
        (3, StatusTindakLanjut.BELUM, ""),
    ]


def test_it_rejects_an_unknown_follow_up_status():
    with pytest.raises(DatasetRejected, match=r"evaluasi\.2021\.rekomendasi\[0\]\.status"):
        _import(minimal(evaluasi=_evaluasi(status="hampir")))

    assert not HasilEvaluasi.objects.exists()
