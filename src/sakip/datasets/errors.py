"""Why a dataset cannot be stored or found; messages are for the user, in Indonesian."""

from __future__ import annotations

from sakip.dataset.errors import Path, format_path


class DatasetError(Exception):
    """Base of the errors the command line and the web show as they are."""


class DatasetExists(DatasetError):
    """An active version already exists for the instansi and year."""

    def __init__(self, instansi: str, tahun: int, version_id: int | None):
        self.instansi, self.tahun, self.version_id = instansi, tahun, version_id
        super().__init__(
            f"dataset {instansi} tahun {tahun} sudah ada"
            + (f" (versi #{version_id})" if version_id else "")
            + "; "
            "gunakan --replace untuk menggantinya (versi lama tetap disimpan)"
        )


class DatasetNotFound(DatasetError):
    """No instansi of that name, or no active dataset for it in that year."""


class DatasetRejected(DatasetError):
    """A value the tables cannot hold as the document wrote it (nothing is stored)."""

    def __init__(self, path: Path, pesan: str):
        self.path, self.pesan = path, pesan
        super().__init__(f"{format_path(path)}: {pesan}")
