"""The whole engine over one small dataset: every kind of finding it raises."""

from decimal import Decimal as D

import pytest

from sakip.engine.laporan import hitung_laporan, tahun_laporan


def _doc(**extra):
    doc = {
        "format": "sakip-dataset/1",
        "pemda": {"nama": "Kabupaten Uji", "provinsi": "Jawa Timur"},
        "instansi": {"nama": "Dinas Uji", "kepala": {"jabatan": "Kepala"}},
        "renstra": {
            "periode": [2021, 2024],
            "tujuan": [
                {
                    "kode": "T1",
                    "sasaran": [
                        {
                            "kode": "S1",
                            "uraian": "Sasaran satu",
                            "indikator": [
                                {
                                    "kode": "S1.1",
                                    "polaritas": "positif",
                                    "akumulasi": "jumlah",
                                    "target": {"2022": D(100), "2024": D(200)},
                                    "realisasi": {"2021": D(80), "2022": D(130)},
                                },
                                {
                                    "kode": "S1.2",
                                    "polaritas": "negatif",
                                    "target": {"2022": D(10)},
                                    "realisasi": {"2022": D(12)},
                                },
                            ],
                        },
                        {
                            "kode": "S2",
                            "uraian": "Sasaran dua",
                            "indikator": [
                                {
                                    "kode": "S2.1",
                                    "target": {"2022": D(0)},
                                    "realisasi": {"2022": D(5)},
                                }
                            ],
                        },
                    ],
                }
            ],
        },
        "anggaran": {
            "tahun": 2022,
            "program": [
                {
                    "kode": "P1",
                    "sasaran": ["S1"],
                    "kegiatan": [
                        {"kode": "K1", "pagu": D("100.00"), "realisasi": D("90.00")},
                        {"kode": "K2", "pagu": D("50.00"), "realisasi": D("60.00")},
                    ],
                }
            ],
        },
    }
    doc.update(extra)
    return doc


def _kode(laporan):
    return sorted((t.kode, t.lokasi) for t in laporan.temuan)


def test_it_measures_every_indicator_and_aggregates_with_the_cap():
    laporan = hitung_laporan(_doc(pemda={"nama": "K", "batas_capaian": 120}))
    row = {b.lokasi: b for b in laporan.indikator}
    assert row["S1.1/2022"].capaian.nilai == D(130)
    assert row["S1.1/2022"].perubahan.selisih == D(50)
    assert row["S1.1/2022"].kemajuan.nilai == D(65)  # 130 / 200
    assert row["S1.1/2021"].capaian.nilai is None  # history: no target
    assert row["S1.2/2022"].capaian.nilai == D(80)
    [s1] = [s for s in laporan.sasaran if s.kode == "S1" and s.tahun == 2022]
    assert s1.rata_rata.nilai == D(100)  # (min(130, 120) + 80) / 2
    [agency] = [a for a in laporan.instansi if a.tahun == 2022]
    assert agency.rata_rata.nilai == D(100)  # S2 is not measurable: left out, counted
    assert ("TIDAK_TERUKUR", "S2.1/2022") in _kode(laporan)


def test_it_flags_realisasi_above_pagu_and_computes_efficiency():
    laporan = hitung_laporan(_doc())
    assert ("REALISASI_MELEBIHI_PAGU", "P1/K2") in _kode(laporan)
    e, s2 = laporan.efisiensi
    assert (s2.sasaran, s2.pagu, s2.penyerapan) == ("S2", D(0), None)  # no program serves it
    assert (e.sasaran, e.pagu, e.realisasi) == ("S1", D("150.00"), D("150.00"))
    assert e.penyerapan == D(100)
    assert e.selisih == e.capaian - D(100)
    assert e.penghematan == D(0)  # target met: nothing saved


