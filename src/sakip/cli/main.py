"""The ``sakip`` command line.

Commands are thin: they parse arguments and call the same functions the web
application calls. ``check`` and ``template`` touch no database; the others
start Django only when they run.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from django.core.exceptions import ImproperlyConfigured

from sakip.cli import check, database, pengguna, report, reviu, riwayat, serve, skm


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="sakip",
        description="SAKIP: data kinerja instansi, perhitungan capaian, reviu dan LKjIP.",
    )
    sub = p.add_subparsers(dest="perintah", required=True, metavar="PERINTAH")

    c = sub.add_parser(
        "check",
        help="periksa berkas dataset dan cetak semua angka serta temuannya (tanpa database)",
    )
    c.add_argument("files", nargs="*", metavar="FILE", help="berkas .yaml, .json atau .xlsx")
    c.add_argument("--instansi", help="periksa data instansi ini di database (bukan berkas)")
    c.add_argument("--tahun", type=int, help="tahun data di database (dengan --instansi)")
    c.add_argument("--format", choices=["text", "json"], default="text")
    c.set_defaults(run=check.run)

    i = sub.add_parser(
        "import", help="impor berkas dataset ke database (semua atau tidak sama sekali)"
    )
    i.add_argument("files", nargs="+", metavar="FILE")
    i.add_argument(
        "--dry-run",
        action="store_true",
        help="cetak rencana perubahan (ditambah, diubah, dihapus) tanpa menulis apa pun",
    )
    i.add_argument(
        "--replace",
        action="store_true",
        help="tidak diperlukan lagi: impor selalu menerapkan isi berkas sebagai rencana "
        "(berkas lama tetap tersimpan)",
    )
    i.set_defaults(run=database.run_import)

    e = sub.add_parser("export", help="ekspor data satu instansi-tahun dari database")
    e.add_argument("--instansi", required=True, help="nama instansi, mis. 'Kecamatan Robatal'")
    e.add_argument("--tahun", required=True, type=int)
    e.add_argument("--format", choices=["yaml", "json", "xlsx"], default="yaml")
    e.add_argument("--out", help="berkas tujuan (bawaan: layar untuk yaml/json)")
    e.set_defaults(run=database.run_export)

    v = sub.add_parser("versi", help="daftar versi dataset suatu instansi (aktif dan yang diganti)")
    v.add_argument("--instansi", required=True)
    v.add_argument("--tahun", type=int)
    v.set_defaults(run=database.run_versions)

    r = sub.add_parser(
        "pulihkan", help="terapkan lagi berkas yang pernah diimpor (kembali ke isinya)"
    )
    r.add_argument("versi", type=int, help="nomor berkas impor (lihat: sakip versi)")
    r.add_argument("--dry-run", action="store_true", help="cetak rencananya saja")
    r.set_defaults(run=database.run_restore)

    t = sub.add_parser("template", help="tulis buku kerja XLSX kosong untuk diisi di Excel")
    t.add_argument("--out", default="sakip-template.xlsx")
    t.set_defaults(run=database.run_template)

    d = sub.add_parser(
        "demo",
        help="muat data contoh (Robatal 2020, Torjun 2022) dan akun demo tiap peran ke database",
    )
    d.add_argument(
        "--password",
        metavar="SANDI",
        help="sandi akun demo yang dibuat (bawaan: sandi acak, dicetak sekali)",
    )
    d.add_argument(
        "--paksa",
        action="store_true",
        help="muat juga ke database yang sudah berisi pengguna atau instansi lain",
    )
    d.set_defaults(run=database.run_demo)

    m = sub.add_parser("manage", help="perintah manajemen Django (migrate, runserver, ...)")
    m.add_argument("args", nargs=argparse.REMAINDER)
    m.set_defaults(run=database.run_manage)
    riwayat.register(sub)
    serve.register(sub)
    skm.register(sub)
    report.register(sub)
    reviu.register(sub)
    pengguna.register(sub)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return int(args.run(args) or 0)
    except KeyboardInterrupt:
        print("dibatalkan", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except ImproperlyConfigured as exc:
        # A setting from the environment that cannot be used (a weak key, an
        # unknown database scheme): say which, without a traceback.
        print(f"galat: pengaturan tidak dapat dipakai: {exc}", file=sys.stderr)
        return 2
