"""Refusals and errors answer with our own page, in Indonesian, fit for a
phone, and naming nothing of what was refused."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django.views.defaults import server_error

from sakip.record.models import JenisTriwulan
from sakip.record.riwayat import indikator_dari_tahun

VIEWPORT = '<meta name="viewport" content="width=device-width, initial-scale=1">'


def _isian_url(tk) -> str:
    ind = indikator_dari_tahun(tk).get(kode="S1.1")
    return reverse(
        "web:ubah-triwulan", args=[tk.instansi_id, tk.tahun, ind.pk, JenisTriwulan.REALISASI, 1]
    )


def test_a_refused_write_answers_with_an_indonesian_page(client, dunia):
    client.force_login(dunia.user["evaluator-sampang"])
    jawab = client.post(_isian_url(dunia.robatal), {"nilai": "80", "versi": "0"})
    html = jawab.content.decode()
    assert jawab.status_code == 403
    assert VIEWPORT in html and '<html lang="id">' in html
    assert "Tidak berhak" in html and "Forbidden" not in html
    assert "Robatal" not in html and "80" not in html


@pytest.mark.parametrize("persona", ["operator-torjun", "admin-lain"])
def test_a_year_one_may_not_see_answers_an_indonesian_not_found_page(client, dunia, persona):
    tk = dunia.robatal
    client.force_login(dunia.user[persona])
    jawab = client.get(reverse("web:realisasi", args=[tk.instansi_id, tk.tahun]))
    html = jawab.content.decode()
    assert jawab.status_code == 404
    assert VIEWPORT in html and "Tidak ditemukan" in html and "Not Found" not in html
    assert "Robatal" not in html


def test_a_form_without_its_token_answers_with_an_indonesian_page(dunia):
    client = Client(enforce_csrf_checks=True)
    client.force_login(dunia.user["operator-robatal"])
    jawab = client.post(_isian_url(dunia.robatal), {"nilai": "80", "versi": "0"})
    html = jawab.content.decode()
    assert jawab.status_code == 403
    assert VIEWPORT in html and "Formulir kedaluwarsa" in html and "verification failed" not in html
    assert "muat ulang" in html


def test_a_server_error_answers_with_an_indonesian_page(rf):
    # Django's handler renders the page without a request context: the page
    # must stand without one (no user, no messages).
    jawab = server_error(rf.get("/"))
    html = jawab.content.decode()
    assert jawab.status_code == 500
    assert VIEWPORT in html and "Terjadi kesalahan" in html and "Server Error" not in html
