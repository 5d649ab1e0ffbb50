"""What the database itself refuses: a role in the wrong scope, a role twice."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction

from sakip.akun.models import Keanggotaan, Peran


@pytest.mark.parametrize(
    ("peran", "lingkup"),
    [
        (Peran.OPERATOR, {"pemda": "sampang"}),
        (Peran.PIMPINAN, {"pemda": "sampang"}),
        (Peran.ADMIN_PEMDA, {"instansi": "robatal"}),
        (Peran.EVALUATOR, {"instansi": "robatal"}),
        (Peran.OPERATOR, {"instansi": "robatal", "pemda": "sampang"}),
        (Peran.ADMIN_PEMDA, {"instansi": "robatal", "pemda": "sampang"}),
        (Peran.OPERATOR, {}),
        ("bupati", {"pemda": "sampang"}),
    ],
)
def test_a_role_in_the_wrong_scope_is_refused(dunia, peran, lingkup):
    user = dunia.pengguna["tanpa-peran"]
    kwargs = {kolom: dunia.objek(nama) for kolom, nama in lingkup.items()}
    with pytest.raises(IntegrityError), transaction.atomic():
        Keanggotaan.objects.create(user=user, peran=peran, **kwargs)


@pytest.mark.parametrize(
    ("peran", "kolom", "nama"),
    [(Peran.OPERATOR, "instansi", "robatal"), (Peran.EVALUATOR, "pemda", "sampang")],
)
def test_the_same_role_twice_is_refused(dunia, peran, kolom, nama):
    user = dunia.pengguna["tanpa-peran"]
    Keanggotaan.objects.create(user=user, peran=peran, **{kolom: dunia.objek(nama)})
    with pytest.raises(IntegrityError), transaction.atomic():
        Keanggotaan.objects.create(user=user, peran=peran, **{kolom: dunia.objek(nama)})
