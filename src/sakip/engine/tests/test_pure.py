"""The engine is a plain Python package: it must import nothing from Django."""

import subprocess
import sys


def test_the_engine_imports_no_django():
    code = (
        "import sys, pkgutil, importlib, sakip.engine as e\n"
        "for m in pkgutil.walk_packages(e.__path__, 'sakip.engine.'):\n"
        "    importlib.import_module(m.name)\n"
        "bad = [m for m in sys.modules if m == 'django' or m.startswith('django.')]\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
