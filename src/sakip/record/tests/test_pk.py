"""The Perjanjian Kinerja's versions: a signed PK changes only through a PK
Perubahan, whose targets and pagu the operator sets until the pimpinan signs it."""

from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model

from sakip.akun.akses import AksesDitolak
from sakip.akun.models import Keanggotaan, Peran
from sakip.dataset import json_exact as jsontext
from sakip.dataset.dump import dump_yaml
from sakip.dataset.load import parse_document, validate
from sakip.ledger.models import AuditAction, AuditLog
from sakip.ledger.testing import dump
from sakip.record import services
from sakip.record.ekspor import dokumen_tahun
from sakip.record.impor import impor_rencana
from sakip.record.models import PerjanjianKinerja, PerjanjianProgram, StatusTahun, TahunKinerja
from sakip.record.queries import laporan_tahun
from sakip.record.services import NilaiDitolak, PenulisanBasi, TahunTerkunci
from sakip.record.testing import impor_uji

pytestmark = pytest.mark.django_db


@pytest.fixture
def tahun():
    return impor_uji()


@pytest.fixture
def orang(tahun):
    peran = {
        "operator-robatal": (Peran.OPERATOR, tahun.instansi, None),
        "pimpinan-robatal": (Peran.PIMPINAN, tahun.instansi, None),
        "evaluator-sampang": (Peran.EVALUATOR, None, tahun.instansi.pemda),
    }
    hasil = {}
    for nama, (p, instansi, pemda) in peran.items():
        user = get_user_model().objects.create_user(nama)
        Keanggotaan.objects.create(user=user, peran=p, instansi=instansi, pemda=pemda)
        hasil[nama] = user
    return hasil


def _pk(tahun, nomor=1):
    return PerjanjianKinerja.objects.get(tahun_kinerja=tahun, nomor=nomor)


def _tandatangani(orang, pk):
    return services.pk_tandatangani(aktor=orang["pimpinan-robatal"], perjanjian=pk, versi=pk.versi)


def test_a_pk_perubahan_copies_the_signed_pk_and_its_new_target_is_what_counts(orang, tahun):
    operator = orang["operator-robatal"]
    awal = _tandatangani(orang, _pk(tahun))

    baru = services.pk_perubahan_buat(aktor=operator, perjanjian=awal)

    assert (baru.nomor, baru.ditandatangani_pada, baru.versi_dokumen) == (2, None, 2)
    assert [i.indikator.kode for i in baru.indikator.all()] == ["S1.1"]
    assert [p.kode for p in baru.program.all()] == ["P1", "P2", "P3", "P4", "P5"]
    log = AuditLog.objects.get(action=AuditAction.PK_PERUBAHAN_BUAT)
    assert (log.actor, log.object_id, log.old, log.new) == (operator, str(baru.pk), "1", "2")

    item = baru.indikator.get()
    services.pk_target_set(aktor=operator, indikator=item, target=Decimal("85"), versi=item.versi)

    item.refresh_from_db()
    assert item.target == Decimal("85") and not item.ringkas
    log = AuditLog.objects.get(action=AuditAction.PK_TARGET_SET)
    assert (log.actor, log.old, jsontext.loads(log.new)) == (operator, "", Decimal("85"))
    tk = TahunKinerja.objects.get(pk=tahun.pk)
    doc = dokumen_tahun(tk)["perjanjian_kinerja"]
    assert doc["versi"] == 2 and doc["indikator"] == [{"kode": "S1.1", "target": Decimal("85")}]
    s11 = next(b for b in laporan_tahun(tk).indikator_tahun() if b.ref.kode == "S1.1")
    assert s11.target == Decimal("85")
    # The signed original stays as it was signed.
    assert _pk(tahun).indikator.get().target is None


def test_a_signed_pk_refuses_a_target_change(orang, tahun):
    pk = _tandatangani(orang, _pk(tahun))
    item = pk.indikator.get()
    with pytest.raises(services.DatasetError, match="sudah ditandatangani.*PK Perubahan"):
        services.pk_target_set(
            aktor=orang["operator-robatal"], indikator=item, target=90, versi=item.versi
        )
    item.refresh_from_db()
    assert item.target is None


