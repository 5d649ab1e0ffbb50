"""Commands that use the database: import, export, demo, manage; and template.

Django is started only here, so that ``sakip check`` stays fast and needs no
database at all.
"""

from __future__ import annotations

import argparse
import os
import sys
from importlib import resources
from pathlib import Path

from sakip.cli.progress import kemajuan
from sakip.dataset.baca import DatasetFile, baca_dataset
from sakip.dataset.errors import DatasetInvalid

DEMO_FILES = ("robatal-2020.yaml", "torjun-2022.yaml")


def _django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sakip.project.settings")
    import django

    django.setup()


def _migrate() -> None:
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def _baca_semua(paths: list[str]) -> list[DatasetFile] | None:
    """Read every file first: one bad file and nothing is imported."""
    files, ada_galat = [], False
    for path in kemajuan(paths, total=len(paths), label="membaca"):
        try:
            files.append(baca_dataset(path))
        except DatasetInvalid as exc:
            ada_galat = True
            print(f"{path}: tidak valid ({len(exc.galat)} galat)", file=sys.stderr)
            for g in exc.galat:
                print(f"  {g}", file=sys.stderr)
    return None if ada_galat else files


def _impor(files: list[DatasetFile], *, replace: bool) -> int:
    from django.db import transaction

    from sakip.datasets.services import DatasetError, dataset_import

    try:
        with transaction.atomic():
            for ds in kemajuan(files, total=len(files), label="mengimpor"):
                version = dataset_import(
                    doc=ds.doc, source_name=ds.path.name, fmt=ds.format, replace=replace
                )
                print(f"{ds.path}: diimpor sebagai {version.instansi} tahun {version.tahun}")
    except DatasetError as exc:
        print(f"galat: {exc}; tidak ada data yang diubah", file=sys.stderr)
        return 1
    return 0


def run_import(args: argparse.Namespace) -> int:
    files = _baca_semua(args.files)
    if files is None:
        print("tidak ada data yang diimpor", file=sys.stderr)
        return 1
    _django()
    _migrate()
    return _impor(files, replace=args.replace)


def run_export(args: argparse.Namespace) -> int:
    _django()
    from sakip.dataset.dump import dump_json, dump_yaml
    from sakip.datasets.services import DatasetNotFound, dataset_export, find_instansi

    try:
        instansi = find_instansi(args.instansi)
        doc = dataset_export(instansi=instansi, tahun=args.tahun)
    except DatasetNotFound as exc:
        print(f"galat: {exc}", file=sys.stderr)
        return 1
    if args.format == "xlsx":
        from sakip.dataset.xlsx import write_workbook

        out = args.out or f"{instansi.nama}-{args.tahun}.xlsx".replace(" ", "-").lower()
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


def run_template(args: argparse.Namespace) -> int:
    from sakip.dataset.xlsx import write_template

    write_template(args.out)
    print(f"templat ditulis: {args.out}", file=sys.stderr)
    return 0


def demo_paths() -> list[Path]:
    base = resources.files("sakip.demo")
    return [Path(str(base / name)) for name in DEMO_FILES]


def run_demo(args: argparse.Namespace) -> int:
    files = _baca_semua([str(p) for p in demo_paths()])
    if files is None:  # pragma: no cover - the shipped data is tested
        return 1
    _django()
    _migrate()
    status = _impor(files, replace=True)
    from django.contrib.auth import get_user_model

    User = get_user_model()
    if not User.objects.filter(username="demo").exists():
        User.objects.create_superuser("demo", "demo@example.invalid", "demo")
        print("pengguna demo dibuat: nama 'demo', sandi 'demo' (hanya untuk percobaan)")
    return status


def run_manage(args: argparse.Namespace) -> int:
    from sakip.project.manage import main as manage_main

    return manage_main(["sakip manage", *args.args]) or 0


def run_versions(args: argparse.Namespace) -> int:
    """List every stored version of an instansi's datasets, active or superseded."""
    _django()
    from sakip.datasets.models import DatasetVersion
    from sakip.datasets.services import DatasetNotFound, find_instansi

    try:
        instansi = find_instansi(args.instansi)
    except DatasetNotFound as exc:
        print(f"galat: {exc}", file=sys.stderr)
        return 1
    versions = DatasetVersion.objects.filter(instansi=instansi).order_by("tahun", "imported_at")
    if args.tahun:
        versions = versions.filter(tahun=args.tahun)
    for v in versions:
        status = "aktif" if v.is_active else f"diganti {v.superseded_at:%Y-%m-%d %H:%M}"
        print(f"#{v.pk}\t{v.tahun}\t{v.imported_at:%Y-%m-%d %H:%M}\t{v.source_name}\t{status}")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    """Make a superseded version active again (audited)."""
    _django()
    from sakip.datasets.models import DatasetVersion
    from sakip.datasets.services import DatasetError, dataset_restore

    version = DatasetVersion.objects.filter(pk=args.versi).first()
    if version is None:
        print(f"galat: versi #{args.versi} tidak ada (lihat: sakip versi)", file=sys.stderr)
        return 1
    try:
        version = dataset_restore(version=version)
    except DatasetError as exc:
        print(f"galat: {exc}", file=sys.stderr)
        return 1
    print(f"versi #{version.pk} ({version.instansi} {version.tahun}) aktif kembali")
    return 0
