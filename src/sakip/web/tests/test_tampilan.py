"""How the pages read: the year's navigation grouped by the cycle's stages,
and the lean editable field (its markup, its CSRF token, its no-JS return)."""

from __future__ import annotations

import re

from django.urls import reverse

from sakip.evaluasi.models import CatatanReviu
from sakip.record.models import Indikator, NilaiIndikator
from sakip.web.navigasi import HALAMAN_TAHUN, KELOMPOK_TAHUN


def _url(tk, nama, *args):
    return reverse(f"web:{nama}", args=[tk.instansi_id, tk.tahun, *args])


def _indikator(tk) -> Indikator:
    ind = Indikator.objects.filter(renstra=tk.renstra).order_by("urutan").first()
    assert ind is not None
    return ind


def _nav(html: str) -> str:
    awal = html.index('<nav class="tahap"')
    return html[awal : html.index("</nav>", awal)]


def test_every_page_of_the_year_belongs_to_exactly_one_stage():
    nama = [n for _, n in HALAMAN_TAHUN]
    assert len(nama) == len(set(nama)) == 15
    assert [k for k, _ in KELOMPOK_TAHUN] == [
        "Ringkasan",
        "Perencanaan",
        "Pengukuran",
        "Pelaporan",
        "Reviu",
    ]


def test_the_header_shows_the_stages_and_only_the_pages_of_the_current_one(client, dunia):
    tk = dunia.robatal
    client.force_login(dunia.user["operator-robatal"])
    nav = _nav(client.get(_url(tk, "triwulan")).content.decode())

    for tahap in ("Ringkasan", "Perencanaan", "Pengukuran", "Pelaporan", "Reviu"):
        assert f">{tahap}</a>" in nav
    assert f'<a href="{_url(tk, "capaian")}" class="aktif">Pengukuran</a>' in nav
    assert 'aria-current="page">Triwulan</a>' in nav
    for halaman in ("Capaian", "Realisasi", "Anggaran"):
        assert f">{halaman}</a>" in nav
    # The other stages' pages are one click away, not drawn here.
    for lain in ("Renstra", "Narasi", "Riwayat"):
        assert f">{lain}</a>" not in nav


def test_the_overview_has_no_second_row_and_marks_itself(client, dunia):
    tk = dunia.robatal
    client.force_login(dunia.user["pimpinan-robatal"])
    nav = _nav(client.get(_url(tk, "tahun")).content.decode())
    assert 'class="aktif" aria-current="page">Ringkasan</a>' in nav
    assert 'class="sub"' not in nav


def test_open_review_notes_show_on_their_stage_from_every_page(client, dunia):
    tk = dunia.robatal
    client.force_login(dunia.user["evaluator-sampang"])
    client.post(
        _url(tk, "catatan-tulis"),
        {"tentang": "umum", "teks": "Mohon lengkapi bukti dukung."},
    )
    assert CatatanReviu.objects.filter(tahun_kinerja=tk).count() == 1
    client.force_login(dunia.user["operator-robatal"])
    assert ">Reviu (1)</a>" in _nav(client.get(_url(tk, "renstra")).content.decode())
    nav = _nav(client.get(_url(tk, "catatan")).content.decode())
    assert 'aria-current="page">Catatan reviu (1)</a>' in nav


def test_a_page_below_a_tab_stays_in_its_stage(client, dunia):
    tk = dunia.robatal
    client.force_login(dunia.user["evaluator-sampang"])
    jawab = client.get(_url(tk, "catatan-tulis"))
    assert jawab.status_code == 200
    nav = _nav(jawab.content.decode())
    assert 'class="aktif">Reviu</a>' in nav and ">Catatan reviu</a>" in nav


