"""Every URL of the application, requested as every persona.

The list of URLs comes from the URL configuration: a URL without an example
here fails ``test_every_url_has_an_example``, so a new page cannot slip past
this test. For each URL an example says which object decides who may see it
and which action a POST needs; the access function (tested on its own with
the full persona x action table) then says what each persona must get:
- a persona that may not see the object: 404 or 403, without its data;
- a persona that may see it: the page, in at most 20 SQL queries;
- a POST by a persona without the action: 403/404, and nothing written;
- an anonymous visitor: the login page (public pages excepted);
- nobody, ever: a 500.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from sakip.akun.akses import Aksi, boleh
from sakip.akun.models import Keanggotaan, Peran
from sakip.akun.sistem import aktor_sistem
from sakip.evaluasi.models import CatatanReviu
from sakip.evaluasi.services import catatan_tulis
from sakip.ledger.models import AuditLog
from sakip.record import services
from sakip.record.models import (
    Indikator,
    JenisTriwulan,
    PerjanjianIndikator,
    PerjanjianProgram,
)
from sakip.skm.models import Kuesioner
from sakip.skm.services import survei_buka
from sakip.web.testing import PERSONA, DuniaWeb, sql_halaman

MAKS_QUERY = 20
#: Text of Robatal's record that a refused page must not show.
RAHASIA = "Robatal"


@dataclass
class Contoh:
    args: list[object]
    #: The object whose LIHAT decides who sees the page; None: public page.
    objek: object | None
    #: The action a POST needs (None: the URL takes no POST of data).
    aksi_post: Aksi | None = None
    data_post: dict[str, object] = field(default_factory=dict)
    #: Methods the view answers (others: 405).
    get: bool = True
    #: The action that lets a persona see the page (admin pages: the admin's).
    aksi_get: Aksi = Aksi.LIHAT
    #: Query string of the URL.
    query: str = ""


def _tahun(d: DuniaWeb, *rest: object) -> list[object]:
    return [d.robatal.instansi_id, d.robatal.tahun, *rest]


def _ind(d: DuniaWeb) -> Indikator:
    ind = Indikator.objects.filter(renstra=d.robatal.renstra).order_by("urutan").first()
    assert ind is not None
    return ind


def _survei(d: DuniaWeb) -> str:
    tk = d.robatal
    k = Kuesioner.objects.filter(instansi=tk.instansi, tahun=tk.tahun).first()
    if k is None:
        k = survei_buka(instansi=tk.instansi, tahun=tk.tahun, aktor=aktor_sistem())
    return k.kode


def _catatan(d: DuniaWeb) -> CatatanReviu:
    """A review note of Robatal's year."""
    ada = CatatanReviu.objects.filter(tahun_kinerja=d.robatal).first()
    return ada or catatan_tulis(
        aktor=d.user["evaluator-sampang"], tahun_kinerja=d.robatal, sasaran="umum", teks="x"
    )


def _pk_item(d: DuniaWeb) -> PerjanjianIndikator:
    item = PerjanjianIndikator.objects.filter(perjanjian__tahun_kinerja=d.robatal).first()
    assert item is not None
    return item


def _pk_program(d: DuniaWeb) -> PerjanjianProgram:
    item = PerjanjianProgram.objects.filter(perjanjian__tahun_kinerja=d.robatal).first()
    assert item is not None
    return item


def _node(d: DuniaWeb):  # noqa: ANN202 - a budget line
    return d.robatal.anggaran.node.order_by("urutan").first()


def _nonaktif(d: DuniaWeb) -> int:
    """A deactivated operator of Robatal, for the admin to let back in."""
    user, _ = get_user_model().objects.get_or_create(
        username="operator-lama", defaults={"is_active": False}
    )
    Keanggotaan.objects.get_or_create(user=user, peran=Peran.OPERATOR, instansi=d.robatal.instansi)
    return user.pk


PDF = b"%PDF-1.4\n%%EOF\n"


@pytest.fixture(autouse=True)
def _bukti_dir(settings, tmp_path):
    settings.SAKIP_BUKTI_DIR = tmp_path / "bukti"


def _bukti(d: DuniaWeb) -> int:
    """An evidence file of Robatal's first indicator, stored for real."""
    row = services.bukti_unggah(
        aktor=aktor_sistem(),
        tahun_kinerja=d.robatal,
        indikator=_ind(d),
        triwulan=1,
        nama="bukti.pdf",
        berkas=io.BytesIO(PDF),
        ukuran=len(PDF),
    )
    return row.pk


