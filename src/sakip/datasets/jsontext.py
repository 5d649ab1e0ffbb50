"""Moved to :mod:`sakip.dataset.json_exact`; re-exported until this app is rewritten."""

from sakip.dataset.json_exact import dumps, loads

__all__ = ["dumps", "loads"]