def test_an_editable_field_is_lean_and_still_carries_its_csrf_token(client, dunia):
    tk = dunia.robatal
    ind = _indikator(tk)
    client.force_login(dunia.user["operator-robatal"])
    html = client.get(_url(tk, "renstra")).content.decode()

    url = _url(tk, "ubah-nilai", ind.pk, "target", tk.tahun)
    awal = html.index(f'<form class="isian" method="post" action="{url}"')
    field = html[awal : html.index("</form>", awal) + len("</form>")]
    assert f'hx-post="{url}"' in field and 'hx-swap="outerHTML"' in field
    assert 'name="csrfmiddlewaretoken"' in field and 'name="versi"' in field
    assert f'<label><span class="sr">Target {ind.kode} {tk.tahun}</span><input' in field
    assert 'name="kembali"' not in field and " id=" not in field
    # Without the CSRF token (about 100 bytes that no-JS posting needs) and
    # the field's own URLs, what is left is a few hundred bytes.
    tanpa = re.sub(r'value="[^"]{40,}"', "", field).replace(url, "")
    assert len(tanpa.encode()) < 400, field


def test_a_read_only_field_is_no_form(client, dunia):
    tk = dunia.robatal
    client.force_login(dunia.user["pimpinan-robatal"])
    html = client.get(_url(tk, "capaian")).content.decode()
    assert '<div class="isian">' in html and '<form class="isian"' not in html
    assert "Simpan" not in html


def test_without_javascript_a_saved_field_returns_to_the_page_it_came_from(client, dunia):
    tk = dunia.robatal
    ind = _indikator(tk)
    row = NilaiIndikator.objects.get(indikator=ind, tahun=tk.tahun)
    client.force_login(dunia.user["operator-robatal"])
    url = _url(tk, "ubah-nilai", ind.pk, "realisasi", tk.tahun)
    halaman = "http://testserver" + _url(tk, "capaian")

    jawab = client.post(url, {"nilai": "80", "versi": row.versi}, HTTP_REFERER=halaman)

    assert jawab.status_code == 302 and jawab["Location"] == halaman
    row.refresh_from_db()
    assert row.realisasi == 80
    # A Referer from elsewhere is not followed: back to the year's overview.
    jawab = client.post(
        url, {"nilai": "81", "versi": row.versi}, HTTP_REFERER="https://contoh.invalid/x"
    )
    assert jawab.status_code == 302 and jawab["Location"] == _url(tk, "tahun")


def test_the_home_page_groups_the_operators_pages_by_stage(client, dunia):
    tk = dunia.robatal
    client.force_login(dunia.user["operator-robatal"])
    html = client.get(reverse("web:beranda")).content.decode()
    assert "<dt>Perencanaan</dt>" in html and "<dt>Reviu</dt>" in html
    assert f'<a href="{_url(tk, "triwulan")}">Triwulan</a>' in html


def test_the_pimpinan_of_a_draft_year_is_told_what_is_awaited(client, dunia):
    tk = dunia.robatal
    client.force_login(dunia.user["pimpinan-robatal"])
    assert "operator belum mengajukannya" in client.get(_url(tk, "tahun")).content.decode()
    for nama in ("operator-robatal", "admin-sampang", "evaluator-sampang"):
        client.force_login(dunia.user[nama])
        assert "operator belum mengajukannya" not in client.get(_url(tk, "tahun")).content.decode()


def test_without_javascript_a_refused_value_keeps_the_way_back(client, dunia):
    tk = dunia.robatal
    node = tk.anggaran.node.order_by("urutan").first()
    client.force_login(dunia.user["operator-robatal"])
    url = _url(tk, "ubah-anggaran", node.pk, "pagu")
    halaman = "http://testserver" + _url(tk, "anggaran")

    html = client.post(
        url, {"nilai": "satu juta", "versi": node.versi}, HTTP_REFERER=halaman
    ).content.decode()

    assert "bukan angka" in html
    assert f'<input type="hidden" name="kembali" value="{halaman}">' in html
    assert f'<a href="{halaman}">‹ Kembali ke halaman sebelumnya</a>' in html
    # Corrected on the field's own page, it returns to the budget page.
    jawab = client.post(
        url, {"nilai": "1.000,00", "versi": node.versi, "kembali": halaman}, HTTP_REFERER=url
    )
    assert jawab.status_code == 302 and jawab["Location"] == halaman
