"""Every write of the SKM app: open and close a survey, store a response
(online or imported from paper), and set the year's IKM as the realisation
of the IKM indicator.

Each function runs inside one transaction and writes its audit record
(:func:`sakip.ledger.audit.audit_record`), so no caller can forget it. Every
write of staff asks the access function first (opening, closing, importing
and setting the IKM are the operator's realisation work,
``Aksi.UBAH_REALISASI``); only :func:`respon_simpan`, the public form's
write, has no actor.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Mapping
from pathlib import Path

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.utils import timezone

from sakip.akun.akses import Aksi, pastikan_boleh
from sakip.dataset.jawaban_skm import baca_jawaban
from sakip.engine.angka import bulatkan
from sakip.engine.skm import POPULASI_MAKS
from sakip.engine.skm_hasil import HasilSkm
from sakip.engine.skm_profil import PROFIL
from sakip.engine.unsur import SET_BAWAAN, UnsurSet, unsur_set, unsur_set_ke_data
from sakip.ledger.audit import audit_record
from sakip.ledger.models import AuditAction
from sakip.organisasi.models import Instansi
from sakip.record.models import Indikator, NilaiIndikator, TahunKinerja
from sakip.skm.models import Kuesioner, Responden, SumberRespon
from sakip.skm.queries import hasil_kuesioner, unsur_set_kuesioner

# Codes people type from a poster: no 0/O or 1/I/L to confuse.
ABJAD_KODE = "23456789abcdefghjkmnpqrstuvwxyz"
PANJANG_KODE = 6


class SkmError(Exception):
    """A write the SKM rules refuse; the message is for the user."""


class SurveiDitutup(SkmError):
    pass


class ResponGanda(SkmError):
    pass


def _kode_baru() -> str:
    return "".join(secrets.choice(ABJAD_KODE) for _ in range(PANJANG_KODE))


def survei_buka(
    *,
    instansi: Instansi,
    tahun: int,
    layanan: str = "",
    periode: str = "",
    unsur: str | UnsurSet = SET_BAWAAN,
    populasi: int | None = None,
    aktor: User,
) -> Kuesioner:
    """Open a questionnaire with a fresh short public code."""
    pastikan_boleh(aktor, Aksi.UBAH_REALISASI, instansi)
    if populasi is not None and not 1 <= populasi <= POPULASI_MAKS:
        raise SkmError(
            f"populasi harus bilangan bulat 1 sampai {POPULASI_MAKS:,}".replace(",", ".")
        )
    s = unsur_set(unsur) if isinstance(unsur, str) else unsur
    for _ in range(10):
        try:
            with transaction.atomic():
                k = Kuesioner.objects.create(
                    instansi=instansi,
                    tahun=tahun,
                    layanan=layanan,
                    periode=periode,
                    unsur_set=s.nama,
                    unsur_data=unsur_set_ke_data(s),
                    kode=_kode_baru(),
                    populasi=populasi,
                )
                audit_record(
                    actor=aktor, action=AuditAction.SKM_BUKA, obj=k, old=None, new=_ringkas(k)
                )
                return k
        except IntegrityError:
            continue  # the random code was taken (1 in 887 million): draw again
    raise SkmError("kode publik tidak dapat dibuat; coba lagi")


def survei_tutup(*, kuesioner: Kuesioner, aktor: User) -> Kuesioner:
    """Close a questionnaire: from now on it accepts no response."""
    pastikan_boleh(aktor, Aksi.UBAH_REALISASI, kuesioner)
    with transaction.atomic():
        k = Kuesioner.objects.select_for_update().get(pk=kuesioner.pk)
        lama = _ringkas(k)
        k.terbuka = False
        k.ditutup_pada = timezone.now()
        k.save(update_fields=["terbuka", "ditutup_pada"])
        audit_record(actor=aktor, action=AuditAction.SKM_TUTUP, obj=k, old=lama, new=_ringkas(k))
    return k


def _teks_jawaban(kuesioner: Kuesioner, jawaban: Mapping[str, int | None]) -> str:
    kode = unsur_set_kuesioner(kuesioner).kode
    salah = [k for k, v in jawaban.items() if k not in kode or v not in (None, 1, 2, 3, 4)]
    if salah:
        raise SkmError(f"jawaban tidak sah untuk unsur: {', '.join(map(str, salah))}")
    teks = "".join(str(jawaban.get(k) or 0) for k in kode)
    if set(teks) == {"0"}:
        raise SkmError("tidak ada unsur yang dijawab")
    return teks


def respon_simpan(
    *,
    kuesioner: Kuesioner,
    jawaban: Mapping[str, int | None],
    profil: Mapping[str, str] | None = None,
    komentar: str = "",
    token: str | None = None,
) -> Responden:
    """Store one online response. A closed survey raises :class:`SurveiDitutup`;
    a token already used raises :class:`ResponGanda` and stores nothing."""
    teks = _teks_jawaban(kuesioner, jawaban)
    profil = {p: str((profil or {}).get(p) or "").strip() for p in PROFIL}
    with transaction.atomic():
        # Read inside the transaction: a survey closed a moment ago wins.
        if not Kuesioner.objects.filter(pk=kuesioner.pk, terbuka=True).exists():
            raise SurveiDitutup("survei ini sudah ditutup")
        try:
            # No savepoint: on a duplicate the whole transaction is abandoned
            # anyway, and one fewer round trip per response counts under load.
            r = Responden.objects.create(
                kuesioner=kuesioner,
                jawaban=teks,
                komentar=komentar,
                sumber=SumberRespon.DARING,
                token=token,
                **profil,
            )
        except IntegrityError:
            raise ResponGanda("jawaban dari formulir ini sudah diterima") from None
        # The answers are not copied into the audit: the response row is the record.
        audit_record(
            actor=None,
            action=AuditAction.SKM_RESPON,
            obj=r,
            old=None,
            new={"kuesioner": kuesioner.kode},
        )
    return r


def respon_impor(
    *, kuesioner: Kuesioner, path: str | Path, aktor: User, nama_berkas: str | None = None
) -> int:
    """Import paper-typed responses from CSV/XLSX: all or nothing.

    A bad cell raises :class:`~sakip.dataset.errors.DatasetInvalid` naming
    row and column (or what is wrong with a file that is no CSV in UTF-8 nor
    XLSX at all), before anything is written; a closed survey raises
    :class:`SurveiDitutup`. Returns the number stored. ``nama_berkas`` is
    the name the audit records (an upload's own name, not the temporary
    file's).
    """
    pastikan_boleh(aktor, Aksi.UBAH_REALISASI, kuesioner)
    path = Path(path)
    nama = nama_berkas or path.name
    if not kuesioner.terbuka:
        raise SurveiDitutup(f"survei {kuesioner} ({kuesioner.kode}) sudah ditutup")
    kode = unsur_set_kuesioner(kuesioner).kode
    # Whatever the bytes, the reader answers with its data or DatasetInvalid
    # naming the problem (encoding, broken zip, row and column).
    data = baca_jawaban(path, kode)
    teks = [bytes(row + ord("0")).decode("ascii") for row in data.matriks]
    profil = {
        p: [data.profil[p].label[i - 1] if i else "" for i in data.profil[p].kode.tolist()]
        for p in data.profil
    }
    with transaction.atomic():
        # Read again under a lock: a survey closed while the file was read wins.
        if not Kuesioner.objects.select_for_update().filter(pk=kuesioner.pk, terbuka=True).exists():
            raise SurveiDitutup(f"survei {kuesioner} ({kuesioner.kode}) sudah ditutup")
        Responden.objects.bulk_create(
            (
                Responden(
                    kuesioner=kuesioner,
                    jawaban=t,
                    sumber=SumberRespon.IMPOR,
                    **{p: v[n] for p, v in profil.items()},
                )
                for n, t in enumerate(teks)
            ),
            batch_size=2000,
        )
        audit_record(
            actor=aktor,
            action=AuditAction.SKM_IMPOR,
            obj=kuesioner,
            old=None,
            new={
                "berkas": nama,
                "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
                "responden": len(teks),
            },
        )
    return len(teks)


def ikm_tetapkan_sebagai_realisasi(
    *,
    kuesioner: Kuesioner,
    indikator_kode: str | None = None,
    aktor: User,
) -> tuple[NilaiIndikator, HasilSkm]:
    """Set the survey's IKM (two decimals) as the realisation of the IKM
    indicator of its instansi and year, through the record's
    :func:`~sakip.record.services.realisasi_set` (access, lock, audit).

    The indicator is ``indikator_kode``, or the one indicator of the year
    named "Indeks Kepuasan Masyarakat".
    """
    from sakip.record.services import realisasi_set

    pastikan_boleh(aktor, Aksi.UBAH_REALISASI, kuesioner)
    hasil = hasil_kuesioner(kuesioner)
    if hasil.ikm.ikm is None:
        raise SkmError(f"IKM belum dapat dihitung: {hasil.ikm.rumus}")
    ikm = bulatkan(hasil.ikm.ikm)
    with transaction.atomic():
        tk = TahunKinerja.objects.filter(instansi=kuesioner.instansi, tahun=kuesioner.tahun).first()
        if tk is None or tk.renstra_id is None:
            raise SkmError(
                f"belum ada data {kuesioner.instansi} tahun {kuesioner.tahun} untuk diisi"
            )
        indikator = _indikator_ikm(tk, indikator_kode)
        lama = (
            NilaiIndikator.objects.filter(indikator=indikator, tahun=kuesioner.tahun)
            .values_list("realisasi", "versi")
            .first()
        )
        nilai = realisasi_set(
            aktor=aktor,
            indikator=indikator,
            tahun=kuesioner.tahun,
            nilai=ikm,
            versi=lama[1] if lama else 0,
        )
        audit_record(
            actor=aktor,
            action=AuditAction.SKM_IKM_REALISASI,
            obj=kuesioner,
            old={"indikator": indikator.kode, "realisasi": _teks(lama[0] if lama else None)},
            new={"indikator": indikator.kode, "realisasi": str(ikm)},
        )
    return nilai, hasil


def _indikator_ikm(tk: TahunKinerja, kode: str | None) -> Indikator:
    assert tk.renstra_id is not None  # the caller refuses a year without a Renstra
    semua = Indikator.objects.filter(renstra_id=tk.renstra_id)
    if kode:
        pilihan = list(semua.filter(kode=kode))
    else:
        pilihan = list(semua.filter(uraian__icontains="kepuasan masyarakat"))
    if len(pilihan) != 1:
        raise SkmError(
            f"indikator {kode} tidak ada di Renstra"
            if kode
            else "indikator IKM tidak dapat ditentukan: sebutkan kodenya"
        )
    return pilihan[0]


def _teks(value: object) -> str | None:
    return None if value is None else str(value)


def _ringkas(k: Kuesioner) -> dict[str, object]:
    return {
        "kode": k.kode,
        "instansi": k.instansi.nama,
        "tahun": k.tahun,
        "periode": k.periode,
        "layanan": k.layanan,
        "unsur_set": k.unsur_set,
        "terbuka": k.terbuka,
    }
