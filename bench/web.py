"""Benchmark of the web application under load.

    DATABASE_URL=postgres://... python bench/web.py PEMDA_DIR [--klien 20]
        [--permintaan 3000] [--detik 60] [--workers 4] [--jeda 0] [--tulis 0]

Imports the generated pemda (``generate.py``: 30 instansi of 40 indicators
x 5 years and 300 budget lines) into the migrated, empty database, gives it
the users of every role, starts ``sakip serve`` (gunicorn) on loopback, and
sends the pages of every role from ``--klien`` concurrent clients until
``--permintaan`` requests or ``--detik`` seconds, whichever comes first.
Each client keeps its connection open, as a browser does, and waits for an
answer before it asks again: at once with ``--jeda 0`` (no think time, the
harshest load twenty clients can make), or after a pause drawn uniformly
between half and one and a half times ``--jeda`` seconds, as a person
reading the page would. With ``--tulis S``, an operator saves a realisation
every S seconds meanwhile (the ten operators' years in turn, through the
record's service, as the page's save does), so that pages are drawn again
after writes as they would be while agencies fill in their data.

Prints, per page: requests, p50 / p95 / max latency, errors; then the
weight of each page with its assets (as sent with gzip, and raw); and
exits 1 when a page answered an error.
"""

from __future__ import annotations

import argparse
import gzip
import http.client
import os
import random
import re
import statistics
import subprocess
import sys
import threading
import time
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sakip.project.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.contrib.auth.models import User  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402
from django.db import connection  # noqa: E402
from django.urls import reverse  # noqa: E402

from sakip.akun.models import Keanggotaan, Peran  # noqa: E402
from sakip.akun.sistem import aktor_sistem  # noqa: E402
from sakip.dataset.baca import baca_dataset  # noqa: E402
from sakip.record.models import Indikator, NilaiIndikator, TahunKinerja  # noqa: E402
from sakip.record.services import impor, realisasi_set  # noqa: E402
from sakip.web.navigasi import HALAMAN_TAHUN  # noqa: E402

PORT = 8765


def siapkan(folder: Path) -> tuple[dict[str, list[tuple[str, str]]], list[tuple[User, Indikator]]]:
    """Import the pemda, make a user per role; each persona's session and
    pages, and (operator, indicator) of each operator's year to write to."""
    aktor = aktor_sistem()
    t = time.perf_counter()
    for f in sorted(folder.glob("*.yaml")):
        ds = baca_dataset(f)
        impor(aktor=aktor, doc=ds.doc, source_name=f.name)
    print(f"import of {len(list(folder.glob('*.yaml')))} instansi: {time.perf_counter() - t:.1f} s")
    tahun = list(
        TahunKinerja.objects.select_related("instansi__pemda").order_by("instansi__nama", "tahun")
    )
    terakhir = {tk.instansi_id: tk for tk in tahun}  # the latest year of each instansi
    pemda = tahun[0].instansi.pemda
    halaman_tahun = [nama for _, nama in HALAMAN_TAHUN]

    def user(nama: str, peran: Peran, **lingkup: object) -> User:
        u = User.objects.create_user(nama)
        Keanggotaan.objects.create(user=u, peran=peran, **lingkup)
        return u

    persona: dict[str, tuple[User, list[str]]] = {}
    tulis: list[tuple[User, Indikator]] = []
    for i, tk in enumerate(list(terakhir.values())[:10]):
        urls = [reverse(n, args=[tk.instansi_id, tk.tahun]) for n in halaman_tahun]
        op = user(f"operator-{i}", Peran.OPERATOR, instansi=tk.instansi)
        ind = Indikator.objects.filter(renstra=tk.renstra).order_by("urutan", "id").first()
        if ind is not None:
            tulis.append((op, ind))
        pim = user(f"pimpinan-{i}", Peran.PIMPINAN, instansi=tk.instansi)
        persona[op.username] = (op, ["/", *urls])
        persona[pim.username] = (pim, ["/", urls[0]])
    semua = [reverse("web:tahun", args=[tk.instansi_id, tk.tahun]) for tk in terakhir.values()]
    admin = user("admin-pemda", Peran.ADMIN_PEMDA, pemda=pemda)
    evaluator = user("evaluator-pemda", Peran.EVALUATOR, pemda=pemda)
    persona[admin.username] = (admin, ["/", *semua[:5]])
    persona[evaluator.username] = (evaluator, ["/", *semua[5:10]])
    out: dict[str, list[tuple[str, str]]] = {}
    for nama, (u, urls) in persona.items():
        s = SessionStore()
        s[SESSION_KEY] = str(u.pk)
        s[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        s[HASH_SESSION_KEY] = u.get_session_auth_hash()
        s.create()
        out[nama] = [(s.session_key or "", url) for url in urls]
    return out, tulis


def penulis(beban: Beban, tulis: list[tuple[User, Indikator]], detik: float) -> int:
    """Save a realisation every ``detik`` seconds while the load runs; how many."""
    n = 0
    try:
        while not beban.selesai.wait(detik):
            op, ind = tulis[n % len(tulis)]
            tk = TahunKinerja.objects.filter(instansi=ind.renstra.instansi).order_by("-tahun")[0]
            row = NilaiIndikator.objects.get(indikator=ind, tahun=tk.tahun)
            nilai = Decimal(n % 97 + 1)
            realisasi_set(aktor=op, indikator=ind, tahun=tk.tahun, nilai=nilai, versi=row.versi)
            n += 1
    finally:
        connection.close()  # this thread's own connection
    return n


def jenis(url: str) -> str:
    """The page a URL is, without its instansi and year."""
    return re.sub(r"/i/\d+/\d+/", "/i/<instansi>/<tahun>/", url)


class Beban:
    def __init__(self, kerja: list[tuple[str, str]], batas: int, detik: float, jeda: float = 0):
        self.kerja, self.batas, self.akhir = kerja, batas, time.monotonic() + detik
        self.jeda = jeda
        self.lock = threading.Lock()
        self.n = 0
        self.hasil: dict[str, list[float]] = defaultdict(list)
        self.galat: dict[str, int] = defaultdict(int)
        self.selesai = threading.Event()

    def ambil(self) -> tuple[str, str] | None:
        with self.lock:
            if self.n >= self.batas or time.monotonic() > self.akhir:
                self.selesai.set()
                return None
            self.n += 1
            return self.kerja[self.n % len(self.kerja)]

    def klien(self) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
        while (item := self.ambil()) is not None:
            sesi, url = item
            t = time.perf_counter()
            try:
                conn.request(
                    "GET", url, headers={"Cookie": f"sessionid={sesi}", "Accept-Encoding": "gzip"}
                )
                jawab = conn.getresponse()
                jawab.read()
                ok = jawab.status == 200
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
                ok = False
            lama = time.perf_counter() - t
            with self.lock:
                self.hasil[jenis(url)].append(lama)
                if not ok:
                    self.galat[jenis(url)] += 1
            if self.jeda:
                time.sleep(random.uniform(0.5, 1.5) * self.jeda)
        conn.close()


def berat(sesi: str, url: str) -> tuple[int, int]:
    """(gzip, raw) bytes of a page with its stylesheets and scripts."""
    conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)

    def ambil(u: str, kuki: bool) -> tuple[bytes, int]:
        headers = {"Accept-Encoding": "gzip"}
        if kuki:
            headers["Cookie"] = f"sessionid={sesi}"
        conn.request("GET", u, headers=headers)
        j = conn.getresponse()
        badan = j.read()
        raw = gzip.decompress(badan) if j.getheader("Content-Encoding") == "gzip" else badan
        return raw, len(badan)

    html, kirim = ambil(url, True)
    total_kirim, total_raw = kirim, len(html)
    for aset in re.findall(rb'(?:href|src)="(/static/[^"]+)"', html):
        raw, kirim = ambil(aset.decode(), False)
        total_kirim += kirim
        total_raw += len(raw)
    conn.close()
    return total_kirim, total_raw


