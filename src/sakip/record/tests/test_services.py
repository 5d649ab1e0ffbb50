"""Every write service: the write, its audit row, a stale write refused, a
denial for a role that may not, a locked year, and the field's history."""

from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model

from sakip.akun.akses import AksesDitolak
from sakip.akun.models import Keanggotaan, Peran
from sakip.ledger.models import AuditLog
from sakip.ledger.testing import dump, robatal
from sakip.record import services
from sakip.record.ekspor import dokumen_tahun
from sakip.record.models import (
    AnggaranNode,
    AturanPemda,
    Indikator,
    JenisTriwulan,
    NilaiIndikator,
    PerjanjianKinerja,
    StatusTahun,
    TahunKinerja,
)
from sakip.record.services import NilaiDitolak, PenulisanBasi, TahunTerkunci
from sakip.record.testing import impor_uji

pytestmark = pytest.mark.django_db

LEAF = "Fasilitasi administrasi pelayanan umum"


@pytest.fixture
def tahun():
    return impor_uji()


@pytest.fixture
def orang(tahun):
    """The personas: who belongs where, by their names."""
    torjun = robatal()
    torjun["instansi"]["nama"] = "Kecamatan Torjun"
    tahun_torjun = impor_uji(torjun)
    User = get_user_model()
    peran = {
        "operator-robatal": (Peran.OPERATOR, tahun.instansi, None),
        "pimpinan-robatal": (Peran.PIMPINAN, tahun.instansi, None),
        "operator-torjun": (Peran.OPERATOR, tahun_torjun.instansi, None),
        "admin-sampang": (Peran.ADMIN_PEMDA, None, tahun.instansi.pemda),
        "evaluator-sampang": (Peran.EVALUATOR, None, tahun.instansi.pemda),
    }
    hasil = {}
    for nama, (p, instansi, pemda) in peran.items():
        user = User.objects.create_user(nama)
        Keanggotaan.objects.create(user=user, peran=p, instansi=instansi, pemda=pemda)
        hasil[nama] = user
    return hasil


def _s11():
    return Indikator.objects.get(kode="S1.1", renstra__instansi__nama="Kecamatan Robatal")


def _nilai(tahun=2020):
    return NilaiIndikator.objects.get(indikator=_s11(), tahun=tahun)


def _leaf():
    return AnggaranNode.objects.get(
        uraian=LEAF, anggaran__tahun_kinerja__instansi__nama="Kecamatan Robatal"
    )


def _audit(row, bidang):
    return AuditLog.objects.filter(
        object_type=row._meta.label, object_id=str(row.pk), bidang=bidang
    ).latest("id")


def test_it_sets_a_realisation_with_its_audit_and_history(orang):
    sebelum = _nilai()
    operator = orang["operator-robatal"]

    row = services.realisasi_set(
        aktor=operator, indikator=_s11(), tahun=2020, nilai=Decimal("80.5"), versi=sebelum.versi
    )

    assert row.pk == sebelum.pk and row.versi == sebelum.versi + 1
    assert _nilai().realisasi == Decimal("80.5")
    log = _audit(row, "realisasi")
    assert (log.actor, log.action, log.old, log.new, log.versi) == (
        operator,
        "realisasi_set",
        "79.017",
        "80.5",
        row.versi,
    )
    riwayat = services.riwayat(row, "realisasi")
    assert [(r.old, r.new) for r in riwayat] == [("79.017", "80.5")]


def test_a_stale_write_of_the_same_field_is_refused_with_who_what_and_when(orang):
    dibaca = _nilai().versi
    services.realisasi_set(
        aktor=orang["operator-robatal"],
        indikator=_s11(),
        tahun=2020,
        nilai=Decimal("80.5"),
        versi=dibaca,
    )
    before = dump()

    with pytest.raises(PenulisanBasi) as exc:
        services.realisasi_set(
            aktor=orang["admin-sampang"], indikator=_s11(), tahun=2020, nilai=90, versi=dibaca
        )

    pesan = str(exc.value)
    assert "telah diubah oleh operator-robatal pada" in pesan
    assert "(79,017 -> 80,5)" in pesan and "muat ulang" in pesan
    assert dump() == before


