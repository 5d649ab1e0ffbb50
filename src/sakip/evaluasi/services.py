"""Every write to review notes: write, answer, resolve or reopen.

Each asks the access function, runs in one transaction and leaves an audit
row. None of them looks at the year's status: a note changes no figure,
and the review of a report happens after it is approved.
"""

from __future__ import annotations

from django.contrib.auth.models import User
from django.db import transaction

from sakip.akun.akses import Aksi, pastikan_boleh
from sakip.common.errors import DatasetError
from sakip.evaluasi.models import CatatanReviu, JawabanCatatan, SasaranCatatan, StatusCatatan
from sakip.ledger.audit import audit_record
from sakip.ledger.models import AuditAction
from sakip.record.models import TahunKinerja

#: The longest note or answer kept: a few pages, not a document.
TEKS_MAX = 10_000


class CatatanDitolak(DatasetError):
    """A refused note or answer; the message is for the user, in Indonesian."""


def _teks(teks: str) -> str:
    teks = (teks or "").strip()
    if not teks:
        raise CatatanDitolak("isi catatan masih kosong")
    if len(teks) > TEKS_MAX:
        raise CatatanDitolak(
            f"catatan terlalu panjang ({len(teks)} karakter; paling banyak {TEKS_MAX})"
        )
    return teks


@transaction.atomic
def catatan_tulis(
    *,
    aktor: User,
    tahun_kinerja: TahunKinerja,
    sasaran: str,
    kode: str = "",
    lokasi: str = "",
    teks: str,
) -> CatatanReviu:
    """The evaluator writes a new note on the year or one thing of it."""
    pastikan_boleh(aktor, Aksi.CATATAN_REVIU, tahun_kinerja)
    try:
        jenis = SasaranCatatan(sasaran)
    except ValueError:
        raise CatatanDitolak(f"sasaran catatan {sasaran!r} tidak dikenal") from None
    kode = (kode or "").strip()
    if jenis != SasaranCatatan.UMUM and not kode:
        raise CatatanDitolak(f"pilih {jenis.label} yang dicatat")
    if jenis == SasaranCatatan.UMUM:
        kode, lokasi = "", ""
    catatan = CatatanReviu.objects.create(
        tahun_kinerja=tahun_kinerja,
        sasaran=jenis,
        kode=kode[:100],
        lokasi=(lokasi or kode).strip()[:255],
        teks=_teks(teks),
        penulis=aktor,
    )
    audit_record(
        actor=aktor,
        action=AuditAction.CATATAN_TULIS,
        obj=catatan,
        old=None,
        new={
            "tahun_kinerja": str(tahun_kinerja),
            "sasaran": str(jenis),
            "kode": catatan.kode,
            "teks": catatan.teks,
        },
    )
    return catatan


@transaction.atomic
def catatan_jawab(*, aktor: User, catatan: CatatanReviu, teks: str) -> JawabanCatatan:
    """An answer in the note's thread (the agency, or the evaluator again)."""
    pastikan_boleh(aktor, Aksi.JAWAB_CATATAN, catatan.tahun_kinerja)
    jawaban = JawabanCatatan.objects.create(catatan=catatan, teks=_teks(teks), penulis=aktor)
    audit_record(
        actor=aktor,
        action=AuditAction.CATATAN_JAWAB,
        obj=jawaban,
        old=None,
        new={"catatan": catatan.pk, "teks": jawaban.teks},
    )
    return jawaban


@transaction.atomic
def catatan_status(*, aktor: User, catatan: CatatanReviu, status: str, versi: int) -> CatatanReviu:
    """The evaluator marks a note resolved (selesai) or opens it again.

    ``versi`` is the note's version as the page showed it: two reviewers
    toggling the same note do not undo each other silently.
    """
    pastikan_boleh(aktor, Aksi.CATATAN_REVIU, catatan.tahun_kinerja)
    try:
        baru = StatusCatatan(status)
    except ValueError:
        raise CatatanDitolak(f"status catatan {status!r} tidak dikenal") from None
    row = CatatanReviu.objects.select_for_update().get(pk=catatan.pk)
    if row.versi != versi:
        raise CatatanDitolak(
            f"{row} telah diubah orang lain sesudah Anda membacanya (sekarang {row.status}); "
            "muat ulang halaman"
        )
    if row.status == baru:
        return row
    lama = row.status
    row.status = baru
    row.versi += 1
    row.save(update_fields=["status", "versi"])
    audit_record(
        actor=aktor,
        action=AuditAction.CATATAN_SELESAI,
        obj=row,
        old={"status": lama},
        new={"status": str(baru)},
    )
    return row
