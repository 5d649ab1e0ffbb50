"""The audit record every write leaves: who, what, on which object, before
and after; and the record's revision mark that moves after each write."""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple

from django.contrib.auth.models import AnonymousUser, User
from django.db import models, transaction

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
    revisi_baru()
    return row


def revisi_baru() -> None:
    """Move the record's revision mark once the current write has committed
    (at once outside a transaction; never if it is rolled back)."""
    transaction.on_commit(_tandai)


def _tandai() -> None:
    baru = Revisi.objects.create()
    Revisi.objects.filter(id__lt=baru.id).delete()


class Tanda(NamedTuple):
    """The record's revision mark: the newest revision's id and when it was
    made. Ids grow; the time tells apart two databases (a test database made
    again, another server) whose ids happen to meet."""

    id: int
    waktu: datetime | None


def tanda_revisi() -> Tanda:
    """The record's revision mark: it grows after every committed write."""
    row = Revisi.objects.order_by("-id").values_list("id", "waktu").first()
    return Tanda(*row) if row else Tanda(0, None)
