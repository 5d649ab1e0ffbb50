"""Evidence files (bukti dukung): what is accepted, and where it is kept.

A file is judged by its content, not by the name its sender gave it: the
first bytes (and, for the office formats, the parts inside the ZIP
container) must be those of an accepted type, and the name's extension must
be one of that type's. A renamed program therefore gets no further than a
renamed spreadsheet does.
"""

from __future__ import annotations

import hashlib
import os
import uuid
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import BinaryIO

from django.conf import settings

from sakip.common.errors import DatasetError


class BuktiDitolak(DatasetError):
    """An evidence file that is not accepted; the message says why."""


@dataclass(frozen=True)
class Jenis:
    nama: str  # as the message names it
    mime: str
    ekstensi: tuple[str, ...]


PDF = Jenis("PDF", "application/pdf", (".pdf",))
JPEG = Jenis("JPEG", "image/jpeg", (".jpg", ".jpeg"))
PNG = Jenis("PNG", "image/png", (".png",))
XLSX = Jenis(
    "XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (".xlsx",)
)
DOCX = Jenis(
    "DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", (".docx",)
)
ODT = Jenis("ODT", "application/vnd.oasis.opendocument.text", (".odt",))
ODS = Jenis("ODS", "application/vnd.oasis.opendocument.spreadsheet", (".ods",))

#: Every accepted type, as the help text lists them.
DITERIMA: tuple[Jenis, ...] = (PDF, JPEG, PNG, XLSX, DOCX, ODT, ODS)


def kenali(berkas: BinaryIO) -> Jenis | None:
    """The accepted type of the file's content, or None (the file is read
    from the start and left there)."""
    berkas.seek(0)
    awal = berkas.read(8)
    berkas.seek(0)
    if awal.startswith(b"%PDF-"):
        return PDF
    if awal.startswith(b"\xff\xd8\xff"):
        return JPEG
    if awal.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if awal.startswith(b"PK\x03\x04"):
        try:
            return _kantor(berkas)
        finally:
            berkas.seek(0)
    return None


def _kantor(berkas: BinaryIO) -> Jenis | None:
    """An office document is a ZIP container recognised by its parts; only
    the directory and the tiny ``mimetype`` part are read (no decompressing
    of the whole, so a ZIP bomb costs nothing)."""
    try:
        with zipfile.ZipFile(berkas) as z:
            nama = set(z.namelist())
            if "mimetype" in nama and z.getinfo("mimetype").file_size <= 100:
                mime = z.read("mimetype").decode("ascii", "replace").strip()
                return {ODT.mime: ODT, ODS.mime: ODS}.get(mime)
            if "[Content_Types].xml" in nama:
                if "xl/workbook.xml" in nama:
                    return XLSX
                if "word/document.xml" in nama:
                    return DOCX
    except (zipfile.BadZipFile, OSError, ValueError, KeyError, NotImplementedError):
        return None
    return None


def daftar_diterima() -> str:
    return ", ".join(j.nama for j in DITERIMA)


def periksa(nama: str, berkas: BinaryIO, ukuran: int) -> Jenis:
    """The file's type when it is accepted; otherwise BuktiDitolak saying why."""
    maks = settings.SAKIP_BUKTI_MAKS_BYTE
    if ukuran <= 0:
        raise BuktiDitolak(f"berkas {nama!r} kosong")
    if ukuran > maks:
        raise BuktiDitolak(f"berkas {nama!r} berukuran {_mb(ukuran)}, melebihi batas {_mb(maks)}")
    jenis = kenali(berkas)
    if jenis is None:
        raise BuktiDitolak(f"isi berkas {nama!r} bukan jenis yang diterima ({daftar_diterima()})")
    ekstensi = PurePath(nama).suffix.lower()
    if ekstensi not in jenis.ekstensi:
        raise BuktiDitolak(
            f"berkas {nama!r} berisi {jenis.nama} tetapi bernama {ekstensi or 'tanpa ekstensi'}; "
            f"beri nama berakhiran {' atau '.join(jenis.ekstensi)}"
        )
    return jenis


def _mb(byte: int) -> str:
    return f"{byte / (1024 * 1024):.1f} MB".replace(".", ",")


def nama_aman(nama: str) -> str:
    """The name the sender gave, without any folder part or control
    characters, at most 255 characters: it is shown and offered as the
    download name, never used as a path."""
    dasar = nama.replace("\\", "/").rsplit("/", 1)[-1]
    bersih = "".join(c for c in dasar if c.isprintable()).strip() or "berkas"
    if len(bersih) > 255:
        akhir = PurePath(bersih).suffix[:20]
        bersih = bersih[: 255 - len(akhir)] + akhir
    return bersih


def direktori() -> Path:
    return Path(settings.SAKIP_BUKTI_DIR)


def simpan(
    potongan: Iterable[bytes], instansi_id: int, tahun: int, jenis: Jenis
) -> tuple[str, str]:
    """Write the file under a new random name; (its location under the
    evidence directory, its SHA-256). Written to a temporary name first and
    renamed, so that a half-written file never carries a real name."""
    relatif = f"{instansi_id}/{tahun}/{uuid.uuid4().hex}{jenis.ekstensi[0]}"
    tujuan = direktori() / relatif
    tujuan.parent.mkdir(parents=True, exist_ok=True)
    sementara = tujuan.with_name(tujuan.name + ".sebagian")
    h = hashlib.sha256()
    try:
        with open(sementara, "xb") as out:
            for p in potongan:
                h.update(p)
                out.write(p)
            out.flush()
            os.fsync(out.fileno())
        os.replace(sementara, tujuan)
    except BaseException:
        sementara.unlink(missing_ok=True)
        raise
    return relatif, h.hexdigest()


def hapus_berkas(relatif: str) -> None:
    """Remove a stored file (after its row could not be written)."""
    (direktori() / relatif).unlink(missing_ok=True)


def jalur(relatif: str) -> Path:
    """The absolute path of a stored file; refuses any location that leaves
    the evidence directory."""
    akar = direktori().resolve()
    p = (akar / relatif).resolve()
    if akar not in p.parents:
        raise BuktiDitolak(f"letak berkas {relatif!r} tidak sah")
    return p
