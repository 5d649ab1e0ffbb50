"""``sakip skm``: SKM results of a file of paper-typed answers, no database."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from sakip.cli import skm_db
from sakip.cli.argumen import bilangan_populasi
from sakip.cli.skm_keluaran import hasil_json, hasil_teks
from sakip.cli.terminal import cetak_tidak_valid
from sakip.dataset.errors import DatasetInvalid
from sakip.dataset.jawaban_skm import baca_jawaban
from sakip.documents.siap import DokumenTidakSiap, periksa
from sakip.documents.skm import FORMAT_SKM, buat_dokumen_skm
from sakip.engine.skm import BOBOT_CETAK
from sakip.engine.skm_hasil import hitung_hasil
from sakip.engine.unsur import SET_BAWAAN, UnsurSetSalah, baca_unsur_set


def register(sub: Any) -> None:  # argparse's _SubParsersAction is private
    s = sub.add_parser(
        "skm", help="hitung NRR, IKM dan mutu dari berkas jawaban SKM (CSV/XLSX, tanpa database)"
    )
    s.add_argument("file", metavar="RESPONDEN", help="berkas .csv atau .xlsx: kolom U1..Un (1-4)")
    s.add_argument(
        "--unsur",
        default=SET_BAWAAN,
        metavar="SET|FILE",
        help="permenpan-14-2017 (bawaan), kepmenpan-25-2004, atau berkas YAML daftar unsur sendiri",
    )
    s.add_argument(
        "--populasi",
        type=bilangan_populasi,
        help="jumlah populasi, untuk sampel minimum Krejcie-Morgan",
    )
    s.add_argument(
        "--bobot",
        default="1/n",
        choices=["1/n", *BOBOT_CETAK],
        help="bobot per unsur: tepat 1/n (bawaan) atau bobot tercetak untuk mengulang angka lama",
    )
    s.add_argument("--format", choices=["text", "json"], default="text")
    s.add_argument(
        "--out",
        metavar="PATH",
        type=Path,
        help="tulis juga dokumen hasil SKM (tabel dan grafik): .docx atau .pdf",
    )
    s.add_argument(
        "--dokumen-format",
        choices=FORMAT_SKM,
        help="format dokumen --out bila tidak terbaca dari akhiran namanya",
    )
    s.add_argument("--instansi", default="", help="nama instansi, untuk judul dokumen")
    s.add_argument("--layanan", default="", help="jenis layanan yang disurvei, untuk judul dokumen")
    s.add_argument("--periode", default="", help="tahun atau periode survei, untuk judul dokumen")
    s.set_defaults(run=run)
    skm_db.register(sub)


def _format_dokumen(args: argparse.Namespace) -> str | None:
    """docx or pdf for ``--out``; None (after a message) when it cannot be told."""
    if args.dokumen_format:
        return args.dokumen_format
    akhiran = args.out.suffix.lower().lstrip(".")
    if akhiran in FORMAT_SKM:
        return akhiran
    print(
        f"--out {args.out}: akhiran harus .docx atau .pdf, atau berikan --dokumen-format",
        file=sys.stderr,
    )
    return None


def run(args: argparse.Namespace) -> int:
    """Exit 0 with the results, 1 when the file or the unsur set cannot be used
    or the document cannot be written."""
    format_dokumen = None
    if args.out is not None:
        format_dokumen = _format_dokumen(args)
        if format_dokumen is None:
            return 1
        try:
            # Before reading a large file: a missing library or font fails at once.
            periksa(format_dokumen)
        except DokumenTidakSiap as exc:
            print(exc, file=sys.stderr)
            return 1
    try:
        unsur_set = baca_unsur_set(args.unsur)
        data = baca_jawaban(args.file, unsur_set.kode)
    except UnsurSetSalah as exc:
        print(exc, file=sys.stderr)
        return 1
    except DatasetInvalid as exc:
        cetak_tidak_valid(args.file, exc)
        return 1
    hasil = hitung_hasil(data, unsur_set, populasi=args.populasi, bobot_skm=args.bobot)
    if args.format == "json":
        indent = 2 if sys.stdout.isatty() else None
        sys.stdout.write(json.dumps(hasil_json(hasil), ensure_ascii=False, indent=indent) + "\n")
    else:
        sys.stdout.write(hasil_teks(hasil, str(args.file)))
    if format_dokumen is not None:
        dokumen = buat_dokumen_skm(
            hasil,
            format=format_dokumen,
            instansi=args.instansi,
            layanan=args.layanan,
            periode=args.periode,
        )
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_bytes(dokumen.isi)
        # stderr: stdout stays the results alone (JSON stays parseable).
        print(f"dokumen {format_dokumen.upper()} ditulis: {args.out}", file=sys.stderr)
        for p in dokumen.peringatan:
            print(f"  peringatan: {p}", file=sys.stderr)
    return 0
