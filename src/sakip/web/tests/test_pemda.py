"""The pemda admin's pages: agencies, users and roles, the pemda's rules with
their preview; nobody else learns they exist."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from sakip.akun.models import Keanggotaan, Peran
from sakip.ledger.models import AuditAction, AuditLog
from sakip.organisasi.models import Instansi
from sakip.record.models import AturanPemda, StatusTahun, TahunKinerja
from sakip.record.queries import laporan_tahun

BUKAN_ADMIN = (
    "operator-robatal",
    "pimpinan-robatal",
    "operator-torjun",
    "pimpinan-torjun",
    "evaluator-sampang",
    "admin-lain",
)

# Every year of Sampang "Baik" from 0: the preview must move every predikat.
SKALA_BARU = "0: Baik"


@pytest.fixture(autouse=True)
def _sandi_cepat(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _halaman(dunia):
    p = dunia.sampang.pk
    return [
        reverse("web:pemda", args=[p]),
        reverse("akun:pengguna-daftar", args=[p]),
        reverse("web:pemda-aturan", args=[p]),
    ]


def _post(dunia):
    p = dunia.sampang.pk
    target = dunia.user["operator-robatal"]
    anggota = Keanggotaan.objects.get(user=target)
    return [
        (reverse("web:pemda-instansi", args=[p]), {"nama": "Kecamatan Omben"}),
        (
            reverse("web:pemda-aturan", args=[p]),
            {"berlaku_mulai": "0", "skala_capaian": SKALA_BARU, "simpan": "1", "versi": "1"},
        ),
        (
            reverse("akun:pengguna-tambah", args=[p]),
            {
                "username": "baru",
                "sandi1": "Kuda-Lari-Cepat-77",
                "sandi2": "Kuda-Lari-Cepat-77",
                "peran": "evaluator",
            },
        ),
        (reverse("akun:peran-tambah", args=[p, target.pk]), {"peran": "evaluator"}),
        (reverse("akun:peran-hapus", args=[p, anggota.pk]), {}),
        (reverse("akun:pengguna-nonaktif", args=[p, target.pk]), {}),
        (reverse("akun:pengguna-aktif", args=[p, target.pk]), {}),
    ]


def test_the_admin_uses_the_pages_within_20_queries(client, dunia, maks_query):
    client.force_login(dunia.user["admin-sampang"])
    for url in _halaman(dunia):
        with maks_query(20):
            jawab = client.get(url)
        assert jawab.status_code == 200, url
    html = client.get(_halaman(dunia)[0]).content.decode()
    assert (
        "Kecamatan Robatal" in html
        and reverse("web:tahun", args=[dunia.robatal.instansi_id, 2020]) in html
    )


@pytest.mark.parametrize("nama", BUKAN_ADMIN)
def test_every_other_persona_gets_not_found_and_changes_nothing(client, dunia, nama):
    client.force_login(dunia.user[nama])
    for url in _halaman(dunia):
        assert client.get(url).status_code == 404, url
    audit = AuditLog.objects.count()
    for url, data in _post(dunia):
        assert client.post(url, data).status_code == 404, url
    assert AuditLog.objects.count() == audit
    assert not Instansi.objects.filter(nama="Kecamatan Omben").exists()
    assert (
        not AturanPemda.objects.filter(pemda=dunia.sampang, skala_capaian__isnull=False)
        .exclude(versi=1)
        .exists()
    )
    assert dunia.user["operator-robatal"].keanggotaan.count() == 1
    assert get_user_model().objects.get(username="operator-robatal").is_active


def test_the_admin_adds_an_instansi_audited_and_a_duplicate_is_refused(client, dunia):
    client.force_login(dunia.user["admin-sampang"])
    url = reverse("web:pemda-instansi", args=[dunia.sampang.pk])
    client.post(url, {"nama": " Kecamatan  Omben ", "jenis": "kecamatan"})
    assert Instansi.objects.get(nama="Kecamatan Omben").pemda == dunia.sampang
    assert AuditLog.objects.filter(action=AuditAction.INSTANSI_TAMBAH).count() == 1
    jawab = client.post(url, {"nama": "kecamatan robatal"}, follow=True)
    assert "sudah ada" in jawab.content.decode()
    assert client.post(url, {"nama": ""}, follow=True).status_code == 200
    assert Instansi.objects.filter(pemda=dunia.sampang).count() == 3


def test_the_admin_manages_users_and_roles_audited(client, dunia):
    p = dunia.sampang.pk
    admin = dunia.user["admin-sampang"]
    client.force_login(admin)
    sandi = "Kuda-Lari-Cepat-77"
    client.post(
        reverse("akun:pengguna-tambah", args=[p]),
        {
            "username": "operator-omben",
            "sandi1": sandi,
            "sandi2": sandi,
            "peran": f"operator:{dunia.torjun.instansi_id}",
        },
    )
    baru = get_user_model().objects.get(username="operator-omben")
    assert baru.check_password(sandi)
    assert list(baru.keanggotaan.values_list("peran", "instansi")) == [
        ("operator", dunia.torjun.instansi_id)
    ]

    client.post(
        reverse("akun:peran-tambah", args=[p, baru.pk]),
        {"peran": f"pimpinan:{dunia.robatal.instansi_id}"},
    )
    assert baru.keanggotaan.count() == 2
    anggota = baru.keanggotaan.get(peran=Peran.OPERATOR)
    client.post(reverse("akun:peran-hapus", args=[p, anggota.pk]))
    assert list(baru.keanggotaan.values_list("peran", flat=True)) == ["pimpinan"]
    client.post(reverse("akun:pengguna-nonaktif", args=[p, baru.pk]))
    baru.refresh_from_db()
    assert not baru.is_active
    client.post(reverse("akun:pengguna-aktif", args=[p, baru.pk]))
    baru.refresh_from_db()
    assert baru.is_active
    aksi = set(AuditLog.objects.filter(actor=admin).values_list("action", flat=True))
    assert {
        "pengguna_tambah",
        "keanggotaan_tambah",
        "keanggotaan_hapus",
        "pengguna_nonaktif",
        "pengguna_aktif",
    } <= aksi

    # A role of another pemda, a weak password, the admin's own admin role: refused.
    jawab = client.post(
        reverse("akun:peran-tambah", args=[p, baru.pk]),
        {"peran": f"operator:{dunia.lain.instansi.get().pk}"},
        follow=True,
    )
    assert "bukan bagian dari pemda ini" in jawab.content.decode()
    jawab = client.post(
        reverse("akun:pengguna-tambah", args=[p]),
        {"username": "lemah", "sandi1": "123", "sandi2": "123", "peran": "evaluator"},
    )
    assert (
        jawab.status_code == 400 and not get_user_model().objects.filter(username="lemah").exists()
    )
    sendiri = Keanggotaan.objects.get(user=admin)
    jawab = client.post(reverse("akun:peran-hapus", args=[p, sendiri.pk]), follow=True)
    assert "tidak dapat dicabut" in jawab.content.decode()
    assert Keanggotaan.objects.filter(pk=sendiri.pk).exists()
    # A user of another pemda is not found through this one.
    lain = dunia.user["admin-lain"]
    assert client.post(reverse("akun:pengguna-nonaktif", args=[p, lain.pk])).status_code == 404


def test_the_rules_preview_shows_the_change_and_saves_nothing(client, dunia):
    client.force_login(dunia.user["admin-sampang"])
    url = reverse("web:pemda-aturan", args=[dunia.sampang.pk])
    sebelum = list(AturanPemda.objects.values_list("pk", "versi"))
    audit = AuditLog.objects.count()
    kini = laporan_tahun(dunia.robatal)
    predikat_kini = [b.predikat for b in kini.instansi if b.tahun == kini.tahun][0]

    jawab = client.post(
        url,
        {
            "berlaku_mulai": "0",
            "skala_capaian": SKALA_BARU,
            "batas_capaian": "120",
            "pratinjau": "1",
        },
    )

    html = jawab.content.decode()
    assert jawab.status_code == 200 and "Pratinjau" in html
    assert "Kecamatan Robatal" in html and "Kecamatan Torjun" in html
    assert f"<td>{predikat_kini}</td>" in html and "<td>Baik</td>" in html
    assert "Simpan aturan ini" in html
    assert list(AturanPemda.objects.values_list("pk", "versi")) == sebelum
    assert AuditLog.objects.count() == audit


def test_saving_the_rules_is_audited_and_changes_the_predikat(client, dunia):
    admin = dunia.user["admin-sampang"]
    client.force_login(admin)
    url = reverse("web:pemda-aturan", args=[dunia.sampang.pk])
    aturan = AturanPemda.objects.get(pemda=dunia.sampang, berlaku_mulai=0)

    jawab = client.post(
        url,
        {
            "berlaku_mulai": "0",
            "skala_capaian": SKALA_BARU,
            "rumus_negatif": "t/r",
            "simpan": "1",
            "versi": str(aturan.versi),
        },
    )

    assert jawab.status_code == 302
    aturan.refresh_from_db()
    assert aturan.skala_capaian == [{"dari": 0, "label": "Baik"}] and aturan.rumus_negatif == "t/r"
    bidang = set(
        AuditLog.objects.filter(action=AuditAction.ATURAN_PEMDA_SET, actor=admin).values_list(
            "bidang", flat=True
        )
    )
    assert bidang == {"skala_capaian", "rumus_negatif"}
    laporan = laporan_tahun(TahunKinerja.objects.get(pk=dunia.robatal.pk))
    assert {b.predikat for b in laporan.instansi} <= {"Baik", None}


def test_an_approved_year_keeps_its_rules_in_the_preview(client, dunia):
    TahunKinerja.objects.filter(pk=dunia.robatal.pk).update(status=StatusTahun.DISETUJUI)
    aturan = AturanPemda.objects.get(pemda=dunia.sampang, berlaku_mulai=0)
    TahunKinerja.objects.filter(pk=dunia.robatal.pk).update(aturan=aturan)
    client.force_login(dunia.user["admin-sampang"])
    url = reverse("web:pemda-aturan", args=[dunia.sampang.pk])
    html = client.post(
        url, {"berlaku_mulai": "0", "skala_capaian": SKALA_BARU, "pratinjau": "1"}
    ).content.decode()
    assert "sudah disetujui" in html


@pytest.mark.parametrize(
    ("isian", "pesan"),
    [
        ({"skala_capaian": "90: A\n0 - 95: B"}, "tumpang tindih"),
        ({"skala_capaian": "95: A\n0 - 80: B"}, "celah"),
        ({"skala_capaian": "sembilan puluh: A"}, "skala baris 1"),
        ({"skala_capaian": "90 Sangat Baik"}, "titik dua"),
        ({"batas_capaian": "seratus"}, "Batas capaian"),
        ({"batas_capaian": "0"}, "lebih dari 0"),
        ({"rumus_negatif": "r/t"}, "tidak dikenal"),
        ({"bobot_skm": "0.5"}, "tidak dikenal"),
        ({"berlaku_mulai": "kemarin"}, "Berlaku mulai tahun"),
    ],
)
def test_invalid_rules_are_refused_with_the_reason_and_not_saved(client, dunia, isian, pesan):
    client.force_login(dunia.user["admin-sampang"])
    url = reverse("web:pemda-aturan", args=[dunia.sampang.pk])
    sebelum = list(AturanPemda.objects.values_list("pk", "versi"))
    for tombol in ({"pratinjau": "1"}, {"simpan": "1", "versi": "1"}):
        data = {"berlaku_mulai": "0", **isian, **tombol}
        jawab = client.post(url, data)
        assert jawab.status_code == 400
        assert pesan in jawab.content.decode()
    assert list(AturanPemda.objects.values_list("pk", "versi")) == sebelum
