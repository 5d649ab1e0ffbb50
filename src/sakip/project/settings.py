"""Django settings of sakip: one module, configured by the environment.

- ``DATABASE_URL``: the database (``postgres://user:pass@host:port/db``,
  ``sqlite:////abs/path``); default SQLite in ``<var>/sakip.sqlite3``.
- ``SAKIP_DEBUG``: Django debug mode, 1 or 0 (default 0).
- ``SAKIP_SECRET_KEY``: the signing key. Without it a DEBUG process uses a
  development key and any other process the key in ``<var>/secret_key``,
  created once for this machine.
- ``SAKIP_ALLOWED_HOSTS``: comma-separated host names (default localhost,
  127.0.0.1, [::1]).
- ``SAKIP_CSRF_TRUSTED_ORIGINS``: comma-separated origins
  (``https://sakip.example.go.id``).
- ``SAKIP_HTTPS``: 1 when served over HTTPS behind a proxy that sets
  ``X-Forwarded-Proto`` (secure cookies).
- ``SAKIP_SSL_REDIRECT``: 1 to redirect plain HTTP to HTTPS (default 0; the
  proxy may do it instead).
- ``SAKIP_HSTS_DETIK``: seconds browsers must use HTTPS only (HSTS; default
  0, off). ``SAKIP_HSTS_SUBDOMAIN``: HSTS covers subdomains too (default 1).
- ``SAKIP_VAR_DIR``: where the SQLite file, the key file and the collected
  static files live (default ``<repo>/var``).
- ``SAKIP_BUKTI_DIR``: where uploaded evidence files (bukti dukung) are kept,
  outside the static files and served only through the access check
  (default ``<var>/bukti``).
- ``SAKIP_CACHE_DIR``: where the drawn bodies of year pages and the
  computed reports of years are kept (default ``<var>/cache``); safe to
  empty at any time.
- ``SAKIP_BUKTI_MAKS_MB``: the largest evidence file accepted, in MB (10).
- ``SAKIP_DB_CONN_MAX_AGE``: seconds a database connection is reused (60).
- ``SAKIP_SQLITE_TIMEOUT``: seconds a SQLite writer waits for another (60).
- ``SAKIP_PROXY_TEPERCAYA``: comma-separated addresses of reverse proxies
  whose ``X-Forwarded-For`` is believed (default none: the client address is
  the connection's).
- ``SAKIP_LOGIN_BATAS_GAGAL``: failed logins, per account and per address,
  after which logging in is refused (10).
- ``SAKIP_LOGIN_JEDA_MENIT``: minutes that refusal lasts after the last
  failure (15).

A value that cannot be read (``SAKIP_DEBUG=ture``, an unknown database
scheme) stops the program with ``ImproperlyConfigured`` naming it.
"""

from __future__ import annotations

import contextlib
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from sakip.project.env import (
    check_secret_key,
    env_bool,
    env_int,
    env_list,
    env_path,
    env_str,
    secret_key_from_file,
)

# src/sakip/project/settings.py -> the repository root.
REPO_DIR = Path(__file__).resolve().parents[3]
VAR_DIR = env_path("SAKIP_VAR_DIR", REPO_DIR / "var")

DEBUG = env_bool("SAKIP_DEBUG", False)

# Only a DEBUG process may use a key everyone can read in this file; any
# other process uses the configured key or one generated for this machine,
# and refuses to start with a weak one.
SECRET_KEY = env_str("SAKIP_SECRET_KEY")
if not SECRET_KEY:
    if DEBUG:
        SECRET_KEY = "django-insecure-sakip-development-only-never-in-production"
    else:
        SECRET_KEY = secret_key_from_file(VAR_DIR / "secret_key")
if not DEBUG:
    check_secret_key(SECRET_KEY, "SAKIP_SECRET_KEY")

