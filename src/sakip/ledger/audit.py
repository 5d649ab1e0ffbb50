"""The audit record every write leaves: who, what, on which object, before and after."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser, User
from django.db import models

from sakip.dataset import json_exact as jsontext
from sakip.ledger.models import AuditLog


def audit_record(
    *,
    actor: User | AnonymousUser | None,
    action: str,
    obj: models.Model,
    old: dict | None,
    new: dict | None,
) -> AuditLog:
    """Write one audit row; ``actor`` is a user, or ``None`` for the command line."""
    return AuditLog.objects.create(
        actor=actor if isinstance(actor, User) else None,
        action=action,
        object_type=obj._meta.label,
        object_id=str(obj.pk),
        old="" if old is None else jsontext.dumps(old, indent=None),
        new="" if new is None else jsontext.dumps(new, indent=None),
    )
