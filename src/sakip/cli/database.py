"""Commands that use the database: import, export, demo, versions, manage;
and template.

Django is started only here, so that ``sakip check`` stays fast and needs no
database at all.
"""

from __future__ import annotations

import argparse
import os
import sys
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from sakip.cli.progress import kemajuan
from sakip.cli.terminal import aman, cetak_tidak_valid

if TYPE_CHECKING:
    from sakip.dataset.baca import DatasetFile

DEMO_FILES = ("robatal-2020.yaml", "torjun-2022.yaml")


def _django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sakip.project.settings")
    import django

    django.setup()


def _aktor():  # noqa: ANN202 - a user, imported after Django starts
    """The command line acts as the named system actor in the audit."""
    from sakip.akun.sistem import aktor_sistem

    return aktor_sistem()


def _skema_siap() -> bool:
    """Whether the database has today's tables; says what to do when not.

    ``import`` does not migrate as a side effect: two imports at once would
    race in the migration, and a schema change is the administrator's step.
    """
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    try:
        rencana = MigrationExecutor(connection).migration_plan(
            MigrationExecutor(connection).loader.graph.leaf_nodes()
        )
    except Exception as exc:  # noqa: BLE001 - any database error is reported as such
        print(f"galat: database tidak dapat dibuka: {exc}", file=sys.stderr)
        return False
    if rencana:
        print(
            "galat: struktur database belum mutakhir; jalankan dahulu: sakip manage migrate",
            file=sys.stderr,
        )
        return False
    return True


def _migrate() -> None:
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def _baca_semua(paths: list[str]) -> list[DatasetFile] | None:
    """Read every file first: one bad file and nothing is imported."""
    # Imported here: the readers are not needed by the commands that read the record.
    from sakip.dataset.baca import baca_dataset
    from sakip.dataset.errors import DatasetInvalid

    files, ada_galat = [], False
    for path in kemajuan(paths, total=len(paths), label="membaca"):
        try:
            files.append(baca_dataset(path))
        except DatasetInvalid as exc:
            ada_galat = True
            cetak_tidak_valid(path, exc)
    return None if ada_galat else files


def _impor(files: list[DatasetFile], *, coba: bool) -> int:
    """Apply every file as one plan: all files or none."""
    from django.core.exceptions import PermissionDenied
    from django.db import transaction

    from sakip.common.errors import DatasetError
    from sakip.record.services import impor

    aktor = _aktor()
    rencana = []
    try:
        with transaction.atomic():
            for ds in kemajuan(files, total=len(files), label="mengimpor"):
                r = impor(
                    aktor=aktor,
                    doc=ds.doc,
                    source_name=ds.path.name,
                    fmt=ds.format,
                    responden=ds.responden,
                    coba=coba,
                )
                rencana.append((ds, r))
    except (DatasetError, PermissionDenied) as exc:
        print(aman(f"galat: {exc}; tidak ada data yang diubah"), file=sys.stderr)
        return 1
    for ds, r in rencana:
        kata = "akan diubah" if coba and not r.kosong else ("diimpor" if not r.kosong else "")
        judul = f"{ds.path}: {r.instansi} tahun {r.tahun}: {r.ringkasan()}"
        print(aman(f"{judul} ({kata})" if kata else judul))
        for p in r.perubahan if coba else ():
            print(aman(f"  {p}"))
        for w in r.peringatan:
            print(aman(f"{ds.path}: peringatan: {w}"), file=sys.stderr)
    if coba:
        print("uji coba: tidak ada yang ditulis")
    return 0


def run_import(args: argparse.Namespace) -> int:
    files = _baca_semua(args.files)
    if files is None:
        print("tidak ada data yang diimpor", file=sys.stderr)
        return 1
    _django()
    if not _skema_siap():
        return 1
    return _impor(files, coba=args.dry_run)


def baca_rekaman(nama: str, tahun: int, pemda: str | None = None) -> Rekaman | None:
    """An instansi-year's document from the record (Django started), or
    ``None`` after saying on stderr what the record does have."""
    _django()
    from sakip.common.errors import DatasetNotFound
    from sakip.ledger.queries import find_instansi
    from sakip.record.queries import dokumen

    try:
        instansi = find_instansi(nama, pemda=pemda)
        doc, responden = dokumen(instansi=instansi, tahun=tahun)
    except DatasetNotFound as exc:
        print(f"galat: {exc}", file=sys.stderr)
        return None
    return Rekaman(instansi.nama, doc, responden)


class Rekaman(NamedTuple):
    instansi: str
    doc: dict[str, Any]
    responden: dict[int, list[dict[str, int | None]]]


