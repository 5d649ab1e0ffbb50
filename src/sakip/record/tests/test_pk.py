"""The Perjanjian Kinerja's versions: a signed PK changes only through a PK
Perubahan, whose targets the operator sets until the pimpinan signs it."""

from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model

from sakip.akun.akses import AksesDitolak
from sakip.akun.models import Keanggotaan, Peran
from sakip.dataset import json_exact as jsontext
from sakip.ledger.models import AuditAction, AuditLog
from sakip.record import services
from sakip.record.ekspor import dokumen_tahun
from sakip.record.models import PerjanjianKinerja, StatusTahun, TahunKinerja
from sakip.record.queries import laporan_tahun
from sakip.record.services import PenulisanBasi, TahunTerkunci
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
