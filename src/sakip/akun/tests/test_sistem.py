"""The system actor: one inactive account without a password, named 'sistem'."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from sakip.akun.sistem import AktorSistemRusak, adalah_aktor_sistem, aktor_sistem


def test_it_is_created_once_and_cannot_log_in(db, client):
    pertama = aktor_sistem()
    kedua = aktor_sistem()

    assert pertama.pk == kedua.pk
    assert get_user_model().objects.filter(username="sistem").count() == 1
    assert not pertama.is_active and not pertama.has_usable_password()
    assert adalah_aktor_sistem(pertama)
    response = client.post(reverse("akun:masuk"), {"username": "sistem", "password": ""})
    assert response.status_code == 200
    assert not client.session.get("_auth_user_id")


def test_an_ordinary_user_named_sistem_is_not_taken_for_it(db):
    get_user_model().objects.create_user("sistem", password="sandi-biasa-sekali")

    with pytest.raises(AktorSistemRusak, match="sudah ada sebagai akun biasa"):
        aktor_sistem()


def test_deactivating_a_user_without_password_does_not_make_it_the_system_actor(db):
    user = get_user_model().objects.create_user("sistem2", is_active=False)
    assert not adalah_aktor_sistem(user)
