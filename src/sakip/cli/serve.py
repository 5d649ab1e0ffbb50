"""``sakip serve``: the application under gunicorn, on the database
``DATABASE_URL`` names, with its migrations applied, static files collected
and the drawn pages of an earlier start dropped."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any


def register(sub: Any) -> None:
    s = sub.add_parser("serve", help="jalankan aplikasi web (gunicorn) sesudah migrasi")
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=int, default=8000)
    s.add_argument(
        "--workers",
        type=int,
        default=min(4, (os.cpu_count() or 1) * 2),
        help="jumlah proses pekerja (bawaan: 2 per inti, paling banyak 4)",
    )
    s.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from sakip.cli.database import _django, _migrate

    _django()
    from django.core.management import call_command

    _migrate()
    call_command("collectstatic", interactive=False, verbosity=0)
    # Pages drawn under the settings of an earlier start are not given again
    # (their keys already carry the code's fingerprint), and old files go.
    from sakip.web.tersimpan import lupakan_semua

    lupakan_semua()
    print(
        f"Aplikasi berjalan di http://{args.host}:{args.port}/ (Ctrl-C untuk berhenti)",
        file=sys.stderr,
    )
    sys.stderr.flush()
    # gunicorn replaces this process: signals reach it directly, no wrapper lingers.
    os.execv(
        sys.executable,
        [
            sys.executable,
            "-m",
            "gunicorn",
            "sakip.project.wsgi",
            "--bind",
            f"{args.host}:{args.port}",
            "--workers",
            str(args.workers),
            "--access-logfile",
            "-",
            "--error-logfile",
            "-",
        ],
    )
    return 0  # pragma: no cover - execv does not return
