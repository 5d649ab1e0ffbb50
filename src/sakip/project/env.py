"""Typed reading of environment variables for the settings.

Every helper fails loudly (``ImproperlyConfigured`` naming the variable and
the value) on a value it cannot read, instead of silently falling back to a
default: a typo in ``SAKIP_DEBUG=ture`` must not quietly switch a server
into debug mode or out of it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on", "ya"}
_FALSE = {"0", "false", "no", "off", "tidak", ""}


def env_bool(name: str, default: bool, environ: Mapping[str, str] = os.environ) -> bool:
    """A yes/no variable.

    >>> env_bool("X", False, {"X": "1"}), env_bool("X", True, {"X": "no"}), env_bool("X", True, {})
    (True, False, True)
    >>> env_bool("X", False, {"X": "ture"})
    Traceback (most recent call last):
    ...
    django.core.exceptions.ImproperlyConfigured: X='ture' is not a yes/no value (use 1 or 0)
    """
    raw = environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r} is not a yes/no value (use 1 or 0)")


def env_int(name: str, default: int, environ: Mapping[str, str] = os.environ) -> int:
    """A whole number.

    >>> env_int("X", 5, {}), env_int("X", 5, {"X": " 60 "})
    (5, 60)
    >>> env_int("X", 5, {"X": "1m"})
    Traceback (most recent call last):
    ...
    django.core.exceptions.ImproperlyConfigured: X='1m' is not a whole number
    """
    raw = environ.get(name)
    if raw is None:
        return default
    try:
        return int(raw.strip())
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r} is not a whole number") from None


def env_str(name: str, default: str = "", environ: Mapping[str, str] = os.environ) -> str:
    """A string; surrounding blanks are removed."""
    return environ.get(name, default).strip()


def env_list(name: str, default: list[str], environ: Mapping[str, str] = os.environ) -> list[str]:
    """A comma-separated list; empty items are dropped.

    >>> env_list("X", ["a"], {"X": "example.org, .example.net,"}), env_list("X", ["a"], {})
    (['example.org', '.example.net'], ['a'])
    """
    raw = environ.get(name)
    if raw is None:
        return list(default)
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_path(name: str, default: Path, environ: Mapping[str, str] = os.environ) -> Path:
    """A directory or file path; a relative one is relative to the working directory."""
    raw = environ.get(name, "").strip()
    return Path(raw).expanduser().resolve() if raw else default


def secret_key_from_file(path: Path) -> str:
    """The key stored in ``path``, created (readable by the owner only) when missing.

    Lets a single-machine installation run without DEBUG and without setting
    a key by hand, while never falling back to a key known to the public.
    """
    import secrets

    try:
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w", encoding="ascii") as f:
                f.write(secrets.token_urlsafe(50))
        key = path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError) as exc:
        raise ImproperlyConfigured(
            f"cannot read or create the secret key file {path} ({exc}); "
            "set SAKIP_SECRET_KEY instead"
        ) from exc
    check_secret_key(key, str(path))
    return key


def check_secret_key(key: str, source: str) -> None:
    """Refuse a key Django's own deploy check calls weak: shorter than 50
    characters, fewer than 5 different ones, or a development key.

    >>> check_secret_key("x" * 60, "SAKIP_SECRET_KEY")
    Traceback (most recent call last):
    ...
    django.core.exceptions.ImproperlyConfigured: the secret key from SAKIP_SECRET_KEY is weak: ...
    """
    lemah = []
    if len(key) < 50:
        lemah.append(f"{len(key)} characters, at least 50 are needed")
    if len(set(key)) < 5:
        lemah.append("fewer than 5 different characters")
    if key.startswith("django-insecure"):
        lemah.append("a development key")
    if lemah:
        raise ImproperlyConfigured(
            f"the secret key from {source} is weak: {'; '.join(lemah)} "
            "(make one with: python3 -c 'import secrets; print(secrets.token_urlsafe(50))')"
        )
