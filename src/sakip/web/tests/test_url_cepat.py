"""``url_cepat``: the field URLs a page draws by the hundred, the same as
``reverse`` gives, for every URL of the application."""

from __future__ import annotations

import pytest
from django.urls import reverse

from sakip.web.tests.test_keamanan import CONTOH
from sakip.web.ubah import url_cepat


@pytest.mark.parametrize("nama", sorted(CONTOH))
def test_every_url_is_built_as_reverse_builds_it(dunia, nama):
    args = CONTOH[nama](dunia).args
    assert url_cepat(nama, *args) == reverse(nama, args=args)


def test_an_argument_is_quoted_as_reverse_quotes_it():
    args = [7, 2020, "kata pengantar-ü"]
    assert url_cepat("web:riwayat", 7, 2020) == reverse("web:riwayat", args=[7, 2020])
    assert url_cepat("web:ubah-narasi", 7, 2020, "a_b-c") == reverse(
        "web:ubah-narasi", args=[7, 2020, "a_b-c"]
    )
    # A value no route would take is still quoted, never left raw in the markup.
    assert " " not in url_cepat("web:ubah-narasi", *args)