CONTOH: dict[str, Callable[[DuniaWeb], Contoh]] = {
    "web:beranda": lambda d: Contoh([], objek=None),
    "web:tahun": lambda d: Contoh(_tahun(d), d.robatal),
    "web:hasil": lambda d: Contoh(_tahun(d), d.robatal),
    "web:capaian": lambda d: Contoh(_tahun(d), d.robatal),
    "web:riwayat": lambda d: Contoh(_tahun(d), d.robatal),
    "web:status": lambda d: Contoh(_tahun(d, "ajukan"), d.robatal, Aksi.AJUKAN, get=False),
    "web:ubah-nilai": lambda d: Contoh(
        _tahun(d, _ind(d).pk, "realisasi", d.robatal.tahun),
        d.robatal,
        Aksi.UBAH_REALISASI,
        {"nilai": "12,5", "versi": 1},
    ),
    "web:ubah-triwulan": lambda d: Contoh(
        _tahun(d, _ind(d).pk, JenisTriwulan.RENCANA_AKSI.value, 2),
        d.robatal,
        Aksi.UBAH_RENCANA,
        {"nilai": "3", "versi": 0},
    ),
    "web:ubah-anggaran": lambda d: Contoh(
        _tahun(d, _node(d).pk, "pagu"), d.robatal, Aksi.UBAH_ANGGARAN, {"nilai": "1", "versi": 1}
    ),
    "web:ubah-narasi": lambda d: Contoh(
        _tahun(d, "hambatan"), d.robatal, Aksi.UBAH_NARASI, {"nilai": "Hujan", "versi": 1}
    ),
    "web:skm": lambda d: Contoh(_tahun(d), d.robatal),
    "web:skm-hasil": lambda d: Contoh([_survei(d)], d.robatal),
    "web:skm-buka": lambda d: Contoh(
        _tahun(d), d.robatal, Aksi.UBAH_REALISASI, {"unsur": "permenpan-14-2017"}, get=False
    ),
    "web:skm-tutup": lambda d: Contoh(
        _tahun(d, _survei(d)), d.robatal, Aksi.UBAH_REALISASI, get=False
    ),
    "web:skm-impor": lambda d: Contoh(
        _tahun(d, _survei(d)), d.robatal, Aksi.UBAH_REALISASI, get=False
    ),
    "web:skm-ikm": lambda d: Contoh(
        _tahun(d, _survei(d)), d.robatal, Aksi.UBAH_REALISASI, get=False
    ),
    "web:skm-poster": lambda d: Contoh(_tahun(d, _survei(d)), d.robatal),
    "web:dokumen": lambda d: Contoh(_tahun(d), d.robatal),
    "web:dokumen-unduh": lambda d: Contoh(_tahun(d, "lkjip", "draf", "pdf"), d.robatal),
    "web:realisasi": lambda d: Contoh(_tahun(d), d.robatal),
    "web:realisasi-kurang": lambda d: Contoh(_tahun(d), d.robatal),
    "web:anggaran": lambda d: Contoh(_tahun(d), d.robatal),
    "web:narasi": lambda d: Contoh(_tahun(d), d.robatal),
    "web:bukti": lambda d: Contoh(_tahun(d, _bukti(d)), d.robatal),
    "web:bukti-hapus": lambda d: Contoh(
        _tahun(d, _bukti(d)), d.robatal, Aksi.UBAH_REALISASI, get=False
    ),
    "web:bukti-unggah": lambda d: Contoh(
        _tahun(d, _ind(d).pk),
        d.robatal,
        Aksi.UBAH_REALISASI,
        {"triwulan": "1", "berkas": SimpleUploadedFile("b.pdf", PDF)},
        get=False,
    ),
    "web:ubah-penjelasan": lambda d: Contoh(
        _tahun(d, _ind(d).pk), d.robatal, Aksi.UBAH_REALISASI, {"nilai": "Sebab", "versi": 0}
    ),
    "web:ubah-analisis": lambda d: Contoh(
        _tahun(d, _ind(d).pk), d.robatal, Aksi.UBAH_NARASI, {"nilai": "Sebab", "versi": 1}
    ),
    "web:catatan": lambda d: Contoh(_tahun(d), d.robatal),
    "web:catatan-tulis": lambda d: Contoh(
        _tahun(d), d.robatal, Aksi.CATATAN_REVIU, {"tentang": "umum", "teks": "Cek PK."}
    ),
    "web:catatan-jawab": lambda d: Contoh(
        _tahun(d, _catatan(d).pk), d.robatal, Aksi.JAWAB_CATATAN, {"teks": "x"}, get=False
    ),
    "web:catatan-status": lambda d: Contoh(
        _tahun(d, _catatan(d).pk),
        d.robatal,
        Aksi.CATATAN_REVIU,
        {"status": "selesai", "versi": 1},
        get=False,
    ),
    "web:pemda": lambda d: Contoh([d.sampang.pk], d.sampang, aksi_get=Aksi.KELOLA_PENGGUNA),
    "web:pemda-instansi": lambda d: Contoh(
        [d.sampang.pk], d.sampang, Aksi.KELOLA_INSTANSI, {"nama": "Kecamatan Omben"}, get=False
    ),
    "web:pemda-aturan": lambda d: Contoh(
        [d.sampang.pk],
        d.sampang,
        Aksi.UBAH_ATURAN_PEMDA,
        aksi_get=Aksi.KELOLA_PENGGUNA,
        data_post={"berlaku_mulai": "0", "skala_capaian": "0: Baik", "simpan": "1", "versi": "1"},
    ),
    "akun:pengguna-tambah": lambda d: Contoh(
        [d.sampang.pk],
        d.sampang,
        Aksi.KELOLA_PENGGUNA,
        {
            "username": "baru",
            "sandi1": "Kuda-Lumping-2026!",
            "sandi2": "Kuda-Lumping-2026!",
            "peran": "evaluator",
        },
        get=False,
    ),
    "akun:peran-tambah": lambda d: Contoh(
        [d.sampang.pk, d.user["operator-robatal"].pk],
        d.sampang,
        Aksi.KELOLA_PENGGUNA,
        {"peran": "evaluator"},
        get=False,
    ),
    "akun:peran-hapus": lambda d: Contoh(
        [d.sampang.pk, Keanggotaan.objects.get(user=d.user["operator-robatal"]).pk],
        d.sampang,
        Aksi.KELOLA_PENGGUNA,
        {},
        get=False,
    ),
    "akun:pengguna-nonaktif": lambda d: Contoh(
        [d.sampang.pk, d.user["operator-robatal"].pk],
        d.sampang,
        Aksi.KELOLA_PENGGUNA,
        {},
        get=False,
    ),
    "akun:pengguna-aktif": lambda d: Contoh(
        [d.sampang.pk, _nonaktif(d)],
        d.sampang,
        Aksi.KELOLA_PENGGUNA,
        {},
        get=False,
    ),
    "akun:masuk": lambda d: Contoh([], objek=None),
    "akun:keluar": lambda d: Contoh([], objek=None, get=False),
    "akun:sandi-ubah": lambda d: Contoh([], objek=None),
    "akun:sandi-ubah-selesai": lambda d: Contoh([], objek=None),
    "akun:pengguna-daftar": lambda d: Contoh(
        [d.sampang.pk], d.sampang, aksi_get=Aksi.KELOLA_PENGGUNA
    ),
    "akun:sandi-atur": lambda d: Contoh(
        [d.user["operator-robatal"].pk],
        d.sampang,
        Aksi.KELOLA_PENGGUNA,
        {"sandi1": "Kuda-Lumping-2026!", "sandi2": "Kuda-Lumping-2026!"},
        aksi_get=Aksi.KELOLA_PENGGUNA,
    ),
    "web:renstra": lambda d: Contoh(_tahun(d), d.robatal),
    "web:iku": lambda d: Contoh(_tahun(d), d.robatal),
    "web:pohon": lambda d: Contoh(_tahun(d), d.robatal),
    "web:pk": lambda d: Contoh(_tahun(d), d.robatal),
    "web:pk-hasil": lambda d: Contoh(_tahun(d), d.robatal),
    "web:rencana-aksi": lambda d: Contoh(_tahun(d), d.robatal),
    "web:pk-tandatangani": lambda d: Contoh(
        _tahun(d, 1), d.robatal, Aksi.TANDATANGANI_PK, {"versi": 1}, get=False
    ),
    "web:pk-perubahan": lambda d: Contoh(_tahun(d, 1), d.robatal, Aksi.UBAH_RENCANA, get=False),
    "web:ubah-pk-target": lambda d: Contoh(
        _tahun(d, _pk_item(d).pk), d.robatal, Aksi.UBAH_RENCANA, {"nilai": "80", "versi": 1}
    ),
    "web:ubah-pk-pagu": lambda d: Contoh(
        _tahun(d, _pk_program(d).pk), d.robatal, Aksi.UBAH_RENCANA, {"nilai": "1", "versi": 1}
    ),
    "web:triwulan": lambda d: Contoh(_tahun(d), d.robatal),
    "web:ubah-indikator": lambda d: Contoh(
        _tahun(d, _ind(d).pk, "formula"),
        d.robatal,
        Aksi.UBAH_RENCANA,
        {"nilai": "Realisasi / target x 100", "versi": 1},
    ),
    "web:angka-cetak": lambda d: Contoh(_tahun(d), d.robatal, Aksi.UBAH_REALISASI, get=False),
    "web:temuan-ringkas": lambda d: Contoh(_tahun(d), d.robatal),
    "web:ubah-justifikasi": lambda d: Contoh(
        _tahun(d),
        d.robatal,
        Aksi.AJUKAN,
        {"nilai": "Sudah dikonfirmasi", "versi": 0},
        query="?kode=PK_PAGU_BEDA&lokasi=perjanjian_kinerja",
    ),
    "web:jadwal": lambda d: Contoh(
        [d.sampang.pk, d.robatal.tahun],
        d.sampang,
        Aksi.ATUR_JADWAL,
        {"triwulan": "1", "versi": "0", "buka": "2020-01-01", "tutup": "2020-04-10"},
        aksi_get=Aksi.ATUR_JADWAL,
    ),
}

