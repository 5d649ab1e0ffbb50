"""Every write to accounts: one function each, atomic, checked and audited.

The caller names its actor: a user of the web application, or
``sistem.aktor_sistem()`` from the command line. Passwords never reach the
audit record.
"""

from __future__ import annotations

from axes.utils import reset as axes_reset
from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from sakip.akun.akses import AksesDitolak, Aksi, Aktor, lupakan_keanggotaan, pastikan_boleh
from sakip.akun.models import PERAN_INSTANSI, Keanggotaan, Peran
from sakip.akun.sistem import NAMA_SISTEM, adalah_aktor_sistem
from sakip.common.kolom import SHORT_MAX
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
    _sandi_valid(password, user)
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


def pemda_pengguna(user: User) -> list[Pemda]:
    """The pemda in which ``user`` holds a role, directly or through an instansi."""
    pemda: dict[int, Pemda] = {}
    for k in Keanggotaan.objects.filter(user=user).select_related("instansi__pemda", "pemda"):
        p = k.instansi.pemda if k.instansi is not None else k.pemda
        if p is not None:
            pemda[p.pk] = p
    return sorted(pemda.values(), key=lambda p: p.nama)


def pastikan_boleh_atur_sandi(aktor: Aktor, user: User) -> None:
    """Raise unless ``aktor`` may set ``user``'s password (see ``sandi_atur``)."""
    pastikan_boleh_kelola_akun(
        aktor, user, sendiri="sandi sendiri diganti di halaman Ganti sandi, dengan sandi lama"
    )


def pastikan_boleh_kelola_akun(aktor: Aktor, user: User, *, sendiri: str) -> None:
    """Raise unless ``aktor`` may take charge of ``user``'s account (password,
    deactivation, reactivation): a right in every pemda the user holds a role
    in, never on a staff or superuser account unless a superuser, never on
    oneself (``sendiri`` says why)."""
    # A user without a role belongs to no pemda: nobody's to manage here (the
    # access function refuses an object it cannot place, to everyone).
    daftar: list[Pemda | None] = [*pemda_pengguna(user)] or [None]
    for pemda in daftar:
        pastikan_boleh(aktor, Aksi.KELOLA_PENGGUNA, pemda)
    if adalah_aktor_sistem(user):
        raise AkunError(f"aktor sistem {user.get_username()!r} tidak bersandi")
    if user.pk == getattr(aktor, "pk", None):
        raise AkunError(sendiri)
    if (user.is_superuser or user.is_staff) and not getattr(aktor, "is_superuser", False):
        # A pemda's admin must not be able to take over an account with more
        # rights than the pemda gives (the Django admin, every pemda).
        siapa = aktor.get_username() if aktor is not None else ""
        raise AksesDitolak(
            f"pengguna {siapa!r} tidak berhak {Aksi.KELOLA_PENGGUNA.label} "
            f"{user.get_username()!r} (akun staf atau superuser)",
            user=aktor,
            aksi=Aksi.KELOLA_PENGGUNA,
            obj=user,
        )


@transaction.atomic
def sandi_atur(*, aktor: Aktor, user: User, sandi: str) -> None:
    """The pemda's admin sets a new password for one of the pemda's users.

    The admin must be allowed to manage users in every pemda the user holds a
    role in: a user of two pemda is not one pemda's to take over. Django's
    password rules apply. The user's sessions end (Django ties a session to
    the password) and a lockout for too many failed logins on the account is
    lifted, since the admin has just given them a password to use. The audit
    names the user, never the password.
    """
    pastikan_boleh_atur_sandi(aktor, user)
    _sandi_valid(sandi, user)
    user.set_password(sandi)
    user.save(update_fields=["password"])
    axes_reset(username=user.get_username())
    audit_record(
        actor=aktor,
        action=AuditAction.SANDI_ATUR,
        obj=user,
        old=None,
        new={"username": user.get_username()},
    )


@transaction.atomic
def pengguna_nonaktifkan(*, aktor: Aktor, user: User) -> None:
    """The pemda's admin deactivates a user who left: they can no longer log
    in (Django refuses an inactive user's session too), their roles and the
    audit naming them stay. The same rights as setting their password."""
    pastikan_boleh_kelola_akun(aktor, user, sendiri="akun sendiri tidak dapat dinonaktifkan")
    _atur_aktif(aktor, user, aktif=False, aksi=AuditAction.PENGGUNA_NONAKTIF)


