"""Why something cannot be stored in the record or found there; the
messages are for the user, in Indonesian."""

from __future__ import annotations

from sakip.dataset.errors import Path, format_path


class DatasetError(Exception):
    """Base of the errors the command line and the web show as they are."""


class DatasetNotFound(DatasetError):
    """No instansi of that name, or no active dataset for it in that year."""


class DatasetRejected(DatasetError):
    """A value the record cannot take as the document wrote it (nothing is stored)."""

    def __init__(self, path: Path, pesan: str):
        self.path, self.pesan = path, pesan
        super().__init__(f"{format_path(path)}: {pesan}")