def test_it_compares_stated_figures_with_computed_ones():
    doc = _doc()
    ind = doc["renstra"]["tujuan"][0]["sasaran"][0]["indikator"][0]
    ind["dinyatakan"] = {
        "2022": [
            {"capaian": D("130"), "predikat": "Sangat Tinggi", "sumber": "Tabel 3.1"},
            {"capaian": D("13"), "sumber": "Ikhtisar"},
            {"tingkat_kemajuan": D("66"), "target": D("100")},
        ]
    }
    doc["anggaran"]["program"][0]["dinyatakan"] = {"pagu": D("150.00"), "persen": D("100.5")}
    doc["anggaran"]["dinyatakan"] = {"realisasi": D("151.00")}
    laporan = hitung_laporan(doc)
    temuan = {(t.kode, t.lokasi, t.sumber) for t in laporan.temuan}
    assert ("CAPAIAN_BEDA", "S1.1/2022", "Ikhtisar") in temuan
    assert ("CAPAIAN_BEDA", "S1.1/2022", "Tabel 3.1") not in temuan
    assert ("TINGKAT_KEMAJUAN_BEDA", "S1.1/2022", None) in temuan
    assert ("PERSEN_BEDA", "P1", None) in temuan
    assert ("REALISASI_BEDA", "total", None) in temuan
    assert not any(t.kode == "PAGU_BEDA" for t in laporan.temuan)
    assert not any(t.kode == "TARGET_BEDA" for t in laporan.temuan)


def test_quarters_make_the_year_and_disagreement_is_flagged():
    doc = _doc(realisasi_triwulan={"S1.1": {"2022": [D(30), D(30), D(30), D(30)]}})
    laporan = hitung_laporan(doc)
    assert ("TRIWULAN_BEDA", "S1.1/2022") in _kode(laporan)
    del doc["renstra"]["tujuan"][0]["sasaran"][0]["indikator"][0]["realisasi"]["2022"]
    laporan = hitung_laporan(doc)
    row = next(b for b in laporan.indikator if b.lokasi == "S1.1/2022")
    assert row.realisasi == D(120)
    assert row.sumber_realisasi == "jumlah triwulan I-IV"


def test_the_pk_target_is_measured_and_its_difference_reported():
    doc = _doc(
        perjanjian_kinerja={
            "tahun": 2022,
            "indikator": [{"kode": "S1.1", "target": D(120)}, "S1.2"],
            "program": [{"kode": "P1", "pagu": D("140.00")}],
        },
        rencana_aksi={"S1.2": {"2022": [D(10), D(10), D(10), D(10)]}},
    )
    laporan = hitung_laporan(doc)
    row = next(b for b in laporan.indikator if b.lokasi == "S1.1/2022")
    assert row.sumber_target == "perjanjian kinerja"
    assert bool(row.capaian.nilai.quantize(D("0.01")) == D("108.33"))
    kode = _kode(laporan)
    assert ("PK_TARGET_BEDA", "perjanjian_kinerja/S1.1") in kode
    assert ("PK_PAGU_BEDA", "perjanjian_kinerja/P1") in kode
    [catatan] = [t for t in laporan.temuan if t.kode == "RENCANA_AKSI_KOSONG"]
    assert catatan.lokasi == "rencana_aksi/2022"
    assert "1 indikator" in catatan.pesan and "S1.1" in catatan.pesan
    assert "S1.2" not in catatan.pesan  # it has its quarters


def test_a_scale_with_a_gap_is_reported_and_still_used():
    pemda = {
        "nama": "K",
        "skala_capaian": [
            {"dari": 95, "label": "Sangat Baik"},
            {"dari": 75, "sampai": 85, "label": "Baik"},
            {"dari": 0, "sampai": 74, "label": "Kurang"},
        ],
    }
    laporan = hitung_laporan(_doc(pemda=pemda))
    assert ("SKALA_CELAH", "pemda.skala_capaian") in _kode(laporan)
    row = next(b for b in laporan.indikator if b.lokasi == "S1.2/2022")
    assert row.predikat == "Baik"  # 80: the band with the greatest lower bound not above it


def test_survey_ikm_and_evaluation_predikat_are_checked():
    nrr = dict(
        zip(
            [f"U{i}" for i in range(1, 10)],
            map(D, "3.31 3.35 3.49 3.93 3.45 3.39 3.39 3.76 3.35".split()),
            strict=True,
        )
    )
    doc = _doc(
        skm=[{"tahun": 2022, "nrr": nrr, "dinyatakan": {"ikm": D("87.28"), "mutu": "A"}}],
        evaluasi={"2021": {"nilai": D("90.00"), "predikat": "AA"}},
    )
    laporan = hitung_laporan(doc)
    [survei] = laporan.skm
    assert survei.ikm.mutu.mutu == "B"
    kode = _kode(laporan)
    assert ("MUTU_BEDA", "skm/#1") in kode
    assert ("IKM_BEDA", "skm/#1") not in kode
    assert ("NILAI_EVALUASI_BEDA", "evaluasi/2021") in kode


