"""The home page: the user's roles, and the users page for the pemda's admin."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from sakip.akun.models import Keanggotaan, Peran
from sakip.organisasi.models import Instansi, Pemda

BERANDA = reverse("web:beranda")


@pytest.fixture
def sampang(db) -> Pemda:
    return Pemda.objects.create(nama="Kabupaten Sampang")


def _user(nama: str, peran: Peran | None = None, **lingkup):
    user = get_user_model().objects.create_user(nama)
    if peran is not None:
        Keanggotaan.objects.create(user=user, peran=peran, **lingkup)
    return user


def test_it_shows_the_operator_their_role_and_no_users_page(client, sampang):
    robatal = Instansi.objects.create(pemda=sampang, nama="Kecamatan Robatal")
    client.force_login(_user("operator-robatal", Peran.OPERATOR, instansi=robatal))

    html = client.get(BERANDA).content.decode()

    assert "operator Kecamatan Robatal" in html
    assert reverse("akun:pengguna-daftar", args=[sampang.pk]) not in html
    assert 'action="/keluar/"' in html and reverse("akun:sandi-ubah") in html


def test_it_links_the_admin_to_the_pemdas_users(client, sampang):
    client.force_login(_user("admin-sampang", Peran.ADMIN_PEMDA, pemda=sampang))

    response = client.get(BERANDA)

    assert response.status_code == 200
    assert reverse("akun:pengguna-daftar", args=[sampang.pk]) in response.content.decode()


def test_it_tells_a_user_without_role_to_ask_the_admin(client, db):
    client.force_login(_user("tanpa-peran"))

    assert "belum memiliki peran" in client.get(BERANDA).content.decode()


def test_it_sends_an_anonymous_visitor_to_log_in(client, db):
    response = client.get(BERANDA)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('akun:masuk')}?next=/"


# -- what each role has to do next (the demo pemda of sakip.web.testing) ------------


def _tahun_url(tk, nama="tahun"):
    return reverse(f"web:{nama}", args=[tk.instansi_id, tk.tahun])


def test_the_operator_sees_their_current_year_and_nothing_of_another_instansi(client, dunia):
    client.force_login(dunia.user["operator-robatal"])

    html = client.get(BERANDA).content.decode()

    assert "Kecamatan Robatal · 2020" in html and "status-draf" in html
    assert _tahun_url(dunia.robatal, "capaian") in html
    assert _tahun_url(dunia.robatal, "temuan-ringkas") in html
    assert "Torjun" not in html and "Bangkalan" not in html
    ringkas = client.get(_tahun_url(dunia.robatal, "temuan-ringkas")).content.decode()
    assert "Galat <strong>1</strong>" in ringkas and "1 temuan galat harus diperbaiki" in ringkas
    assert client.get(_tahun_url(dunia.torjun, "temuan-ringkas")).status_code == 404


def test_the_operator_is_told_which_targets_are_missing(client, dunia):
    from sakip.record.models import NilaiIndikator

    NilaiIndikator.objects.filter(
        indikator__renstra=dunia.robatal.renstra, indikator__kode="S1.1", tahun=2020
    ).update(target=None)
    client.force_login(dunia.user["operator-robatal"])

    html = client.get(BERANDA).content.decode()

    assert "belum memiliki target 2020: " in html and "S1.1" in html


def test_the_pimpinan_sees_what_awaits_approval_and_signature(client, dunia):
    from sakip.record.models import StatusTahun, TahunKinerja

    client.force_login(dunia.user["pimpinan-torjun"])
    html = client.get(BERANDA).content.decode()
    assert "Tidak ada laporan yang menunggu persetujuan" in html
    assert "PK Kecamatan Torjun 2022" in html and "Robatal" not in html

    TahunKinerja.objects.filter(pk=dunia.torjun.pk).update(status=StatusTahun.DIAJUKAN)
    html = client.get(BERANDA).content.decode()
    assert "Kecamatan Torjun 2022</a>: diajukan operator" in html


def test_the_admin_sees_every_agency_of_the_pemda_and_no_other(client, dunia):
    client.force_login(dunia.user["admin-sampang"])

    html = client.get(BERANDA).content.decode()

    assert "Instansi Kabupaten Sampang (2)" in html
    assert _tahun_url(dunia.robatal) in html and _tahun_url(dunia.torjun) in html
    assert "Arosbaya" not in html
    assert reverse("web:jadwal", args=[dunia.sampang.pk, 2022]) in html
    client.force_login(dunia.user["admin-lain"])
    html = client.get(BERANDA).content.decode()
    assert "Kecamatan Arosbaya" in html and "belum ada data" in html and "Robatal" not in html


def test_the_evaluator_sees_the_years_to_review(client, dunia):
    from sakip.record.models import StatusTahun, TahunKinerja

    client.force_login(dunia.user["evaluator-sampang"])
    assert "Belum ada laporan yang diajukan" in client.get(BERANDA).content.decode()

    TahunKinerja.objects.filter(pk=dunia.robatal.pk).update(status=StatusTahun.DISETUJUI)
    html = client.get(BERANDA).content.decode()

    assert _tahun_url(dunia.robatal) in html
    # Torjun is still a draft: not among the years to review, only folded
    # away among the drafts (a review may start before submission).
    reviu, draf = html.split("Laporan yang masih draf")
    assert "Torjun" not in reviu and _tahun_url(dunia.torjun) in draf


def test_a_user_of_several_memberships_sees_each_section(client, dunia):
    user = dunia.user["operator-robatal"]
    Keanggotaan.objects.create(user=user, peran=Peran.PIMPINAN, instansi=dunia.torjun.instansi)
    Keanggotaan.objects.create(user=user, peran=Peran.EVALUATOR, pemda=dunia.sampang)
    client.force_login(user)

    html = client.get(BERANDA).content.decode()

    assert "Kecamatan Robatal · 2020" in html
    assert "Menunggu persetujuan Anda" in html and "PK Kecamatan Torjun 2022" in html
    assert "Laporan untuk direviu" in html


@pytest.mark.parametrize(
    "nama",
    ["operator-robatal", "pimpinan-robatal", "admin-sampang", "evaluator-sampang", "admin-lain"],
)
def test_each_home_page_stays_within_20_queries(client, dunia, nama, maks_query):
    client.force_login(dunia.user[nama])
    with maks_query(20):
        assert client.get(BERANDA).status_code == 200


def test_the_admins_table_of_30_agencies_stays_within_20_queries(client, db, maks_query):
    from datetime import timedelta

    from django.utils import timezone

    from sakip.akun.sistem import aktor_sistem
    from sakip.ledger.testing import minimal
    from sakip.record import services
    from sakip.record.testing import impor_uji

    for n in range(30):
        tk = impor_uji(
            minimal(
                pemda={"nama": "Kabupaten Besar"},
                instansi={"nama": f"Kecamatan {n:02d}", "kepala": {"jabatan": f"Camat {n:02d}"}},
            )
        )
    pemda = tk.instansi.pemda
    hari = timezone.localdate()
    services.jadwal_set(
        aktor=aktor_sistem(),
        pemda=pemda,
        tahun=2022,
        triwulan=1,
        buka=hari - timedelta(days=9),
        tutup=hari - timedelta(days=1),
        versi=0,
    )
    client.force_login(_user("admin-besar", Peran.ADMIN_PEMDA, pemda=pemda))

    with maks_query(20):
        html = client.get(BERANDA).content.decode()

    assert "Instansi Kabupaten Besar (30)" in html and "Kecamatan 29" in html
