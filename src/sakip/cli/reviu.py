"""``sakip reviu``: the Inspektorat's review document of one LKjIP, from a
dataset file or from the database, with the responses of a review file."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping
from pathlib import Path

from sakip.documents.buat import FORMAT
from sakip.documents.siap import DokumenTidakSiap, periksa


def register(sub: argparse._SubParsersAction) -> None:
    r = sub.add_parser(
        "reviu",
        help="buat laporan hasil reviu Inspektorat atas LKjIP (pdf, docx, xlsx)",
    )
    r.add_argument("file", nargs="?", metavar="DATASET_FILE", help="berkas dataset; tanpa database")
    r.add_argument("--instansi", help="nama instansi di database")
    r.add_argument("--tahun", type=int)
    r.add_argument(
        "--out", required=True, help="berkas tujuan: .pdf, .docx atau .xlsx (menentukan formatnya)"
    )
    r.add_argument(
        "--tanggapan",
        metavar="REVIU_FILE",
        help="berkas reviu (sakip-reviu/1): pereviu, tanda tangan, tanggapan per sidik temuan",
    )
    r.set_defaults(run=run)


def _tulis(doc: Mapping[str, object], args: argparse.Namespace, responden: Mapping | None) -> int:
    from sakip.documents.buat import buat_reviu

    out = Path(args.out)
    hasil = buat_reviu(doc, format=args.format, reviu=args.pernyataan, responden=responden)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(hasil.isi)
    print(f"ditulis: {out}", file=sys.stderr)
    return 0


def run(args: argparse.Namespace) -> int:
    from sakip.cli.terminal import aman, cetak_tidak_valid

    args.format = Path(args.out).suffix.lstrip(".").lower()
    if args.format not in FORMAT:
        print(
            f"galat: --out harus berakhiran {', '.join('.' + f for f in FORMAT)}", file=sys.stderr
        )
        return 2
    try:
        periksa(args.format)
    except DokumenTidakSiap as exc:
        print(f"galat: {exc}", file=sys.stderr)
        return 2
    if bool(args.file) == bool(args.instansi) or (args.instansi and args.tahun is None):
        print("galat: pilih DATASET_FILE, atau --instansi dengan --tahun", file=sys.stderr)
        return 2
    args.pernyataan = None
    if args.tanggapan:
        from sakip.documents.pernyataan import ReviuTidakValid, baca_pernyataan

        try:
            args.pernyataan = baca_pernyataan(args.tanggapan)
        except ReviuTidakValid as exc:
            print(aman(f"galat: {exc}"), file=sys.stderr)
            return 1
    if args.file:
        from sakip.dataset.baca import baca_dataset
        from sakip.dataset.errors import DatasetInvalid

        try:
            ds = baca_dataset(args.file)
        except DatasetInvalid as exc:
            cetak_tidak_valid(args.file, exc)
            return 1
        return _tulis(ds.doc, args, ds.responden)
    from sakip.cli.database import baca_rekaman

    rekaman = baca_rekaman(args.instansi, args.tahun)
    if rekaman is None:
        return 1
    return _tulis(rekaman.doc, args, rekaman.responden)