def test_a_write_of_another_field_of_the_row_read_earlier_goes_through(orang):
    dibaca = _nilai().versi
    services.realisasi_set(
        aktor=orang["operator-robatal"], indikator=_s11(), tahun=2020, nilai=80, versi=dibaca
    )

    services.target_set(
        aktor=orang["operator-robatal"], indikator=_s11(), tahun=2020, nilai=82, versi=dibaca
    )

    assert (_nilai().target, _nilai().realisasi) == (82, 80)


@pytest.mark.parametrize("persona", ["operator-torjun", "pimpinan-robatal", "evaluator-sampang"])
def test_a_role_that_may_not_change_figures_is_refused(orang, persona):
    before = dump()

    with pytest.raises(AksesDitolak):
        services.realisasi_set(
            aktor=orang[persona], indikator=_s11(), tahun=2020, nilai=1, versi=_nilai().versi
        )
    with pytest.raises(AksesDitolak):
        services.pagu_set(aktor=orang[persona], node=_leaf(), pagu=1, versi=_leaf().versi)

    assert dump() == before


def test_a_target_set_once_is_the_target_of_every_year_of_the_renstra(orang, tahun):
    doc_2021 = robatal()
    doc_2021["perjanjian_kinerja"]["tahun"] = 2021
    doc_2021["anggaran"]["tahun"] = 2021
    impor_uji(doc_2021)

    services.target_set(
        aktor=orang["operator-robatal"], indikator=_s11(), tahun=2021, nilai=85, versi=0
    )

    for t in (2020, 2021):
        tk = TahunKinerja.objects.get(instansi=tahun.instansi, tahun=t)
        ind = dokumen_tahun(tk)["renstra"]["tujuan"][0]["sasaran"][0]["indikator"][0]
        assert ind["target"] == {"2020": Decimal("81.55"), "2021": 85}


def test_a_quarter_is_set_with_its_own_history(orang):
    row = services.triwulan_set(
        aktor=orang["operator-robatal"],
        indikator=_s11(),
        jenis=JenisTriwulan.REALISASI,
        tahun=2020,
        triwulan=2,
        nilai=Decimal("78.5"),
        versi=0,
    )

    assert (row.nilai, row.versi) == (Decimal("78.5"), 1)
    assert _audit(row, "nilai").new == "78.5"
    ekspor = dokumen_tahun(TahunKinerja.objects.get(instansi__nama="Kecamatan Robatal"))
    assert ekspor["realisasi_triwulan"] == {"S1.1": {"2020": [None, Decimal("78.5"), None, None]}}
    with pytest.raises(NilaiDitolak):
        services.triwulan_set(
            aktor=orang["operator-robatal"],
            indikator=_s11(),
            jenis=JenisTriwulan.REALISASI,
            tahun=2020,
            triwulan=5,
            nilai=1,
            versi=0,
        )


def test_money_is_exact_and_must_be_an_amount(orang):
    leaf = _leaf()
    operator = orang["operator-robatal"]

    services.pagu_set(aktor=operator, node=leaf, pagu=Decimal("826875.50"), versi=leaf.versi)
    services.realisasi_anggaran_set(
        aktor=operator, node=_leaf(), realisasi=Decimal("826000.25"), versi=leaf.versi + 1
    )

    assert (_leaf().pagu, _leaf().realisasi) == (Decimal("826875.50"), Decimal("826000.25"))
    for salah in (-1, Decimal("1.005"), "826875.50", "banyak", True, Decimal("1E+20")):
        with pytest.raises(NilaiDitolak):
            services.pagu_set(aktor=operator, node=_leaf(), pagu=salah, versi=_leaf().versi)