@pytest.mark.parametrize(
    ("extra", "tahun"),
    [
        ({"perjanjian_kinerja": {"tahun": 2023}}, 2023),
        ({}, 2022),  # the budget's year
        ({"anggaran": None}, 2022),  # the last year with a realisation
    ],
)
def test_the_report_year(extra, tahun):
    assert tahun_laporan(_doc(**extra)) == tahun


def test_an_empty_dataset_computes_without_crashing():
    laporan = hitung_laporan({"format": "sakip-dataset/1", "pemda": {}, "instansi": {}})
    assert laporan.indikator == [] and laporan.anggaran is None


_NRR_87_28 = dict(
    zip(
        [f"U{i}" for i in range(1, 10)],
        map(D, "3.31 3.35 3.49 3.93 3.45 3.39 3.39 3.76 3.35".split()),
        strict=True,
    )
)


@pytest.mark.parametrize(
    ("dicetak", "temuan"),
    [
        ("B", False),  # the grade
        ("Baik", False),  # the grade's label in the survey's mutu table
        ("baik", False),
        ("A", True),
        ("Sangat Baik", True),  # the label of another grade
        ("Kurang Baik", True),
    ],
)
def test_a_printed_mutu_is_the_grade_or_its_label(dicetak, temuan):
    doc = _doc(skm=[{"tahun": 2022, "nrr": _NRR_87_28, "dinyatakan": {"mutu": dicetak}}])

    kode = _kode(hitung_laporan(doc))

    assert (("MUTU_BEDA", "skm/#1") in kode) is temuan


@pytest.mark.parametrize(
    ("target", "kemajuan"),
    [
        ({"2022": D(100), "2024": D(200)}, D(65)),  # 130 of the end target 200
        ({"2022": D(100), "2023": D(150)}, None),  # no target in 2024: not measurable
    ],
)
def test_tingkat_kemajuan_is_measured_against_the_last_year_of_the_renstra(target, kemajuan):
    doc = _doc()
    ind = doc["renstra"]["tujuan"][0]["sasaran"][0]["indikator"][0]
    ind["target"] = target
    ind["dinyatakan"] = {"2022": {"tingkat_kemajuan": D(65)}}

    laporan = hitung_laporan(doc)

    row = next(b for b in laporan.indikator if b.lokasi == "S1.1/2022")
    hasil = row.kemajuan.nilai if row.kemajuan is not None else None
    assert hasil == kemajuan
    # A printed 65 % is right only where it can be measured.
    assert (("TINGKAT_KEMAJUAN_BEDA", "S1.1/2022") in _kode(laporan)) is (kemajuan is None)


@pytest.mark.parametrize(
    ("iku", "di_pk", "kode"),
    [
        (True, False, "UTAMA_TIDAK_TERUKUR"),
        (False, True, "UTAMA_TIDAK_TERUKUR"),
        (False, False, "TIDAK_TERUKUR"),
    ],
)
def test_an_iku_or_agreed_indicator_not_measured_is_a_warning(iku, di_pk, kode):
    doc = _doc(perjanjian_kinerja={"tahun": 2022, "indikator": ["S1.1"] if di_pk else []})
    ind = doc["renstra"]["tujuan"][0]["sasaran"][0]["indikator"][0]
    ind["iku"] = iku
    del ind["realisasi"]["2022"]

    temuan = [t for t in hitung_laporan(doc).temuan if t.lokasi == "S1.1/2022"]

    assert [t.kode for t in temuan] == [kode]
    assert temuan[0].tingkat.value == ("peringatan" if kode == "UTAMA_TIDAK_TERUKUR" else "catatan")


def test_an_agreed_indicator_with_nothing_in_the_year_is_a_warning_too():
    doc = _doc(perjanjian_kinerja={"tahun": 2023, "indikator": ["S1.2"]})

    temuan = {(t.kode, t.lokasi) for t in hitung_laporan(doc).temuan}

    assert ("UTAMA_TIDAK_TERUKUR", "S1.2/2023") in temuan


