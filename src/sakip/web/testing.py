"""The demo pemda for the web's tests: Robatal 2020 and Torjun 2022 of
Kabupaten Sampang in the record, a user per role, and a stranger of another
pemda. Every persona logs in with ``client.force_login(dunia.user[nama])``."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sakip.akun.models import Keanggotaan, Peran
from sakip.ledger.testing import ROBATAL, load_yaml
from sakip.organisasi.models import Instansi, Pemda
from sakip.record.models import TahunKinerja
from sakip.record.testing import impor_uji

#: persona -> (peran, "instansi" or "pemda" it belongs to)
PERSONA: dict[str, tuple[Peran, str]] = {
    "operator-robatal": (Peran.OPERATOR, "robatal"),
    "pimpinan-robatal": (Peran.PIMPINAN, "robatal"),
    "operator-torjun": (Peran.OPERATOR, "torjun"),
    "pimpinan-torjun": (Peran.PIMPINAN, "torjun"),
    "admin-sampang": (Peran.ADMIN_PEMDA, "sampang"),
    "evaluator-sampang": (Peran.EVALUATOR, "sampang"),
    "admin-lain": (Peran.ADMIN_PEMDA, "lain"),
}


@dataclass
class DuniaWeb:
    robatal: TahunKinerja
    torjun: TahunKinerja
    lain: Pemda
    user: dict[str, User] = field(default_factory=dict)

    @property
    def sampang(self) -> Pemda:
        return self.robatal.instansi.pemda


def torjun_doc() -> dict:
    return load_yaml((ROBATAL.parent / "torjun-2022.yaml").read_text(encoding="utf-8"))


def dunia_web() -> DuniaWeb:
    """Build the demo pemda and its personas (needs the database)."""
    robatal = impor_uji()
    torjun = impor_uji(torjun_doc())
    lain = Pemda.objects.create(nama="Kabupaten Bangkalan")
    Instansi.objects.create(pemda=lain, nama="Kecamatan Arosbaya")
    dunia = DuniaWeb(robatal=robatal, torjun=torjun, lain=lain)
    lingkup: dict[str, dict[str, object]] = {
        "robatal": {"instansi": robatal.instansi},
        "torjun": {"instansi": torjun.instansi},
        "sampang": {"pemda": robatal.instansi.pemda},
        "lain": {"pemda": lain},
    }
    for nama, (peran, letak) in PERSONA.items():
        user = get_user_model().objects.create_user(nama)
        Keanggotaan.objects.create(user=user, peran=peran, **lingkup[letak])
        dunia.user[nama] = user
    return dunia


def siap_diajukan(tk: TahunKinerja) -> None:
    """Make a year submittable the way its operator would on the pages: the
    old report's printed figures dropped, every warning justified, every
    shortfall explained."""
    from sakip.akun.sistem import aktor_sistem
    from sakip.record.alur import syarat_ajuan
    from sakip.record.models import Indikator, Penjelasan
    from sakip.record.queries import di_bawah_target, laporan_tahun
    from sakip.record.riwayat import indikator_dari_tahun
    from sakip.record.services import angka_cetak_lepas, justifikasi_set, penjelasan_set

    aktor = aktor_sistem()
    assert isinstance(aktor, User)
    angka_cetak_lepas(aktor=aktor, tahun_kinerja=tk)
    laporan = laporan_tahun(tk)
    syarat = syarat_ajuan(tk, laporan)
    assert not syarat.galat, [t.pesan for t in syarat.galat]
    for p in syarat.tanpa_justifikasi:
        justifikasi_set(
            aktor=aktor,
            tahun_kinerja=tk,
            kode=p.temuan.kode,
            lokasi=p.temuan.lokasi,
            teks="Sudah dikonfirmasi dengan bagian keuangan.",
            versi=p.justifikasi.versi if p.justifikasi else 0,
        )
    indikator: dict[str, Indikator] = {i.kode: i for i in indikator_dari_tahun(tk)}
    for kode in di_bawah_target(laporan):
        ada = Penjelasan.objects.filter(indikator=indikator[kode], tahun=tk.tahun).first()
        penjelasan_set(
            aktor=aktor,
            indikator=indikator[kode],
            tahun=tk.tahun,
            teks="Kegiatan tertunda karena cuaca; dilanjutkan triwulan berikutnya.",
            versi=ada.versi if ada else 0,
        )


def sql_halaman(q: CaptureQueriesContext) -> list[str]:
    """The statements a page sent, without the savepoints that exist only
    because each test runs inside a transaction (a page outside a test sends
    none)."""
    return [x["sql"] for x in q.captured_queries if "SAVEPOINT" not in x["sql"]]


@contextmanager
def maks_query(batas: int) -> Iterator[CaptureQueriesContext]:
    """Fail when the block sends more than ``batas`` SQL statements (see
    :func:`sql_halaman`)."""
    with CaptureQueriesContext(connection) as q:
        yield q
    sql = sql_halaman(q)
    assert len(sql) <= batas, f"{len(sql)} query SQL (> {batas}):\n" + "\n".join(
        s[:160] for s in sql
    )


# -- browser tests: Debian's Chromium driven by Playwright ---------------------

CHROMIUM = Path("/usr/bin/chromium")
#: Headless, and none of the background connections this closed network
#: refuses (updates, sync, safe browsing), which would slow every start.
ARGS_CHROMIUM = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
#: Screenshots and files a browser test keeps (git ignores ``var/``).
ARTEFAK = Path(__file__).resolve().parents[3] / "var" / "test-artefacts" / "web"
#: ``pytestmark = perlu_chromium``: skip where scripts/setup did not install it.
perlu_chromium = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="Chromium Debian tidak terpasang (jalankan scripts/setup)"
)