def run_export(args: argparse.Namespace) -> int:
    from sakip.dataset.dump import dump_json, dump_yaml

    rekaman = baca_rekaman(args.instansi, args.tahun)
    if rekaman is None:
        return 1
    doc = rekaman.doc
    if args.format == "xlsx":
        from sakip.dataset.xlsx import write_workbook

        out = args.out or _nama_aman(f"{rekaman.instansi}-{args.tahun}.xlsx")
        write_workbook(doc, out)
        print(f"ditulis: {out}", file=sys.stderr)
        return 0
    text = dump_yaml(doc) if args.format == "yaml" else dump_json(doc)
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
        print(f"ditulis: {args.out}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def _nama_aman(nama: str) -> str:
    """A file name made of a name typed by someone else: one name in the
    current folder (no separator, no dots first, never two dots together).

    >>> _nama_aman("../Kecamatan Robatal-2020.xlsx"), _nama_aman("a...b/../c.xlsx")
    ('kecamatan-robatal-2020.xlsx', 'a.b-.-c.xlsx')
    """
    import re

    aman = re.sub(r"[^a-z0-9.]+", "-", nama.lower()).strip("-.")
    return re.sub(r"\.{2,}", ".", aman)


def run_template(args: argparse.Namespace) -> int:
    from sakip.dataset.xlsx import write_template

    write_template(args.out)
    print(f"templat ditulis: {args.out}", file=sys.stderr)
    return 0


def demo_paths() -> list[Path]:
    base = resources.files("sakip.demo")
    return [Path(str(base / name)) for name in DEMO_FILES]


def run_demo(args: argparse.Namespace) -> int:
    """Load the shipped datasets and create the demo accounts (``sakip.cli.demo``).

    Refuses a database that holds anything else unless told ``--paksa``: the
    accounts are given one password, which must not open a real pemda's data.
    """
    from sakip.cli import demo

    files = _baca_semua([str(p) for p in demo_paths()])
    if files is None:  # pragma: no cover - the shipped data is tested
        return 1
    _django()
    _migrate()
    lain = demo.data_lain(files)
    if lain and not args.paksa:
        print(
            "galat: database ini sudah berisi data lain ("
            + "; ".join(lain)
            + "); data contoh dan akun demo tidak dimuat. Gunakan database kosong "
            "(DATABASE_URL) atau tambahkan --paksa bila memang disengaja.",
            file=sys.stderr,
        )
        return 1
    sandi = args.password if args.password is not None else demo.sandi_acak()
    ditolak = demo.sandi_ditolak(sandi)
    if ditolak:
        print("galat: sandi ditolak: " + " ".join(ditolak), file=sys.stderr)
        return 1
    status = _impor(files, coba=False)
    if status:
        return status
    lama = demo.akun_lama()
    if lama is not None:
        demo.akun_lama_cabut(lama)
        print(f"akun lama {demo.DEMO_LAMA!r} bersandi {demo.DEMO_LAMA!r} dinonaktifkan")
    baris, dibuat = demo.akun_demo_buat(sandi)
    for b in baris:
        print(b)
    if dibuat and args.password is None:
        # Printed once: it is stored only as a hash.
        print(f"sandi akun demo yang baru dibuat: {sandi}")
        print("(catat sekarang: sandi ini tidak ditampilkan lagi)")
    return 0


def run_manage(args: argparse.Namespace) -> int:
    from sakip.project.manage import main as manage_main

    return manage_main(["sakip manage", *args.args]) or 0


def run_versions(args: argparse.Namespace) -> int:
    """List every file imported for an instansi, newest of each year marked."""
    _django()
    from sakip.common.errors import DatasetNotFound
    from sakip.ledger.models import DatasetVersion
    from sakip.ledger.queries import find_instansi

    try:
        instansi = find_instansi(args.instansi)
    except DatasetNotFound as exc:
        print(f"galat: {exc}", file=sys.stderr)
        return 1
    versions = DatasetVersion.objects.filter(instansi=instansi).order_by("tahun", "imported_at")
    if args.tahun:
        versions = versions.filter(tahun=args.tahun)
    for v in versions:
        status = "terbaru" if v.is_active else f"lama (sampai {v.superseded_at:%Y-%m-%d %H:%M})"
        print(f"#{v.pk}\t{v.tahun}\t{v.imported_at:%Y-%m-%d %H:%M}\t{v.source_name}\t{status}")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    """Apply a file imported earlier again, as a plan (audited)."""
    _django()
    from django.core.exceptions import PermissionDenied

    from sakip.common.errors import DatasetError
    from sakip.ledger.models import DatasetVersion
    from sakip.record.services import impor_ulang

    version = DatasetVersion.objects.filter(pk=args.versi).first()
    if version is None:
        print(f"galat: berkas impor #{args.versi} tidak ada (lihat: sakip versi)", file=sys.stderr)
        return 1
    try:
        r = impor_ulang(aktor=_aktor(), versi=version, coba=args.dry_run)
    except (DatasetError, PermissionDenied) as exc:
        print(f"galat: {exc}; tidak ada data yang diubah", file=sys.stderr)
        return 1
    print(f"#{version.pk} ({version.instansi} {version.tahun}): {r.ringkasan()}")
    for p in r.perubahan if args.dry_run else ():
        print(f"  {p}")
    return 0
