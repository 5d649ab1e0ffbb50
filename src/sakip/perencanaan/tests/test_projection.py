"""Plans, indicators, the Perjanjian Kinerja and the quarters of an imported dataset."""

import datetime
from decimal import Decimal

import pytest

from sakip.anggaran.models import AnggaranNode
from sakip.datasets.errors import DatasetRejected
from sakip.datasets.services import dataset_import
from sakip.datasets.testing import census, minimal, robatal
from sakip.perencanaan.models import (
    Indikator,
    NilaiIndikator,
    PerjanjianKinerja,
    Polaritas,
    RealisasiTriwulan,
    RencanaAksi,
    Renstra,
    Rpjmd,
    Sasaran,
)

pytestmark = pytest.mark.django_db


def _import(doc):
    return dataset_import(doc=doc, source_name="x.yaml", fmt="yaml")


def _contoh() -> dict:
    """A dataset using every kind of value an indicator can hold."""
    return minimal(
        renstra={
            "periode": [2021, 2026],
            "tujuan": [
                {
                    "kode": "T1",
                    "uraian": "Tujuan",
                    "mendukung": ["RPJMD-T1", "M2"],
                    "indikator": [{"kode": "T1.1", "uraian": "Indeks tata kelola"}],
                    "sasaran": [
                        {
                            "kode": "S1",
                            "uraian": "Sasaran",
                            "indikator": [
                                {
                                    "kode": "S1.1",
                                    "uraian": "Persentase layanan tepat waktu",
                                    "satuan": "%",
                                    "target": {"2022": [80, 85]},
                                    "realisasi": {"2022": Decimal("83.5")},
                                    "akumulasi": "rata_rata",
                                },
                                {
                                    "kode": "S1.2",
                                    "uraian": "Predikat SAKIP",
                                    "polaritas": "kualitatif",
                                    "skala_nilai": ["AA", "A", "BB", "B"],
                                    "kondisi_awal": "B",
                                    "target": {"2022": "BB"},
                                    "realisasi": {"2022": "B", "2021": "B"},
                                },
                                {
                                    "kode": "S1.3",
                                    "uraian": "Waktu penyelesaian",
                                    "polaritas": "negatif",
                                    "target": {"2022": "12 Bulan"},
                                    "realisasi": {"2022": "Upacara, Pawai"},
                                },
                            ],
                        }
                    ],
                }
            ],
        },
        anggaran={
            "tahun": 2022,
            "program": [
                {
                    "kode": "7.01.02",
                    "uraian": "Program",
                    "sasaran": ["S1"],
                    "kegiatan": [
                        {
                            "kode": "7.01.02.2.01",
                            "uraian": "Kegiatan",
                            "mendukung": ["S1.1"],
                            "pagu": 1000,
                            "realisasi": 900,
                            "indikator": [{"kode": "K1", "uraian": "Dokumen", "satuan": "dok"}],
                        }
                    ],
                }
            ],
        },
        perjanjian_kinerja={
            "tahun": 2022,
            "tanggal": "2022-01-05",
            "versi": 2,
            "indikator": ["S1.1", {"kode": "S1.3", "target": "11 Bulan"}],
            "program": [{"kode": "7.01.02", "pagu": Decimal("1000.00")}],
        },
        rencana_aksi={"S1.1": {"2022": [20, 40, Decimal("60.5"), 80]}},
        realisasi_triwulan={"S1.1": {"2022": [21, None, None, None]}},
    )


def _nilai(kode, tahun):
    return NilaiIndikator.objects.get(indikator__kode=kode, tahun=tahun)


def test_it_stores_the_reference_indicator_with_its_values_by_year():
    version = _import(robatal())

    ind = Indikator.objects.get(dataset=version, kode="S1.1")
    assert ind.sasaran.kode == "S1" and ind.sasaran.tujuan.kode == "T1"
    assert ind.iku and ind.polaritas == Polaritas.POSITIF and ind.satuan == "indeks"
    assert ind.penanggung_jawab == "Camat Robatal"
    nilai_2020 = _nilai("S1.1", 2020)
    assert nilai_2020.target == "81.55"
    assert nilai_2020.target_min == nilai_2020.target_max == Decimal("81.55")
    assert (nilai_2020.realisasi, nilai_2020.realisasi_angka) == ("79.017", Decimal("79.017"))
    # A realisation without a target is history: kept, with no target.
    nilai_2019 = _nilai("S1.1", 2019)
    assert (nilai_2019.target, nilai_2019.target_min) == ("", None)
    assert nilai_2019.realisasi_angka == Decimal("81.60")


def test_it_stores_the_rpjmd_and_the_cascading():
    version = _import(robatal())

    rpjmd = Rpjmd.objects.get(dataset=version)
    assert (rpjmd.periode_awal, rpjmd.periode_akhir) == (2019, 2024)
    assert rpjmd.misi.get().kode == "M4"
    sasaran = rpjmd.sasaran.get()
    assert (sasaran.kode, sasaran.misi, sasaran.indikator) == (
        "RPJMD-S1",
        "M4",
        "Indeks Kepuasan Masyarakat (IKM)",
    )
    renstra = Renstra.objects.get(dataset=version)
    assert renstra.tujuan.get().mendukung == "RPJMD-S1"


