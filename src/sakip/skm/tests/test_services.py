"""The SKM writes: open, respond, close, import, and the IKM as the
realisation of the IKM indicator, each audited."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from openpyxl import Workbook

from sakip.akun.akses import AksesDitolak
from sakip.akun.sistem import aktor_sistem
from sakip.dataset.errors import DatasetInvalid
from sakip.ledger.models import AuditAction, AuditLog
from sakip.ledger.testing import minimal
from sakip.record.models import NilaiIndikator
from sakip.record.testing import impor_uji
from sakip.skm.models import Responden
from sakip.skm.queries import hasil_kuesioner
from sakip.skm.services import (
    ResponGanda,
    SkmError,
    SurveiDitutup,
    ikm_tetapkan_sebagai_realisasi,
    respon_impor,
    respon_simpan,
    survei_buka,
    survei_tutup,
)

SEMUA_4 = {f"U{i}": 4 for i in range(1, 10)}
SEMUA_3 = {f"U{i}": 3 for i in range(1, 10)}


def test_it_opens_a_survey_with_a_short_code_and_a_copy_of_its_unsur(kuesioner):
    assert len(kuesioner.kode) == 6 and kuesioner.terbuka
    assert [u["kode"] for u in kuesioner.unsur_data["unsur"]] == [f"U{i}" for i in range(1, 10)]
    assert AuditLog.objects.filter(action=AuditAction.SKM_BUKA).count() == 1


def test_it_stores_a_response_once_per_token(kuesioner):
    respon_simpan(kuesioner=kuesioner, jawaban=SEMUA_4, token="t1", profil={"umur": "20-29 tahun"})
    with pytest.raises(ResponGanda):
        respon_simpan(kuesioner=kuesioner, jawaban=SEMUA_3, token="t1")
    r = Responden.objects.get()
    assert (r.jawaban, r.umur, r.sumber) == ("444444444", "20-29 tahun", "daring")
    assert AuditLog.objects.filter(action=AuditAction.SKM_RESPON).count() == 1


def test_it_refuses_answers_outside_1_to_4_and_unknown_unsur(kuesioner):
    with pytest.raises(SkmError, match="U1"):
        respon_simpan(kuesioner=kuesioner, jawaban={**SEMUA_4, "U1": 5})
    with pytest.raises(SkmError, match="U99"):
        respon_simpan(kuesioner=kuesioner, jawaban={"U99": 4})
    assert Responden.objects.count() == 0


def test_a_closed_survey_accepts_nothing(kuesioner):
    survei_tutup(kuesioner=kuesioner, aktor=aktor_sistem())
    with pytest.raises(SurveiDitutup):
        respon_simpan(kuesioner=kuesioner, jawaban=SEMUA_4)
    assert Responden.objects.count() == 0
    assert AuditLog.objects.filter(action=AuditAction.SKM_TUTUP).count() == 1


def test_it_imports_paper_responses_all_or_nothing(kuesioner, tmp_path):
    wb = Workbook()
    wb.active.append([f"U{i}" for i in range(1, 10)] + ["jenis_kelamin"])
    wb.active.append([4] * 9 + ["Perempuan"])
    wb.active.append([3] * 8 + [None, "Laki-laki"])
    good = tmp_path / "kertas.xlsx"
    wb.save(good)
    assert respon_impor(kuesioner=kuesioner, path=good, aktor=aktor_sistem()) == 2
    assert list(Responden.objects.values_list("jawaban", "jenis_kelamin")) == [
        ("444444444", "Perempuan"),
        ("333333330", "Laki-laki"),
    ]
    wb.active.append([4] * 8 + [7, ""])
    bad = tmp_path / "salah.xlsx"
    wb.save(bad)
    with pytest.raises(DatasetInvalid, match="baris 4, kolom U9"):
        respon_impor(kuesioner=kuesioner, path=bad, aktor=aktor_sistem())
    assert Responden.objects.count() == 2
    assert AuditLog.objects.filter(action=AuditAction.SKM_IMPOR).count() == 1


def test_the_results_come_from_the_stored_answers(kuesioner):
    respon_simpan(kuesioner=kuesioner, jawaban=SEMUA_4, profil={"jenis_kelamin": "Perempuan"})
    respon_simpan(kuesioner=kuesioner, jawaban={**SEMUA_3, "U9": None})
    h = hasil_kuesioner(kuesioner)
    # U1..U8: (4+3)/2 = 3,5; U9: 4/1 = 4 -> (8 x 3,5 + 4) / 9 x 25 = 32 / 9 x 25 = 88,89 (A)
    assert h.responden == 2 and h.ikm.mutu.mutu == "A"
    assert round(h.ikm.ikm, 2) == Decimal("88.89")
    assert [k.nilai for k in h.per_kelompok["jenis_kelamin"]] == ["Perempuan", "(tidak diisi)"]
    # 2 respondents of a population of 100 (minimum 80): not enough.
    assert h.sampel_cukup is False


def test_it_sets_the_ikm_as_the_realisation_of_the_ikm_indicator(kuesioner):
    respon_simpan(kuesioner=kuesioner, jawaban=SEMUA_4)
    respon_simpan(kuesioner=kuesioner, jawaban={**SEMUA_3, "U9": None})
    sebelum = NilaiIndikator.objects.get(indikator__kode="S1.1", tahun=2020)
    nilai, hasil = ikm_tetapkan_sebagai_realisasi(kuesioner=kuesioner, aktor=aktor_sistem())
    # Robatal's S1.1 stated 79,017 for 2020; now the survey's 88,89, on the same row.
    assert nilai.pk == sebelum.pk and nilai.realisasi == Decimal("88.89")
    assert nilai.versi == sebelum.versi + 1
    # The field's history names both values, and the survey's audit too.
    ubah = AuditLog.objects.get(action=AuditAction.REALISASI_SET)
    assert (ubah.bidang, ubah.old, ubah.new) == ("realisasi", "79.017", "88.89")
    log = AuditLog.objects.get(action=AuditAction.SKM_IKM_REALISASI)
    assert '"realisasi":"79.017"' in log.old.replace(" ", "")
    assert '"realisasi":"88.89"' in log.new.replace(" ", "")


def test_it_refuses_to_set_the_ikm_without_a_dataset_or_an_indicator(db):
    tahun = impor_uji(minimal())
    k = survei_buka(instansi=tahun.instansi, tahun=2022, aktor=aktor_sistem())
    respon_simpan(kuesioner=k, jawaban=SEMUA_4)
    with pytest.raises(SkmError, match="indikator IKM tidak dapat ditentukan"):
        ikm_tetapkan_sebagai_realisasi(kuesioner=k, aktor=aktor_sistem())
    lain = survei_buka(instansi=tahun.instansi, tahun=2030, aktor=aktor_sistem())
    respon_simpan(kuesioner=lain, jawaban=SEMUA_4)
    with pytest.raises(SkmError, match="belum ada data"):
        ikm_tetapkan_sebagai_realisasi(kuesioner=lain, aktor=aktor_sistem())
    assert not NilaiIndikator.objects.exists()


def test_a_staff_user_with_only_view_permission_cannot_close_a_survey(client, kuesioner, bob):
    # The bug: the admin's "tutup" and "tetapkan_ikm" actions ran for any
    # staff user holding view permission. The admin now only shows, and the
    # services themselves ask the access function.
    bob.is_staff = True
    bob.save()
    bob.user_permissions.add(Permission.objects.get(codename="view_kuesioner"))
    client.force_login(bob)
    daftar = client.get("/admin/skm/kuesioner/")
    assert daftar.status_code == 200 and "tutup" not in daftar.content.decode()
    for aksi in ("tutup", "tetapkan_ikm"):
        client.post("/admin/skm/kuesioner/", {"action": aksi, "_selected_action": [kuesioner.pk]})
    kuesioner.refresh_from_db()
    assert kuesioner.terbuka
    with pytest.raises(AksesDitolak, match="bob"):
        survei_tutup(kuesioner=kuesioner, aktor=bob)
    with pytest.raises(AksesDitolak):
        ikm_tetapkan_sebagai_realisasi(kuesioner=kuesioner, aktor=bob)
    kuesioner.refresh_from_db()
    assert kuesioner.terbuka
    assert not AuditLog.objects.filter(
        action__in=[AuditAction.SKM_TUTUP, AuditAction.SKM_IKM_REALISASI]
    ).exists()


def test_every_write_of_staff_asks_the_access_function(tahun, kuesioner, bob, tmp_path):
    berkas = tmp_path / "kertas.csv"
    berkas.write_text(",".join(f"U{i}" for i in range(1, 10)) + "\n" + ",".join("4" * 9) + "\n")
    with pytest.raises(AksesDitolak):
        survei_buka(instansi=tahun.instansi, tahun=2020, aktor=bob)
    with pytest.raises(AksesDitolak):
        respon_impor(kuesioner=kuesioner, path=berkas, aktor=bob)
    with pytest.raises(AksesDitolak, match="anonim"):
        survei_tutup(kuesioner=kuesioner, aktor=None)
    assert Responden.objects.count() == 0


def test_a_file_that_is_no_csv_nor_workbook_is_refused_with_a_message(kuesioner, tmp_path):
    rusak = tmp_path / "jawaban.xlsx"
    rusak.write_bytes(b"bukan zip sama sekali")
    latin = tmp_path / "jawaban.csv"
    kolom = ",".join(f"U{i}" for i in range(1, 10))
    latin.write_bytes(f"{kolom},pekerjaan\n4,4,4,4,4,4,4,4,4,caf\xe9\n".encode("latin-1"))
    for berkas, pesan in ((rusak, "bukan berkas XLSX yang sah"), (latin, "UTF-8")):
        with pytest.raises(DatasetInvalid, match=pesan):
            respon_impor(kuesioner=kuesioner, path=berkas, aktor=aktor_sistem())
    assert Responden.objects.count() == 0


def test_a_closed_survey_refuses_a_paper_import_with_a_message(kuesioner, tmp_path):
    f = tmp_path / "kertas.csv"
    f.write_text(",".join(f"U{i}" for i in range(1, 10)) + "\n" + ",".join("4" * 9) + "\n")
    survei_tutup(kuesioner=kuesioner, aktor=aktor_sistem())
    kuesioner.refresh_from_db()
    with pytest.raises(SurveiDitutup, match="sudah ditutup"):
        respon_impor(kuesioner=kuesioner, path=f, aktor=aktor_sistem())
    assert Responden.objects.count() == 0
    assert not AuditLog.objects.filter(action=AuditAction.SKM_IMPOR).exists()


def test_a_survey_closed_while_its_file_was_read_imports_nothing(kuesioner, tmp_path):
    # The caller's copy still says open: the row read under lock decides.
    f = tmp_path / "kertas.csv"
    f.write_text(",".join(f"U{i}" for i in range(1, 10)) + "\n" + ",".join("4" * 9) + "\n")
    survei_tutup(kuesioner=kuesioner, aktor=aktor_sistem())
    with pytest.raises(SurveiDitutup):
        respon_impor(kuesioner=kuesioner, path=f, aktor=aktor_sistem())
    assert Responden.objects.count() == 0
