"""The one access function: may this user do this action on this object?

Every service and every view asks ``boleh`` or ``pastikan_boleh`` before it
reads or changes anything; no other module decides a right.

Rules (``HAK`` below):

- operator of an instansi: see it, change its plan, realisations, budget and
  report text, import a dataset into it and submit a year;
- pimpinan of an instansi: see it, approve (or return) a year, sign the
  Perjanjian Kinerja;
- admin_pemda: every action on the pemda and every instansi of it; only
  they change the pemda's rules (``ubah_aturan_pemda``) and add its agencies
  (``kelola_instansi``), and only on the
  ``Pemda`` object itself, never through one of its instansi or records;
- evaluator of a pemda: see the pemda and all its instansi and write review
  notes, nothing that changes a figure;
- a review note is answered by the evaluator and by whoever sees the
  instansi-year and works on it (operator, pimpinan, admin);
- superusers and the system actor (``sakip.akun.sistem``): everything;
- anyone else, anonymous and inactive users included: nothing.

An object's scope is the pair ``(pemda_id, instansi_id)``, the instansi
``None`` for an object of the pemda itself. It is found as follows:

1. a ``Pemda`` is ``(pk, None)``; an ``Instansi`` is ``(pemda_id, pk)``;
2. an object with a method ``lingkup_akses()`` returns its scope itself.
   This is the protocol the record's models implement, e.g. a year's
   dataset: ``return (self.instansi.pemda_id, self.instansi_id)`` (it may
   query; select the instansi with the object to save that query). The
   pair must be true to the database: the instansi decides an operator's
   or pimpinan's right, the pemda an admin's or evaluator's;
3. otherwise its ``instansi`` attribute, then its ``pemda`` attribute, is
   followed (one level of foreign key, resolved by rules 1-2).

An object whose scope cannot be found (``None``, an unsaved pemda, a value
of another type) is refused to everyone, superusers included: a right is
never given by accident to an object nobody thought about.

Speed: a user's memberships are read once, with one query, and kept on the
user object (attribute ``_sakip_keanggotaan``). A request has its own user
object, so the cache lives exactly as long as the request; code that
changes the memberships of a user object it keeps using calls
``lupakan_keanggotaan(user)``. A call on a ``Pemda`` or an ``Instansi`` thus
costs one query the first time and none afterwards; following a foreign key
that was not selected costs one more.

>>> Aksi.UBAH_REALISASI.label
'mengubah realisasi'
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db import models

from sakip.akun.models import Keanggotaan, Peran
from sakip.akun.sistem import adalah_aktor_sistem
from sakip.organisasi.models import Instansi, Pemda

Lingkup = tuple[int, int | None]
# Whoever asks: a user, the anonymous visitor of a request, or nobody at all.
Aktor = User | AnonymousUser | None


class Aksi(models.TextChoices):
    """Business actions; the label is the verb phrase used in messages."""

    LIHAT = "lihat", "melihat"
    # Renstra, targets, indicator fields, rencana aksi.
    UBAH_RENCANA = "ubah_rencana", "mengubah rencana"
    # Annual and quarterly realisations and their evidence.
    UBAH_REALISASI = "ubah_realisasi", "mengubah realisasi"
    # Pagu and budget realisation.
    UBAH_ANGGARAN = "ubah_anggaran", "mengubah anggaran"
    UBAH_NARASI = "ubah_narasi", "mengubah narasi laporan"
    IMPOR = "impor", "mengimpor dataset ke"
    AJUKAN = "ajukan", "mengajukan laporan"
    SETUJUI = "setujui", "menyetujui atau mengembalikan laporan"
    TANDATANGANI_PK = "tandatangani_pk", "menandatangani Perjanjian Kinerja"
    BUKA_KUNCI = "buka_kunci", "membuka kunci laporan"
    # The pemda's rules: predikat scale, capaian cap, negative formula, SKM weight.
    UBAH_ATURAN_PEMDA = "ubah_aturan_pemda", "mengubah aturan pemda"
    KELOLA_PENGGUNA = "kelola_pengguna", "mengelola pengguna"
    # Adding an agency to the pemda.
    KELOLA_INSTANSI = "kelola_instansi", "mengelola instansi"
    CATATAN_REVIU = "catatan_reviu", "menulis catatan reviu"
    # Answering a review note: the thread is between the reviewer and the agency.
    JAWAB_CATATAN = "jawab_catatan", "menjawab catatan reviu"


HAK: dict[Peran, frozenset[Aksi]] = {
    Peran.OPERATOR: frozenset(
        {
            Aksi.LIHAT,
            Aksi.UBAH_RENCANA,
            Aksi.UBAH_REALISASI,
            Aksi.UBAH_ANGGARAN,
            Aksi.UBAH_NARASI,
            Aksi.IMPOR,
            Aksi.AJUKAN,
            Aksi.JAWAB_CATATAN,
        }
    ),
    Peran.PIMPINAN: frozenset({Aksi.LIHAT, Aksi.SETUJUI, Aksi.TANDATANGANI_PK, Aksi.JAWAB_CATATAN}),
    Peran.ADMIN_PEMDA: frozenset(Aksi),
    Peran.EVALUATOR: frozenset({Aksi.LIHAT, Aksi.CATATAN_REVIU, Aksi.JAWAB_CATATAN}),
}

# Actions on a Pemda object only: never through one of its instansi or another
# object of the pemda's scope (a role's right, that is; superusers may anything).
AKSI_PEMDA = frozenset({Aksi.UBAH_ATURAN_PEMDA, Aksi.KELOLA_INSTANSI})

_CACHE = "_sakip_keanggotaan"


class AksesDitolak(PermissionDenied):
    """The user may not do that; the message names user, action and object."""

    def __init__(self, pesan: str, *, user: Aktor, aksi: Aksi, obj: object):
        super().__init__(pesan)
        self.user, self.aksi, self.obj = user, aksi, obj


def lingkup(obj: object, *, _kedalaman: int = 0) -> Lingkup | None:
    """``(pemda_id, instansi_id | None)`` of ``obj``, or None when unknown."""
    if isinstance(obj, Pemda):
        return (obj.pk, None) if obj.pk is not None else None
    if isinstance(obj, Instansi):
        if obj.pk is None or obj.pemda_id is None:
            return None
        return (obj.pemda_id, obj.pk)
    if obj is None or _kedalaman > 0:
        # Only one foreign key is followed: a chain is the model's to resolve
        # in lingkup_akses(), where it can select what it needs.
        return None
    metode = getattr(obj, "lingkup_akses", None)
    if callable(metode):
        return _periksa_lingkup(metode())
    for nama in ("instansi", "pemda"):
        try:
            induk = getattr(obj, nama, None)
        except ObjectDoesNotExist:  # a required foreign key not set yet
            return None
        if induk is not None:
            return lingkup(induk, _kedalaman=_kedalaman + 1)
    return None


def _periksa_lingkup(nilai: Any) -> Lingkup | None:
    """A scope from ``lingkup_akses()``, or None when it is not one."""
    if not isinstance(nilai, tuple) or len(nilai) != 2:
        return None
    pemda_id, instansi_id = nilai
    if not _id(pemda_id) or not (instansi_id is None or _id(instansi_id)):
        return None
    return (pemda_id, instansi_id)


def _id(nilai: Any) -> bool:
    return isinstance(nilai, int) and not isinstance(nilai, bool)


def keanggotaan(user: User) -> tuple[tuple[str, int | None, int | None], ...]:
    """The user's memberships as (peran, pemda_id, instansi_id), cached on the user."""
    cache = getattr(user, _CACHE, None)
    if cache is None:
        cache = tuple(
            Keanggotaan.objects.filter(user_id=user.pk).values_list(
                "peran", "pemda_id", "instansi_id"
            )
        )
        setattr(user, _CACHE, cache)
    return cache