def test_report_text_is_set_by_the_operator(orang, tahun):
    tk = TahunKinerja.objects.get(pk=tahun.pk)

    services.narasi_set(
        aktor=orang["operator-robatal"],
        tahun_kinerja=tk,
        bagian="solusi",
        teks="Menambah loket",
        versi=tk.versi,
    )

    tk.refresh_from_db()
    assert tk.narasi["solusi"] == "Menambah loket"
    assert tk.narasi["hambatan"] == robatal()["narasi"]["hambatan"]
    with pytest.raises(AksesDitolak):
        services.narasi_set(
            aktor=orang["evaluator-sampang"],
            tahun_kinerja=tk,
            bagian="solusi",
            teks="x",
            versi=tk.versi,
        )


def test_an_approved_year_refuses_every_write(orang, tahun):
    TahunKinerja.objects.filter(pk=tahun.pk).update(status=StatusTahun.DISETUJUI)
    before = dump()

    with pytest.raises(TahunTerkunci, match="terkunci"):
        services.realisasi_set(
            aktor=orang["operator-robatal"],
            indikator=_s11(),
            tahun=2020,
            nilai=1,
            versi=_nilai().versi,
        )
    with pytest.raises(TahunTerkunci):
        services.pagu_set(
            aktor=orang["operator-robatal"], node=_leaf(), pagu=1, versi=_leaf().versi
        )

    assert dump() == before


def test_the_pimpinan_signs_the_pk_which_then_changes_only_by_a_new_version(orang, tahun):
    pk = PerjanjianKinerja.objects.get(tahun_kinerja=tahun)
    with pytest.raises(AksesDitolak):
        services.pk_tandatangani(aktor=orang["operator-robatal"], perjanjian=pk, versi=pk.versi)

    ditandatangani = services.pk_tandatangani(
        aktor=orang["pimpinan-robatal"], perjanjian=pk, versi=pk.versi
    )

    assert ditandatangani.ditandatangani_oleh == orang["pimpinan-robatal"]
    assert _audit(ditandatangani, "ditandatangani_pada").actor == orang["pimpinan-robatal"]
    doc = robatal()
    doc["perjanjian_kinerja"]["program"] = ["P1"]
    with pytest.raises(services.DatasetError, match="sudah ditandatangani"):
        impor_uji(doc)
    doc["perjanjian_kinerja"]["versi"] = 2
    impor_uji(doc)
    assert list(
        PerjanjianKinerja.objects.filter(tahun_kinerja=tahun).values_list("nomor", flat=True)
    ) == [1, 2]
    assert dokumen_tahun(TahunKinerja.objects.get(pk=tahun.pk))["perjanjian_kinerja"] == {
        "tahun": 2020,
        "versi": 2,
        "indikator": ["S1.1"],
        "program": ["P1"],
    }


def test_only_the_pemda_admin_changes_its_rules_from_a_year_on(orang, tahun):
    pemda = tahun.instansi.pemda
    skala = [{"dari": 90, "label": "Baik"}, {"dari": 0, "label": "Kurang"}]
    for persona in ("operator-robatal", "pimpinan-robatal", "evaluator-sampang"):
        with pytest.raises(AksesDitolak):
            services.aturan_pemda_set(
                aktor=orang[persona],
                pemda=pemda,
                berlaku_mulai=2021,
                bidang="skala_capaian",
                nilai=skala,
                versi=0,
            )
    TahunKinerja.objects.filter(pk=tahun.pk).update(status=StatusTahun.DISETUJUI)

    aturan = services.aturan_pemda_set(
        aktor=orang["admin-sampang"],
        pemda=pemda,
        berlaku_mulai=2021,
        bidang="skala_capaian",
        nilai=skala,
        versi=0,
    )

    assert aturan.berlaku_mulai == 2021 and aturan.skala_capaian == skala
    assert _audit(aturan, "skala_capaian").actor == orang["admin-sampang"]
    # 2020 keeps the scale it was computed with.
    awal = AturanPemda.objects.get(pemda=pemda, berlaku_mulai=0)
    assert awal.skala_capaian == robatal()["pemda"]["skala_capaian"]
    assert dokumen_tahun(TahunKinerja.objects.get(pk=tahun.pk))["pemda"]["skala_capaian"] == (
        awal.skala_capaian
    )