def test_a_printed_total_that_differs_from_its_parts_does_not_reconcile():
    doc = _doc()
    doc["anggaran"]["program"][0]["dinyatakan"] = {"pagu": D("175.50")}

    [t] = [t for t in hitung_laporan(doc).temuan if t.kode == "PAGU_BEDA"]

    assert t.lokasi == "P1"
    assert "tidak dapat direkonsiliasi, selisih Rp 25,50" in t.pesan
    assert "seharusnya" not in t.pesan


def _doc_kualitatif(pemda=None, dinyatakan=None):
    doc = _doc(pemda=pemda or {"nama": "K"})
    doc["renstra"]["tujuan"][0]["sasaran"][0]["indikator"].append(
        {
            "kode": "S1.3",
            "uraian": "Nilai SAKIP",
            "polaritas": "kualitatif",
            "target": {"2022": "B", "2024": "BB"},
            "realisasi": {"2022": "A"},
            "dinyatakan": {"2022": dinyatakan or []},
        }
    )
    return doc


def test_a_graded_indicator_is_tercapai_and_left_out_of_the_mean_by_default():
    laporan = hitung_laporan(_doc_kualitatif())
    row = {b.lokasi: b for b in laporan.indikator}
    b = row["S1.3/2022"]
    assert (b.capaian.nilai, b.capaian.status, b.predikat) == (None, "tercapai", "tercapai")
    # A is better than the end target BB too.
    assert b.kemajuan.status == "tercapai"
    [s1] = [s for s in laporan.sasaran if s.kode == "S1" and s.tahun == 2022]
    assert s1.rata_rata.nilai == D(105)  # (130 + 80) / 2: the grade is beside it
    assert s1.rata_rata.keterangan == "1 indikator kualitatif: tercapai"
    assert "tidak dihitung dalam rata-rata" in s1.rata_rata.rumus
    [agency] = [a for a in laporan.instansi if a.tahun == 2022]
    assert agency.rata_rata.keterangan == "1 indikator kualitatif: tercapai"
    assert "kualitatif" in agency.rata_rata.rumus
    assert not any(t.lokasi == "S1.3/2022" for t in laporan.temuan)


def test_a_pemda_may_count_a_graded_indicator_as_100_or_0():
    laporan = hitung_laporan(_doc_kualitatif({"nama": "K", "capaian_kualitatif": "100/0"}))
    [s1] = [s for s in laporan.sasaran if s.kode == "S1" and s.tahun == 2022]
    assert s1.rata_rata.nilai == D("103.3333333333333333333333333")  # (130 + 80 + 100) / 3
    assert s1.rata_rata.keterangan == ""
    assert "dihitung 100 % bila tercapai" in s1.rata_rata.rumus


@pytest.mark.parametrize(
    ("dinyatakan", "temuan"),
    [
        ({"capaian": "Berhasil", "predikat": "Tercapai", "sumber": "Tabel 3.1"}, []),
        ({"capaian": D(100), "predikat": "Sudah"}, []),
        ({"tingkat_kemajuan": "Tercapai"}, []),
        ({"capaian": D("133.33"), "sumber": "Tabel 3.1"}, ["CAPAIAN_BEDA"]),
        ({"predikat": "Belum tercapai"}, ["PREDIKAT_BEDA"]),
        ({"predikat": "Sangat Tinggi"}, ["PREDIKAT_BEDA"]),
        ({"tingkat_kemajuan": D("150")}, ["TINGKAT_KEMAJUAN_BEDA"]),
    ],
)
def test_a_printed_verdict_of_a_graded_indicator_is_checked(dinyatakan, temuan):
    laporan = hitung_laporan(_doc_kualitatif(dinyatakan=[dinyatakan]))
    found = [t for t in laporan.temuan if t.lokasi == "S1.3/2022"]
    assert [t.kode for t in found] == temuan
    for t in found:
        assert "tercapai" in t.pesan and "133.33" not in t.pesan
        assert t.sumber == dinyatakan.get("sumber")


def _doc_efisiensi():
    doc = _doc()
    doc["anggaran"]["program"] += [
        {
            "kode": "P2",
            "sasaran": ["S1", "S2"],
            "kegiatan": [{"kode": "K3", "pagu": D("100.00"), "realisasi": D("50.00")}],
        },
        {
            "kode": "P3",
            "kegiatan": [
                {"kode": "K4", "pagu": D("70.00"), "realisasi": D("70.00")},
                {
                    "kode": "K5",
                    "mendukung": ["S2.1"],
                    "pagu": D("10.00"),
                    "realisasi": D("10.00"),
                },
            ],
        },
    ]
    return doc


