"""The cycle of an instansi-year driven through headless Chromium against a
live server, one persona at a time, asserting what each of them sees:

1. the operator enters a quarter's realisation with its evidence, explains
   the shortfall, resolves what blocks the submission and submits;
2. the pimpinan approves (the year is locked);
3. the operator can no longer edit, not even with a forged POST;
4. the admin unlocks with a reason, recorded in the history;
5. the evaluator writes a review note and edits nothing; the operator answers;
6. an anonymous visitor sees no draft;
7. a field saved from a page left open after the session ended, with an
   expired form or without a connection says so (and nothing is half-written).

Each journey leaves a screenshot of its last page under
``var/test-artefacts/web/``, and the operator's Realisasi page one at a
phone's width (360 px).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

import pytest

from sakip.web.testing import ARGS_CHROMIUM, ARTEFAK, CHROMIUM, DuniaWeb, perlu_chromium

if TYPE_CHECKING:
    from playwright.sync_api import APIResponse, Browser, Locator, Page

SANDI = "Sandi-uji-perjalanan-2020"
#: A small valid PDF: what an operator scans as evidence.
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)
#: Figures of Robatal 2020 (realisasi and target of S1.1) no stranger may see.
ANGKA_ROBATAL = ("79,017", "81,55")
#: Every editable field of a page: the inputs ``Isian.html`` draws.
ISIAN = "main [name=nilai]"

pytestmark = perlu_chromium


@pytest.fixture
def dunia_live(transactional_db, dunia, settings, tmp_path) -> DuniaWeb:
    # A fast hasher: the journeys log in through the real login form.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.SAKIP_BUKTI_DIR = tmp_path / "bukti"
    for user in dunia.user.values():
        user.set_password(SANDI)
        user.save(update_fields=["password"])
    return dunia


@pytest.fixture
def alamat(dunia_live) -> dict[str, str]:
    """Robatal 2020's URLs (its year, S1.1's realisation field of each quarter),
    read before the browser starts: the ORM refuses to run beside Playwright's
    event loop."""
    from django.urls import reverse

    from sakip.record.models import JenisTriwulan
    from sakip.record.riwayat import indikator_dari_tahun

    tk = dunia_live.robatal
    ind = indikator_dari_tahun(tk).get(kode="S1.1")
    args = [tk.instansi_id, tk.tahun]
    return {
        "tahun": reverse("web:tahun", args=args),
        **{
            f"TW{tw}": reverse(
                "web:ubah-triwulan", args=[*args, ind.pk, JenisTriwulan.REALISASI, tw]
            )
            for tw in (1, 2, 3, 4)
        },
    }


@pytest.fixture
def browser() -> Iterator[Browser]:
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM is
    # not touched while it runs (the live server has its own thread).
    ARTEFAK.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS_CHROMIUM)
        try:
            yield b
        finally:
            b.close()


class Jalan:
    """The live server's URLs of Robatal 2020, and a browser per persona."""

    def __init__(self, browser: Browser, url: str, alamat: dict[str, str]) -> None:
        self.browser = browser
        self.url = url
        self.tahun = url + alamat["tahun"]
        #: quarter -> URL of S1.1's realisation field of that quarter
        self.isian = {tw: url + alamat[f"TW{tw}"] for tw in (1, 2, 3, 4)}

    def halaman(self, bagian: str = "") -> str:
        return self.tahun + bagian

    def masuk(self, nama: str, ke: str = "") -> Page:
        """A fresh browser of ``nama``, logged in through the login form."""
        ctx = self.browser.new_context(viewport={"width": 1280, "height": 900})
        ctx.set_default_timeout(10_000)
        page = ctx.new_page()
        page.goto(self.url + "/masuk/?next=" + (ke or self.halaman()).removeprefix(self.url))
        page.fill("#id_username", nama)
        page.fill("#id_password", SANDI)
        page.click("main button[type=submit]")
        page.wait_for_load_state()
        assert page.url == (ke or self.halaman()), page.url
        assert nama in page.locator("header").first.inner_text()
        return page


