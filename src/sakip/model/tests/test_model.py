"""The typed model: every default of the contract, every shape a value may
take, and the shipped datasets."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal as D
from pathlib import Path

import pytest

from sakip.dataset.baca import baca_dataset
from sakip.model import (
    Akumulasi,
    BobotSkm,
    DinyatakanIndikator,
    Dokumen,
    KelasBelanja,
    Polaritas,
    Rincian,
    RumusNegatif,
    StatusTindakLanjut,
    dokumen_dari,
)

DEMO = Path(__file__).resolve().parents[2] / "demo"


def _doc(**extra: object) -> dict[str, object]:
    doc: dict[str, object] = {
        "format": "sakip-dataset/1",
        "pemda": {"nama": "Kabupaten Uji"},
        "instansi": {"nama": "Dinas Uji", "kepala": {"jabatan": "Kepala"}},
        "renstra": {
            "periode": [2021, 2024],
            "tujuan": [
                {
                    "kode": "T1",
                    "uraian": "Tujuan",
                    "sasaran": [
                        {"kode": "S1", "uraian": "Sasaran", "indikator": [{"kode": "S1.1"}]}
                    ],
                }
            ],
        },
    }
    doc.update(extra)
    return doc


def _indikator(**data: object) -> object:
    doc = _doc()
    doc["renstra"] = {
        "periode": [2021, 2024],
        "tujuan": [{"kode": "T1", "indikator": [{"kode": "I1", "uraian": "x", **data}]}],
    }
    [ind] = dokumen_dari(doc).indikator_renstra()
    return ind


def test_every_default_of_the_contract_is_applied_once():
    d = dokumen_dari(_doc(skm=[{"tahun": 2022, "ikm": D("80")}]))
    assert d.pemda.rumus_negatif is RumusNegatif.DUA_T_KURANG_R
    assert d.pemda.bobot_skm is BobotSkm.SATU_PER_N
    assert d.pemda.skala_capaian == () and d.pemda.batas_capaian is None
    [ind] = d.indikator_renstra()
    assert ind.polaritas is Polaritas.POSITIF
    assert ind.akumulasi is Akumulasi.TERAKHIR
    assert ind.skala_nilai == ("AA", "A", "BB", "B", "CC", "C", "D", "E")
    assert ind.iku is False and ind.satuan == "" and ind.target == {}
    [survei] = d.skm
    assert survei.unsur == "permenpan-14-2017" and survei.mutu is None
    assert d.perjanjian_kinerja is None and d.anggaran is None and d.rpjmd is None


@pytest.mark.parametrize(
    ("tertulis", "pilihan"),
    [
        ("1/9", BobotSkm.SATU_PER_N),
        ("1/n", BobotSkm.SATU_PER_N),
        ("0.111", BobotSkm.CETAK_0111),
        (D("0.111"), BobotSkm.CETAK_0111),
        (D("0.11"), BobotSkm.CETAK_011),
        ("0.071", BobotSkm.CETAK_0071),
    ],
)
def test_the_skm_weight_is_read_as_text_or_number(tertulis, pilihan):
    assert dokumen_dari(_doc(pemda={"nama": "K", "bobot_skm": tertulis})).pemda.bobot_skm is pilihan


@pytest.mark.parametrize(
    ("data", "atribut", "nilai"),
    [
        ({"polaritas": "negatif"}, "polaritas", Polaritas.NEGATIF),
        ({"akumulasi": "jumlah"}, "akumulasi", Akumulasi.JUMLAH),
        ({"target": {"2022": 5, "2023": D("5.50")}}, "target", {2022: 5, 2023: D("5.50")}),
        ({"target": {"2022": [80, 85]}}, "target", {2022: (80, 85)}),
        ({"realisasi": {"2022": "12 Bulan"}}, "realisasi", {2022: "12 Bulan"}),
        ({"skala_nilai": "permenpan-14-2017"}, "skala_nilai", "permenpan-14-2017"),
        ({"skala_nilai": ["A", "B"]}, "skala_nilai", ("A", "B")),
        ({"kondisi_awal": D("81.60")}, "kondisi_awal", D("81.60")),
        ({"iku": True}, "iku", True),
        (
            {"dinyatakan": {"2022": {"capaian": D("96.89"), "sumber": "Tabel 3.1"}}},
            "dinyatakan",
            {2022: (DinyatakanIndikator(capaian=D("96.89"), sumber="Tabel 3.1"),)},
        ),
        (
            {"dinyatakan": {"2022": [{"capaian": 99}, {"predikat": "Tinggi"}]}},
            "dinyatakan",
            {2022: (DinyatakanIndikator(capaian=99), DinyatakanIndikator(predikat="Tinggi"))},
        ),
    ],
)
def test_an_indicator_keeps_every_value_as_written(data, atribut, nilai):
    assert getattr(_indikator(**data), atribut) == nilai


def test_plans_agreement_and_quarters():
    d = dokumen_dari(
        _doc(
            rpjmd={
                "periode": [2019, 2024],
                "sasaran": [{"kode": "R1", "uraian": "Sasaran RPJMD", "indikator": ["IPM"]}],
            },
            perjanjian_kinerja={
                "tahun": 2022,
                "tanggal": "2022-01-03",
                "indikator": ["S1.1", {"kode": "S1.2", "target": [1, 2]}],
                "program": ["P1", {"kode": "P2", "pagu": 100}],
                "dinyatakan": {"pagu": D("100.00")},
            },
            rencana_aksi={"S1.1": {"2022": [1, None, 3, 4]}},
        )
    )
    assert d.rpjmd is not None and d.rpjmd.sasaran[0].indikator[0].uraian == "IPM"
    pk = d.perjanjian_kinerja
    assert pk is not None and pk.tahun == 2022 and pk.tanggal == date(2022, 1, 3) and pk.versi == 1
    assert [(i.kode, i.target) for i in pk.indikator] == [("S1.1", None), ("S1.2", (1, 2))]
    assert [(p.kode, p.pagu) for p in pk.program] == [("P1", None), ("P2", D(100))]
    assert pk.dinyatakan[0].pagu == D("100.00")
    assert d.rencana_aksi == {"S1.1": {2022: (1, None, 3, 4)}}
    assert d.renstra is not None and d.renstra.periode is not None
    assert list(d.renstra.periode.tahun) == [2021, 2022, 2023, 2024]


def test_the_budget_tree_keeps_what_is_recorded_and_what_is_not():
    d = dokumen_dari(
        _doc(
            anggaran={
                "tahun": 2022,
                "program": [
                    {
                        "kode": "P1",
                        "uraian": "Program",
                        "sasaran": ["S1"],
                        "kegiatan": [
                            {
                                "uraian": "Kegiatan",
                                "rincian": {"pegawai": {"pagu": 10}, "modal": {"pagu": 5}},
                                "dinyatakan": [{"pagu": 15, "sumber": "Tabel 3.5"}],
                            }
                        ],
                    }
                ],
            }
        )
    )
    assert d.anggaran is not None
    [program] = d.anggaran.program
    [kegiatan] = program.anak
    assert program.kode == "P1" and program.sasaran == ("S1",) and kegiatan.kode is None
    assert kegiatan.pagu is None and kegiatan.realisasi is None  # only the rincian
    assert kegiatan.rincian == {
        KelasBelanja.PEGAWAI: Rincian(D(10), D("0.00")),
        KelasBelanja.MODAL: Rincian(D(5), D("0.00")),
    }
    assert kegiatan.dinyatakan[0].pagu == 15 and kegiatan.dinyatakan[0].sumber == "Tabel 3.5"


def test_evaluation_and_narrative():
    d = dokumen_dari(
        _doc(
            evaluasi={
                "2021": {
                    "nilai": D("61.5"),
                    "predikat": "B",
                    "rekomendasi": [{"uraian": "Perbaiki", "status": "selesai"}],
                }
            },
            narasi={"analisis": {"S1.1": "Sebab"}, "isu_strategis": [{"masalah": "M"}]},
        )
    )
    [hasil] = d.evaluasi
    assert (hasil.tahun, hasil.nilai, hasil.predikat) == (2021, D("61.5"), "B")
    assert hasil.rekomendasi[0].status is StatusTindakLanjut.SELESAI
    assert d.narasi.analisis == {"S1.1": "Sebab"} and d.narasi.isu_strategis[0].masalah == "M"
    assert d.narasi.penutup == ""


def test_absent_empty_and_null_sections_are_all_none() -> None:
    kosong: dict[str, object] | None
    for kosong in ({}, None):
        d = dokumen_dari(_doc(anggaran=kosong, perjanjian_kinerja=kosong, renstra=kosong))
        assert (d.anggaran, d.perjanjian_kinerja, d.renstra) == (None, None, None)


def test_the_model_is_immutable() -> None:
    d = dokumen_dari(_doc())
    with pytest.raises(dataclasses.FrozenInstanceError):
        d.pemda.nama = "lain"  # type: ignore[misc]


@pytest.mark.parametrize("nama", ["robatal-2020", "torjun-2022"])
def test_the_shipped_datasets_build(nama):
    ds = baca_dataset(DEMO / f"{nama}.yaml")
    d = dokumen_dari(ds.doc)
    assert isinstance(d, Dokumen) and d.renstra is not None
    assert d.instansi.kepala is not None and d.instansi.kepala.jabatan
    assert len(list(d.indikator_renstra())) >= 1