@pytest.mark.parametrize(
    ("sasaran", "pagu", "realisasi", "bersama", "program"),
    [
        # P1's 150 alone, plus half of P2 shared with S2.
        ("S1", D("200.00"), D("175.00"), D("50.00"), ("P1", "P2")),
        # Half of P2, and K5 of P3, which names S2.1.
        ("S2", D("60.00"), D("35.00"), D("50.00"), ("P2", "P3")),
        # K4 serves no sasaran: its own row, not dropped.
        ("", D("70.00"), D("70.00"), D(0), ("P3",)),
    ],
)
def test_efficiency_counts_each_budget_line_once(sasaran, pagu, realisasi, bersama, program):
    laporan = hitung_laporan(_doc_efisiensi())
    [row] = [e for e in laporan.efisiensi if e.sasaran == sasaran]
    assert (row.pagu, row.realisasi, row.pagu_bersama, row.program) == (
        pagu,
        realisasi,
        bersama,
        program,
    )
    assert row.tanpa_sasaran is (sasaran == "")


def test_the_efficiency_table_adds_up_to_the_budget():
    laporan = hitung_laporan(_doc_efisiensi())
    bl = laporan.anggaran.belanja_langsung
    assert sum(e.pagu for e in laporan.efisiensi) == bl.pagu
    assert sum(e.realisasi for e in laporan.efisiensi) == bl.realisasi
    # Without lines outside every sasaran there is no such row.
    assert not any(e.tanpa_sasaran for e in hitung_laporan(_doc()).efisiensi)


def _sebab(laporan):
    return {(t.kode, t.lokasi, t.sumber): t.akibat_dari for t in laporan.temuan}


def _doc_pk(dinyatakan):
    """S1.1: realisasi 130 against a PK target of 200 (65 %, Rendah); the
    Renstra's 100 would give 130 % (Sangat Tinggi)."""
    doc = _doc()
    doc["perjanjian_kinerja"] = {"tahun": 2022, "indikator": [{"kode": "S1.1", "target": D(200)}]}
    ind = doc["renstra"]["tujuan"][0]["sasaran"][0]["indikator"][0]
    ind["dinyatakan"] = {"2022": [dinyatakan]}
    return doc


PK = ("PK_TARGET_BEDA", "perjanjian_kinerja/S1.1")


@pytest.mark.parametrize(
    ("dinyatakan", "kode", "sebab"),
    [
        # Measured against the Renstra target: the PK difference is the cause.
        ({"capaian": D(130), "sumber": "T"}, "CAPAIAN_BEDA", PK),
        ({"target": D(100), "sumber": "T"}, "TARGET_BEDA", PK),
        ({"predikat": "Sangat Tinggi", "sumber": "T"}, "PREDIKAT_BEDA", PK),
        # The predikat of a misprinted capaian follows from it.
        (
            {"capaian": D(130), "predikat": "Sangat Tinggi", "sumber": "T"},
            "PREDIKAT_BEDA",
            ("CAPAIAN_BEDA", "S1.1/2022"),
        ),
        # A capaian computed from a misprinted realisation follows from it: 150 / 200.
        (
            {"capaian": D(75), "realisasi": D(150), "sumber": "T"},
            "CAPAIAN_BEDA",
            ("REALISASI_BEDA", "S1.1/2022"),
        ),
        # Figures that follow from nothing else stand alone.
        ({"capaian": D(99), "sumber": "T"}, "CAPAIAN_BEDA", None),
        ({"target": D(150), "sumber": "T"}, "TARGET_BEDA", None),
        ({"predikat": "Sedang", "sumber": "T"}, "PREDIKAT_BEDA", None),
        ({"capaian": D(76), "realisasi": D(150), "sumber": "T"}, "CAPAIAN_BEDA", None),
    ],
)
def test_a_finding_names_the_finding_it_follows_from(dinyatakan, kode, sebab):
    laporan = hitung_laporan(_doc_pk(dinyatakan))
    assert _sebab(laporan)[(kode, "S1.1/2022", "T")] == sebab
    assert _sebab(laporan)[PK + (None,)] is None


