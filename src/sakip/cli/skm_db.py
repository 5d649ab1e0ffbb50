"""``sakip skm-buka``, ``skm-impor``, ``skm-tutup``, ``skm-ikm``: the SKM
writes from the command line, calling the same services as the web pages."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from sakip.cli.argumen import bilangan_populasi
from sakip.cli.database import _django, _migrate
from sakip.cli.terminal import cetak_tidak_valid
from sakip.dataset.errors import DatasetInvalid
from sakip.engine.unsur import SET_BAWAAN, UnsurSetSalah, baca_unsur_set


def register(sub: Any) -> None:
    b = sub.add_parser("skm-buka", help="buka survei SKM dan cetak tautan singkatnya")
    b.add_argument("--instansi", required=True)
    b.add_argument("--pemda")
    b.add_argument("--tahun", required=True, type=int)
    b.add_argument("--layanan", default="")
    b.add_argument("--periode", default="")
    b.add_argument("--unsur", default=SET_BAWAAN, metavar="SET|FILE")
    b.add_argument("--populasi", type=bilangan_populasi)
    b.set_defaults(run=run_buka)

    i = sub.add_parser("skm-impor", help="impor jawaban SKM dari CSV/XLSX ke survei KODE")
    i.add_argument("kode")
    i.add_argument("file")
    i.set_defaults(run=run_impor)

    t = sub.add_parser("skm-tutup", help="tutup survei KODE: tidak menerima jawaban lagi")
    t.add_argument("kode")
    t.set_defaults(run=run_tutup)

    r = sub.add_parser("skm-ikm", help="catat IKM survei KODE sebagai realisasi indikator IKM")
    r.add_argument("kode")
    r.add_argument("--indikator", help="kode indikator (bawaan: indikator 'kepuasan masyarakat')")
    r.set_defaults(run=run_ikm)


def _kuesioner(kode: str):  # noqa: ANN202 - a model, imported after Django starts
    from sakip.skm.models import Kuesioner

    k = Kuesioner.objects.select_related("instansi").filter(kode=kode).first()
    if k is None:
        print(f"survei dengan kode {kode!r} tidak ada", file=sys.stderr)
    return k


def run_buka(args: argparse.Namespace) -> int:
    try:
        unsur = baca_unsur_set(args.unsur)
    except UnsurSetSalah as exc:
        print(exc, file=sys.stderr)
        return 1
    _django()
    _migrate()
    from sakip.cli.database import _aktor
    from sakip.common.errors import DatasetNotFound
    from sakip.ledger.queries import find_instansi
    from sakip.skm.services import survei_buka

    try:
        instansi = find_instansi(args.instansi, pemda=args.pemda)
    except DatasetNotFound as exc:
        print(exc, file=sys.stderr)
        return 1
    k = survei_buka(
        instansi=instansi,
        tahun=args.tahun,
        layanan=args.layanan,
        periode=args.periode,
        unsur=unsur,
        populasi=args.populasi,
        aktor=_aktor(),
    )
    print(f"survei {k} dibuka: /s/{k.kode} (kode QR: /s/{k.kode}/qr.svg)")
    return 0


def run_impor(args: argparse.Namespace) -> int:
    _django()
    _migrate()
    from sakip.cli.database import _aktor
    from sakip.skm.services import SkmError, respon_impor

    k = _kuesioner(args.kode)
    if k is None:
        return 1
    try:
        n = respon_impor(kuesioner=k, path=args.file, aktor=_aktor())
    except SkmError as exc:
        print(f"galat: {exc}; tidak ada yang diimpor", file=sys.stderr)
        return 1
    except DatasetInvalid as exc:
        cetak_tidak_valid(args.file, exc, akhiran="; tidak ada yang diimpor")
        return 1
    print(f"{n} responden diimpor ke survei {k}")
    return 0


def run_tutup(args: argparse.Namespace) -> int:
    _django()
    from sakip.cli.database import _aktor
    from sakip.skm.services import survei_tutup

    k = _kuesioner(args.kode)
    if k is None:
        return 1
    survei_tutup(kuesioner=k, aktor=_aktor())
    print(f"survei {k} ditutup")
    return 0


def run_ikm(args: argparse.Namespace) -> int:
    _django()
    from django.core.exceptions import PermissionDenied

    from sakip.cli.database import _aktor
    from sakip.common.errors import DatasetError
    from sakip.engine.angka import format_angka
    from sakip.skm.services import SkmError, ikm_tetapkan_sebagai_realisasi

    k = _kuesioner(args.kode)
    if k is None:
        return 1
    try:
        nilai, hasil = ikm_tetapkan_sebagai_realisasi(
            kuesioner=k, indikator_kode=args.indikator, aktor=_aktor()
        )
    except (SkmError, DatasetError, PermissionDenied) as exc:
        print(f"galat: {exc}", file=sys.stderr)
        return 1
    print(
        f"IKM {format_angka(nilai.realisasi)} dicatat sebagai realisasi "
        f"{nilai.indikator.kode} {k.tahun}"
    )
    return 0
