"""The public questionnaire and the staff results page: CSRF, rate limit,
duplicate guard, closed survey, escaping, and who may see results."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from sakip.akun.sistem import aktor_sistem
from sakip.skm.models import Responden
from sakip.skm.services import respon_simpan, survei_tutup

SEMUA_4 = {f"U{i}": "4" for i in range(1, 10)}


def _url(k, nama="kuesioner"):
    # The results page needs a login: the web application serves it.
    ns = "web:skm-" if nama == "hasil" else "skm:"
    return reverse(f"{ns}{nama}", kwargs={"kode": k.kode})


def _isi(client, k, **extra):
    """GET the form, then POST it back the way a browser would."""
    html = client.get(_url(k)).content.decode()
    token = re.search(r'name="token" value="([^"]+)"', html).group(1)
    data = {"token": token, **SEMUA_4, "jenis_kelamin": "Perempuan", **extra}
    return client.post(_url(k), data), data


def test_it_shows_the_questionnaire_without_login_in_indonesian(client, kuesioner):
    resp = client.get(f"/s/{kuesioner.kode}")
    html = resp.content.decode()
    assert resp.status_code == 200
    assert "Survei Kepuasan Masyarakat" in html and "Kecamatan Robatal" in html
    assert "Bagaimana pendapat Saudara tentang kesesuaian persyaratan" in html
    assert "Sangat sesuai" in html and 'name="csrfmiddlewaretoken"' in html
    assert "/static/skm/skm.css" in html and "http" not in html.split("<body>")[0].lower()


def test_it_counts_a_filled_form_and_thanks_the_respondent(client, kuesioner):
    resp, _ = _isi(client, kuesioner, komentar="Pelayanan cepat", umur="30-39 tahun")
    assert resp.status_code == 302 and resp["Location"] == _url(kuesioner, "terima-kasih")
    r = Responden.objects.get()
    assert (r.jawaban, r.layanan, r.umur, r.komentar) == (
        "444444444",
        "KTP",
        "30-39 tahun",
        "Pelayanan cepat",
    )


def test_it_refuses_a_post_without_csrf_token(kuesioner):
    client = Client(enforce_csrf_checks=True)
    resp = client.post(_url(kuesioner), SEMUA_4)
    assert resp.status_code == 403
    assert Responden.objects.count() == 0


def test_it_stores_a_form_sent_twice_once(client, kuesioner):
    _, data = _isi(client, kuesioner)
    again = client.post(_url(kuesioner), data)
    assert again.status_code == 409 and "sudah kami terima" in again.content.decode()
    assert Responden.objects.count() == 1


def test_it_refuses_a_forged_or_foreign_token(client, kuesioner):
    resp = client.post(_url(kuesioner), {"token": "palsu", **SEMUA_4})
    assert resp.status_code == 400 and "kedaluwarsa" in resp.content.decode()
    assert Responden.objects.count() == 0


def test_it_asks_again_for_an_unanswered_unsur(client, kuesioner):
    resp, _ = _isi(client, kuesioner, U3="")
    assert resp.status_code == 400 and "Mohon pilih salah satu jawaban." in resp.content.decode()
    assert Responden.objects.count() == 0


def test_it_limits_submissions_per_address(client, kuesioner, settings):
    settings.SKM_BATAS_KIRIM = 2
    assert _isi(client, kuesioner)[0].status_code == 302
    assert _isi(client, kuesioner)[0].status_code == 302
    resp, _ = _isi(client, kuesioner)
    assert resp.status_code == 429 and "Terlalu banyak kiriman" in resp.content.decode()
    assert Responden.objects.count() == 2
    # Another address is not affected.
    other = Client(REMOTE_ADDR="10.0.0.9")
    assert _isi(other, kuesioner)[0].status_code == 302


def test_a_closed_survey_shows_no_form_and_accepts_nothing(client, kuesioner):
    html = client.get(_url(kuesioner)).content.decode()
    token = re.search(r'name="token" value="([^"]+)"', html).group(1)
    survei_tutup(kuesioner=kuesioner, aktor=aktor_sistem())
    resp = client.get(_url(kuesioner))
    assert resp.status_code == 410 and "<form" not in resp.content.decode()
    assert client.post(_url(kuesioner), {"token": token, **SEMUA_4}).status_code == 410
    assert Responden.objects.count() == 0


def test_it_escapes_a_script_in_the_comment(client, kuesioner, alice):
    _isi(client, kuesioner, komentar='<script>alert("x")</script>')
    client.force_login(alice)
    html = client.get(_url(kuesioner, "hasil")).content.decode()
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


def test_it_serves_the_qr_code_of_the_short_link(client, kuesioner):
    resp = client.get(_url(kuesioner, "qr"))
    assert resp.status_code == 200 and resp["Content-Type"] == "image/svg+xml"
    assert resp.content.startswith(b"<svg")
    # Without its namespace a browser shows no image in an <img> of the poster.
    assert b'xmlns="http://www.w3.org/2000/svg"' in resp.content.split(b">")[0]


def test_it_shows_results_only_to_who_may_see_the_instansi(client, kuesioner, alice, bob):
    respon_simpan(kuesioner=kuesioner, jawaban={f"U{i}": 3 for i in range(1, 10)})
    jawab = client.get(_url(kuesioner, "hasil"))
    assert jawab.status_code == 302 and "/masuk/" in jawab["Location"]
    client.force_login(bob)  # no role anywhere: the survey is not even found
    assert client.get(_url(kuesioner, "hasil")).status_code == 404
    client.force_login(alice)
    html = client.get(_url(kuesioner, "hasil")).content.decode()
    # 9 x 3 / 9 x 25 = 75,00: mutu C (65,00 <= 75 < 76,61)
    assert "IKM <strong>75,00</strong>, mutu <strong>C</strong>" in html
    assert "belum cukup" in html  # 1 of a minimum of 80
    # The same per layanan, with each unsur's NRR.
    assert "Per jenis layanan" in html and "<th>NRR U9</th>" in html


@pytest.mark.parametrize("kode", ["tidakada", "zzzzzz"])
def test_an_unknown_code_is_not_found(client, db, kode):
    assert client.get(f"/s/{kode}").status_code == 404


def test_it_names_a_profile_answer_outside_the_choices(client, kuesioner):
    resp, _ = _isi(client, kuesioner, pendidikan="Profesor")
    assert resp.status_code == 400 and "Profesor" in resp.content.decode()
    assert Responden.objects.count() == 0


@pytest.mark.parametrize(
    "ganda", [{"U1": ["3", "4"]}, {"U1": ["4", "4"]}, {"umur": ["< 20 tahun", "20-29 tahun"]}]
)
def test_a_field_sent_twice_is_refused_and_nothing_stored(client, kuesioner, ganda):
    resp, _ = _isi(client, kuesioner, **ganda)
    html = resp.content.decode()
    assert resp.status_code == 400
    assert f"Isian dikirim lebih dari sekali: {next(iter(ganda))}" in html
    assert not Responden.objects.filter(kuesioner=kuesioner).exists()
