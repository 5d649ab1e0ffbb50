"""The audit record every write leaves: who, what, on which object, before
and after; and the record's revision mark that moves after each write."""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import NamedTuple

from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import ObjectDoesNotExist
from django.db import connection, models, transaction
from django.db.models import Q

from sakip.common.versi import sidik_kode
from sakip.dataset import json_exact as jsontext
from sakip.ledger.models import AuditLog, Revisi


def audit_record(
    *,
    actor: User | AnonymousUser | None,
    action: str,
    obj: models.Model,
    old: object = None,
    new: object = None,
    lokasi: str = "",
    bidang: str = "",
    versi: int | None = None,
) -> AuditLog:
    """Write one audit row; ``actor`` is a user, or ``None`` (or a user not
    saved) for the command line. ``old`` and ``new`` are kept as JSON, None
    as nothing; ``lokasi`` says where the object is in words, ``bidang``
    which field changed and ``versi`` the row's version after the write."""
    row = AuditLog.objects.create(
        actor=actor if isinstance(actor, User) and actor.pk else None,
        action=action,
        object_type=obj._meta.label,
        object_id=str(obj.pk),
        lokasi=lokasi[:255],
        bidang=bidang,
        versi=versi,
        old="" if old is None else jsontext.dumps(old, indent=None),
        new="" if new is None else jsontext.dumps(new, indent=None),
    )
    revisi_baru(instansi_dari(obj))
    return row


def instansi_dari(obj: models.Model) -> int | None:
    """The instansi whose record ``obj`` belongs to, as the access function
    reads it (the model's ``lingkup_akses()``, else its ``instansi``); None
    for what belongs to no single instansi."""
    metode = getattr(obj, "lingkup_akses", None)
    if callable(metode):
        try:
            lingkup = metode()
        except ObjectDoesNotExist:  # a row whose parent is gone: mark every instansi
            return None
        return lingkup[1] if isinstance(lingkup, tuple) and len(lingkup) == 2 else None
    instansi_id = getattr(obj, "instansi_id", None)
    return instansi_id if isinstance(instansi_id, int) else None


def revisi_baru(instansi_id: int | None) -> None:
    """Move the revision mark of ``instansi_id`` (of every instansi: None)
    once the current write has committed (at once outside a transaction;
    never if it is rolled back)."""
    transaction.on_commit(lambda: _tandai(instansi_id))


def _tandai(instansi_id: int | None) -> None:
    baru = Revisi.objects.create(instansi_id=instansi_id)
    Revisi.objects.filter(instansi_id=instansi_id, id__lt=baru.id).delete()


class Tanda(NamedTuple):
    """The record's revision mark: the newest revision's id and when it was
    made. Ids grow; the time tells apart two databases (a test database made
    again, another server) whose ids happen to meet."""

    id: int
    waktu: datetime | None


def tanda_revisi(instansi_id: int | None = None) -> Tanda:
    """The revision mark of an instansi's record: it grows after every
    committed write to it or to what every instansi shares. Without an
    instansi: of the whole record (any write)."""
    rows = Revisi.objects.all()
    if instansi_id is not None:
        rows = rows.filter(Q(instansi_id=instansi_id) | Q(instansi_id__isnull=True))
    row = rows.order_by("-id").values_list("id", "waktu").first()
    return Tanda(*row) if row else Tanda(0, None)


def kunci_tersimpan(nama: str, tanda: Tanda, *bagian: object) -> str:
    """A cache key for what is computed from the record at ``tanda``: the
    code that computes it, the database (two servers, or a test database,
    may share a cache folder), the mark with its time, and the given parts."""
    db = connection.settings_dict
    isi = [
        sidik_kode(),
        f"{db['ENGINE']} {db['HOST']} {db['PORT']} {db['NAME']}",
        f"{tanda.id} {tanda.waktu.isoformat() if tanda.waktu else ''}",
        *map(str, bagian),
    ]
    return f"{nama}:" + hashlib.sha256("\n".join(isi).encode()).hexdigest()
