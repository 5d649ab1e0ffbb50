"""``sakip pengguna tambah`` and ``sakip pengguna daftar``: accounts from the
command line.

Thin: the services in ``sakip.akun`` do the work, as the system actor, so
the audit names 'sistem' as the one who added the user. Every refusal is a
``galat: ...`` line on stderr and exit status 1.
"""

from __future__ import annotations

import argparse
import getpass
import stat
import sys
from pathlib import Path
from typing import Any

from sakip.cli.database import _django

# The values of sakip.akun.models.Peran, written out so that building the
# parser needs no Django (a test keeps the two equal).
PERAN = ("operator", "pimpinan", "admin_pemda", "evaluator")
PERAN_INSTANSI = ("operator", "pimpinan")


class Galat(Exception):
    """A refusal to print as ``galat: ...``."""


def register(sub: Any) -> None:  # argparse's _SubParsersAction is private
    p = sub.add_parser("pengguna", help="tambah dan daftar pengguna serta peran mereka")
    aksi = p.add_subparsers(dest="aksi_pengguna", required=True, metavar="AKSI")

    t = aksi.add_parser(
        "tambah",
        help="tambah pengguna dengan perannya; pengguna yang sudah ada mendapat peran baru",
    )
    t.add_argument("--username", required=True, help="nama pengguna untuk masuk")
    t.add_argument("--peran", required=True, choices=PERAN)
    t.add_argument("--instansi", help="instansi operator atau pimpinan, mis. 'Kecamatan Robatal'")
    t.add_argument(
        "--pemda",
        help="pemda admin_pemda atau evaluator, mis. 'Kabupaten Sampang' "
        "(untuk operator/pimpinan: pemda instansinya bila namanya ada di lebih dari satu pemda)",
    )
    t.add_argument("--email", default="")
    t.add_argument(
        "--sandi-dari",
        metavar="FILE",
        type=Path,
        help="baca sandi dari baris pertama FILE (tidak boleh dapat dibaca semua pengguna); "
        "tanpa ini sandi ditanyakan dua kali",
    )
    t.set_defaults(run=run_tambah)

    d = aksi.add_parser("daftar", help="daftar pengguna dengan peran, instansi/pemda dan statusnya")
    d.add_argument("--pemda", help="hanya pengguna yang berperan di pemda ini atau instansinya")
    d.set_defaults(run=run_daftar)


def _galat(pesan: object) -> int:
    print(f"galat: {pesan}", file=sys.stderr)
    return 1


