"""The system actor: the named user the command line acts as.

Writes from ``sakip`` commands are audited like any other; naming an actor
("sistem") tells an auditor that the change came from the server's command
line rather than leaving the actor empty, which reads like a missing record.

The account cannot log in: it is inactive and has no usable password. It is
recognised by all three marks together (name, inactive, unusable password),
so that deactivating an ordinary user never turns it into the system actor
(``pengguna_tambah`` also refuses the name).
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.db import IntegrityError, transaction

NAMA_SISTEM = "sistem"


class AktorSistemRusak(Exception):
    """A user named ``sistem`` exists but is an ordinary account."""


def adalah_aktor_sistem(user: Any) -> bool:
    """Whether ``user`` is the system actor (no query)."""
    return (
        isinstance(user, User)
        and user.get_username() == NAMA_SISTEM
        and not user.is_active
        and not user.has_usable_password()
    )


def aktor_sistem() -> User:
    """The system actor, created on first use."""
    User = get_user_model()
    user = User.objects.filter(**{User.USERNAME_FIELD: NAMA_SISTEM}).first()
    if user is None:
        user = User(**{User.USERNAME_FIELD: NAMA_SISTEM}, is_active=False)
        user.set_unusable_password()
        try:
            with transaction.atomic():
                user.save()
        except IntegrityError:
            # Another process created it between the lookup and the insert.
            user = User.objects.get(**{User.USERNAME_FIELD: NAMA_SISTEM})
    if not adalah_aktor_sistem(user):
        raise AktorSistemRusak(
            f"pengguna {NAMA_SISTEM!r} sudah ada sebagai akun biasa (aktif atau bersandi); "
            "ganti nama akun itu agar baris perintah dapat mencatat dirinya sebagai 'sistem'"
        )
    return user
