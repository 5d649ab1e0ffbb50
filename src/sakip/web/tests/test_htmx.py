"""An in-place save whose session has ended takes the whole window to the
login page, which returns to the page the user was on."""

from __future__ import annotations

import pytest
from django.urls import reverse

from sakip.ledger.models import AuditLog
from sakip.record.models import JenisTriwulan
from sakip.record.riwayat import indikator_dari_tahun


def _url(tk, nama: str, *args: object) -> str:
    return reverse(f"web:{nama}", args=[tk.instansi_id, tk.tahun, *args])


def _isian(tk) -> str:
    ind = indikator_dari_tahun(tk).get(kode="S1.1")
    return _url(tk, "ubah-triwulan", ind.pk, JenisTriwulan.REALISASI, 1)


def test_an_in_place_save_without_a_session_goes_to_the_login_page_and_back(client, dunia):
    tk = dunia.robatal
    sebelum = AuditLog.objects.count()
    jawab = client.post(
        _isian(tk),
        {"nilai": "80,5", "versi": "0"},
        HTTP_HX_REQUEST="true",
        HTTP_HX_CURRENT_URL="http://testserver" + _url(tk, "realisasi") + "?x=1",
    )
    assert jawab.status_code == 204 and jawab.content == b""
    halaman = f"%2Fi%2F{tk.instansi_id}%2F{tk.tahun}%2Frealisasi%2F%3Fx%3D1"
    assert jawab["HX-Redirect"] == f"/masuk/?next={halaman}"
    assert AuditLog.objects.count() == sebelum


def test_a_plain_request_without_a_session_is_redirected_as_before(client, dunia):
    tk = dunia.robatal
    jawab = client.post(_isian(tk), {"nilai": "80,5", "versi": "0"})
    assert jawab.status_code == 302
    assert jawab["Location"].startswith("/masuk/?next=") and "HX-Redirect" not in jawab


@pytest.mark.parametrize("asal", ["", "http://testserver//evil.example/x", "javascript:alert(1)"])
def test_the_login_page_returns_only_to_a_page_of_ours(client, dunia, asal):
    jawab = client.get(
        _url(dunia.robatal, "hasil"), HTTP_HX_REQUEST="true", HTTP_HX_CURRENT_URL=asal
    )
    assert jawab.status_code == 204
    assert jawab["HX-Redirect"] == "/masuk/?next=%2F"


def test_other_redirects_of_an_in_place_request_are_left_alone(client, dunia):
    # A field saved without JavaScript's htmx answers with a redirect to the
    # page; with htmx, a redirect that is not to the login page is untouched.
    tk = dunia.robatal
    client.force_login(dunia.user["operator-robatal"])
    jawab = client.post(_url(tk, "angka-cetak"), HTTP_HX_REQUEST="true")
    assert jawab.status_code == 302 and jawab["Location"] == _url(tk, "tahun")
