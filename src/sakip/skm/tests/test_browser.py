"""A respondent fills the public questionnaire on a phone-sized headless
Chromium against a live server, and the response is counted."""

import pytest

from sakip.skm.models import Responden
from sakip.web.testing import ARGS_CHROMIUM, CHROMIUM, perlu_chromium

pytestmark = perlu_chromium


@pytest.fixture
def kuesioner_live(transactional_db, kuesioner):
    return kuesioner


def test_it_fills_the_form_on_a_phone_and_the_response_is_counted(live_server, kuesioner_live):
    from playwright.sync_api import sync_playwright

    k = kuesioner_live
    # Playwright's sync API runs an event loop in this thread; Django's ORM
    # is not touched while it runs (the live server has its own thread).
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS_CHROMIUM)
        try:
            page = browser.new_page(viewport={"width": 360, "height": 740}, is_mobile=True)
            page.goto(f"{live_server.url}/s/{k.kode}")
            page.select_option("#id_jenis_kelamin", "Perempuan")
            page.select_option("#id_umur", "30-39 tahun")
            for i in range(1, 10):
                # The fourth label of each unsur ("Sangat sesuai", ...): answer 4.
                page.locator(f"#unsur-U{i} label.pilihan").nth(3).click()
            page.fill("#id_komentar", "Petugas ramah")
            # Everything fits the phone's width: no sideways scrolling.
            assert page.evaluate("document.documentElement.scrollWidth") <= 360
            page.click("button[type=submit]")
            page.wait_for_url(f"**/s/{k.kode}/terima-kasih")
            assert "Terima kasih" in page.inner_text("h1")
        finally:
            browser.close()
    r = Responden.objects.get(kuesioner=k)
    assert (r.jawaban, r.jenis_kelamin, r.komentar) == ("444444444", "Perempuan", "Petugas ramah")
