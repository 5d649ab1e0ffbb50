"""``sakip riwayat``: the recorded changes of an instansi-year, or of one
indicator or budget line, field by field (who, when, old -> new)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from sakip.cli.terminal import aman


def register(sub: Any) -> None:
    r = sub.add_parser(
        "riwayat", help="riwayat perubahan (siapa, kapan, lama -> baru) suatu instansi-tahun"
    )
    r.add_argument("--instansi", required=True)
    r.add_argument("--tahun", type=int, required=True)
    r.add_argument("--indikator", metavar="KODE", help="hanya indikator ini (target, realisasi)")
    r.add_argument("--anggaran", metavar="KODE", help="hanya program/kegiatan berkode ini")
    r.add_argument("--bidang", help="hanya kolom ini (mis. target, realisasi, pagu)")
    r.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from sakip.cli.database import _django

    _django()
    from sakip.common.errors import DatasetNotFound
    from sakip.ledger.queries import find_instansi
    from sakip.record.queries import tahun_kinerja
    from sakip.record.riwayat import RiwayatTidakAda, riwayat_tahun

    try:
        instansi = find_instansi(args.instansi)
        tk = tahun_kinerja(instansi=instansi, tahun=args.tahun)
        baris = riwayat_tahun(
            tk, indikator=args.indikator, anggaran=args.anggaran, bidang=args.bidang
        )
    except (DatasetNotFound, RiwayatTidakAda) as exc:
        print(aman(f"galat: {exc}"), file=sys.stderr)
        return 1
    if not baris:
        print("belum ada perubahan yang tercatat")
    for b in baris:
        print(aman(str(b)))
    return 0