def _sandi_dari_berkas(path: Path) -> str:
    """The first line of ``path``, which only its owner (and group) may read."""
    try:
        mode = path.stat().st_mode
        if mode & stat.S_IROTH:
            raise Galat(
                f"berkas sandi {path} dapat dibaca semua pengguna; jalankan: chmod 600 {path}"
            )
        baris = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise Galat(f"berkas sandi {path} tidak dapat dibaca: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise Galat(f"berkas sandi {path} bukan teks UTF-8") from None
    if not baris or not baris[0]:
        raise Galat(f"baris pertama berkas sandi {path} kosong")
    return baris[0]


def _sandi_ditanya() -> str:
    try:
        sandi = getpass.getpass("Sandi: ")
        ulang = getpass.getpass("Ulangi sandi: ")
    except EOFError:
        raise Galat("sandi tidak dimasukkan (gunakan --sandi-dari FILE tanpa terminal)") from None
    if not sandi:
        raise Galat("sandi kosong")
    if sandi != ulang:
        raise Galat("kedua sandi tidak sama")
    return sandi


def _siapkan_database() -> None:
    """Start Django and make sure the tables exist, without migrating."""
    _django()
    from django.db import DatabaseError, connection
    from django.db.migrations.executor import MigrationExecutor

    try:
        executor = MigrationExecutor(connection)
        tertunda = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError as exc:
        raise Galat(f"database tidak dapat dibuka: {exc}") from None
    if tertunda:
        raise Galat(
            f"database belum siap ({len(tertunda)} migrasi belum dijalankan); "
            "jalankan: sakip manage migrate"
        )


def _lingkup(args: argparse.Namespace) -> dict[str, Any]:
    """The ``instansi=`` or ``pemda=`` argument of the services, found by name."""
    from sakip.akun.queries import find_pemda
    from sakip.ledger.queries import find_instansi

    if args.peran in PERAN_INSTANSI:
        if not args.instansi:
            raise Galat(f"peran {args.peran} memerlukan --instansi")
        return {"instansi": find_instansi(args.instansi, pemda=args.pemda)}
    if args.instansi:
        raise Galat(
            f"peran {args.peran} berlaku untuk satu pemda: gunakan --pemda, bukan --instansi"
        )
    if not args.pemda:
        raise Galat(f"peran {args.peran} memerlukan --pemda")
    return {"pemda": find_pemda(args.pemda)}


def run_tambah(args: argparse.Namespace) -> int:
    try:
        # A bad password file is refused before anything else is looked at.
        sandi = _sandi_dari_berkas(args.sandi_dari) if args.sandi_dari else None
        _siapkan_database()
        return _tambah(args, sandi)
    except Galat as exc:
        return _galat(exc)


def _tambah(args: argparse.Namespace, sandi: str | None) -> int:
    from django.contrib.auth import get_user_model
    from django.core.exceptions import PermissionDenied

    from sakip.akun.queries import PemdaTidakDitemukan
    from sakip.akun.services import AkunError, keanggotaan_tambah, pengguna_tambah
    from sakip.akun.sistem import AktorSistemRusak, aktor_sistem
    from sakip.common.errors import DatasetNotFound

    User = get_user_model()
    try:
        lingkup = _lingkup(args)
        aktor = aktor_sistem()
        ada = User.objects.filter(
            **{f"{User.USERNAME_FIELD}__iexact": args.username.strip()}
        ).first()
        if ada is not None:
            anggota = keanggotaan_tambah(aktor=aktor, user=ada, peran=args.peran, **lingkup)
            catatan = "; sandi tidak diubah" if sandi is not None else ""
            print(
                f"pengguna {ada.get_username()!r} sudah ada; "
                f"keanggotaan ditambahkan: {anggota}{catatan}"
            )
            return 0
        user = pengguna_tambah(
            aktor=aktor,
            username=args.username,
            password=sandi if sandi is not None else _sandi_ditanya(),
            peran=args.peran,
            email=args.email,
            **lingkup,
        )
    except (
        AkunError,
        PermissionDenied,
        DatasetNotFound,
        PemdaTidakDitemukan,
        AktorSistemRusak,
    ) as exc:
        return _galat(exc)
    print(f"pengguna {user.get_username()!r} dibuat: {args.peran} {_nama_lingkup(lingkup)}")
    return 0


def _nama_lingkup(lingkup: dict[str, Any]) -> str:
    return str(lingkup.get("instansi") or lingkup["pemda"])


def run_daftar(args: argparse.Namespace) -> int:
    try:
        _siapkan_database()
    except Galat as exc:
        return _galat(exc)
    from sakip.akun.queries import PemdaTidakDitemukan, find_pemda, pengguna_daftar
    from sakip.akun.sistem import adalah_aktor_sistem

    try:
        pemda = find_pemda(args.pemda) if args.pemda else None
    except PemdaTidakDitemukan as exc:
        return _galat(exc)
    for p in pengguna_daftar(pemda=pemda):
        if adalah_aktor_sistem(p.user):
            status = "aktor sistem"
        else:
            status = "aktif" if p.user.is_active else "nonaktif"
            if p.user.is_superuser:
                status += ", superuser"
        peran = "; ".join(_keanggotaan(k) for k in p.keanggotaan) or "tanpa peran"
        print(f"{p.user.get_username()}\t{status}\t{peran}")
    return 0


def _keanggotaan(k: Any) -> str:
    if k.instansi is not None:
        return f"{k.get_peran_display()} {k.instansi} ({k.instansi.pemda})"
    return f"{k.get_peran_display()} {k.pemda}"
