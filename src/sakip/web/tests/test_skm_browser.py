"""The SKM tab on a phone (360 px, headless Chromium against a live server),
and its QR poster printed as exactly one A4 page."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from sakip.akun.sistem import aktor_sistem
from sakip.skm.services import survei_buka
from sakip.web.testing import ARGS_CHROMIUM, ARTEFAK, CHROMIUM, perlu_chromium

pytestmark = perlu_chromium


@pytest.fixture
def dunia_live(transactional_db, dunia):
    return dunia


def test_the_skm_tab_fits_a_phone_and_the_poster_prints_on_one_a4_page(live_server, dunia_live):
    from playwright.sync_api import sync_playwright

    tk = dunia_live.robatal
    k = survei_buka(instansi=tk.instansi, tahun=tk.tahun, layanan="KTP", aktor=aktor_sistem())
    masuk = Client()
    masuk.force_login(dunia_live.user["operator-robatal"])
    sesi = masuk.cookies["sessionid"].value
    dasar = f"/i/{tk.instansi_id}/{tk.tahun}/skm/"
    ARTEFAK.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS_CHROMIUM)
        try:
            ctx = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
            ctx.add_cookies([{"name": "sessionid", "value": sesi, "url": live_server.url}])
            page = ctx.new_page()
            page.goto(live_server.url + dasar)
            page.click("summary")  # the survey's management forms
            assert page.is_visible("text=Tutup survei")
            assert page.evaluate("document.documentElement.scrollWidth") <= 360
            page.screenshot(path=str(ARTEFAK / "skm-360.png"), full_page=True)

            page.goto(f"{live_server.url}{dasar}{k.kode}/poster/")
            assert page.evaluate("document.querySelector('.poster-qr').naturalWidth") > 0
            pdf = page.pdf(format="A4", print_background=True)
            (ARTEFAK / "skm-poster.pdf").write_bytes(pdf)
            assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1
        finally:
            browser.close()
