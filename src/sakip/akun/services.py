"""Every write to accounts: one function each, atomic, checked and audited.

The caller names its actor: a user of the web application, or
``sistem.aktor_sistem()`` from the command line. Passwords never reach the
audit record.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from sakip.akun.akses import Aksi, Aktor, lupakan_keanggotaan, pastikan_boleh
from sakip.akun.models import PERAN_INSTANSI, Keanggotaan, Peran
from sakip.akun.sistem import NAMA_SISTEM, adalah_aktor_sistem
from sakip.ledger.audit import audit_record
from sakip.ledger.models import AuditAction
from sakip.organisasi.models import Instansi, Pemda

# Field names as the command line and the forms call them.
_NAMA_KOLOM = {"username": "nama pengguna", "email": "email"}


class AkunError(Exception):
    """A refused account change; the message is for the user, in Indonesian."""


class SandiDitolak(AkunError):
    """The password fails Django's validators; ``pesan`` lists their messages."""

    def __init__(self, pesan: list[str]):
        self.pesan = pesan
        super().__init__("sandi ditolak: " + " ".join(pesan))


def _lingkup(
    peran: Peran, *, instansi: Instansi | None, pemda: Pemda | None
) -> tuple[Instansi | None, Pemda | None]:
    """The membership's (instansi, pemda) for the role: exactly one is set."""
    if peran in PERAN_INSTANSI:
        if instansi is None:
            raise AkunError(f"peran {peran.label} memerlukan instansi")
        if pemda is not None and pemda.pk != instansi.pemda_id:
            raise AkunError(f"instansi {instansi} bukan bagian dari {pemda}")
        return instansi, None
    if pemda is None or instansi is not None:
        raise AkunError(f"peran {peran.label} berlaku untuk satu pemda, bukan instansi")
    return None, pemda


def _peran(peran: str) -> Peran:
    try:
        return Peran(peran)
    except ValueError:
        raise AkunError(
            f"peran {peran!r} tidak dikenal; pilih: {', '.join(Peran.values)}"
        ) from None


def _pemda_dari(instansi: Instansi | None, pemda: Pemda | None) -> Pemda:
    """The pemda whose users are managed: the right to manage users is the pemda's."""
    if instansi is not None:
        return instansi.pemda
    assert pemda is not None, "_lingkup() leaves exactly one of the two"
    return pemda


@transaction.atomic
def pengguna_tambah(
    *,
    aktor: Aktor,
    username: str,
    password: str,
    peran: str,
    instansi: Instansi | None = None,
    pemda: Pemda | None = None,
    email: str = "",
) -> User:
    """Create a user with a first membership; raises ``AkunError`` or ``AksesDitolak``."""
    peran = _peran(peran)
    instansi, pemda_anggota = _lingkup(peran, instansi=instansi, pemda=pemda)
    pastikan_boleh(aktor, Aksi.KELOLA_PENGGUNA, _pemda_dari(instansi, pemda_anggota))

    User = get_user_model()
    username = username.strip()
    if username.lower() == NAMA_SISTEM:
        raise AkunError(f"nama pengguna {NAMA_SISTEM!r} dipakai oleh baris perintah")
    if User.objects.filter(**{f"{User.USERNAME_FIELD}__iexact": username}).exists():
        raise AkunError(f"nama pengguna {username!r} sudah dipakai")
    user = User(
        **{User.USERNAME_FIELD: username}, email=User.objects.normalize_email(email.strip())
    )
    try:
        # The username's own validators (allowed characters, length) and the email's.
        user.full_clean(exclude=["password"], validate_unique=False)
    except ValidationError as exc:
        raise AkunError(
            "; ".join(
                f"{_NAMA_KOLOM.get(kolom, kolom)}: {pesan}"
                for kolom, daftar in exc.message_dict.items()
                for pesan in daftar
            )
        ) from None
    try:
        validate_password(password, user=user)
    except ValidationError as exc:
        raise SandiDitolak(_pesan(exc)) from None
    user.set_password(password)
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError:
        # Created by someone else between the check and the insert.
        raise AkunError(f"nama pengguna {username!r} sudah dipakai") from None
    audit_record(
        actor=aktor,
        action=AuditAction.PENGGUNA_TAMBAH,
        obj=user,
        old=None,
        new={"username": user.get_username(), "email": user.email},
    )
    keanggotaan_tambah(aktor=aktor, user=user, peran=peran, instansi=instansi, pemda=pemda_anggota)
    return user


@transaction.atomic
def keanggotaan_tambah(
    *,
    aktor: Aktor,
    user: User,
    peran: str,
    instansi: Instansi | None = None,
    pemda: Pemda | None = None,
) -> Keanggotaan:
    """Give ``user`` a role in an instansi or a pemda; refuses one they already hold."""
    peran = _peran(peran)
    instansi, pemda = _lingkup(peran, instansi=instansi, pemda=pemda)
    pastikan_boleh(aktor, Aksi.KELOLA_PENGGUNA, _pemda_dari(instansi, pemda))
    if adalah_aktor_sistem(user):
        # It may do everything already; a role would only mislead the listing.
        raise AkunError(f"aktor sistem {user.get_username()!r} tidak diberi peran")
    anggota = Keanggotaan(user=user, peran=peran, instansi=instansi, pemda=pemda)
    if Keanggotaan.objects.filter(user=user, peran=peran, instansi=instansi, pemda=pemda).exists():
        raise AkunError(f"pengguna {user.get_username()!r} sudah menjadi {anggota}")
    try:
        with transaction.atomic():
            anggota.save()
    except IntegrityError:
        raise AkunError(f"pengguna {user.get_username()!r} sudah menjadi {anggota}") from None
    lupakan_keanggotaan(user)
    audit_record(
        actor=aktor,
        action=AuditAction.KEANGGOTAAN_TAMBAH,
        obj=anggota,
        old=None,
        new={
            "username": user.get_username(),
            "peran": str(peran),
            "instansi": instansi.nama if instansi else None,
            "pemda": _pemda_dari(instansi, pemda).nama,
        },
    )
    return anggota


def _pesan(exc: ValidationError) -> list[str]:
    return [str(m) for m in exc.messages]
