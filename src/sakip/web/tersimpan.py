"""The body of an instansi-year's page, drawn once and kept until the
record changes.

A year page is mostly the record drawn: hundreds of figures and fields
(the budget page has up to 600). Drawing them costs far more than anything
else a page does, and people read a year far more often than anyone writes
to it. So the body of a page (``{% tersimpan %}`` ... ``{% endtersimpan %}``
in its template) is kept, drawn, in the cache ``halaman`` (files on the
server's disk: every gunicorn worker shares them) under a key made of

- the code (:func:`sakip.common.versi.sidik_kode`), the database, and the
  page: its template and full path (with its query);
- the instansi's revision mark (:func:`sakip.ledger.audit.tanda_revisi`),
  which moves after every committed write to its record or to what every
  instansi shares, so a write is seen at once;
- what the reader may do on the year (every :class:`Aksi` the access
  function allows), since that decides which values are editable fields;
- today's date, since filling windows close with the day.

Nothing else of the reader may be drawn inside the block: their name,
their messages and their CSRF token stay outside it. A form inside the
block carries a stand-in for the token, put back with the reader's own
token each time the body is given.

The values of the body are computed only when it must be drawn: the view
passes a function (``isi``) that the block calls on a miss. Inside a
transaction nothing is kept or read back: it may yet be rolled back, and
its own writes move the mark only when it commits.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cache

from django.core.cache import caches
from django.db import connection
from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.utils.crypto import salted_hmac

from sakip.akun.akses import Aksi, boleh
from sakip.ledger.audit import kunci_tersimpan, tanda_revisi
from sakip.record.alur import hari_ini
from sakip.record.models import TahunKinerja
from sakip.record.queries import CACHE_LAPORAN

CACHE = "halaman"


@cache
def tempat_csrf() -> str:
    """The stand-in for the CSRF token in a kept body: the same in every
    worker (derived from the secret key) and not guessable, so no text a
    user types can be taken for it."""
    return "csrf" + salted_hmac("sakip.web.tersimpan", "csrf").hexdigest()[:32]


class Tersimpan:
    """A year page's kept body: its key, and how to compute its values."""

    def __init__(
        self,
        request: HttpRequest,
        tk: TahunKinerja,
        template: str,
        isi: Callable[[], Mapping[str, object]],
    ):
        self.request, self.tk, self.isi = request, tk, isi
        self.aktif = not connection.in_atomic_block
        self.kunci = self._kunci(template) if self.aktif else ""

    def _kunci(self, template: str) -> str:
        user = self.request.user
        akses = ",".join(a.value for a in Aksi if boleh(user, a, self.tk))
        return kunci_tersimpan(
            "tahun",
            tanda_revisi(self.tk.instansi_id),
            template,
            self.request.get_full_path(),
            self.tk.pk,
            akses,
            hari_ini().isoformat(),
        )

    def ambil(self) -> str | None:
        """The kept body with the reader's CSRF token, or None."""
        if not self.aktif:
            return None
        html = caches[CACHE].get(self.kunci)  # the file cache compresses it
        return None if html is None else self.isi_token(html)

    def simpan(self, html: str) -> str:
        """Keep the body drawn with the stand-in; give it with the token."""
        if self.aktif:
            caches[CACHE].set(self.kunci, html)
        return self.isi_token(html)

    def isi_token(self, html: str) -> str:
        return html.replace(tempat_csrf(), get_token(self.request))


def lupakan_semua() -> None:
    """Drop every kept body and report (``sakip serve`` at start: the code
    or settings that made them may have changed)."""
    caches[CACHE].clear()
    caches[CACHE_LAPORAN].clear()