#: Public pages (no login) and pages about the visitor's own account.
TERBUKA = {"akun:masuk", "akun:keluar"}
DIRI_SENDIRI = {"web:beranda", "akun:sandi-ubah", "akun:sandi-ubah-selesai"}
#: Namespaces tested elsewhere: Django's admin (staff only) and the public
#: SKM questionnaire (web/tests/test_skm.py, skm/tests/test_views.py).
DI_LUAR = {"admin", "skm"}


def _nama_url() -> list[str]:
    nama: list[str] = []

    def jalan(pola: list, ns: str) -> None:
        for p in pola:
            if isinstance(p, URLResolver):
                sub = p.namespace or ""
                jalan(p.url_patterns, f"{ns}{sub}:" if sub else ns)
            elif isinstance(p, URLPattern) and p.name:
                nama.append(f"{ns}{p.name}")

    jalan(get_resolver().url_patterns, "")
    return [n for n in nama if n.split(":")[0] not in DI_LUAR]


def test_every_url_has_an_example():
    kurang = sorted(set(_nama_url()) - set(CONTOH))
    assert not kurang, f"tambahkan contoh keamanan untuk URL: {kurang}"


PERSONA_UJI = [*PERSONA, None]


@pytest.mark.parametrize("nama", sorted(CONTOH))
def test_every_persona_gets_only_what_it_may(client, dunia, nama):
    contoh = CONTOH[nama](dunia)
    url = reverse(nama, args=contoh.args) + contoh.query
    for persona in PERSONA_UJI:
        user = dunia.user[persona] if persona else AnonymousUser()
        client.logout()
        if persona:
            client.force_login(user)
        siapa = persona or "anonim"
        if contoh.get:
            _periksa_get(client, url, nama, contoh, user, siapa)
        if contoh.aksi_post is not None:
            _periksa_post(client, url, contoh, user, siapa)


