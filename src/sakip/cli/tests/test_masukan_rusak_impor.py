"""``sakip import`` refuses every hostile file of the table of
``sakip/dataset/tests/test_masukan_rusak.py`` the way ``sakip check`` does:
exit 1, the message naming file and line or cell, no raw control character
on the terminal, and the database unchanged."""

import pytest

from sakip.cli.main import main
from sakip.dataset.tests.test_masukan_rusak import KASUS, Kasus
from sakip.ledger.testing import dump
from sakip.record.models import TahunKinerja

from .test_database_commands import TORJUN

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("kasus", KASUS, ids=[k.id for k in KASUS])
def test_import_refuses_it_and_changes_nothing(tmp_path, capsys, kasus: Kasus):
    assert main(["import", str(TORJUN)]) == 0
    before = dump()
    path, tempat = kasus.buat(tmp_path)
    capsys.readouterr()

    assert main(["import", str(path)]) == 1

    out, err = capsys.readouterr()
    assert f"{path}, {tempat}: " in err and kasus.pesan in err
    assert "tidak ada data yang diimpor" in err
    assert all(ch in "\n\t" or ch.isprintable() for ch in out + err)
    assert dump() == before
    assert TahunKinerja.objects.count() == 1
