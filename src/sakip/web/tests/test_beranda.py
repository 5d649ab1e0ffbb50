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
