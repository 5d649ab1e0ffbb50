"""Writes to the pemda's organisation: one function each, checked and audited."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction

from sakip.akun.akses import Aksi, pastikan_boleh
from sakip.common.errors import DatasetError
from sakip.common.kolom import SHORT_MAX
from sakip.ledger.audit import audit_record
from sakip.ledger.models import AuditAction
from sakip.organisasi.models import Instansi, Pemda


class OrganisasiError(DatasetError):
    """A refused change; the message is for the user, in Indonesian."""


@transaction.atomic
def instansi_tambah(*, aktor: User, pemda: Pemda, nama: str, jenis: str = "") -> Instansi:
    """The pemda's admin adds an agency; its years come by import or later pages."""
    pastikan_boleh(aktor, Aksi.KELOLA_INSTANSI, pemda)
    nama = " ".join((nama or "").split())
    jenis = " ".join((jenis or "").split())
    if not nama:
        raise OrganisasiError("nama instansi masih kosong")
    if len(nama) > SHORT_MAX:
        raise OrganisasiError(f"nama instansi terlalu panjang (paling banyak {SHORT_MAX} karakter)")
    if len(jenis) > 100:
        raise OrganisasiError("jenis instansi terlalu panjang (paling banyak 100 karakter)")
    if Instansi.objects.filter(pemda=pemda, nama__iexact=nama).exists():
        raise OrganisasiError(f"{nama} sudah ada di {pemda}")
    try:
        with transaction.atomic():
            instansi = Instansi.objects.create(pemda=pemda, nama=nama, jenis=jenis or None)
    except IntegrityError:
        raise OrganisasiError(f"{nama} sudah ada di {pemda}") from None
    audit_record(
        actor=aktor,
        action=AuditAction.INSTANSI_TAMBAH,
        obj=instansi,
        old=None,
        new={"pemda": pemda.nama, "nama": nama, "jenis": jenis or None},
    )
    return instansi
