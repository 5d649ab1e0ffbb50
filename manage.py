#!/usr/bin/env python
"""Django management for a checkout: ``python manage.py migrate``."""

import sys
from pathlib import Path

# Work from a checkout even when the package is not installed into the venv.
sys.path.insert(0, str(Path(__file__).resolve().parent / "src"))

from sakip.project.manage import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
