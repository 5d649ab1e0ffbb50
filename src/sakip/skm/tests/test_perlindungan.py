"""The public form's rate limit: per address and survey, shared by every
worker, and the client address behind a trusted proxy."""

from __future__ import annotations

import pytest
from django.core.cache import caches
from django.test import RequestFactory

from sakip.skm.perlindungan import alamat, melebihi_batas

rf = RequestFactory()


def _req(remote: str = "10.0.0.1", xff: str | None = None):
    extra = {"HTTP_X_FORWARDED_FOR": xff} if xff is not None else {}
    return rf.post("/s/ABCDEF", REMOTE_ADDR=remote, **extra)


def test_without_a_trusted_proxy_a_forwarded_header_is_ignored(settings):
    settings.PROXY_TEPERCAYA = []
    assert alamat(_req("10.0.0.1", "1.2.3.4")) == "10.0.0.1"


def test_behind_a_trusted_proxy_the_nearest_untrusted_address_counts(settings):
    settings.PROXY_TEPERCAYA = ["10.0.0.1", "10.0.0.2"]
    # The client forged "6.6.6.6"; the outer proxy 10.0.0.2 saw 1.2.3.4.
    assert alamat(_req("10.0.0.1", "6.6.6.6, 1.2.3.4, 10.0.0.2")) == "1.2.3.4"
    assert alamat(_req("10.0.0.1", "")) == "10.0.0.1"
    # A connection not from a trusted proxy cannot choose its address.
    assert alamat(_req("9.9.9.9", "1.2.3.4")) == "9.9.9.9"


@pytest.mark.django_db
def test_the_limit_counts_per_survey(settings):
    settings.SKM_BATAS_KIRIM = 1
    caches["default"].clear()
    assert not melebihi_batas(_req(), "AAAAAA")
    assert melebihi_batas(_req(), "AAAAAA")
    assert not melebihi_batas(_req(), "BBBBBB")
    assert not melebihi_batas(_req("10.0.0.9"), "AAAAAA")


@pytest.mark.django_db
def test_every_worker_sees_the_same_count(settings):
    # A worker process has its own cache object; the count lives in the
    # database, so a new connection (another worker) sees what this one wrote.
    settings.SKM_BATAS_KIRIM = 1
    caches["default"].clear()
    assert not melebihi_batas(_req(), "AAAAAA")
    lain = caches.create_connection("default")
    assert lain.get("skm:kirim:AAAAAA:10.0.0.1") == 1
