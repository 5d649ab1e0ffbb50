"""The public SKM form under load: respondents at a steady rate against a
running server, each fetching the form (CSRF cookie, one-time token) and
posting it; then the stored rows are counted. Loopback only, bounded in
count and time.

    DATABASE_URL=postgres://... python bench/skm_formulir.py --url http://127.0.0.1:8123 \
        --kode KODE [--per-detik 50] [--jumlah 1500]

Prints submissions sent, accepted (303/302), failed, latency percentiles,
the rate achieved, and the rows found in the database afterwards.
"""

from __future__ import annotations

import argparse
import http.client
import re
import statistics
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor

TOKEN = re.compile(r'name="token" value="([^"]+)"')
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
BATAS_WAKTU = 10.0


def kirim(host: str, port: int, kode: str, nomor: int) -> tuple[bool, float]:
    """One respondent: GET the form, POST it. (accepted, seconds)."""
    t = time.perf_counter()
    conn = http.client.HTTPConnection(host, port, timeout=BATAS_WAKTU)
    try:
        conn.request("GET", f"/s/{kode}")
        r = conn.getresponse()
        html = r.read().decode()
        cookie = "; ".join(
            v.split(";", 1)[0] for k, v in r.getheaders() if k.lower() == "set-cookie"
        )
        data = {
            "csrfmiddlewaretoken": CSRF.search(html).group(1),  # type: ignore[union-attr]
            "token": TOKEN.search(html).group(1),  # type: ignore[union-attr]
            "jenis_kelamin": ("Laki-laki", "Perempuan")[nomor % 2],
            "komentar": f"responden {nomor}",
            **{f"U{i}": str(1 + (nomor + i) % 4) for i in range(1, 10)},
        }
        conn.request(
            "POST",
            f"/s/{kode}",
            body=urllib.parse.urlencode(data),
            headers={"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie},
        )
        r = conn.getresponse()
        r.read()
        return r.status == 302, time.perf_counter() - t
    except (OSError, http.client.HTTPException, AttributeError):
        return False, time.perf_counter() - t
    finally:
        conn.close()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", required=True)
    ap.add_argument("--kode", required=True)
    ap.add_argument("--per-detik", type=float, default=50)
    ap.add_argument("--jumlah", type=int, default=1500)
    args = ap.parse_args()
    u = urllib.parse.urlsplit(args.url)
    if u.hostname not in ("127.0.0.1", "localhost", "::1"):
        raise SystemExit("hanya loopback")
    hasil: list[tuple[bool, float]] = []
    kunci = threading.Lock()

    def tugas(i: int, mulai: float) -> None:
        # A steady arrival rate: submission i starts at i / rate seconds.
        tunggu = mulai + i / args.per_detik - time.perf_counter()
        if tunggu > 0:
            time.sleep(tunggu)
        r = kirim(u.hostname or "127.0.0.1", u.port or 80, args.kode, i)
        with kunci:
            hasil.append(r)

    mulai = time.perf_counter()
    with ThreadPoolExecutor(max_workers=64) as pool:
        for i in range(args.jumlah):
            pool.submit(tugas, i, mulai)
    lama = time.perf_counter() - mulai
    diterima = sum(ok for ok, _ in hasil)
    lat = sorted(d for _, d in hasil)
    p = statistics.quantiles(lat, n=100)
    print(
        f"formulir: {args.jumlah} kiriman dijadwalkan {args.per_detik:g}/s; diterima {diterima}, "
        f"gagal {args.jumlah - diterima}; selesai dalam {lama:.1f} s "
        f"({diterima / lama:.1f} diterima/s); waktu GET+POST p50 {p[49] * 1000:.0f} ms, "
        f"p95 {p[94] * 1000:.0f} ms, maks {lat[-1] * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