def simpan(page: Page, label: str, teks: str) -> None:
    """Type into the field labelled ``label`` and save it in place (htmx)."""
    from playwright.sync_api import expect

    form = page.locator("form", has=page.get_by_label(label, exact=True))
    form.get_by_label(label, exact=True).fill(teks)
    form.get_by_role("button", name="Simpan").click()
    # The field is drawn again by the server: saved, or with the reason why not.
    expect(form.get_by_text("tersimpan", exact=True)).to_be_visible()
    expect(form.get_by_role("alert")).to_have_count(0)


def status(page: Page) -> str:
    return page.locator("main .status").first.inner_text()


def foto(page: Page, nama: str) -> None:
    page.screenshot(path=str(ARTEFAK / nama), full_page=True)


def csrf(page: Page) -> str:
    """The CSRF token the page gives htmx (what a forged request would reuse)."""
    return str(page.evaluate("JSON.parse(document.body.getAttribute('hx-headers'))['X-CSRFToken']"))


def baris(page: Page, triwulan: int) -> Locator:
    """The row of a quarter on the Realisasi page (Robatal 2020 has one indicator)."""
    return page.get_by_role("row").filter(
        has=page.get_by_role("rowheader", name=f"TW{triwulan}", exact=True)
    )


def palsu(page: Page, url: str, teks: str) -> APIResponse:
    """POST ``teks`` to the field at ``url`` as a forged request would: the
    page's session and CSRF token, no form to fill."""
    return page.request.post(
        url,
        form={"nilai": teks, "versi": "0"},
        headers={"X-CSRFToken": csrf(page), "HX-Request": "true"},
        max_redirects=0,
    )


def tanpa_isian(page: Page) -> None:
    """Nothing on the page can be edited: no field input, no Simpan."""
    assert page.locator(ISIAN).count() == 0, page.url
    assert page.get_by_role("button", name="Simpan").count() == 0, page.url


# -- the journeys ----------------------------------------------------------------


