"""A file applied to the record as a plan: rows keep their identity, only
what differs is written, and a failed or dry run leaves nothing behind."""

from decimal import Decimal

import pytest

from sakip.common.errors import DatasetRejected
from sakip.engine.laporan import hitung_laporan
from sakip.ledger.models import AuditLog, DatasetVersion
from sakip.ledger.testing import dump, minimal, robatal
from sakip.organisasi.models import Instansi, Pemda
from sakip.record.ekspor import dokumen_tahun
from sakip.record.impor import TahunTerkunci, impor_rencana
from sakip.record.models import (
    AnggaranNode,
    AturanPemda,
    Indikator,
    NilaiIndikator,
    StatusTahun,
    TahunKinerja,
)
from sakip.record.selaras import Penyelaras

pytestmark = pytest.mark.django_db

LEAF = "Fasilitasi administrasi pelayanan umum"


def _impor(doc=None, **kwargs):
    kwargs.setdefault("aktor", None)
    return impor_rencana(doc=robatal() if doc is None else doc, **kwargs)


def _export(tahun=2020, nama="Kecamatan Robatal"):
    return dokumen_tahun(TahunKinerja.objects.get(instansi__nama=nama, tahun=tahun))


def test_it_stores_the_reference_dataset_as_rows_and_gives_it_back():
    rencana = _impor(source_name="robatal-2020.yaml")

    assert rencana.tahun == 2020 and rencana.instansi == "Kecamatan Robatal"
    assert {p.jenis for p in rencana.perubahan} == {"tambah"}
    assert _export() == robatal()
    leaf = AnggaranNode.objects.get(uraian=LEAF)
    assert leaf.pagu == Decimal("826875.00") and leaf.realisasi == Decimal("826000.00")
    assert NilaiIndikator.objects.get(indikator__kode="S1.1", tahun=2020).realisasi == Decimal(
        "79.017"
    )
    # The file is kept as the source of the import.
    assert DatasetVersion.objects.get().source_name == "robatal-2020.yaml"


def test_a_second_import_of_the_same_file_changes_nothing_and_writes_nothing():
    _impor()
    before = dump()

    rencana = _impor(source_name="lagi.yaml")

    assert rencana.kosong and rencana.ringkasan() == "tidak ada perubahan"
    assert rencana.impor is None
    assert dump() == before


def test_a_changed_figure_is_one_change_on_the_same_row_with_its_audit():
    _impor()
    leaf = AnggaranNode.objects.get(uraian=LEAF)
    doc = robatal()
    doc["anggaran"]["program"][4]["kegiatan"][4]["pagu"] = Decimal("826875.50")

    rencana = _impor(doc)

    assert [str(p) for p in rencana.perubahan] == [
        f"~ anggaran Kecamatan Robatal 2020 / P5 / {LEAF}: pagu: 826.875,00 -> 826.875,50"
    ]
    after = AnggaranNode.objects.get(uraian=LEAF)
    assert after.pk == leaf.pk and after.pagu == Decimal("826875.50")
    assert after.versi == leaf.versi + 1
    log = AuditLog.objects.get(
        object_type="record.AnggaranNode", object_id=str(leaf.pk), bidang="pagu"
    )
    assert (log.bidang, log.old, log.new, log.versi) == ("pagu", "826875.00", "826875.50", 2)
    assert _export() == doc


def test_a_dry_run_makes_the_plan_and_writes_nothing():
    _impor()
    before = dump()
    doc = robatal()
    doc["renstra"]["tujuan"][0]["sasaran"][0]["indikator"][0]["target"]["2020"] = Decimal("82")
    del doc["anggaran"]["program"][2]

    rencana = _impor(doc, coba=True)

    lines = [str(p) for p in rencana.perubahan]
    assert "~ Renstra 2019-2024 / indikator S1.1 / 2020: target: 81,55 -> 82" in lines
    assert any(line.startswith("- anggaran Kecamatan Robatal 2020 / P3") for line in lines)
    assert dump() == before


def test_a_failed_import_leaves_the_database_exactly_as_it_was(monkeypatch):
    _impor()
    before = dump()
    doc = robatal()
    doc["anggaran"]["program"][0]["kegiatan"][0]["pagu"] = Decimal("1")

    def gagal(*args, **kwargs):
        raise DatasetRejected(("perjanjian_kinerja",), "gagal di tengah jalan")

    monkeypatch.setattr(Penyelaras, "_perjanjian", gagal)
    with pytest.raises(DatasetRejected):
        _impor(doc)

    assert dump() == before


def test_an_approved_year_refuses_a_file_until_it_is_unlocked():
    _impor()
    TahunKinerja.objects.update(status=StatusTahun.DISETUJUI)
    before = dump()
    doc = robatal()
    doc["narasi"]["hambatan"] = "lain"

    with pytest.raises(TahunTerkunci, match="disetujui dan terkunci"):
        _impor(doc)
    assert dump() == before

    TahunKinerja.objects.update(status=StatusTahun.DRAF)
    assert not _impor(doc).kosong