def test_a_pk_perubahan_only_from_the_latest_signed_version(orang, tahun):
    operator = orang["operator-robatal"]
    awal = _pk(tahun)
    with pytest.raises(services.DatasetError, match="belum ditandatangani"):
        services.pk_perubahan_buat(aktor=operator, perjanjian=awal)
    awal = _tandatangani(orang, awal)
    services.pk_perubahan_buat(aktor=operator, perjanjian=awal)
    with pytest.raises(services.DatasetError, match="bukan versi terakhir"):
        services.pk_perubahan_buat(aktor=operator, perjanjian=awal)
    assert PerjanjianKinerja.objects.filter(tahun_kinerja=tahun).count() == 2


def test_only_the_operator_changes_the_plan_of_the_pk(orang, tahun):
    awal = _tandatangani(orang, _pk(tahun))
    for nama in ("pimpinan-robatal", "evaluator-sampang"):
        with pytest.raises(AksesDitolak):
            services.pk_perubahan_buat(aktor=orang[nama], perjanjian=awal)
    baru = services.pk_perubahan_buat(aktor=orang["operator-robatal"], perjanjian=awal)
    item = baru.indikator.get()
    for nama in ("pimpinan-robatal", "evaluator-sampang"):
        with pytest.raises(AksesDitolak):
            services.pk_target_set(aktor=orang[nama], indikator=item, target=1, versi=item.versi)
    assert PerjanjianKinerja.objects.filter(tahun_kinerja=tahun).count() == 2


def test_a_stale_pk_target_is_refused_and_a_locked_year_refuses_a_new_version(orang, tahun):
    operator = orang["operator-robatal"]
    awal = _tandatangani(orang, _pk(tahun))
    item = services.pk_perubahan_buat(aktor=operator, perjanjian=awal).indikator.get()
    dibaca = item.versi
    services.pk_target_set(aktor=operator, indikator=item, target=83, versi=dibaca)
    with pytest.raises(PenulisanBasi, match="telah diubah oleh operator-robatal"):
        services.pk_target_set(aktor=operator, indikator=item, target=84, versi=dibaca)

    TahunKinerja.objects.filter(pk=tahun.pk).update(status=StatusTahun.DISETUJUI)
    item.refresh_from_db()
    with pytest.raises(TahunTerkunci):
        services.pk_target_set(aktor=operator, indikator=item, target=84, versi=item.versi)
    item.refresh_from_db()
    assert item.target == 83


def test_only_the_latest_version_is_signed(orang, tahun):
    awal = _pk(tahun)
    PerjanjianKinerja.objects.create(tahun_kinerja=tahun, tahun=2020, nomor=2, versi_dokumen=2)
    with pytest.raises(services.DatasetError, match="sudah digantikan oleh PK Perubahan 2"):
        _tandatangani(orang, awal)
    awal.refresh_from_db()
    assert awal.ditandatangani_pada is None


# -- the pagu a PK prints for a program -------------------------------------------


def _program(tahun, kode="P1", nomor=1):
    return PerjanjianProgram.objects.get(
        perjanjian__tahun_kinerja=tahun, perjanjian__nomor=nomor, kode=kode
    )


def _pk_diekspor(tahun):
    """The year's exported PK section, after checking that the exported
    document is valid and imports again as no change."""
    doc = dokumen_tahun(TahunKinerja.objects.get(pk=tahun.pk))
    kembali, _ = parse_document(dump_yaml(doc), filename="ekspor.yaml", fmt="yaml")
    assert validate(kembali) == []
    assert impor_rencana(doc=kembali, aktor=None).kosong
    return doc["perjanjian_kinerja"]