def operator_mengajukan(j: Jalan) -> Page:
    """Journey 1: realisation, evidence and explanation; then submit."""
    from playwright.sync_api import expect

    page = j.masuk("operator-robatal", j.halaman("realisasi/"))
    assert page.url == j.halaman("realisasi/")
    expect(page.locator("#kurang")).to_contain_text("Penjelasan belum diisi")

    # A quarter's realisation typed the Indonesian way, saved in place.
    simpan(page, "realisasi triwulan S1.1 TW1", "80,5")
    expect(page.get_by_label("realisasi triwulan S1.1 TW1", exact=True)).to_have_value("80,5")

    # The evidence of that quarter (a full form post: the page comes back).
    unggah = page.locator("form", has=page.get_by_label("Berkas bukti S1.1"))
    unggah.get_by_label("Unggah bukti S1.1 untuk").select_option(label="TW1")
    unggah.get_by_label("Berkas bukti S1.1").set_input_files(
        {"name": "bukti-tw1.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    unggah.get_by_role("button", name="Unggah").click()
    expect(page.locator(".pesan .success")).to_contain_text("Bukti S1.1 TW1 tersimpan")
    with page.expect_download() as unduhan:
        baris(page, 1).get_by_role("link", name="bukti-tw1.pdf").click()
    assert Path(unduhan.value.path()).read_bytes() == PDF

    # S1.1 stays below its target: the page asks why.
    simpan(page, "Penjelasan S1.1 2020", "Kegiatan TW4 tertunda karena cuaca; dikejar tahun depan.")
    expect(page.locator("#kurang")).not_to_contain_text("Penjelasan belum diisi")

    # On the phone: the same page, no sideways scrolling.
    telepon = j.browser.new_context(
        viewport={"width": 360, "height": 740},
        is_mobile=True,
        storage_state=page.context.storage_state(),
    )
    hp = telepon.new_page()
    hp.goto(j.halaman("realisasi/"))
    expect(hp.get_by_label("realisasi triwulan S1.1 TW1", exact=True)).to_have_value("80,5")
    assert hp.evaluate("document.documentElement.scrollWidth") <= 360
    foto(hp, "perjalanan-realisasi-360.png")

    # Ringkasan: what still blocks the submission, resolved with its buttons.
    page.goto(j.halaman())
    expect(page.get_by_role("button", name="Ajukan ke pimpinan")).to_be_disabled()
    lepas = page.get_by_role("button", name="Pakai hasil perhitungan, lepaskan angka tercetak")
    expect(lepas).to_be_visible()
    page.once("dialog", lambda d: d.accept())
    lepas.click()
    expect(page.locator(".pesan .success")).to_contain_text("angka tercetak laporan lama dilepas")
    for label in page.get_by_label(re.compile("^Justifikasi ")).evaluate_all(
        "els => els.map(e => e.labels[0].textContent)"
    ):
        simpan(page, label, "Sudah dikonfirmasi dengan bagian keuangan kecamatan.")
    ajukan = page.get_by_role("button", name="Ajukan ke pimpinan")
    expect(ajukan).to_be_enabled()  # the submit block reloaded itself
    ajukan.click()
    expect(page.locator(".pesan .success")).to_contain_text("diajukan untuk disetujui")
    assert status(page) == "diajukan"
    foto(page, "perjalanan-1-operator-mengajukan.png")
    return page


def pimpinan_menyetujui(j: Jalan) -> None:
    """Journey 2: the pimpinan approves from Ringkasan."""
    from playwright.sync_api import expect

    page = j.masuk("pimpinan-robatal")
    expect(page.get_by_text("Operator telah mengajukan laporan ini")).to_be_visible()
    page.get_by_role("button", name="Setujui dan kunci").click()
    expect(page.locator(".pesan .success")).to_contain_text("disetujui dan terkunci")
    assert status(page) == "disetujui (terkunci)"
    expect(page.get_by_text("Tahun ini sudah disetujui dan terkunci")).to_be_visible()
    foto(page, "perjalanan-2-pimpinan-menyetujui.png")


def operator_terkunci(j: Jalan, page: Page) -> None:
    """Journey 3: the approved year shows its values and edits none."""
    from playwright.sync_api import expect

    for bagian in ("capaian/", "realisasi/"):
        page.goto(j.halaman(bagian))
        assert status(page) == "disetujui (terkunci)"
        expect(page.get_by_text("Tahun ini sudah disetujui dan terkunci")).to_be_visible()
        tanpa_isian(page)
    assert page.get_by_role("button", name="Unggah").count() == 0
    assert page.get_by_role("button", name=re.compile("^Hapus ")).count() == 0
    # The value entered before the approval is still shown, read-only.
    expect(baris(page, 1)).to_contain_text("80,5")

    # A POST forged with the page's own session and token: the lock answers.
    jawab = palsu(page, j.isian[2], "99")
    assert jawab.status == 200, jawab.status
    assert "sudah disetujui dan terkunci" in jawab.text()
    page.reload()
    expect(baris(page, 2)).not_to_contain_text("99")
    foto(page, "perjalanan-3-operator-terkunci.png")


def admin_membuka(j: Jalan, operator: Page) -> None:
    """Journey 4: the admin unlocks with a reason; the history keeps it;
    the operator edits again."""
    from playwright.sync_api import expect

    alasan = "Koreksi realisasi TW2 atas permintaan Inspektorat"
    page = j.masuk("admin-sampang")
    page.get_by_label("Alasan membuka kunci (dicatat)").fill(alasan)
    page.get_by_role("button", name="Buka kunci").click()
    expect(page.locator(".pesan .success")).to_contain_text("Kunci")
    assert status(page) == "draf"
    page.goto(j.halaman("riwayat/"))
    terbaru = page.get_by_role("row").nth(1)  # newest first, under the header
    expect(terbaru).to_contain_text("admin-sampang")
    expect(terbaru).to_contain_text("status")
    expect(terbaru).to_contain_text(f"draf; alasan: {alasan}")
    foto(page, "perjalanan-4-admin-membuka.png")

    operator.goto(j.halaman("realisasi/"))
    assert status(operator) == "draf"
    simpan(operator, "realisasi triwulan S1.1 TW2", "81,25")


def evaluator_mencatat(j: Jalan, operator: Page) -> None:
    """Journey 5: the evaluator writes a review note and can edit nothing;
    the operator answers it."""
    from playwright.sync_api import expect

    teks = "Bukti dukung TW2 belum diunggah; mohon dilengkapi."
    page = j.masuk("evaluator-sampang", j.halaman("catatan/"))
    page.get_by_role("link", name="Tulis catatan").click()
    page.get_by_label("Tentang").select_option("indikator:S1.1")
    page.get_by_label("Catatan", exact=True).fill(teks)
    page.get_by_role("button", name="Simpan catatan").click()
    expect(page.locator(".pesan .success")).to_contain_text("Catatan reviu disimpan")
    catatan = page.locator("article").filter(has_text=teks)
    expect(catatan).to_contain_text("evaluator-sampang")
    expect(catatan).to_contain_text("terbuka")
    for bagian in (
        "",
        "renstra/",
        "iku/",
        "pk/",
        "rencana-aksi/",
        "capaian/",
        "realisasi/",
        "triwulan/",
        "anggaran/",
        "narasi/",
    ):
        page.goto(j.halaman(bagian))
        assert page.url == j.halaman(bagian)
        tanpa_isian(page)
        # Nothing else to press or fill either (no upload, sign or submit).
        assert page.locator("main button, main textarea, main select").count() == 0, bagian
        assert page.locator("main input:not([type=hidden])").count() == 0, bagian
    page.goto(j.halaman("realisasi/"))
    jawab = palsu(page, j.isian[3], "50")
    assert jawab.status == 403, jawab.status
    page.reload()
    expect(baris(page, 3)).not_to_contain_text("50")
    page.goto(j.halaman("catatan/"))
    foto(page, "perjalanan-5-evaluator-mencatat.png")

    operator.goto(j.halaman("catatan/"))
    catatan = operator.locator("article").filter(has_text=teks)
    jawaban = "Bukti TW2 akan diunggah minggu ini."
    catatan.get_by_label("Jawaban").fill(jawaban)
    catatan.get_by_role("button", name="Kirim jawaban").click()
    expect(operator.locator(".pesan .success")).to_contain_text("Jawaban disimpan")
    expect(catatan).to_contain_text(jawaban)
    expect(catatan).to_contain_text("operator-robatal")
    foto(operator, "perjalanan-5-operator-menjawab.png")


def test_a_year_goes_from_entry_to_approval_unlock_and_review_in_the_browser(
    live_server, alamat, browser
):
    j = Jalan(browser, live_server.url, alamat)
    operator = operator_mengajukan(j)
    pimpinan_menyetujui(j)
    operator_terkunci(j, operator)
    admin_membuka(j, operator)
    evaluator_mencatat(j, operator)


def test_a_field_saved_after_the_session_ended_or_offline_says_so(live_server, alamat, browser):
    """Journey 7: the operator saves a field of a page left open: the session
    has ended (the login page, then back to the page, nothing half-written),
    the form's token has expired, the connection is down: each says so where
    the field is, never swapping another page into it."""
    from playwright.sync_api import expect

    j = Jalan(browser, live_server.url, alamat)
    label = "realisasi triwulan S1.1 TW1"
    page = j.masuk("operator-robatal", j.halaman("realisasi/"))

    page.context.clear_cookies(name="sessionid")
    isi = page.get_by_label(label, exact=True)
    isi.fill("80,5")
    isi.press("Enter")
    page.wait_for_url(re.compile(r"/masuk/\?next="))
    assert page.url == j.url + "/masuk/?next=" + quote(alamat["tahun"] + "realisasi/", safe="")
    page.fill("#id_username", "operator-robatal")
    page.fill("#id_password", SANDI)
    page.click("main button[type=submit]")
    page.wait_for_url(j.halaman("realisasi/"))
    expect(page.get_by_label(label, exact=True)).to_have_value("")
    assert page.locator("main").count() == 1  # no page inside the page

    form = page.locator("form", has=page.get_by_label(label, exact=True))
    page.context.clear_cookies(name="csrftoken")
    page.get_by_label(label, exact=True).fill("80,5")
    form.get_by_role("button", name="Simpan").click()
    expect(form.get_by_role("alert")).to_contain_text("Tidak tersimpan: permintaan ditolak")
    expect(form.get_by_text("tersimpan", exact=True)).to_have_count(0)

    page.reload()
    page.route("**/ubah/**", lambda route: route.abort())
    page.get_by_label(label, exact=True).fill("80,5")
    form.get_by_role("button", name="Simpan").click()
    expect(form.get_by_role("alert")).to_contain_text("server tidak dapat dihubungi")
    page.unroute("**/ubah/**")
    form.get_by_role("button", name="Simpan").click()  # the connection is back
    expect(form.get_by_text("tersimpan", exact=True)).to_be_visible()
    expect(form.get_by_role("alert")).to_have_count(0)
    foto(page, "perjalanan-7-sesi-berakhir.png")


@pytest.fixture
def bukti_robatal(dunia_live) -> str:
    """The URL of an evidence file of Robatal 2020's draft (uploaded before
    the browser starts)."""
    import io

    from django.urls import reverse

    from sakip.record.riwayat import indikator_dari_tahun
    from sakip.record.services import bukti_unggah

    tk = dunia_live.robatal
    bukti = bukti_unggah(
        aktor=dunia_live.user["operator-robatal"],
        tahun_kinerja=tk,
        indikator=indikator_dari_tahun(tk).get(kode="S1.1"),
        triwulan=1,
        nama="bukti-tw1.pdf",
        berkas=io.BytesIO(PDF),
        ukuran=len(PDF),
    )
    return reverse("web:bukti", args=[tk.instansi_id, tk.tahun, bukti.pk])


def test_an_anonymous_visitor_sees_no_draft(live_server, alamat, bukti_robatal, browser):
    """Journey 6: year pages, documents and evidence of a draft year send a
    visitor to the login page, never showing the year's figures; a forged
    write is sent there too."""
    from playwright.sync_api import expect

    j = Jalan(browser, live_server.url, alamat)
    page = browser.new_page()
    for url in (
        *(
            j.halaman(bagian)
            for bagian in (
                "",
                "capaian/",
                "realisasi/",
                "anggaran/",
                "narasi/",
                "riwayat/",
                "catatan/",
                "dokumen/",
                "dokumen/lkjip/draf/pdf/",
                "dokumen/pk/draf/xlsx/",
            )
        ),
        j.url + bukti_robatal,
        j.isian[2],
    ):
        jawab = page.goto(url)
        assert jawab is not None and jawab.status == 200, url
        assert page.url.startswith(f"{j.url}/masuk/?next="), (url, page.url)
        expect(page.get_by_role("heading", name="Masuk")).to_be_visible()
        teks = page.content()
        assert not any(a in teks for a in ANGKA_ROBATAL), url
        assert "Robatal" not in teks and "bukti-tw1" not in teks, url
    # A forged in-place write is sent to the login page too (htmx's way).
    jawab = palsu(page, j.isian[2], "99")
    assert jawab.status == 204 and jawab.body() == b"", jawab.status
    assert jawab.headers["hx-redirect"].startswith("/masuk/?next="), jawab.headers
    foto(page, "perjalanan-6-anonim.png")
