"""Reading accounts: a pemda by name, users with their memberships.

Plain reads with no access check: the command line reads as the system
actor, and a view asks ``akses.boleh`` before it calls these.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.db.models import Prefetch, Q

from sakip.akun.models import Keanggotaan
from sakip.organisasi.models import Pemda

_MAX_LISTED = 20


class PemdaTidakDitemukan(LookupError):
    """No pemda of that name; the message lists those that exist."""


def find_pemda(nama: str) -> Pemda:
    """The pemda of that name (case-insensitive, as names are unique that way)."""
    nama = nama.strip()
    pemda = Pemda.objects.filter(nama__iexact=nama).first()
    if pemda is not None:
        return pemda
    ada = list(Pemda.objects.values_list("nama", flat=True)[:_MAX_LISTED])
    if not ada:
        raise PemdaTidakDitemukan(f"pemda {nama!r} tidak ditemukan: belum ada dataset yang diimpor")
    raise PemdaTidakDitemukan(
        f"pemda {nama!r} tidak ditemukan; yang ada: {', '.join(repr(n) for n in ada)}"
    )


@dataclass(frozen=True)
class Pengguna:
    user: User
    keanggotaan: list[Keanggotaan]


def pengguna_daftar(*, pemda: Pemda | None = None) -> list[Pengguna]:
    """Every user with their memberships, by username, in two queries.

    With ``pemda``: the users holding a role in it or in one of its
    instansi, with those memberships only.
    """
    anggota = Keanggotaan.objects.select_related("instansi__pemda", "pemda").order_by(
        "peran", "instansi__nama", "pemda__nama"
    )
    users = get_user_model().objects.order_by("username")
    if pemda is not None:
        di_pemda = Q(pemda=pemda) | Q(instansi__pemda=pemda)
        anggota = anggota.filter(di_pemda)
        users = users.filter(pk__in=Keanggotaan.objects.filter(di_pemda).values("user_id"))
    users = users.prefetch_related(Prefetch("keanggotaan", queryset=anggota, to_attr="_daftar"))
    return [Pengguna(u, u._daftar) for u in users]
