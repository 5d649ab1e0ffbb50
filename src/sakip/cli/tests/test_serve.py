"""`sakip serve`, and the SQLite settings that let a page wait for an import."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.cache import caches

from sakip.cli import serve
from sakip.cli.main import main

DEMO = Path(__file__).resolve().parents[2] / "demo"


@pytest.mark.django_db
def test_serve_migrates_drops_the_drawn_pages_then_becomes_gunicorn(
    monkeypatch, settings, tmp_path
):
    settings.CACHES = {
        **settings.CACHES,
        "halaman": {**settings.CACHES["halaman"], "LOCATION": str(tmp_path / "h")},
        "laporan": {**settings.CACHES["laporan"], "LOCATION": str(tmp_path / "l")},
    }
    caches["halaman"].set("tahun:lama", b"drawn by an earlier version")
    caches["laporan"].set("laporan:lama", b"computed by an earlier version")
    dijalankan = {}

    def execv(path, argv):
        dijalankan["argv"] = argv

    monkeypatch.setattr(serve.os, "execv", execv)

    assert main(["serve", "--host", "0.0.0.0", "--port", "8123", "--workers", "3"]) == 0

    argv = dijalankan["argv"]
    assert argv[1:4] == ["-m", "gunicorn", "sakip.project.wsgi"]
    assert argv[argv.index("--bind") + 1] == "0.0.0.0:8123"
    assert argv[argv.index("--workers") + 1] == "3"
    assert caches["halaman"].get("tahun:lama") is None
    assert caches["laporan"].get("laporan:lama") is None


def _sakip(db: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{db}"}
    return subprocess.run(
        [sys.executable, "-m", "sakip", *args], env=env, capture_output=True, text=True
    )


def test_two_imports_at_once_on_sqlite_both_succeed(tmp_path):
    db = tmp_path / "sakip.sqlite3"
    assert _sakip(db, "manage", "migrate", "-v", "0").returncode == 0
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{db}"}
    proses = [
        subprocess.Popen(
            [sys.executable, "-m", "sakip", "import", str(DEMO / nama)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for nama in ("robatal-2020.yaml", "torjun-2022.yaml")
    ]
    hasil = [(p.wait(timeout=120), p.stderr.read()) for p in proses]

    assert [kode for kode, _ in hasil] == [0, 0], hasil
    cek = _sakip(db, "check", "--instansi", "Kecamatan Torjun", "--tahun", "2022")
    assert cek.returncode == 0
    wal = _sakip(
        db,
        "manage",
        "shell",
        "-c",
        "from django.db import connection as c; k = c.cursor(); "
        "k.execute('PRAGMA journal_mode'); print(k.fetchone()[0])",
    )
    assert wal.stdout.strip().splitlines()[-1] == "wal"


def test_a_server_error_is_logged_to_stderr_with_its_traceback(tmp_path):
    kode = (
        "import django, logging; django.setup()\n"
        "try:\n    1 / 0\n"
        "except ZeroDivisionError:\n"
        "    logging.getLogger('django.request').exception('Internal Server Error: /x')\n"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "sakip.project.settings",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'x.sqlite3'}",
    }
    hasil = subprocess.run([sys.executable, "-c", kode], env=env, capture_output=True, text=True)

    assert "ERROR django.request: Internal Server Error: /x" in hasil.stderr
    assert "Traceback" in hasil.stderr and "ZeroDivisionError" in hasil.stderr
