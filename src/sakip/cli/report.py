"""``sakip report``: the LKjIP or the Perjanjian Kinerja as DOCX, PDF or XLSX,
from a dataset file (no database), from the database, or for every instansi of
a pemda."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Mapping
from pathlib import Path

from sakip.cli.progress import kemajuan
from sakip.documents.buat import DOKUMEN, FORMAT, buat_dokumen
from sakip.documents.siap import DokumenTidakSiap, periksa


def register(sub: argparse._SubParsersAction) -> None:
    r = sub.add_parser(
        "report",
        help="buat LKjIP atau Perjanjian Kinerja (docx, pdf, xlsx) dari berkas atau database",
    )
    r.add_argument(
        "file",
        nargs="?",
        metavar="DATASET_FILE",
        help="berkas dataset (.yaml, .json, .xlsx); tanpa database",
    )
    r.add_argument("--instansi", help="nama instansi di database")
    r.add_argument("--pemda", help="semua instansi pemda ini di database (--out: folder)")
    r.add_argument("--tahun", type=int)
    r.add_argument("--format", choices=FORMAT, required=True)
    r.add_argument("--dokumen", choices=DOKUMEN, default="lkjip")
    r.add_argument("--out", required=True, help="berkas tujuan (folder untuk --pemda)")
    r.add_argument(
        "--draf",
        action="store_true",
        help="LKjIP draf untuk petugas: penanda kekurangan data, kode temuan dan lampiran "
        "Catatan Reviu Data (tanpa --draf: LKjIP final)",
    )
    r.add_argument(
        "--reviu",
        metavar="REVIU_FILE",
        help="berkas reviu Inspektorat (sakip-reviu/1); bila sudah ditandatangani, LKjIP final "
        "memuat Pernyataan Telah Direviu",
    )
    r.set_defaults(run=run)


def _tulis(
    doc: Mapping[str, object], args: argparse.Namespace, out: Path, responden: Mapping | None = None
) -> None:
    hasil = buat_dokumen(
        doc,
        format=args.format,
        dokumen=args.dokumen,
        responden=responden,
        draf=args.draf,
        reviu=args.pernyataan,
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(hasil.isi)
    for p in hasil.peringatan:
        print(f"{out}: peringatan: {p}", file=sys.stderr)


def _nama_berkas(nama: str, args: argparse.Namespace, tahun: int) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", nama.lower()).strip("-")
    return f"{args.dokumen}-{slug}-{tahun}.{args.format}"


def _dari_berkas(args: argparse.Namespace) -> int:
    from sakip.cli.terminal import cetak_tidak_valid
    from sakip.dataset.baca import baca_dataset
    from sakip.dataset.errors import DatasetInvalid

    try:
        ds = baca_dataset(args.file)
    except DatasetInvalid as exc:
        cetak_tidak_valid(args.file, exc)
        return 1
    _tulis(ds.doc, args, Path(args.out), ds.responden)
    print(f"ditulis: {args.out}", file=sys.stderr)
    return 0


def _dari_database(args: argparse.Namespace) -> int:
    from sakip.cli.database import baca_rekaman

    rekaman = baca_rekaman(args.instansi, args.tahun, pemda=args.pemda)
    if rekaman is None:
        return 1
    _tulis(rekaman.doc, args, Path(args.out), rekaman.responden)
    print(f"ditulis: {args.out}", file=sys.stderr)
    return 0


def _batch(args: argparse.Namespace) -> int:
    from sakip.cli.database import _django

    _django()
    from sakip.dataset import json_exact as jsontext
    from sakip.documents.batch import Tugas, jalankan
    from sakip.record.ekspor import dokumen_tahun
    from sakip.record.models import TahunKinerja

    tahun = list(
        TahunKinerja.objects.filter(
            instansi__pemda__nama__iexact=args.pemda.strip(), tahun=args.tahun
        )
        .select_related("instansi__pemda", "renstra", "aturan")
        .order_by("instansi__nama")
    )
    if not tahun:
        print(
            f"galat: tidak ada data pemda {args.pemda!r} tahun {args.tahun}",
            file=sys.stderr,
        )
        return 1
    folder = Path(args.out)
    tugas = [
        Tugas(
            tk.instansi.nama,
            jsontext.dumps(dokumen_tahun(tk), indent=None),
            folder / _nama_berkas(tk.instansi.nama, args, args.tahun),
        )
        for tk in tahun
    ]
    from django.db import connection, connections

    if len(tugas) > 1 and not connection.in_atomic_block:
        # Workers are forked: close the database connection first so that no
        # child inherits (and, exiting, closes) the parent's socket.
        connections.close_all()
    gagal = 0
    selesai = jalankan(tugas, format=args.format, dokumen=args.dokumen, draf=args.draf)
    for s in kemajuan(selesai, total=len(tugas), label=f"membuat {args.dokumen}"):
        if s.galat:
            gagal += 1
            print(f"{s.tugas.nama}: gagal: {s.galat}", file=sys.stderr)
        for p in s.peringatan:
            print(f"{s.tugas.out}: peringatan: {p}", file=sys.stderr)
    print(f"ditulis: {len(tugas) - gagal} berkas di {folder}", file=sys.stderr)
    return 1 if gagal else 0


def run(args: argparse.Namespace) -> int:
    try:
        # Before reading anything: a missing font or library fails the whole
        # command at once, not after the first instansi of a batch.
        periksa(args.format)
    except DokumenTidakSiap as exc:
        print(f"galat: {exc}", file=sys.stderr)
        return 2
    args.pernyataan = None
    if args.reviu:
        if args.pemda:
            print("galat: --reviu berlaku untuk satu instansi, bukan --pemda", file=sys.stderr)
            return 2
        from sakip.cli.terminal import aman
        from sakip.documents.pernyataan import ReviuTidakValid, baca_pernyataan

        try:
            args.pernyataan = baca_pernyataan(args.reviu)
        except ReviuTidakValid as exc:
            print(aman(f"galat: {exc}"), file=sys.stderr)
            return 1
    if args.file:
        if args.instansi or args.pemda:
            print(
                "galat: pilih DATASET_FILE atau --instansi/--pemda, bukan keduanya", file=sys.stderr
            )
            return 2
        return _dari_berkas(args)
    if args.tahun is None or not (args.instansi or args.pemda):
        print(
            "galat: tanpa DATASET_FILE perlu --instansi (atau --pemda) dan --tahun", file=sys.stderr
        )
        return 2
    return _dari_database(args) if args.instansi else _batch(args)