def test_pemda_rules_come_from_the_first_file_and_another_file_only_warns():
    _impor()
    doc = minimal()
    doc["pemda"] = {"nama": "Kabupaten Sampang", "skala_capaian": [{"dari": 0, "label": "X"}]}
    doc["renstra"] = {"periode": [2021, 2025], "tujuan": []}

    rencana = _impor(doc)

    assert any("skala_capaian" in w and "berbeda" in w for w in rencana.peringatan)
    aturan = AturanPemda.objects.get()
    assert aturan.berlaku_mulai == 0
    assert aturan.skala_capaian == robatal()["pemda"]["skala_capaian"]
    assert Pemda.objects.count() == 1 and Instansi.objects.count() == 2


def test_the_renstra_is_shared_a_target_corrected_once_shows_in_both_years():
    _impor()
    doc_2021 = robatal()
    doc_2021["perjanjian_kinerja"]["tahun"] = 2021
    doc_2021["anggaran"]["tahun"] = 2021
    ind = doc_2021["renstra"]["tujuan"][0]["sasaran"][0]["indikator"][0]
    ind["target"] = {"2020": Decimal("80"), "2021": Decimal("82")}
    ind["realisasi"]["2021"] = Decimal("83")

    _impor(doc_2021)

    assert Indikator.objects.filter(kode="S1.1").count() == 1
    for tahun in (2020, 2021):
        exported = _export(tahun)
        target = exported["renstra"]["tujuan"][0]["sasaran"][0]["indikator"][0]["target"]
        assert target == {"2020": Decimal("80"), "2021": Decimal("82")}
        # The check (and the report built from it) of either year measures 2020 against 80.
        baris = [
            b
            for b in hitung_laporan(exported).indikator
            if b.ref.indikator.kode == "S1.1" and b.tahun == 2020
        ]
        assert [b.target for b in baris] == [Decimal("80")]
    # The 2021 file did not mention the 2019 realisation: another year's value stays.
    realisasi = _export(2020)["renstra"]["tujuan"][0]["sasaran"][0]["indikator"][0]["realisasi"]
    assert realisasi == {
        "2019": Decimal("81.60"),
        "2020": Decimal("79.017"),
        "2021": Decimal("83"),
    }


def test_an_indicator_removed_from_the_renstra_goes_with_its_values():
    doc = robatal()
    sasaran = doc["renstra"]["tujuan"][0]["sasaran"][0]
    extra = dict(sasaran["indikator"][0], kode="S1.2", iku=False)
    sasaran["indikator"].append(extra)
    _impor(doc)
    assert Indikator.objects.filter(kode="S1.2").exists()

    rencana = _impor()

    assert "- Renstra 2019-2024 / indikator S1.2" in [str(p) for p in rencana.perubahan]
    assert not Indikator.objects.filter(kode="S1.2").exists()
    assert _export() == robatal()


def test_a_pk_indicator_of_another_year_cannot_be_removed():
    _impor()
    doc_2021 = robatal()
    doc_2021["perjanjian_kinerja"]["tahun"] = 2021
    doc_2021["anggaran"]["tahun"] = 2021
    doc_2021["renstra"]["tujuan"][0]["sasaran"][0]["indikator"][0]["kode"] = "S1.9"
    doc_2021["perjanjian_kinerja"]["indikator"] = ["S1.9"]
    doc_2021["narasi"]["analisis"] = {"S1.9": "x"}
    before = dump()

    with pytest.raises(DatasetRejected, match="S1.1 tidak dapat dihapus"):
        _impor(doc_2021)

    assert dump() == before


def test_names_match_whatever_their_case():
    _impor()
    doc = robatal()
    doc["instansi"]["nama"] = "KECAMATAN ROBATAL"
    doc["pemda"]["nama"] = "kabupaten sampang"

    assert _impor(doc).kosong
    assert Instansi.objects.count() == 1


@pytest.mark.parametrize(
    "ubah,pesan",
    [
        (lambda d: d["instansi"].update(nama="K" * 256), "nama lebih dari 255 karakter"),
        (
            lambda d: d["anggaran"]["program"][0].update(kode="P" * 101),
            "kode lebih dari 100 karakter",
        ),
    ],
    ids=["nama", "kode"],
)
def test_text_longer_than_its_column_is_refused_with_where_it_is(ubah, pesan):
    _impor()
    before = dump()
    doc = robatal()
    ubah(doc)

    with pytest.raises(DatasetRejected, match=pesan):
        _impor(doc)

    assert dump() == before


def test_a_pemda_made_without_rules_takes_those_of_its_first_file():
    Pemda.objects.create(nama="Kabupaten Sampang")

    rencana = _impor()

    assert not rencana.peringatan
    aturan = AturanPemda.objects.get()
    assert aturan.skala_capaian == robatal()["pemda"]["skala_capaian"]
    assert _export() == robatal()
