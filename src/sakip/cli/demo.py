"""The demo accounts of ``sakip demo``: one per role on the two shipped datasets.

Created through ``sakip.akun.services`` as the system actor, so the audit
says who made them. The password is the one given or a random one printed
once: a demo database never holds a password everyone knows. Django is
started by the caller (``database.run_demo``).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from django.contrib.auth.models import User

    from sakip.dataset.baca import DatasetFile

PEMDA_DEMO = "Kabupaten Sampang"
# The superuser earlier versions of `sakip demo` created, password and all.
DEMO_LAMA = "demo"


@dataclass(frozen=True)
class AkunDemo:
    username: str
    peran: str
    # An instansi's name for operator and pimpinan, else None (the pemda's role).
    instansi: str | None


AKUN_DEMO = (
    AkunDemo("operator-robatal", "operator", "Kecamatan Robatal"),
    AkunDemo("pimpinan-robatal", "pimpinan", "Kecamatan Robatal"),
    AkunDemo("operator-torjun", "operator", "Kecamatan Torjun"),
    AkunDemo("pimpinan-torjun", "pimpinan", "Kecamatan Torjun"),
    AkunDemo("admin-sampang", "admin_pemda", None),
    AkunDemo("evaluator-sampang", "evaluator", None),
)


def sandi_acak() -> str:
    """A random password of 20 URL-safe characters (about 120 bits)."""
    return secrets.token_urlsafe(15)


def data_lain(files: list[DatasetFile]) -> list[str]:
    """What the database holds besides the demo: users and instansi, by name.

    The system actor and the demo's own accounts and instansi do not count,
    so that ``sakip demo`` can run again on its own database.
    """
    from django.contrib.auth import get_user_model

    from sakip.akun.sistem import NAMA_SISTEM
    from sakip.organisasi.models import Instansi

    User = get_user_model()
    dikenal = {a.username for a in AKUN_DEMO} | {NAMA_SISTEM}
    lama = User.objects.filter(**{User.USERNAME_FIELD: DEMO_LAMA}).first()
    if lama is not None and (
        akun_lama() is not None or not (lama.is_active or lama.has_usable_password())
    ):
        # The earlier demo's account, still to deactivate or deactivated already.
        dikenal.add(DEMO_LAMA)
    users = sorted(
        u for u in User.objects.values_list(User.USERNAME_FIELD, flat=True) if u not in dikenal
    )
    demo = {(f.doc["pemda"]["nama"].lower(), f.doc["instansi"]["nama"].lower()) for f in files}
    instansi = sorted(
        f"{i} ({p})"
        for p, i in Instansi.objects.values_list("pemda__nama", "nama")
        if (p.lower(), i.lower()) not in demo
    )
    lain = []
    if users:
        lain.append(f"pengguna {_daftar(users)}")
    if instansi:
        lain.append(f"instansi {_daftar(instansi)}")
    return lain


def akun_lama() -> User | None:
    """The superuser ``demo`` / ``demo`` of an earlier ``sakip demo``, if still usable."""
    from django.contrib.auth import get_user_model

    User = get_user_model()
    user = User.objects.filter(**{User.USERNAME_FIELD: DEMO_LAMA}).first()
    if user is None or not user.is_active or not user.check_password(DEMO_LAMA):
        return None
    return user


def akun_lama_cabut(user: User) -> None:
    """Deactivate the earlier demo's account: its password is known to everyone.

    Kept (deactivated, without a usable password) rather than deleted, since
    the audit and the imported files may name it. Audited as the system actor.
    """
    from django.db import transaction

    from sakip.akun.sistem import aktor_sistem
    from sakip.ledger.audit import audit_record
    from sakip.ledger.models import AuditAction

    with transaction.atomic():
        user.is_active = False
        user.set_unusable_password()
        user.save(update_fields=["is_active", "password"])
        audit_record(
            actor=aktor_sistem(),
            action=AuditAction.PENGGUNA_NONAKTIF,
            obj=user,
            old={"username": user.get_username(), "is_active": True},
            new={"username": user.get_username(), "is_active": False},
        )


def _daftar(nama: list[str], batas: int = 5) -> str:
    teks = ", ".join(nama[:batas])
    return teks + (f" dan {len(nama) - batas} lainnya" if len(nama) > batas else "")


def sandi_ditolak(sandi: str) -> list[str]:
    """Django's password rules against every demo account; empty when accepted."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    User = get_user_model()
    pesan: list[str] = []
    for akun in AKUN_DEMO:
        try:
            validate_password(sandi, user=User(**{User.USERNAME_FIELD: akun.username}))
        except ValidationError as exc:
            pesan += [m for m in exc.messages if m not in pesan]
    return pesan


def akun_demo_buat(sandi: str) -> tuple[list[str], int]:
    """Create the demo accounts that do not exist yet; (lines to print, how many created).

    An account that exists keeps its password; a role it lacks is given.
    """
    from django.contrib.auth import get_user_model
    from django.db import transaction

    from sakip.akun.models import Keanggotaan
    from sakip.akun.queries import find_pemda
    from sakip.akun.services import keanggotaan_tambah, pengguna_tambah
    from sakip.akun.sistem import aktor_sistem
    from sakip.organisasi.models import Instansi

    User = get_user_model()
    aktor = aktor_sistem()
    pemda = find_pemda(PEMDA_DEMO)
    baris, dibuat = [], 0
    with transaction.atomic():
        for akun in AKUN_DEMO:
            lingkup: dict = (
                {"instansi": Instansi.objects.get(pemda=pemda, nama=akun.instansi)}
                if akun.instansi
                else {"pemda": pemda}
            )
            nama_lingkup = akun.instansi or pemda.nama
            user = User.objects.filter(**{User.USERNAME_FIELD: akun.username}).first()
            if user is None:
                pengguna_tambah(
                    aktor=aktor, username=akun.username, password=sandi, peran=akun.peran, **lingkup
                )
                dibuat += 1
                baris.append(f"pengguna {akun.username} dibuat: {akun.peran} {nama_lingkup}")
                continue
            if not Keanggotaan.objects.filter(user=user, peran=akun.peran, **lingkup).exists():
                keanggotaan_tambah(aktor=aktor, user=user, peran=akun.peran, **lingkup)
                baris.append(
                    f"pengguna {akun.username} sudah ada (sandi tidak diubah); "
                    f"diberi peran {akun.peran} {nama_lingkup}"
                )
            else:
                baris.append(f"pengguna {akun.username} sudah ada (sandi tidak diubah)")
    return baris, dibuat