def test_the_operator_sets_the_pagu_an_unsigned_pk_prints_and_clears_it(orang, tahun):
    operator = orang["operator-robatal"]
    item = _program(tahun)
    assert (item.pagu, item.ringkas) == (None, True)

    services.pk_pagu_set(aktor=operator, program=item, pagu=Decimal("1500000.50"), versi=item.versi)

    item.refresh_from_db()
    assert item.pagu == Decimal("1500000.50") and not item.ringkas
    log = AuditLog.objects.get(action=AuditAction.PK_PAGU_SET)
    assert (log.actor, log.bidang, log.old, jsontext.loads(log.new)) == (
        operator,
        "pagu",
        "",
        Decimal("1500000.50"),
    )
    assert log.lokasi.startswith("pagu P1 ") and log.versi == item.versi
    doc = _pk_diekspor(tahun)
    assert doc["program"] == [{"kode": "P1", "pagu": Decimal("1500000.50")}, "P2", "P3", "P4", "P5"]
    pk = laporan_tahun(TahunKinerja.objects.get(pk=tahun.pk)).dokumen.perjanjian_kinerja
    assert pk.program[0].pagu == Decimal("1500000.50")

    # The same amount again changes nothing; none: the budget's pagu applies again.
    services.pk_pagu_set(aktor=operator, program=item, pagu=Decimal("1500000.50"), versi=item.versi)
    assert AuditLog.objects.filter(action=AuditAction.PK_PAGU_SET).count() == 1
    services.pk_pagu_set(aktor=operator, program=item, pagu=None, versi=item.versi)

    item.refresh_from_db()
    assert (item.pagu, item.ringkas) == (None, True)
    log = AuditLog.objects.filter(action=AuditAction.PK_PAGU_SET).latest("id")
    assert (jsontext.loads(log.old), log.new) == (Decimal("1500000.50"), "")
    assert _pk_diekspor(tahun)["program"] == ["P1", "P2", "P3", "P4", "P5"]


def test_a_signed_pk_refuses_a_pagu_change_and_a_pk_perubahan_takes_it(orang, tahun):
    operator = orang["operator-robatal"]
    awal = _tandatangani(orang, _pk(tahun))
    item = _program(tahun)
    with pytest.raises(services.DatasetError, match="sudah ditandatangani.*mengubah pagunya"):
        services.pk_pagu_set(aktor=operator, program=item, pagu=Decimal("5"), versi=item.versi)
    item.refresh_from_db()
    assert item.pagu is None

    services.pk_perubahan_buat(aktor=operator, perjanjian=awal)
    baru = _program(tahun, nomor=2)
    services.pk_pagu_set(aktor=operator, program=baru, pagu=Decimal("5"), versi=baru.versi)

    baru.refresh_from_db()
    assert baru.pagu == Decimal("5")
    assert _program(tahun).pagu is None  # the signed original stays as it was signed
    doc = _pk_diekspor(tahun)
    assert doc["versi"] == 2 and doc["program"][0] == {"kode": "P1", "pagu": Decimal("5")}


def test_a_pk_pagu_must_be_an_amount_and_only_the_operator_sets_it(orang, tahun):
    item = _program(tahun)
    sebelum = dump()
    for salah in (-1, Decimal("-0.01"), Decimal("1.005"), "1500000", True, Decimal("1E+20")):
        with pytest.raises(NilaiDitolak):
            services.pk_pagu_set(
                aktor=orang["operator-robatal"], program=item, pagu=salah, versi=item.versi
            )
    for nama in ("pimpinan-robatal", "evaluator-sampang"):
        with pytest.raises(AksesDitolak):
            services.pk_pagu_set(aktor=orang[nama], program=item, pagu=1, versi=item.versi)
    assert dump() == sebelum


def test_a_stale_pk_pagu_is_refused_and_a_locked_year_refuses_it(orang, tahun):
    operator = orang["operator-robatal"]
    item = _program(tahun)
    dibaca = item.versi
    services.pk_pagu_set(aktor=operator, program=item, pagu=Decimal("100"), versi=dibaca)
    with pytest.raises(PenulisanBasi, match="pagu P1 .* telah diubah oleh operator-robatal"):
        services.pk_pagu_set(aktor=operator, program=item, pagu=Decimal("200"), versi=dibaca)

    TahunKinerja.objects.filter(pk=tahun.pk).update(status=StatusTahun.DISETUJUI)
    item.refresh_from_db()
    with pytest.raises(TahunTerkunci):
        services.pk_pagu_set(aktor=operator, program=item, pagu=Decimal("200"), versi=item.versi)
    item.refresh_from_db()
    assert item.pagu == Decimal("100")
