"""The home page: what each of the user's roles has to do next.

- operator: their instansi's current year (the latest): status, targets
  missing, quarters due or overdue, links to its pages, and the findings to
  resolve (loaded apart: computing them takes a dozen queries);
- pimpinan: years awaiting approval and Perjanjian Kinerja awaiting signature;
- admin pemda: every agency of the pemda with its latest year, status and
  overdue quarters (a few aggregate queries for any number of agencies; the
  findings are on each agency's page, since computing them for 30 agencies
  would take seconds per view);
- evaluator: the agencies' years submitted or approved, to review.

A user with several memberships sees a section for each.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import cast

from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from sakip.akun.akses import Aksi, boleh
from sakip.akun.models import Keanggotaan, Peran
from sakip.organisasi.models import Instansi, Pemda
from sakip.record.alur import (
    KeadaanTriwulan,
    hari_ini,
    keadaan_triwulan,
    tahun_terakhir,
)
from sakip.record.models import PerjanjianKinerja, StatusTahun, TahunKinerja
from sakip.record.riwayat import indikator_dari_tahun
from sakip.web.navigasi import KELOMPOK_TAHUN


@dataclass
class TahunOperator:
    """An operator's current year: what is left to do."""

    tk: TahunKinerja
    triwulan: list[KeadaanTriwulan]
    target_kosong: list[str]
    #: (stage, [(label, url), ...]): the year's pages by stage of the cycle.
    halaman: list[tuple[str, list[tuple[str, str]]]]

    @property
    def terlambat(self) -> list[KeadaanTriwulan]:
        return [k for k in self.triwulan if k.terlambat]

    @property
    def jatuh_tempo(self) -> list[KeadaanTriwulan]:
        return [k for k in self.triwulan if k.jatuh_tempo]


@dataclass
class BarisPemda:
    instansi: Instansi
    tk: TahunKinerja | None
    terlambat: list[int] = field(default_factory=list)


@dataclass
class BagianPemda:
    pemda: Pemda
    baris: list[BarisPemda]
    tahun: int = 0  # the year whose filling windows the admin sets now

    @property
    def jumlah_status(self) -> dict[str, int]:
        jumlah = Counter(b.tk.status for b in self.baris if b.tk is not None)
        return {s.label: jumlah.get(s.value, 0) for s in StatusTahun}

    @property
    def jumlah_terlambat(self) -> int:
        return sum(1 for b in self.baris if b.terlambat)


def _halaman(tk: TahunKinerja) -> list[tuple[str, list[tuple[str, str]]]]:
    args = [tk.instansi_id, tk.tahun]
    return [
        (tahap, [(label, reverse(nama, args=args)) for label, nama in isi])
        for tahap, isi in KELOMPOK_TAHUN
    ]


def _operator(instansi: list[Instansi]) -> list[TahunOperator]:
    terakhir = tahun_terakhir(i.pk for i in instansi)
    if not terakhir:
        return []
    triwulan = keadaan_triwulan(list(terakhir.values()))
    hasil = []
    for i in instansi:
        tk = terakhir.get(i.pk)
        if tk is None:
            continue
        # Indicators of the year with no target for it; the findings, which need
        # the whole report computed, are loaded apart (temuan-ringkas).
        kosong = (
            indikator_dari_tahun(tk)
            .exclude(nilai__tahun=tk.tahun, nilai__target__isnull=False)
            .order_by("urutan", "pk")
            .values_list("kode", flat=True)
        )
        hasil.append(
            TahunOperator(
                tk=tk, triwulan=triwulan[tk.pk], target_kosong=list(kosong), halaman=_halaman(tk)
            )
        )
    return hasil