def test_it_links_the_programs_to_the_sasaran_they_serve():
    version = _import(robatal())

    sasaran = Sasaran.objects.get(tujuan__renstra__dataset=version, kode="S1")
    assert sorted(p.kode for p in sasaran.program.all()) == ["P1", "P2", "P3", "P4", "P5"]


def test_it_stores_the_perjanjian_kinerja_of_the_reference():
    version = _import(robatal())

    pk = PerjanjianKinerja.objects.get(dataset=version)
    assert (pk.tahun, pk.versi, pk.tanggal) == (2020, 1, None)
    assert [row.indikator.kode for row in pk.indikator.all()] == ["S1.1"]
    assert [row.program.kode for row in pk.program.all()] == ["P1", "P2", "P3", "P4", "P5"]
    assert all(row.target == "" for row in pk.indikator.all())
    assert all(row.pagu is None for row in pk.program.all())


def test_it_stores_ranges_grades_and_numbers_written_as_text():
    _import(_contoh())

    rentang = _nilai("S1.1", 2022)
    assert rentang.target == "80 s.d. 85"
    assert (rentang.target_min, rentang.target_max) == (Decimal(80), Decimal(85))
    assert rentang.realisasi_angka == Decimal("83.5")
    huruf = _nilai("S1.2", 2022)
    assert (huruf.target, huruf.target_min, huruf.realisasi, huruf.realisasi_angka) == (
        "BB",
        None,
        "B",
        None,
    )
    kualitatif = Indikator.objects.get(kode="S1.2")
    assert kualitatif.skala_nilai == ["AA", "A", "BB", "B"] and kualitatif.kondisi_awal == "B"
    teks = _nilai("S1.3", 2022)
    assert (teks.target, teks.target_min) == ("12 Bulan", Decimal(12))
    assert (teks.realisasi, teks.realisasi_angka) == ("Upacara, Pawai", None)
    assert Indikator.objects.get(kode="S1.3").polaritas == Polaritas.NEGATIF
    assert Indikator.objects.get(kode="T1.1").tujuan.mendukung == "RPJMD-T1, M2"


def test_it_stores_output_indicators_and_what_a_node_supports():
    _import(_contoh())

    kegiatan = AnggaranNode.objects.get(kode="7.01.02.2.01")
    assert kegiatan.indikator.get().kode == "K1"
    assert [i.kode for i in kegiatan.mendukung.all()] == ["S1.1"]


def test_it_stores_the_agreement_own_targets_and_budgets():
    _import(_contoh())

    pk = PerjanjianKinerja.objects.get()
    assert (pk.tahun, pk.versi, pk.tanggal) == (2022, 2, datetime.date(2022, 1, 5))
    rows = list(pk.indikator.all())
    assert [(r.indikator.kode, r.target, r.target_min) for r in rows] == [
        ("S1.1", "", None),
        ("S1.3", "11 Bulan", Decimal(11)),
    ]
    program = pk.program.get()
    assert (program.program.kode, program.pagu) == ("7.01.02", Decimal("1000.00"))


def test_it_stores_quarterly_targets_and_realisations():
    _import(_contoh())

    rencana = RencanaAksi.objects.filter(indikator__kode="S1.1", tahun=2022)
    assert [(r.triwulan, r.nilai, r.nilai_angka) for r in rencana] == [
        (1, "20", Decimal(20)),
        (2, "40", Decimal(40)),
        (3, "60.5", Decimal("60.5")),
        (4, "80", Decimal(80)),
    ]
    # Quarters not yet filled in have no row.
    realisasi = RealisasiTriwulan.objects.filter(indikator__kode="S1.1")
    assert [(r.triwulan, r.nilai) for r in realisasi] == [(1, "21")]


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (
            lambda d: d["perjanjian_kinerja"].update(indikator=["X9"]),
            "perjanjian_kinerja.indikator",
        ),
        (lambda d: d["perjanjian_kinerja"].update(program=["9.99"]), "perjanjian_kinerja.program"),
        (lambda d: d.update(rencana_aksi={"X9": {"2022": [1, 2, 3, 4]}}), "rencana_aksi.X9"),
        (lambda d: d["anggaran"]["program"][0].update(sasaran=["S9"]), "program[0].sasaran"),
        (
            lambda d: d["renstra"]["tujuan"][0]["indikator"].append(
                {"kode": "S1.1", "uraian": "x"}
            ),
            "sasaran[0].indikator[0].kode",
        ),
    ],
    ids=["pk-indikator", "pk-program", "rencana-aksi", "program-sasaran", "duplicate-kode"],
)
def test_it_rejects_a_broken_reference_and_writes_nothing(change, where):
    doc = _contoh()
    change(doc)
    empty = census()

    with pytest.raises(DatasetRejected) as excinfo:
        _import(doc)

    assert where in str(excinfo.value)
    assert census() == empty
