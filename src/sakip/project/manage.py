"""Django management, as ``manage.py`` at the repository root and ``sakip manage`` call it."""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> int | None:
    """Run a management command; ``argv[0]`` is the program name, as in ``sys.argv``."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sakip.project.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(list(sys.argv if argv is None else argv))
    return 0


if __name__ == "__main__":
    sys.exit(main())