def test_an_import_into_another_instansi_is_refused(orang):
    torjun = robatal()
    torjun["instansi"]["nama"] = "Kecamatan Torjun"
    before = dump()

    with pytest.raises(AksesDitolak):
        services.impor(aktor=orang["operator-robatal"], doc=torjun)
    baru = robatal()
    baru["instansi"]["nama"] = "Kecamatan Baru"
    with pytest.raises(AksesDitolak):
        services.impor(aktor=orang["operator-robatal"], doc=baru)

    assert dump() == before
    assert not services.impor(aktor=orang["admin-sampang"], doc=baru).kosong


def _tulis_semua(orang, tahun):
    """Each field-writing service as (a way to read the row's version, a write at a version)."""
    operator = orang["operator-robatal"]
    tk = TahunKinerja.objects.get(pk=tahun.pk)
    return {
        "target_set": (
            lambda: _nilai().versi,
            lambda v, x: services.target_set(
                aktor=operator, indikator=_s11(), tahun=2020, nilai=x, versi=v
            ),
        ),
        "realisasi_set": (
            lambda: _nilai().versi,
            lambda v, x: services.realisasi_set(
                aktor=operator, indikator=_s11(), tahun=2020, nilai=x, versi=v
            ),
        ),
        "triwulan_set": (
            lambda: 0,
            lambda v, x: services.triwulan_set(
                aktor=operator,
                indikator=_s11(),
                jenis=JenisTriwulan.RENCANA_AKSI,
                tahun=2020,
                triwulan=1,
                nilai=x,
                versi=v,
            ),
        ),
        "pagu_set": (
            lambda: _leaf().versi,
            lambda v, x: services.pagu_set(aktor=operator, node=_leaf(), pagu=x, versi=v),
        ),
        "realisasi_anggaran_set": (
            lambda: _leaf().versi,
            lambda v, x: services.realisasi_anggaran_set(
                aktor=operator, node=_leaf(), realisasi=x, versi=v
            ),
        ),
        "narasi_set": (
            lambda: TahunKinerja.objects.get(pk=tk.pk).versi,
            lambda v, x: services.narasi_set(
                aktor=operator, tahun_kinerja=tk, bagian="penutup", teks=str(x), versi=v
            ),
        ),
    }


@pytest.mark.parametrize(
    "layanan",
    [
        "target_set",
        "realisasi_set",
        "triwulan_set",
        "pagu_set",
        "realisasi_anggaran_set",
        "narasi_set",
    ],
)
def test_every_field_write_is_audited_and_refuses_a_stale_write(orang, tahun, layanan):
    versi, tulis = _tulis_semua(orang, tahun)[layanan]
    dibaca = versi()
    jumlah = AuditLog.objects.count()

    tulis(dibaca, Decimal("11"))

    assert AuditLog.objects.count() == jumlah + 1
    log = AuditLog.objects.latest("id")
    assert log.actor == orang["operator-robatal"] and log.action == layanan
    before = dump()
    with pytest.raises(PenulisanBasi, match="telah diubah oleh operator-robatal"):
        tulis(dibaca, Decimal("12"))
    assert dump() == before


def test_every_row_a_view_may_show_answers_whose_it_is(orang):
    from sakip.akun.akses import Aksi, boleh

    rows = [_s11(), _nilai(), _leaf(), _leaf().anggaran, PerjanjianKinerja.objects.first()]
    for row in rows:
        assert boleh(orang["operator-robatal"], Aksi.LIHAT, row), row
        assert not boleh(orang["operator-torjun"], Aksi.LIHAT, row), row
        assert boleh(orang["evaluator-sampang"], Aksi.LIHAT, row), row
