"""``sakip check``: validate dataset files and print every figure and finding."""

from __future__ import annotations

import argparse
import json
import sys

from sakip.cli.keluaran import laporan_json, laporan_teks
from sakip.cli.progress import kemajuan
from sakip.cli.terminal import aman, aman_json, cetak_tidak_valid
from sakip.engine.laporan import hitung_laporan


def run(args: argparse.Namespace) -> int:
    """Exit 0 when every file is valid (findings or not), 1 when one is not.
    Nothing from a file reaches the terminal as a raw control character.

    With several files the JSON output is a list, one object per valid file.
    With ``--instansi`` and ``--tahun`` the data comes from the database.
    """
    if args.instansi or args.tahun:
        if args.files or not (args.instansi and args.tahun):
            print("galat: pilih FILE, atau --instansi dengan --tahun", file=sys.stderr)
            return 2
        return _dari_database(args)
    if not args.files:
        print("galat: sebutkan FILE, atau --instansi dan --tahun", file=sys.stderr)
        return 2
    # The readers (schema, survey answers) load only when files are read.
    from sakip.dataset.baca import baca_dataset
    from sakip.dataset.errors import DatasetInvalid

    hasil_json = []
    status = 0
    for path in kemajuan(args.files, total=len(args.files), label="memeriksa"):
        try:
            ds = baca_dataset(path)
        except DatasetInvalid as exc:
            status = 1
            cetak_tidak_valid(path, exc)
            continue
        laporan = hitung_laporan(ds.doc, responden=ds.responden)
        if args.format == "json":
            data = laporan_json(laporan, ds.doc)
            data["file"] = str(path)
            hasil_json.append(data)
        else:
            sys.stdout.write(aman(laporan_teks(laporan, ds.doc, str(path))))
    if args.format == "json" and hasil_json:
        _tulis_json(hasil_json[0] if len(args.files) == 1 else hasil_json)
    return status


def _dari_database(args: argparse.Namespace) -> int:
    """The same figures and findings, from the record of an instansi-year."""
    from sakip.cli.database import baca_rekaman

    rekaman = baca_rekaman(args.instansi, args.tahun)
    if rekaman is None:
        return 1
    laporan = hitung_laporan(rekaman.doc, responden=rekaman.responden)
    sumber = f"{rekaman.instansi} {args.tahun} (database)"
    if args.format == "json":
        data = laporan_json(laporan, rekaman.doc)
        data["file"] = sumber
        _tulis_json(data)
    else:
        sys.stdout.write(aman(laporan_teks(laporan, rekaman.doc, sumber)))
    return 0


def _tulis_json(data: object) -> None:
    # Indented on a terminal; compact in a pipe, where the C encoder is
    # several times faster on a pemda's worth of files.
    indent = 2 if sys.stdout.isatty() else None
    sys.stdout.write(aman_json(json.dumps(data, ensure_ascii=False, indent=indent)))
    sys.stdout.write("\n")