def lupakan_keanggotaan(user: User) -> None:
    """Drop the cached memberships (after changing them on this user object)."""
    if hasattr(user, _CACHE):
        delattr(user, _CACHE)


def _alasan_tolak(user: Aktor, aksi: Aksi, obj: object) -> str | None:
    """Why ``user`` may not do ``aksi`` on ``obj``; None when they may."""
    if user is None or not getattr(user, "is_authenticated", False):
        return "belum masuk"
    scope = lingkup(obj)
    if scope is None:
        return "lingkup objek tidak dikenal"
    if adalah_aktor_sistem(user):
        return None
    if not user.is_active:
        return "akun tidak aktif"
    if user.is_superuser:
        return None
    if aksi in AKSI_PEMDA and not isinstance(obj, Pemda):
        return "hanya pada pemda itu sendiri"
    pemda_id, instansi_id = scope
    for peran, m_pemda, m_instansi in keanggotaan(user):
        if aksi not in HAK.get(Peran(peran), frozenset()):
            continue
        if m_instansi is not None and m_instansi == instansi_id:
            return None
        if m_pemda is not None and m_pemda == pemda_id:
            return None
    return ""


def boleh(user: Aktor, aksi: Aksi | str, obj: object) -> bool:
    """Whether ``user`` may do ``aksi`` on ``obj`` (see the module's rules)."""
    return _alasan_tolak(user, Aksi(aksi), obj) is None


def pastikan_boleh(user: Aktor, aksi: Aksi | str, obj: object) -> None:
    """Raise ``AksesDitolak`` unless ``user`` may do ``aksi`` on ``obj``."""
    aksi = Aksi(aksi)
    alasan = _alasan_tolak(user, aksi, obj)
    if alasan is None:
        return
    if user is None or not getattr(user, "is_authenticated", False):
        siapa = "pengguna anonim"
    else:
        siapa = f"pengguna {user.get_username()!r}"
    pesan = f"{siapa} tidak berhak {aksi.label} {_nama(obj)}"
    if alasan:
        pesan += f" ({alasan})"
    raise AksesDitolak(pesan, user=user, aksi=aksi, obj=obj)


def _nama(obj: object) -> str:
    if obj is None:
        return "(objek tidak disebut)"
    return str(obj)
