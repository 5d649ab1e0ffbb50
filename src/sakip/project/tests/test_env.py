"""Settings read from the environment fail loudly on a value they cannot read."""

from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from sakip.project.env import env_bool, env_int, env_list, secret_key_from_file


@pytest.mark.parametrize("raw", ["1", "true", "YES", " on ", "ya"])
def test_it_reads_yes(raw):
    assert env_bool("SAKIP_DEBUG", False, {"SAKIP_DEBUG": raw}) is True


@pytest.mark.parametrize("raw", ["0", "false", "No", "off", "tidak", ""])
def test_it_reads_no(raw):
    assert env_bool("SAKIP_DEBUG", True, {"SAKIP_DEBUG": raw}) is False


@pytest.mark.parametrize("raw", ["ture", "2", "enabled"])
def test_it_refuses_a_yes_no_it_cannot_read(raw):
    with pytest.raises(ImproperlyConfigured, match="SAKIP_DEBUG"):
        env_bool("SAKIP_DEBUG", False, {"SAKIP_DEBUG": raw})


def test_it_refuses_a_number_it_cannot_read():
    with pytest.raises(ImproperlyConfigured, match="SAKIP_DB_CONN_MAX_AGE='sixty'"):
        env_int("SAKIP_DB_CONN_MAX_AGE", 60, {"SAKIP_DB_CONN_MAX_AGE": "sixty"})


def test_it_reads_a_list():
    assert env_list("H", [], {"H": "a.go.id, b.go.id ,"}) == ["a.go.id", "b.go.id"]


def test_it_creates_a_secret_key_once_readable_by_its_owner_only(tmp_path: Path):
    path = tmp_path / "var" / "secret_key"

    first = secret_key_from_file(path)

    assert len(first) >= 32
    assert secret_key_from_file(path) == first
    assert path.stat().st_mode & 0o077 == 0


def test_it_refuses_a_short_secret_key(tmp_path: Path):
    path = tmp_path / "secret_key"
    path.write_text("short")

    with pytest.raises(ImproperlyConfigured, match="shorter than 32"):
        secret_key_from_file(path)