def _pemda(pemda: list[Pemda]) -> list[BagianPemda]:
    semua = list(
        Instansi.objects.filter(pemda__in=pemda).select_related("pemda").order_by("nama", "pk")
    )
    terakhir = tahun_terakhir(i.pk for i in semua)
    triwulan = keadaan_triwulan(list(terakhir.values()))
    bagian = []
    for p in pemda:
        baris = []
        for i in semua:
            if i.pemda_id != p.pk:
                continue
            tk = terakhir.get(i.pk)
            telat = [k.triwulan for k in triwulan.get(tk.pk, []) if k.terlambat] if tk else []
            baris.append(BarisPemda(instansi=i, tk=tk, terlambat=telat))
        tahun = max((b.tk.tahun for b in baris if b.tk), default=hari_ini().year)
        bagian.append(BagianPemda(pemda=p, baris=baris, tahun=tahun))
    return bagian


@require_GET
@login_required
def beranda(request: HttpRequest) -> HttpResponse:
    user = cast(User, request.user)  # login_required
    anggota = list(Keanggotaan.objects.filter(user=user).select_related("instansi__pemda", "pemda"))

    def instansi(peran: Peran, aksi: Aksi) -> list[Instansi]:
        return [
            k.instansi
            for k in anggota
            if k.peran == peran and k.instansi is not None and boleh(user, aksi, k.instansi)
        ]

    def pemda(peran: Peran, aksi: Aksi) -> list[Pemda]:
        return [
            k.pemda
            for k in anggota
            if k.peran == peran and k.pemda is not None and boleh(user, aksi, k.pemda)
        ]

    operator = _operator(instansi(Peran.OPERATOR, Aksi.AJUKAN))
    pimpinan = instansi(Peran.PIMPINAN, Aksi.SETUJUI)
    menunggu_setuju: list[TahunKinerja] = []
    menunggu_tanda: list[PerjanjianKinerja] = []
    if pimpinan:
        menunggu_setuju = list(
            TahunKinerja.objects.filter(instansi__in=pimpinan, status=StatusTahun.DIAJUKAN)
            .select_related("instansi")
            .only("id", "tahun", "status", "instansi__nama", "instansi__pemda_id")
            .order_by("instansi__nama", "tahun")
        )
        menunggu_tanda = list(
            PerjanjianKinerja.objects.filter(
                tahun_kinerja__instansi__in=pimpinan, ditandatangani_pada__isnull=True
            )
            .select_related("tahun_kinerja__instansi")
            .only(
                "id",
                "nomor",
                "tahun_kinerja__id",
                "tahun_kinerja__tahun",
                "tahun_kinerja__instansi__nama",
                "tahun_kinerja__instansi__pemda_id",
            )
            .order_by("tahun_kinerja__instansi__nama", "-tahun_kinerja__tahun", "nomor")
        )
    admin = _pemda(pemda(Peran.ADMIN_PEMDA, Aksi.ATUR_JADWAL))
    evaluator_pemda = pemda(Peran.EVALUATOR, Aksi.LIHAT)
    reviu: list[TahunKinerja] = []
    draf: list[TahunKinerja] = []
    if evaluator_pemda:
        # Submitted and approved years first; the drafts too, folded away,
        # since a review may start before submission and the home page is
        # the evaluator's only way into an instansi.
        for tk in (
            TahunKinerja.objects.filter(instansi__pemda__in=evaluator_pemda)
            .select_related("instansi__pemda")
            .only("id", "tahun", "status", "instansi__nama", "instansi__pemda__nama")
            .order_by("instansi__pemda__nama", "instansi__nama", "-tahun")
        ):
            (draf if tk.status == StatusTahun.DRAF else reviu).append(tk)
    konteks = {
        "keanggotaan": anggota,
        "operator": operator,
        "pimpinan": pimpinan,
        "menunggu_setuju": menunggu_setuju,
        "menunggu_tanda": menunggu_tanda,
        "admin": admin,
        "evaluator_pemda": evaluator_pemda,
        "reviu": reviu,
        "draf": draf,
    }
    return render(request, "web/beranda.html", konteks)