def persen(data: list[float], p: float) -> float:
    data = sorted(data)
    return data[min(len(data) - 1, int(round(p / 100 * (len(data) - 1))))]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("pemda", type=Path)
    ap.add_argument("--klien", type=int, default=20)
    ap.add_argument("--permintaan", type=int, default=3000)
    ap.add_argument("--detik", type=float, default=60)
    ap.add_argument("--workers", type=int, default=4)
    ap.add_argument("--jeda", type=float, default=0, help="think time between pages, seconds")
    ap.add_argument("--tulis", type=float, default=0, help="a save every S seconds meanwhile")
    args = ap.parse_args()
    persona, tulis = siapkan(args.pemda)
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "sakip",
            "serve",
            "--port",
            str(PORT),
            "--workers",
            str(args.workers),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(300):
            try:
                http.client.HTTPConnection("127.0.0.1", PORT, timeout=1).request("GET", "/masuk/")
                break
            except OSError:
                time.sleep(0.1)
        kerja = [item for items in persona.values() for item in items]
        # Warm every worker once (imports, template loading), as a server that
        # has been running would be.
        Beban(kerja, len(kerja) * 2, 60).klien()
        beban = Beban(kerja, args.permintaan, args.detik, args.jeda)
        t = time.perf_counter()
        klien = [threading.Thread(target=beban.klien) for _ in range(args.klien)]
        ditulis: list[int] = []
        if args.tulis and tulis:
            klien.append(
                threading.Thread(target=lambda: ditulis.append(penulis(beban, tulis, args.tulis)))
            )
        for k in klien:
            k.start()
        for k in klien:
            k.join()
        lama = time.perf_counter() - t
        semua = [x for v in beban.hasil.values() for x in v]
        print(
            f"{len(semua)} requests from {args.klien} clients in {lama:.1f} s "
            f"({len(semua) / lama:.0f}/s), think time {args.jeda:g} s, "
            f"gunicorn {args.workers} workers"
            + (f", {ditulis[0]} realisations saved meanwhile" if ditulis else "")
        )
        print(f"{'page':<40} {'n':>5} {'p50 ms':>7} {'p95 ms':>7} {'max ms':>7} {'err':>4}")
        for halaman, data in sorted(beban.hasil.items()):
            print(
                f"{halaman:<40} {len(data):>5} {statistics.median(data) * 1000:>7.0f} "
                f"{persen(data, 95) * 1000:>7.0f} {max(data) * 1000:>7.0f} "
                f"{beban.galat[halaman]:>4}"
            )
        print(
            f"{'all pages':<40} {len(semua):>5} {statistics.median(semua) * 1000:>7.0f} "
            f"{persen(semua, 95) * 1000:>7.0f} {max(semua) * 1000:>7.0f} "
            f"{sum(beban.galat.values()):>4}"
        )
        print(f"{'page weight with assets':<40} {'gzip KB':>8} {'raw KB':>8}")
        dilihat = set()
        for sesi, url in kerja:
            if jenis(url) in dilihat:
                continue
            dilihat.add(jenis(url))
            kirim, raw = berat(sesi, url)
            print(f"{jenis(url):<40} {kirim / 1024:>8.0f} {raw / 1024:>8.0f}")
        return 1 if beban.galat else 0
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    sys.exit(main())