ALLOWED_HOSTS = env_list("SAKIP_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("SAKIP_CSRF_TRUSTED_ORIGINS", [])

if env_bool("SAKIP_HTTPS", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
SECURE_SSL_REDIRECT = env_bool("SAKIP_SSL_REDIRECT", False)
SECURE_HSTS_SECONDS = env_int("SAKIP_HSTS_DETIK", 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SAKIP_HSTS_SUBDOMAIN", True)
# The browsers' preload list takes registrable domains only (sampangkab.go.id,
# not sakip.sampangkab.go.id): that is the domain owner's decision, not the
# application's, so the check that asks for it is silenced.
SILENCED_SYSTEM_CHECKS = ["security.W021"]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    # Before staticfiles, so that runserver serves static files as WhiteNoise does.
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "sakip.organisasi",
    "sakip.ledger",
    "sakip.record",
    "sakip.anggaran",
    "sakip.perencanaan",
    "sakip.skm",
    "sakip.evaluasi",
    "sakip.akun",
    "sakip.web",
    # Failed-login throttling (its models: attempts and the login log).
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages compress 5-10 times (their tables repeat the same markup): what
    # a slow office connection waits for. After WhiteNoise, which serves its
    # files compressed already; before the rest, so that it compresses what
    # they wrote. Django pads the compressed body against BREACH, and CSRF
    # tokens are masked per response.
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Its answer passes before SessionMiddleware's, which then saves it.
    "sakip.akun.sesi.SesiBergulirMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # A field saved in place after the session ended goes to the login page.
    "sakip.web.htmx.MasukUlangMiddleware",
    # Last, as django-axes requires: turns a refused login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "sakip.project.urls"

# Public SKM questionnaire: submissions accepted per address and survey per
# window, counted in the cache. The cache is a table of the database, so every
# gunicorn worker counts the same visitor once (a per-process cache would give
# each worker its own count). The table is made by migration web 0001.
CACHE_DIR = env_path("SAKIP_CACHE_DIR", VAR_DIR / "cache")
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "sakip_cache",
    },
    # The drawn bodies of year pages (sakip.web.tersimpan): files on the
    # server's disk, which every gunicorn worker shares and which cost the
    # database nothing. A body is keyed by the record's revision and the
    # database, so an old one is never given again; it goes after a day or
    # when the folder is full.
    "halaman": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(CACHE_DIR / "halaman"),
        "TIMEOUT": 24 * 3600,
        "OPTIONS": {"MAX_ENTRIES": 3000},
    },
    # The computed report of a year (sakip.record.queries.laporan_tahun), the
    # same way: the worker that computes it first spares the others.
    "laporan": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(CACHE_DIR / "laporan"),
        "TIMEOUT": 24 * 3600,
        "OPTIONS": {"MAX_ENTRIES": 1000},
    },
}
PROXY_TEPERCAYA = env_list("SAKIP_PROXY_TEPERCAYA", [])
SKM_BATAS_KIRIM = env_int("SAKIP_SKM_BATAS_KIRIM", 20)
SKM_JENDELA_DETIK = env_int("SAKIP_SKM_JENDELA_DETIK", 600)

# Evidence files: private, never under STATIC_ROOT (WhiteNoise serves that).
SAKIP_BUKTI_DIR = env_path("SAKIP_BUKTI_DIR", VAR_DIR / "bukti")
SAKIP_BUKTI_MAKS_BYTE = env_int("SAKIP_BUKTI_MAKS_MB", 10) * 1024 * 1024

WSGI_APPLICATION = "sakip.project.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]


def _database() -> dict:
    url = env_str("DATABASE_URL")
    if not url:
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        url = f"sqlite:///{VAR_DIR / 'sakip.sqlite3'}"
    try:
        db = dj_database_url.parse(
            url,
            conn_max_age=env_int("SAKIP_DB_CONN_MAX_AGE", 60),
            conn_health_checks=True,
        )
    except ValueError as exc:
        raise ImproperlyConfigured(f"DATABASE_URL cannot be used: {exc}") from exc
    if db["ENGINE"] == "django.db.backends.sqlite3":
        # Readers do not wait for a writer (WAL), and a writer waits for
        # another instead of failing with "database is locked": a write
        # transaction takes its lock at the start (IMMEDIATE) and waits up
        # to the timeout, so a page opened during a large import is slow,
        # not broken.
        db.setdefault("OPTIONS", {}).update(
            {
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                "transaction_mode": "IMMEDIATE",
                "timeout": env_int("SAKIP_SQLITE_TIMEOUT", 60),
            }
        )
    return db


DATABASES = {"default": _database()}

# Server errors, with their traceback, to stderr: gunicorn and the command
# line pass it to the service's log. One line per record, greppable by level
# and logger.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "baris": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
    },
    "handlers": {
        "stderr": {"class": "logging.StreamHandler", "formatter": "baris"},
    },
    "root": {"handlers": ["stderr"], "level": "WARNING"},
    "loggers": {
        "django.request": {"handlers": ["stderr"], "level": "ERROR", "propagate": False},
    },
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Logging in: our pages (sakip.akun), and django-axes in front of the model
# backend for every login, the admin's included, since both go through
# django.contrib.auth.authenticate().
LOGIN_URL = "akun:masuk"
LOGIN_REDIRECT_URL = "web:beranda"
LOGOUT_REDIRECT_URL = "akun:masuk"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# A session ends after 8 hours without a request: the expiry moves forward
# as it is used, written at most every 5 minutes (sakip.akun.sesi).
SESSION_COOKIE_AGE = 8 * 60 * 60
SESI_SEGARKAN_DETIK = 5 * 60
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# Failed logins are counted per account (username) and per address, each on
# its own: too many for an account locks it from every address, too many from
# an address locks every account tried from it. The counts live in the
# database, so that every gunicorn worker sees them. The address is
# REMOTE_ADDR (django-ipware is not installed). One limit serves both: an
# office behind one NAT address shares it, hence a limit above the usual 5.
AXES_ENABLED = True
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_FAILURE_LIMIT = env_int("SAKIP_LOGIN_BATAS_GAGAL", 10)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("SAKIP_LOGIN_JEDA_MENIT", 15))
# A try during the lockout (the right password included) does not lengthen it.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
# Not reset by a success: one good login of an attacker's own account would
# clear the count of every account tried from the same address.
AXES_RESET_ON_SUCCESS = False
AXES_LOCKOUT_TEMPLATE = "akun/terkunci.html"
AXES_VERBOSE = False

LANGUAGE_CODE = "id"
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
# WhiteNoise warns on every start when the directory is missing (before the
# first collectstatic); an unwritable VAR_DIR is reported by collectstatic.
with contextlib.suppress(OSError):
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Compressed but not hashed: the manifest variant refuses to render any
    # page (the admin in tests included) until collectstatic has run.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
