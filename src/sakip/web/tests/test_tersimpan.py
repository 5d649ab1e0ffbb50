"""The drawn body of a year page, kept until the record changes: given again
while nothing is written, drawn again after any committed write, on a new
day, with new code, and for a reader with other rights; never another
reader's CSRF token; nothing kept inside a transaction.

These tests commit (``transactional_db``): the body is kept only outside a
transaction, and a write moves the record's mark only when it commits."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse

from sakip.akun.sistem import aktor_sistem
from sakip.ledger import audit
from sakip.record import queries
from sakip.record.models import Indikator, NilaiIndikator
from sakip.record.services import realisasi_set
from sakip.web import realisasi, tersimpan
from sakip.web.navigasi import HALAMAN_TAHUN
from sakip.web.testing import DuniaWeb, dunia_web, maks_query
from sakip.web.tests.test_keamanan import MAKS_QUERY


@pytest.fixture
def dunia(transactional_db, settings, tmp_path) -> DuniaWeb:
    settings.CACHES = {
        **settings.CACHES,
        tersimpan.CACHE: {**settings.CACHES[tersimpan.CACHE], "LOCATION": str(tmp_path)},
    }
    return dunia_web()


@pytest.fixture
def gambar(monkeypatch) -> list[int]:
    """Counts how often the realisation page's body is computed."""
    hitungan: list[int] = []
    asli = realisasi._halaman_isi

    def dihitung(request, tk):  # noqa: ANN001, ANN202
        hitungan.append(tk.pk)
        return asli(request, tk)

    monkeypatch.setattr(realisasi, "_halaman_isi", dihitung)
    return hitungan


def _halaman(dunia: DuniaWeb) -> str:
    return reverse("web:realisasi", args=[dunia.robatal.instansi_id, dunia.robatal.tahun])


def _masuk(dunia: DuniaWeb, nama: str, *, enforce_csrf_checks: bool = False) -> Client:
    c = Client(enforce_csrf_checks=enforce_csrf_checks)
    c.force_login(dunia.user[nama])
    return c


def _ind(dunia: DuniaWeb) -> Indikator:
    ind = Indikator.objects.filter(renstra=dunia.robatal.renstra).order_by("urutan").first()
    assert ind is not None
    return ind


def test_a_body_is_given_again_until_a_write_commits(dunia, gambar):
    c = _masuk(dunia, "operator-robatal")
    pertama = c.get(_halaman(dunia))
    kedua = c.get(_halaman(dunia))
    assert pertama.status_code == kedua.status_code == 200
    assert len(gambar) == 1
    ind = _ind(dunia)
    row = NilaiIndikator.objects.get(indikator=ind, tahun=dunia.robatal.tahun)
    realisasi_set(
        aktor=aktor_sistem(),
        indikator=ind,
        tahun=dunia.robatal.tahun,
        nilai=Decimal("1234.5"),
        versi=row.versi,
    )
    ketiga = c.get(_halaman(dunia))
    assert len(gambar) == 2
    assert 'value="1.234,5"' in ketiga.content.decode()


def test_a_reader_with_other_rights_gets_a_body_of_their_own(dunia, gambar):
    operator = _masuk(dunia, "operator-robatal").get(_halaman(dunia)).content.decode()
    evaluator = _masuk(dunia, "evaluator-sampang").get(_halaman(dunia)).content.decode()
    assert 'name="nilai"' in operator
    assert 'name="nilai"' not in evaluator
    assert len(gambar) == 2
    # The pimpinan of the instansi may do what the operator's body shows no more
    # and no less than another pimpinan would: a third body, then kept.
    _masuk(dunia, "pimpinan-robatal").get(_halaman(dunia))
    _masuk(dunia, "pimpinan-robatal").get(_halaman(dunia))
    assert len(gambar) == 3


def test_each_reader_gets_their_own_csrf_token_and_can_save_with_it(dunia, gambar):
    satu = _masuk(dunia, "operator-robatal", enforce_csrf_checks=True)
    dua = _masuk(dunia, "operator-robatal", enforce_csrf_checks=True)
    html_satu = satu.get(_halaman(dunia)).content.decode()
    html_dua = dua.get(_halaman(dunia)).content.decode()
    assert len(gambar) == 1  # the second reader was given the kept body
    for html in (html_satu, html_dua):
        assert tersimpan.tempat_csrf() not in html
    form = re.search(
        r'<form class="isian" method="post" action="([^"]+)".*?name="csrfmiddlewaretoken" '
        r'value="([^"]+)".*?name="versi" value="(\d+)"',
        html_dua,
    )
    assert form is not None
    aksi, token, versi = form.groups()
    # Had the body kept the first reader's token, the second could not save.
    jawab = dua.post(aksi, {"csrfmiddlewaretoken": token, "versi": versi, "nilai": "7"})
    assert jawab.status_code in (200, 302), jawab.content.decode()[:300]
    sesudah = dua.get(_halaman(dunia)).content.decode()
    assert re.search(rf'action="{re.escape(aksi)}".*?name="nilai" value="7"', sesudah)
    assert len(gambar) == 2  # the save moved the mark


def test_a_new_day_draws_the_body_again(dunia, gambar, monkeypatch):
    c = _masuk(dunia, "operator-robatal")
    c.get(_halaman(dunia))
    monkeypatch.setattr(tersimpan, "hari_ini", lambda: date(2099, 1, 1))
    c.get(_halaman(dunia))
    c.get(_halaman(dunia))
    assert len(gambar) == 2


def test_inside_a_transaction_nothing_is_kept(dunia, gambar):
    c = _masuk(dunia, "operator-robatal")
    with transaction.atomic():
        c.get(_halaman(dunia))
        c.get(_halaman(dunia))
    assert len(gambar) == 2


@pytest.mark.parametrize("nama", ["evaluator-sampang", "operator-robatal"])
def test_drawing_and_keeping_a_body_stays_within_the_page_query_budget(dunia, nama):
    # Outside a transaction, as a server runs: the year's report computed,
    # the body drawn and kept, then given from the cache.
    c = _masuk(dunia, nama)
    # The session's first request writes it (then at most every 5 minutes).
    c.get(reverse("web:dokumen", args=[dunia.robatal.instansi_id, dunia.robatal.tahun]))
    for _, halaman in HALAMAN_TAHUN:
        url = reverse(halaman, args=[dunia.robatal.instansi_id, dunia.robatal.tahun])
        queries.lupakan_laporan()
        with maks_query(MAKS_QUERY):
            assert c.get(url).status_code == 200
        with maks_query(MAKS_QUERY):
            assert c.get(url).status_code == 200


def test_new_code_draws_the_body_again(dunia, gambar, monkeypatch):
    # A new version, or a template edited on a developer's machine: what the
    # old code drew is not given, though the record did not change.
    c = _masuk(dunia, "operator-robatal")
    c.get(_halaman(dunia))
    monkeypatch.setattr(audit, "sidik_kode", lambda: "versi-baru")
    c.get(_halaman(dunia))
    c.get(_halaman(dunia))
    assert len(gambar) == 2