@transaction.atomic
def pengguna_aktifkan(*, aktor: Aktor, user: User) -> None:
    """The pemda's admin lets a deactivated user back in: they can log in
    again with their password and keep their roles. A lockout for too many
    failed logins on the account is lifted, since the admin has just let
    them back. The same rights as deactivating them."""
    pastikan_boleh_kelola_akun(aktor, user, sendiri="akun sendiri tidak dapat diaktifkan kembali")
    _atur_aktif(aktor, user, aktif=True, aksi=AuditAction.PENGGUNA_AKTIF)
    axes_reset(username=user.get_username())


def _atur_aktif(aktor: Aktor, user: User, *, aktif: bool, aksi: AuditAction) -> None:
    if user.is_active == aktif:
        keadaan = "aktif" if aktif else "nonaktif"
        raise AkunError(f"pengguna {user.get_username()!r} sudah {keadaan}")
    user.is_active = aktif
    user.save(update_fields=["is_active"])
    audit_record(
        actor=aktor,
        action=aksi,
        obj=user,
        old={"is_active": not aktif},
        new={"username": user.get_username(), "is_active": aktif},
    )


@transaction.atomic
def keanggotaan_hapus(*, aktor: Aktor, keanggotaan: Keanggotaan) -> None:
    """Take a role away; the user stays (with their other roles, if any)."""
    anggota = (
        Keanggotaan.objects.select_related("user", "instansi__pemda", "pemda")
        .filter(pk=keanggotaan.pk)
        .first()
    )
    if anggota is None:
        raise AkunError("keanggotaan itu sudah tidak ada")
    pemda = _pemda_dari(anggota.instansi, anggota.pemda)
    pastikan_boleh(aktor, Aksi.KELOLA_PENGGUNA, pemda)
    if anggota.user_id == getattr(aktor, "pk", None) and anggota.peran == Peran.ADMIN_PEMDA:
        # The last admin locking themselves out needs a superuser to undo it.
        raise AkunError("peran admin pemda sendiri tidak dapat dicabut; minta admin lain")
    lama = {
        "username": anggota.user.get_username(),
        "peran": anggota.peran,
        "instansi": anggota.instansi.nama if anggota.instansi else None,
        "pemda": pemda.nama,
    }
    user = anggota.user
    anggota.delete()
    lupakan_keanggotaan(user)
    audit_record(
        actor=aktor,
        action=AuditAction.KEANGGOTAAN_HAPUS,
        obj=user,
        old=lama,
        new=None,
    )


@transaction.atomic
def sandi_ganti(*, user: User, sandi: str) -> None:
    """A user sets their own password (the caller has checked the old one)."""
    if not user.is_authenticated or not user.is_active or adalah_aktor_sistem(user):
        raise AkunError("hanya pengguna aktif yang dapat mengganti sandinya")
    _sandi_valid(sandi, user)
    user.set_password(sandi)
    user.save(update_fields=["password"])
    audit_record(
        actor=user,
        action=AuditAction.SANDI_GANTI,
        obj=user,
        old=None,
        new={"username": user.get_username()},
    )


def _sandi_valid(sandi: str, user: User) -> None:
    try:
        validate_password(sandi, user=user)
    except ValidationError as exc:
        raise SandiDitolak(_pesan(exc)) from None


@transaction.atomic
def instansi_tambah(*, aktor: User, pemda: Pemda, nama: str, jenis: str = "") -> Instansi:
    """The pemda's admin adds an agency (with its users, the organisation the
    admin keeps); its years come by import or by the pages later."""
    pastikan_boleh(aktor, Aksi.KELOLA_INSTANSI, pemda)
    nama = " ".join((nama or "").split())
    jenis = " ".join((jenis or "").split())
    if not nama:
        raise AkunError("nama instansi masih kosong")
    if len(nama) > SHORT_MAX:
        raise AkunError(f"nama instansi terlalu panjang (paling banyak {SHORT_MAX} karakter)")
    if len(jenis) > 100:
        raise AkunError("jenis instansi terlalu panjang (paling banyak 100 karakter)")
    if Instansi.objects.filter(pemda=pemda, nama__iexact=nama).exists():
        raise AkunError(f"{nama} sudah ada di {pemda}")
    try:
        with transaction.atomic():
            instansi = Instansi.objects.create(pemda=pemda, nama=nama, jenis=jenis or None)
    except IntegrityError:
        raise AkunError(f"{nama} sudah ada di {pemda}") from None
    audit_record(
        actor=aktor,
        action=AuditAction.INSTANSI_TAMBAH,
        obj=instansi,
        old=None,
        new={"pemda": pemda.nama, "nama": nama, "jenis": jenis or None},
    )
    return instansi