def test_the_json_and_the_grouping_carry_the_root_cause():
    from sakip.engine.temuan import kelompok_sebab

    laporan = hitung_laporan(
        _doc_pk({"capaian": D(130), "predikat": "Sangat Tinggi", "sumber": "T"})
    )
    t = next(t for t in laporan.temuan if t.kode == "PREDIKAT_BEDA")
    assert t.as_dict()["akibat_dari"] == {"kode": "CAPAIAN_BEDA", "lokasi": "S1.1/2022"}
    grup = {akar.kode: [a.kode for a in akibat] for akar, akibat in kelompok_sebab(laporan.temuan)}
    # The chain PK -> capaian -> predikat is one group under the PK.
    assert grup["PK_TARGET_BEDA"] == ["CAPAIAN_BEDA", "PREDIKAT_BEDA"]
    assert "CAPAIAN_BEDA" not in grup


@pytest.mark.parametrize(
    ("dinyatakan", "kode", "sebab"),
    [
        # Printed pagu 140 (data 150), realisasi right: 150 / 140 = 107,14 %.
        ({"pagu": D(140), "persen": D("107.14")}, "PERSEN_BEDA", ("PAGU_BEDA", "P1")),
        ({"pagu": D(140), "sisa": D(-10)}, "SISA_BEDA", ("PAGU_BEDA", "P1")),
        ({"pagu": D(140), "persen": D(90)}, "PERSEN_BEDA", None),
        ({"pagu": D(140), "sisa": D(5)}, "SISA_BEDA", None),
        ({"persen": D(90)}, "PERSEN_BEDA", None),
    ],
)
def test_a_budget_figure_computed_from_a_misprint_follows_from_it(dinyatakan, kode, sebab):
    doc = _doc()
    doc["anggaran"]["program"][0]["dinyatakan"] = {**dinyatakan, "realisasi": D("150.00")}
    laporan = hitung_laporan(doc)
    assert _sebab(laporan)[(kode, "P1", None)] == sebab


@pytest.mark.parametrize(
    ("total", "sebab"),
    [
        # K1 printed 95 instead of 100: the program's printed 145 is their sum.
        (D(145), ("PAGU_BEDA", "P1/K1")),
        (D(146), None),
    ],
)
def test_a_printed_total_of_misprinted_parts_follows_from_them(total, sebab):
    doc = _doc()
    program = doc["anggaran"]["program"][0]
    program["kegiatan"][0]["dinyatakan"] = {"pagu": D(95)}
    program["dinyatakan"] = {"pagu": total}
    laporan = hitung_laporan(doc)
    assert _sebab(laporan)[("PAGU_BEDA", "P1", None)] == sebab
    assert _sebab(laporan)[("PAGU_BEDA", "P1/K1", None)] is None


@pytest.mark.parametrize(
    ("total", "sebab"),
    [
        (D("140.00"), ("PK_PAGU_BEDA", "perjanjian_kinerja/P1")),
        (D("141.00"), None),
    ],
)
def test_the_pk_total_of_misprinted_program_budgets_follows_from_them(total, sebab):
    doc = _doc()
    doc["perjanjian_kinerja"] = {
        "tahun": 2022,
        "program": [{"kode": "P1", "pagu": D("140.00")}],
        "dinyatakan": {"pagu": total},
    }
    laporan = hitung_laporan(doc)
    t = next(t for t in laporan.temuan if t.lokasi == "perjanjian_kinerja")
    assert t.akibat_dari == sebab
    assert ("berasal dari pagu program P1" in t.pesan) is (sebab is not None)


@pytest.mark.parametrize(
    ("dinyatakan", "sebab"),
    [
        # The agency mean is 100 % (Sangat Tinggi); printed 70 % with its predikat Sedang.
        ({"capaian": D(70), "predikat": "Sedang"}, ("CAPAIAN_BEDA", "instansi/2022")),
        ({"capaian": D(70), "predikat": "Rendah"}, None),
    ],
)
def test_the_agency_predikat_of_a_misprinted_capaian_follows_from_it(dinyatakan, sebab):
    doc = _doc(pemda={"nama": "K", "batas_capaian": 120})
    doc["renstra"]["dinyatakan"] = {"2022": dinyatakan}
    laporan = hitung_laporan(doc)
    assert _sebab(laporan)[("PREDIKAT_BEDA", "instansi/2022", None)] == sebab