def _periksa_get(client, url, nama, contoh, user, siapa) -> None:
    with CaptureQueriesContext(connection) as q:
        jawab = client.get(url)
    assert jawab.status_code != 500, f"{siapa} GET {url}: 500"
    if not user.is_authenticated and nama not in TERBUKA:
        assert jawab.status_code == 302 and "/masuk/" in jawab["Location"], (siapa, url)
        return
    boleh_lihat = contoh.objek is None or boleh(user, contoh.aksi_get, contoh.objek)
    if boleh_lihat:
        assert jawab.status_code in (200, 302), f"{siapa} GET {url}: {jawab.status_code}"
        jumlah = len(sql_halaman(q))
        assert jumlah <= MAKS_QUERY, f"{siapa} GET {url}: {jumlah} query SQL (> {MAKS_QUERY})"
    else:
        assert jawab.status_code in (403, 404), f"{siapa} GET {url}: {jawab.status_code}"
        assert RAHASIA not in jawab.content.decode(), f"{siapa} GET {url} menampakkan data"


def _periksa_post(client, url, contoh, user, siapa) -> None:
    sebelum = AuditLog.objects.count()
    jawab = client.post(url, contoh.data_post)
    assert jawab.status_code != 500, f"{siapa} POST {url}: 500"
    if not user.is_authenticated:
        assert jawab.status_code == 302 and "/masuk/" in jawab["Location"], (siapa, url)
        assert AuditLog.objects.count() == sebelum
        return
    if not boleh(user, contoh.aksi_post, contoh.objek):
        assert jawab.status_code in (400, 403, 404), f"{siapa} POST {url}: {jawab.status_code}"
        assert AuditLog.objects.count() == sebelum, f"{siapa} POST {url} menulis sesuatu"
        assert RAHASIA not in jawab.content.decode() or jawab.status_code == 400
