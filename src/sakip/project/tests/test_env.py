"""Settings read from the environment fail loudly on a value they cannot read."""

import os
import subprocess
import sys
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

    with pytest.raises(ImproperlyConfigured, match="weak: 5 characters, at least 50"):
        secret_key_from_file(path)


#: The production settings the README documents, with a strong key.
PRODUKSI = {
    "SAKIP_SECRET_KEY": "q8Zr0c1mJ2X5vXc7f3pHhT6kWm9Yb4NsLd2Qa8Ee1Rt7Uy5Io3Pl6Kj0Hg9Fd4Sa",
    "SAKIP_DEBUG": "0",
    "SAKIP_ALLOWED_HOSTS": "sakip.sampangkab.go.id",
    "SAKIP_CSRF_TRUSTED_ORIGINS": "https://sakip.sampangkab.go.id",
    "SAKIP_HTTPS": "1",
    "SAKIP_SSL_REDIRECT": "1",
    "SAKIP_HSTS_DETIK": "31536000",
}


def _manage(tmp_path: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    lingkungan = {
        **os.environ,
        "SAKIP_VAR_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'x.sqlite3'}",
        **env,
    }
    lingkungan.pop("DJANGO_SETTINGS_MODULE", None)
    return subprocess.run(
        [sys.executable, "-m", "sakip", "manage", *args],
        env=lingkungan,
        capture_output=True,
        text=True,
    )


def test_the_documented_production_settings_pass_the_deploy_check(tmp_path: Path):
    hasil = _manage(tmp_path, PRODUKSI, "check", "--deploy", "--fail-level", "WARNING")

    assert hasil.returncode == 0, hasil.stderr
    assert "no issues" in hasil.stdout


@pytest.mark.parametrize("kunci", ["pendek", "a" * 60, "django-insecure-" + "x1y2z3w4v5" * 5])
def test_a_weak_secret_key_stops_the_start(tmp_path: Path, kunci: str):
    hasil = _manage(tmp_path, {**PRODUKSI, "SAKIP_SECRET_KEY": kunci}, "check")

    assert hasil.returncode == 2
    assert (
        "galat: pengaturan tidak dapat dipakai: the secret key from SAKIP_SECRET_KEY is weak"
        in (hasil.stderr)
    )
    assert "Traceback" not in hasil.stderr
