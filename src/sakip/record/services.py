"""Every write to the record: one function per business action.

Each function takes keyword arguments only, asks the access function first,
runs in one transaction, refuses a year that is approved (locked), and
writes one audit row per changed field (actor, time, field, old, new, and
the row's version after it). A write names the version of the row it read
(``versi``; 0 for a value that does not exist yet): when someone else
changed the same field since, it is refused with who changed it, what, and
when — never a silent overwrite.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any, BinaryIO, TypeVar

from django.contrib.auth.models import User
from django.db import models, transaction
from django.utils import timezone

from sakip.akun.akses import AksesDitolak, Aksi, boleh, pastikan_boleh
from sakip.akun.sistem import adalah_aktor_sistem
from sakip.common.errors import DatasetError
from sakip.dataset import json_exact as jsontext
from sakip.engine.angka import uang_tepat
from sakip.ledger.audit import audit_record
from sakip.ledger.models import AuditAction, AuditLog, DatasetVersion
from sakip.organisasi.models import Instansi, Pemda
from sakip.record import bukti as berkas_bukti
from sakip.record.alur import hari_ini, jadwal_ditutup, syarat_ajuan
from sakip.record.aturan import periksa_aturan
from sakip.record.ekspor import aturan_berlaku
from sakip.record.impor import Rencana, TahunTerkunci, impor_rencana
from sakip.record.isi import sama
from sakip.record.models import (
    AnggaranNode,
    AturanPemda,
    Baris,
    BuktiDukung,
    Indikator,
    JadwalPengisian,
    JenisTriwulan,
    JustifikasiTemuan,
    NilaiIndikator,
    NilaiTriwulan,
    Penjelasan,
    PerjanjianIndikator,
    PerjanjianKinerja,
    PerjanjianProgram,
    StatusTahun,
    TahunKinerja,
)
from sakip.record.queries import laporan_tahun
from sakip.record.riwayat import indikator_dari_tahun, tampil

__all__ = [
    "AjuanDitolak",
    "JadwalDitutup",
    "PenulisanBasi",
    "NilaiDitolak",
    "TahunTerkunci",
    "analisis_set",
    "angka_cetak_lepas",
    "aturan_pemda_set",
    "bukti_hapus",
    "bukti_unggah",
    "aturan_pemda_ubah",
    "impor",
    "jadwal_set",
    "justifikasi_set",
    "impor_ulang",
    "indikator_set",
    "narasi_set",
    "pagu_set",
    "penjelasan_set",
    "pk_pagu_set",
    "pk_perubahan_buat",
    "pk_tandatangani",
    "pk_target_set",
    "realisasi_anggaran_set",
    "realisasi_set",
    "riwayat",
    "tahun_ajukan",
    "tahun_buka_kunci",
    "tahun_kembalikan",
    "tahun_setujui",
    "target_set",
    "triwulan_set",
]


class PenulisanBasi(DatasetError):
    """Someone changed the same field after the writer read it."""


class NilaiDitolak(DatasetError):
    """A value the field cannot hold (money that is not an amount, ...)."""


class AjuanDitolak(DatasetError):
    """A year cannot be submitted: galat findings, or warnings without a justification."""


class JadwalDitutup(DatasetError):
    """The filling window of the quarter has closed."""


# -- import ---------------------------------------------------------------


def impor(
    *,
    aktor: User,
    doc: Mapping[str, Any],
    source_name: str = "",
    fmt: str = "yaml",
    responden: Mapping[int, list[dict[str, int | None]]] | None = None,
    coba: bool = False,
) -> Rencana:
    """Apply a validated document to the record as a plan (``coba``: only
    say what would change). The actor must be allowed to import into the
    instansi (or, for a new instansi, the pemda; a new pemda needs an
    administrator of the system)."""
    return impor_rencana(
        doc=doc,
        aktor=aktor,
        source_name=source_name,
        fmt=fmt,
        responden=responden,
        coba=coba,
        periksa=lambda obj: _periksa_impor(aktor, obj),
    )


def _periksa_impor(aktor: User, obj: Pemda | Instansi) -> None:
    """May the actor import here? A new instansi is the pemda's admin's to
    make; a new pemda only a system administrator's (no one's rules yet)."""
    if isinstance(obj, Pemda):
        if obj.pk is None and not (
            (aktor.is_active and aktor.is_superuser) or adalah_aktor_sistem(aktor)
        ):
            raise AksesDitolak(
                f"pengguna {aktor} tidak berhak membuat pemda baru {obj.nama!r} lewat impor"
            )
        return
    pastikan_boleh(aktor, Aksi.IMPOR, obj if obj.pk is not None else obj.pemda)


def impor_ulang(*, aktor: User, versi: DatasetVersion, coba: bool = False) -> Rencana:
    """Apply a file imported earlier again (to go back to what it said)."""
    doc = jsontext.loads(versi.content)
    assert isinstance(doc, dict)
    return impor(aktor=aktor, doc=doc, source_name=versi.source_name, fmt=versi.format, coba=coba)


# -- field writes -----------------------------------------------------------


def target_set(
    *, aktor: User, indikator: Indikator, tahun: int, nilai: object, versi: int
) -> NilaiIndikator:
    """The target of an indicator for a year (a Renstra target is shared by
    every year of the period)."""
    return _nilai_indikator(aktor, indikator, tahun, "target", nilai, versi, Aksi.UBAH_RENCANA)


def realisasi_set(
    *, aktor: User, indikator: Indikator, tahun: int, nilai: object, versi: int
) -> NilaiIndikator:
    """What an indicator achieved in a year."""
    return _nilai_indikator(aktor, indikator, tahun, "realisasi", nilai, versi, Aksi.UBAH_REALISASI)


#: The text of an indicator's definition (the IKU sheet's columns), by field.
DEFINISI_INDIKATOR = ("uraian", "satuan", "formula", "sumber_data", "penanggung_jawab")


def indikator_set(
    *, aktor: User, indikator: Indikator, tahun: int, bidang: str, nilai: str, versi: int
) -> Indikator:
    """One field of an indicator's definition (how it is measured, its
    source, who answers for it), changed from the page of year ``tahun``.
    A Renstra indicator is shared by every year of the period: the change
    holds for all of them. Empty text removes the field (not the uraian)."""
    if bidang not in DEFINISI_INDIKATOR:
        raise NilaiDitolak(
            f"bidang indikator {bidang!r} tidak ada; pilih: {', '.join(DEFINISI_INDIKATOR)}"
        )
    teks = nilai.strip()
    if bidang == "uraian" and not teks:
        raise NilaiDitolak("uraian indikator tidak boleh kosong")
    if any(ord(c) < 32 and c not in "\n\t" for c in teks):
        raise NilaiDitolak("teks berisi karakter kendali; ketik ulang tanpa menyalin dari dokumen")
    instansi = _instansi_indikator(indikator)
    pastikan_boleh(aktor, Aksi.UBAH_RENCANA, instansi)
    with transaction.atomic():
        _cek_terkunci(instansi, tahun)
        row = Indikator.objects.select_for_update().get(pk=indikator.pk)
        lokasi = f"{bidang} indikator {row.kode}"
        _tulis(aktor, row, bidang, teks or None, versi, lokasi, AuditAction.INDIKATOR_SET)
    return row


def triwulan_set(
    *,
    aktor: User,
    indikator: Indikator,
    jenis: JenisTriwulan,
    tahun: int,
    triwulan: int,
    nilai: object,
    versi: int,
) -> NilaiTriwulan:
    """A quarter's target (rencana aksi) or realisation of an indicator."""
    if triwulan not in (1, 2, 3, 4):
        raise NilaiDitolak(f"triwulan {triwulan} tidak ada (1-4)")
    _cek_nilai(nilai)
    aksi = Aksi.UBAH_RENCANA if jenis == JenisTriwulan.RENCANA_AKSI else Aksi.UBAH_REALISASI
    instansi = _instansi_indikator(indikator)
    pastikan_boleh(aktor, aksi, instansi)
    with transaction.atomic():
        _cek_terkunci(instansi, tahun)
        if jenis == JenisTriwulan.REALISASI:
            _cek_jadwal(aktor, instansi, tahun, triwulan)
        row, _ = NilaiTriwulan.objects.select_for_update().get_or_create(
            indikator=indikator,
            jenis=jenis,
            tahun=tahun,
            triwulan=triwulan,
            defaults={"versi": 0},
        )
        lokasi = f"{indikator.kode} {tahun} TW{triwulan} ({JenisTriwulan(jenis).label})"
        _tulis(aktor, row, "nilai", nilai, versi, lokasi, AuditAction.TRIWULAN_SET)
    return row


def pagu_set(*, aktor: User, node: AnggaranNode, pagu: object, versi: int) -> AnggaranNode:
    """The budget (pagu) of a budget line, an exact rupiah amount."""
    return _anggaran(aktor, node, "pagu", pagu, versi, AuditAction.PAGU_SET)


def realisasi_anggaran_set(
    *, aktor: User, node: AnggaranNode, realisasi: object, versi: int
) -> AnggaranNode:
    """What a budget line spent, an exact rupiah amount."""
    return _anggaran(aktor, node, "realisasi", realisasi, versi, AuditAction.REALISASI_ANGGARAN_SET)


#: The report text a year holds (``narasi``), by key.
BAGIAN_NARASI = ("kata_pengantar", "ikhtisar", "hambatan", "solusi", "penutup")


def narasi_set(
    *, aktor: User, tahun_kinerja: TahunKinerja, bagian: str, teks: str, versi: int
) -> TahunKinerja:
    """One part of the year's report text; empty text removes it."""
    if bagian not in BAGIAN_NARASI:
        raise NilaiDitolak(f"bagian narasi {bagian!r} tidak ada; pilih: {', '.join(BAGIAN_NARASI)}")
    pastikan_boleh(aktor, Aksi.UBAH_NARASI, tahun_kinerja)
    with transaction.atomic():
        tk = TahunKinerja.objects.select_for_update().get(pk=tahun_kinerja.pk)
        _cek_terkunci(tk.instansi, tk.tahun)
        narasi = dict(tk.narasi or {})
        if teks.strip():
            narasi[bagian] = teks
        else:
            narasi.pop(bagian, None)
        # The parts share the year's version: only a change of this part conflicts.
        _cek_basi(tk, "narasi", versi, f"narasi {bagian}", sama_lokasi=f"{tk} narasi {bagian}")
        lama = (tk.narasi or {}).get(bagian)
        if lama == narasi.get(bagian):
            return tk
        tk.narasi = narasi or None
        _simpan(
            aktor,
            tk,
            "narasi",
            lama,
            narasi.get(bagian),
            f"{tk} narasi {bagian}",
            AuditAction.NARASI_SET,
        )
    return tk


def analisis_set(
    *, aktor: User, tahun_kinerja: TahunKinerja, indikator: Indikator, teks: str, versi: int
) -> TahunKinerja:
    """The report's analysis of one indicator's capaian (``narasi.analisis``
    by indicator code, as the data contract keeps it); empty text removes it."""
    pastikan_boleh(aktor, Aksi.UBAH_NARASI, tahun_kinerja)
    _cek_indikator_tahun(tahun_kinerja, indikator)
    with transaction.atomic():
        tk = TahunKinerja.objects.select_for_update().get(pk=tahun_kinerja.pk)
        _cek_terkunci(tk.instansi, tk.tahun)
        lokasi = f"narasi analisis {indikator.kode}"
        _cek_basi(tk, "narasi", versi, lokasi, sama_lokasi=f"{tk} {lokasi}")
        narasi = dict(tk.narasi or {})
        analisis = dict(narasi.get("analisis") or {})
        lama = analisis.get(indikator.kode)
        if teks.strip():
            analisis[indikator.kode] = teks
        else:
            analisis.pop(indikator.kode, None)
        if lama == analisis.get(indikator.kode):
            return tk
        if analisis:
            narasi["analisis"] = analisis
        else:
            narasi.pop("analisis", None)
        tk.narasi = narasi or None
        _simpan(
            aktor,
            tk,
            "narasi",
            lama,
            analisis.get(indikator.kode),
            f"{tk} {lokasi}",
            AuditAction.NARASI_SET,
        )
    return tk


def penjelasan_set(
    *, aktor: User, indikator: Indikator, tahun: int, teks: str, versi: int
) -> Penjelasan:
    """Why an indicator's realisation of a year is below its target; empty
    text removes it."""
    instansi = _instansi_indikator(indikator)
    pastikan_boleh(aktor, Aksi.UBAH_REALISASI, instansi)
    with transaction.atomic():
        _cek_terkunci(instansi, tahun)
        row, _ = Penjelasan.objects.select_for_update().get_or_create(
            indikator=indikator, tahun=tahun, defaults={"versi": 0}
        )
        nilai = teks if teks.strip() else None
        lokasi = f"penjelasan {indikator.kode} {tahun}"
        _tulis(aktor, row, "teks", nilai, versi, lokasi, AuditAction.PENJELASAN_SET)
    return row


def bukti_unggah(
    *,
    aktor: User,
    tahun_kinerja: TahunKinerja,
    indikator: Indikator,
    triwulan: int | None,
    nama: str,
    berkas: BinaryIO,
    ukuran: int,
) -> BuktiDukung:
    """Keep an evidence file of an indicator's realisation for a quarter (or
    the year, ``triwulan`` None). The content decides the type; the file is
    written before its row, and removed again if the row cannot be written,
    so that neither exists without the other."""
    pastikan_boleh(aktor, Aksi.UBAH_REALISASI, tahun_kinerja)
    if triwulan is not None and triwulan not in (1, 2, 3, 4):
        raise NilaiDitolak(f"triwulan {triwulan} tidak ada (1-4)")
    _cek_indikator_tahun(tahun_kinerja, indikator)
    nama = berkas_bukti.nama_aman(nama)
    jenis = berkas_bukti.periksa(nama, berkas, ukuran)
    tk = tahun_kinerja
    _cek_terkunci(tk.instansi, tk.tahun)  # before writing a file for nothing
    berkas.seek(0)
    lokasi, sha = berkas_bukti.simpan(
        iter(lambda: berkas.read(64 * 1024), b""), tk.instansi_id, tk.tahun, jenis
    )
    try:
        with transaction.atomic():
            TahunKinerja.objects.select_for_update().get(pk=tk.pk)
            _cek_terkunci(tk.instansi, tk.tahun)
            row = BuktiDukung.objects.create(
                tahun_kinerja=tk,
                indikator=indikator,
                triwulan=triwulan,
                nama_asli=nama,
                lokasi=lokasi,
                jenis=jenis.mime,
                ukuran=ukuran,
                sha256=sha,
                diunggah_oleh=aktor if aktor.pk else None,
            )
            audit_record(
                actor=aktor,
                action=AuditAction.BUKTI_UNGGAH,
                obj=row,
                lokasi=f"{row} ({tk})",
                bidang="tambah",
                new={"nama": nama, "jenis": jenis.mime, "ukuran": ukuran, "sha256": sha},
            )
    except BaseException:
        berkas_bukti.hapus_berkas(lokasi)
        raise
    return row


def bukti_hapus(*, aktor: User, bukti: BuktiDukung) -> BuktiDukung:
    """Withdraw an evidence file: it no longer supports the realisation,
    but the row and the file stay for the audit."""
    tk = TahunKinerja.objects.select_related("instansi").get(pk=bukti.tahun_kinerja_id)
    pastikan_boleh(aktor, Aksi.UBAH_REALISASI, tk)
    with transaction.atomic():
        _cek_terkunci(tk.instansi, tk.tahun)
        row = (
            BuktiDukung.objects.select_for_update(of=("self",))
            .select_related("indikator")
            .get(pk=bukti.pk)
        )
        if row.dihapus_pada is not None:
            raise DatasetError(f"{row} sudah dihapus pada {_waktu(row.dihapus_pada)}")
        row.dihapus_pada = timezone.now()
        row.dihapus_oleh = aktor if aktor.pk else None
        row.save(update_fields=["dihapus_pada", "dihapus_oleh"])
        audit_record(
            actor=aktor,
            action=AuditAction.BUKTI_HAPUS,
            obj=row,
            lokasi=f"{row} ({tk})",
            bidang="hapus",
            old={"nama": row.nama_asli, "sha256": row.sha256},
        )
    return row


def pk_tandatangani(*, aktor: User, perjanjian: PerjanjianKinerja, versi: int) -> PerjanjianKinerja:
    """Sign a Perjanjian Kinerja: from then on it does not change; a change
    is a PK Perubahan, a new version."""
    pastikan_boleh(aktor, Aksi.TANDATANGANI_PK, perjanjian.tahun_kinerja)
    with transaction.atomic():
        pk = PerjanjianKinerja.objects.select_for_update().get(pk=perjanjian.pk)
        if pk.ditandatangani_pada is not None:
            raise DatasetError(f"{pk} sudah ditandatangani pada {_waktu(pk.ditandatangani_pada)}")
        # Only the version in force is signed: a later one already replaces it.
        lanjut = PerjanjianKinerja.objects.filter(
            tahun_kinerja_id=pk.tahun_kinerja_id, nomor__gt=pk.nomor
        ).first()
        if lanjut is not None:
            raise DatasetError(f"{pk} sudah digantikan oleh {lanjut}; tandatangani versi terakhir")
        _cek_basi(pk, "ditandatangani_pada", versi, str(pk))
        sekarang = timezone.now()
        pk.ditandatangani_pada = sekarang
        pk.ditandatangani_oleh = aktor if aktor.pk else None
        _simpan(
            aktor,
            pk,
            "ditandatangani_pada",
            None,
            sekarang.isoformat(),
            str(pk),
            AuditAction.PK_TANDATANGANI,
            juga=("ditandatangani_oleh",),
        )
    return pk


def pk_perubahan_buat(*, aktor: User, perjanjian: PerjanjianKinerja) -> PerjanjianKinerja:
    """Start a PK Perubahan: the latest version, once signed, copied to the
    next number, unsigned, so that its targets can change while the signed
    one stays as it was signed. The copy is what the year's document, and
    so every computed figure, reads from then on."""
    pastikan_boleh(aktor, Aksi.UBAH_RENCANA, perjanjian.tahun_kinerja)
    with transaction.atomic():
        # Locking the year serialises two operators starting a version at once.
        tk = (
            TahunKinerja.objects.select_for_update(of=("self",))
            .select_related("instansi")
            .get(pk=perjanjian.tahun_kinerja_id)
        )
        _cek_terkunci(tk.instansi, tk.tahun)
        pk = PerjanjianKinerja.objects.get(pk=perjanjian.pk)
        terakhir = PerjanjianKinerja.objects.filter(tahun_kinerja=tk).order_by("-nomor").first()
        assert terakhir is not None  # pk itself is one
        if terakhir.pk != pk.pk:
            raise DatasetError(f"{pk} bukan versi terakhir; PK Perubahan dibuat dari {terakhir}")
        if pk.ditandatangani_pada is None:
            raise DatasetError(
                f"{pk} belum ditandatangani: ubah saja targetnya; "
                "PK Perubahan dibuat dari PK yang sudah ditandatangani"
            )
        nomor = pk.nomor + 1
        baru = PerjanjianKinerja.objects.create(
            tahun_kinerja=tk,
            tahun=pk.tahun,
            nomor=nomor,
            # The document's own ``versi`` names the version, so that an export
            # imported again finds this one; the date and printed totals belong
            # to the signed original, not to a draft.
            versi_dokumen=nomor,
            lain=pk.lain,
        )
        PerjanjianIndikator.objects.bulk_create(
            PerjanjianIndikator(
                perjanjian=baru,
                indikator_id=i.indikator_id,
                ringkas=i.ringkas,
                target=i.target,
                urutan=i.urutan,
                lain=i.lain,
            )
            for i in pk.indikator.all()
        )
        PerjanjianProgram.objects.bulk_create(
            PerjanjianProgram(
                perjanjian=baru,
                kode=p.kode,
                ringkas=p.ringkas,
                pagu=p.pagu,
                urutan=p.urutan,
                lain=p.lain,
            )
            for p in pk.program.all()
        )
        audit_record(
            actor=aktor,
            action=AuditAction.PK_PERUBAHAN_BUAT,
            obj=baru,
            lokasi=str(baru),
            bidang="nomor",
            versi=baru.versi,
            old=pk.nomor,
            new=nomor,
        )
    return baru


def pk_target_set(
    *, aktor: User, indikator: PerjanjianIndikator, target: object, versi: int
) -> PerjanjianIndikator:
    """The target an unsigned Perjanjian Kinerja gives an indicator; none:
    the Renstra's target of the year applies. A signed PK does not change."""
    _cek_nilai(target)
    return _pk_isi_set(aktor, indikator, "target", target, versi, AuditAction.PK_TARGET_SET)


def pk_pagu_set(
    *, aktor: User, program: PerjanjianProgram, pagu: object, versi: int
) -> PerjanjianProgram:
    """The pagu an unsigned Perjanjian Kinerja prints for a program, an exact
    rupiah amount; none: the budget's pagu of the program applies. A signed
    PK does not change."""
    return _pk_isi_set(aktor, program, "pagu", _uang(pagu), versi, AuditAction.PK_PAGU_SET)


_IsiPk = TypeVar("_IsiPk", PerjanjianIndikator, PerjanjianProgram)


def _pk_isi_set(
    aktor: User, item: _IsiPk, bidang: str, nilai: object, versi: int, audit: AuditAction
) -> _IsiPk:
    """Set what an unsigned PK prints for one of its indicators (target) or
    programs (pagu): the year's plan may change, not a signed PK, nor a
    locked year, nor a row changed since it was read."""
    tk = TahunKinerja.objects.select_related("instansi").get(perjanjian__pk=item.perjanjian_id)
    pastikan_boleh(aktor, Aksi.UBAH_RENCANA, tk)
    with transaction.atomic():
        _cek_terkunci(tk.instansi, tk.tahun)
        row = (
            type(item)
            .objects.select_for_update(of=("self",))
            .select_related("perjanjian")
            .get(pk=item.pk)
        )
        pk = row.perjanjian
        pk.tahun_kinerja = tk  # read above: the audit scopes the row through it
        if pk.ditandatangani_pada is not None:
            raise DatasetError(
                f"{pk} sudah ditandatangani pada {_waktu(pk.ditandatangani_pada)} "
                f"dan tidak dapat diubah; buat PK Perubahan untuk mengubah {bidang}nya"
            )
        kode = row.indikator.kode if isinstance(row, PerjanjianIndikator) else row.kode
        lokasi = f"{bidang} {kode} {pk}"
        _cek_basi(row, bidang, versi, lokasi)
        lama = getattr(row, bidang)
        if sama(lama, nilai):
            return row
        setattr(row, bidang, nilai)
        # A PK that prints its own target or pagu lists the item as {kode, value}.
        row.ringkas = nilai is None
        _simpan(aktor, row, bidang, lama, nilai, lokasi, audit, juga=("ringkas",))
    return row


def aturan_pemda_set(
    *,
    aktor: User,
    pemda: Pemda,
    berlaku_mulai: int,
    bidang: str,
    nilai: object,
    versi: int,
) -> AturanPemda:
    """Change one of the pemda's rules from a year on. The rules of earlier
    years, and of every year already approved, stay as they were.

    ``versi`` is the version of the rules that apply from ``berlaku_mulai``
    as the writer read them (0 when that year has no rules of its own yet).
    """
    if bidang not in AturanPemda.KOLOM:
        raise NilaiDitolak(f"aturan {bidang!r} tidak ada; pilih: {', '.join(AturanPemda.KOLOM)}")
    pastikan_boleh(aktor, Aksi.UBAH_ATURAN_PEMDA, pemda)
    periksa_aturan(bidang, nilai)
    with transaction.atomic():
        Pemda.objects.select_for_update().get(pk=pemda.pk)
        # An approved year keeps the rules it was computed with: freeze them first.
        for tk in TahunKinerja.objects.filter(
            instansi__pemda=pemda, status=StatusTahun.DISETUJUI, aturan__isnull=True
        ).select_related("instansi"):
            tk.aturan = aturan_berlaku(pemda.pk, tk.tahun)
            tk.save(update_fields=["aturan"])
        aturan = AturanPemda.objects.filter(pemda=pemda, berlaku_mulai=berlaku_mulai).first()
        if aturan is not None:
            dipakai = list(
                TahunKinerja.objects.filter(aturan=aturan)
                .order_by("tahun")
                .values_list("instansi__nama", "tahun")
            )
            if dipakai:
                daftar = ", ".join(f"{nama} {t}" for nama, t in dipakai[:5])
                raise DatasetError(
                    f"{aturan} sudah dipakai tahun yang disetujui ({daftar}) dan tidak diubah; "
                    "tetapkan aturan yang berlaku mulai tahun sesudahnya"
                )
        if aturan is None:
            # A new step from that year on starts as a copy of the rules then in force.
            dasar = aturan_berlaku(pemda.pk, berlaku_mulai)
            aturan = AturanPemda(pemda=pemda, berlaku_mulai=berlaku_mulai, versi=0)
            for key in AturanPemda.KOLOM:
                setattr(aturan, key, getattr(dasar, key) if dasar is not None else None)
            aturan.dibuat_oleh = aktor if aktor.pk else None
            aturan.save()
        lokasi = f"{aturan}"
        _tulis(aktor, aturan, bidang, nilai, versi, lokasi, AuditAction.ATURAN_PEMDA_SET)
    return aturan


def aturan_pemda_ubah(
    *,
    aktor: User,
    pemda: Pemda,
    berlaku_mulai: int,
    nilai: Mapping[str, object],
    versi: int,
) -> AturanPemda | None:
    """Change several of the pemda's rules at once (the admin's rules form),
    all or none: each field through :func:`aturan_pemda_set`, with the
    version the writer read, so a field someone else changed since is refused.
    Every value is checked before any is written. None when ``nilai`` is empty."""
    pastikan_boleh(aktor, Aksi.UBAH_ATURAN_PEMDA, pemda)
    for bidang, isi in nilai.items():
        if bidang not in AturanPemda.KOLOM:
            raise NilaiDitolak(f"aturan {bidang!r} tidak ada")
        periksa_aturan(bidang, isi)
    aturan = None
    with transaction.atomic():
        for bidang, isi in nilai.items():
            aturan = aturan_pemda_set(
                aktor=aktor,
                pemda=pemda,
                berlaku_mulai=berlaku_mulai,
                bidang=bidang,
                nilai=isi,
                versi=versi,
            )
    return aturan


def angka_cetak_lepas(*, aktor: User, tahun_kinerja: TahunKinerja) -> int:
    """Drop every figure the year's old printed report stated (``dinyatakan``:
    a capaian, a total, an absorption as the document printed it), keeping
    the data they were computed from. The record then stands on its own
    figures, which the documents it writes print; the old ones stay in the
    history and in the imported file. Returns how many rows changed.

    An imported year is compared with its printed report, and a printed
    figure that disagrees is a galat; no page edits a printed figure, so
    without this a year imported from a faulty report could never be
    submitted."""
    pastikan_boleh(aktor, Aksi.UBAH_REALISASI, tahun_kinerja)
    berubah = 0
    with transaction.atomic():
        tk = (
            TahunKinerja.objects.select_for_update(of=("self",))
            .select_related("instansi", "renstra")
            .get(pk=tahun_kinerja.pk)
        )
        _cek_terkunci(tk.instansi, tk.tahun)
        baris: list[tuple[Any, str]] = [
            (n, f"dinyatakan {n.indikator.kode} {n.tahun}")
            for n in NilaiIndikator.objects.filter(
                indikator__in=indikator_dari_tahun(tk), tahun=tk.tahun, dinyatakan__isnull=False
            ).select_related("indikator")
        ]
        baris += [
            (n, f"dinyatakan {n} ({tk})")
            for n in AnggaranNode.objects.filter(
                anggaran__tahun_kinerja=tk, dinyatakan__isnull=False
            )
        ]
        baris += [(pk, f"dinyatakan {pk}") for pk in tk.perjanjian.filter(dinyatakan__isnull=False)]
        anggaran = getattr(tk, "anggaran", None)
        if anggaran is not None and anggaran.dinyatakan is not None:
            baris.append((anggaran, f"dinyatakan anggaran {tk}"))
        for row, lokasi in baris:
            lama = row.dinyatakan
            row.dinyatakan = None
            _simpan(aktor, row, "dinyatakan", lama, None, lokasi, AuditAction.ANGKA_CETAK_LEPAS)
            berubah += 1
        # The Renstra's printed capaian and predikat are kept by year: only this one goes.
        renstra = tk.renstra
        if renstra is not None and str(tk.tahun) in (renstra.dinyatakan or {}):
            lama = renstra.dinyatakan
            sisa = {k: v for k, v in lama.items() if k != str(tk.tahun)}
            renstra.dinyatakan = sisa or None
            _simpan(
                aktor,
                renstra,
                "dinyatakan",
                lama,
                renstra.dinyatakan,
                f"dinyatakan {renstra} {tk.tahun}",
                AuditAction.ANGKA_CETAK_LEPAS,
            )
            berubah += 1
    return berubah


# -- the year's workflow: draf -> diajukan -> disetujui (locked) -------------


def tahun_ajukan(*, aktor: User, tahun_kinerja: TahunKinerja) -> TahunKinerja:
    """The operator submits the year for approval: refused while the year has
    findings of level galat, or warnings (peringatan) without a justification."""
    pastikan_boleh(aktor, Aksi.AJUKAN, tahun_kinerja)
    with transaction.atomic():
        # Held until the status changes, so that the findings checked are the
        # ones submitted (another submission waits here).
        tk = (
            TahunKinerja.objects.select_for_update(of=("self",))
            .select_related("instansi__pemda", "renstra", "aturan")
            .get(pk=tahun_kinerja.pk)
        )
        if tk.status == StatusTahun.DRAF:
            syarat = syarat_ajuan(tk, laporan_tahun(tk))
            if not syarat.boleh:
                raise AjuanDitolak(f"{tk} belum dapat diajukan: {syarat.alasan()}")
        return _status(aktor, tk, Aksi.AJUKAN, StatusTahun.DRAF, StatusTahun.DIAJUKAN, "")


def justifikasi_set(
    *,
    aktor: User,
    tahun_kinerja: TahunKinerja,
    kode: str,
    lokasi: str,
    teks: str,
    versi: int,
) -> JustifikasiTemuan:
    """The written justification of a warning (peringatan) of the year, the
    finding named by its code and location; empty text withdraws it."""
    pastikan_boleh(aktor, Aksi.AJUKAN, tahun_kinerja)
    tk = TahunKinerja.objects.select_related("instansi__pemda", "renstra", "aturan").get(
        pk=tahun_kinerja.pk
    )
    syarat = syarat_ajuan(tk, laporan_tahun(tk))
    if not any(p.temuan.kode == kode and p.temuan.lokasi == lokasi for p in syarat.peringatan):
        raise NilaiDitolak(f"{tk} tidak memiliki peringatan {kode} di {lokasi}; muat ulang halaman")
    teks = teks.strip()
    with transaction.atomic():
        _cek_terkunci(tk.instansi, tk.tahun)
        row, _ = JustifikasiTemuan.objects.select_for_update().get_or_create(
            tahun_kinerja=tk, kode=kode, lokasi=lokasi, defaults={"versi": 0}
        )
        lokasi_audit = f"{tk} justifikasi {kode} {lokasi}"
        _cek_basi(row, "teks", versi, lokasi_audit)
        lama = row.teks
        if lama == teks:
            return row
        row.teks = teks
        row.oleh = aktor if aktor.pk else None
        row.pada = timezone.now()
        _simpan(
            aktor,
            row,
            "teks",
            lama or None,
            teks or None,
            lokasi_audit,
            AuditAction.JUSTIFIKASI_SET,
            juga=("oleh", "pada"),
        )
    return row


def jadwal_set(
    *,
    aktor: User,
    pemda: Pemda,
    tahun: int,
    triwulan: int,
    buka: date,
    tutup: date,
    versi: int,
    alasan: str = "",
) -> JadwalPengisian:
    """When the realisations of a quarter are filled in, for every agency of
    the pemda. Moving the close of a window that has closed to a later day
    reopens it: that needs a reason, recorded with the change."""
    pastikan_boleh(aktor, Aksi.ATUR_JADWAL, pemda)
    if triwulan not in (1, 2, 3, 4):
        raise NilaiDitolak(f"triwulan {triwulan} tidak ada (1-4)")
    if not 1900 <= tahun <= 2999:
        raise NilaiDitolak(f"tahun {tahun} tidak wajar")
    if buka > tutup:
        raise NilaiDitolak(
            f"tanggal buka ({buka:%d-%m-%Y}) sesudah tanggal tutup ({tutup:%d-%m-%Y})"
        )
    alasan = alasan.strip()
    with transaction.atomic():
        row, baru = JadwalPengisian.objects.select_for_update().get_or_create(
            pemda=pemda,
            tahun=tahun,
            triwulan=triwulan,
            defaults={"buka": buka, "tutup": tutup, "tenggat": tutup, "versi": 0},
        )
        lokasi = str(row)
        _cek_basi(row, "buka", versi, lokasi)
        _cek_basi(row, "tutup", versi, lokasi)
        lama = {} if baru else {"buka": row.buka, "tutup": row.tutup}
        ditutup = not baru and jadwal_ditutup(row)
        buka_ulang = ditutup and tutup > row.tutup
        if buka_ulang and not alasan:
            raise NilaiDitolak(
                f"{lokasi} sudah ditutup pada {row.tutup:%d-%m-%Y}; "
                "tuliskan alasan membukanya kembali"
            )
        ubah = [b for b, v in (("buka", buka), ("tutup", tutup)) if lama.get(b) != v]
        if not ubah:
            return row
        row.buka, row.tutup = buka, tutup
        # Once closed, the deadline stays; before, it follows the close.
        row.tenggat = min(row.tenggat, tutup) if ditutup else tutup
        row.diubah_oleh = aktor if aktor.pk else None
        row.diubah_pada = timezone.now()
        row.versi += 1
        row.save()
        for bidang in ubah:
            nilai_baru: object = getattr(row, bidang).isoformat()
            aksi = AuditAction.JADWAL_SET
            if bidang == "tutup" and buka_ulang:
                aksi = AuditAction.JADWAL_BUKA_ULANG
                nilai_baru = {"tutup": nilai_baru, "alasan": alasan}
            audit_record(
                actor=aktor,
                action=aksi,
                obj=row,
                lokasi=lokasi,
                bidang=bidang,
                versi=row.versi,
                old=lama[bidang].isoformat() if bidang in lama else None,
                new=nilai_baru,
            )
    return row


def tahun_setujui(*, aktor: User, tahun_kinerja: TahunKinerja) -> TahunKinerja:
    """The pimpinan approves: the year is locked and keeps the pemda rules
    it was computed with."""
    return _status(
        aktor, tahun_kinerja, Aksi.SETUJUI, StatusTahun.DIAJUKAN, StatusTahun.DISETUJUI, ""
    )


def tahun_kembalikan(*, aktor: User, tahun_kinerja: TahunKinerja, catatan: str) -> TahunKinerja:
    """The pimpinan sends a submitted year back to draf, with a note."""
    return _status(
        aktor, tahun_kinerja, Aksi.SETUJUI, StatusTahun.DIAJUKAN, StatusTahun.DRAF, catatan
    )


def tahun_buka_kunci(*, aktor: User, tahun_kinerja: TahunKinerja, alasan: str) -> TahunKinerja:
    """The pemda's admin unlocks an approved year, with a reason (recorded)."""
    return _status(
        aktor, tahun_kinerja, Aksi.BUKA_KUNCI, StatusTahun.DISETUJUI, StatusTahun.DRAF, alasan
    )


def _status(
    aktor: User,
    tahun_kinerja: TahunKinerja,
    aksi: Aksi,
    dari: StatusTahun,
    ke: StatusTahun,
    catatan: str,
) -> TahunKinerja:
    pastikan_boleh(aktor, aksi, tahun_kinerja)
    if ke == StatusTahun.DRAF and not catatan.strip():
        raise NilaiDitolak("tuliskan alasannya")
    with transaction.atomic():
        tk = (
            TahunKinerja.objects.select_for_update(of=("self",))
            .select_related("instansi")
            .get(pk=tahun_kinerja.pk)
        )
        if tk.status != dari:
            raise DatasetError(f"{tk} berstatus {tk.get_status_display()}, bukan {dari.label}")
        lama = tk.status
        tk.status = ke
        fields = ["status"]
        if ke == StatusTahun.DISETUJUI:
            tk.aturan = aturan_berlaku(tk.instansi.pemda_id, tk.tahun)
            fields.append("aturan")
        elif dari == StatusTahun.DISETUJUI:
            tk.aturan = None
            fields.append("aturan")
        tk.versi += 1
        tk.diubah_pada = timezone.now()
        tk.save(update_fields=[*fields, "versi", "diubah_pada"])
        audit_record(
            actor=aktor,
            action=AuditAction.TAHUN_STATUS,
            obj=tk,
            lokasi=str(tk),
            bidang="status",
            versi=tk.versi,
            old=lama,
            new={"status": str(ke), "catatan": catatan} if catatan else str(ke),
        )
    return tk


# -- history ----------------------------------------------------------------


def riwayat(obj: models.Model, bidang: str | None = None) -> list[AuditLog]:
    """Every recorded change of a row (or of one of its fields), oldest first."""
    rows = AuditLog.objects.filter(object_type=obj._meta.label, object_id=str(obj.pk))
    if bidang:
        rows = rows.filter(bidang=bidang)
    return list(rows.select_related("actor").order_by("timestamp", "id"))


# -- the shared steps ---------------------------------------------------------


def _nilai_indikator(
    aktor: User,
    indikator: Indikator,
    tahun: int,
    bidang: str,
    nilai: object,
    versi: int,
    aksi: Aksi,
) -> NilaiIndikator:
    _cek_nilai(nilai)
    instansi = _instansi_indikator(indikator)
    pastikan_boleh(aktor, aksi, instansi)
    with transaction.atomic():
        _cek_terkunci(instansi, tahun)
        row, _ = NilaiIndikator.objects.select_for_update().get_or_create(
            indikator=indikator, tahun=tahun, defaults={"versi": 0}
        )
        audit = AuditAction.TARGET_SET if bidang == "target" else AuditAction.REALISASI_SET
        _tulis(aktor, row, bidang, nilai, versi, f"{bidang} {indikator.kode} {tahun}", audit)
    return row


def _anggaran(
    aktor: User,
    node: AnggaranNode,
    bidang: str,
    nilai: object,
    versi: int,
    audit: str,
) -> AnggaranNode:
    jumlah = _uang(nilai)
    tk = TahunKinerja.objects.select_related("instansi").get(anggaran__node=node)
    pastikan_boleh(aktor, Aksi.UBAH_ANGGARAN, tk)
    with transaction.atomic():
        _cek_terkunci(tk.instansi, tk.tahun)
        row = AnggaranNode.objects.select_for_update().get(pk=node.pk)
        _tulis(aktor, row, bidang, jumlah, versi, f"{bidang} {row} ({tk})", audit)
    return row


def _tulis(
    aktor: User,
    row: Any,
    bidang: str,
    nilai: object,
    versi: int,
    lokasi: str,
    audit: str,
) -> None:
    """Set one field of a locked row, after the stale-write check; audited."""
    _cek_basi(row, bidang, versi, lokasi)
    lama = getattr(row, bidang)
    if sama(lama, nilai):
        return
    setattr(row, bidang, nilai)
    _simpan(aktor, row, bidang, lama, nilai, lokasi, audit)


def _simpan(
    aktor: User,
    row: Any,
    bidang: str,
    lama: object,
    baru: object,
    lokasi: str,
    audit: str,
    *,
    juga: tuple[str, ...] = (),
) -> None:
    """Save the field (and ``juga``, set with it) with the row's next version; audited."""
    row.versi += 1
    fields = [bidang, *juga, "versi"]
    if isinstance(row, Baris):
        row.diubah_pada = timezone.now()
        fields.append("diubah_pada")
    row.save(update_fields=fields)
    audit_record(
        actor=aktor,
        action=audit,
        obj=row,
        lokasi=lokasi,
        bidang=bidang,
        versi=row.versi,
        old=lama,
        new=baru,
    )


def _cek_basi(
    row: Any, bidang: str, versi: int, lokasi: str, *, sama_lokasi: str | None = None
) -> None:
    """Refuse a write when the field changed since ``versi`` was read
    (``sama_lokasi``: only a change audited at that location conflicts, for
    a field holding several independent parts)."""
    if row.versi == versi:
        return
    if versi > row.versi:
        raise PenulisanBasi(f"{lokasi}: versi {versi} tidak ada (versi sekarang {row.versi})")
    # Changes of other fields of the row since the read do not conflict.
    lain = (
        AuditLog.objects.filter(
            object_type=row._meta.label, object_id=str(row.pk), versi__gt=versi, bidang=bidang
        )
        .filter(**({"lokasi": sama_lokasi[:255]} if sama_lokasi else {}))
        .select_related("actor")
        .order_by("-id")
        .first()
    )
    if lain is None:
        return
    siapa = lain.actor.get_username() if lain.actor else "sistem"
    raise PenulisanBasi(
        f"{lokasi} telah diubah oleh {siapa} pada {_waktu(lain.timestamp)} "
        f"({tampil(lain.old)} -> {tampil(lain.new)}) sesudah Anda membacanya; "
        "muat ulang lalu ulangi perubahan Anda"
    )


def _cek_terkunci(instansi: Instansi, tahun: int) -> None:
    status = (
        TahunKinerja.objects.filter(instansi=instansi, tahun=tahun)
        .values_list("status", flat=True)
        .first()
    )
    if status == StatusTahun.DISETUJUI:
        raise TahunTerkunci(
            f"{instansi.nama} tahun {tahun} sudah disetujui dan terkunci; "
            "minta admin pemda membuka kuncinya lebih dahulu"
        )


def _cek_jadwal(aktor: User, instansi: Instansi, tahun: int, triwulan: int) -> None:
    """A quarter's realisation is written within the pemda's filling window;
    once it has closed, only whoever may reopen it (the pemda's admin) writes."""
    jadwal = JadwalPengisian.objects.filter(
        pemda_id=instansi.pemda_id, tahun=tahun, triwulan=triwulan
    ).first()
    if not jadwal_ditutup(jadwal, hari_ini()):
        return
    if boleh(aktor, Aksi.ATUR_JADWAL, instansi.pemda):
        return
    assert jadwal is not None
    raise JadwalDitutup(
        f"pengisian realisasi triwulan {triwulan} tahun {tahun} sudah ditutup pada "
        f"{jadwal.tutup:%d-%m-%Y}; minta admin pemda membuka kembali jadwal pengisiannya"
    )


def _cek_nilai(nilai: object) -> None:
    ok = nilai is None or isinstance(nilai, str | int | Decimal) and not isinstance(nilai, bool)
    if isinstance(nilai, list) and len(nilai) == 2:
        ok = all(isinstance(v, int | Decimal) and not isinstance(v, bool) for v in nilai)
    if not ok:
        raise NilaiDitolak(f"{nilai!r} bukan nilai indikator (angka, teks, atau rentang [a, b])")


def _uang(nilai: object) -> object:
    if nilai is None:
        return None
    # A number already parsed (a form reads "1.234.567,50" the Indonesian way
    # first): text here would be ambiguous about its separators.
    jumlah = (
        Decimal(nilai) if isinstance(nilai, int | Decimal) and not isinstance(nilai, bool) else None
    )
    if jumlah is None or jumlah < 0 or not uang_tepat(jumlah):
        raise NilaiDitolak(
            f"{nilai!r} bukan jumlah rupiah yang sah (tidak negatif, paling banyak dua desimal)"
        )
    return jumlah


def _cek_indikator_tahun(tk: TahunKinerja, indikator: Indikator) -> None:
    if not indikator_dari_tahun(tk).filter(pk=indikator.pk).exists():
        raise NilaiDitolak(f"indikator {indikator.kode} bukan indikator {tk}")


def _instansi_indikator(indikator: Indikator) -> Instansi:
    if indikator.renstra_id is not None:
        return Instansi.objects.get(renstra__pk=indikator.renstra_id)
    assert indikator.node_id is not None  # an indicator has a Renstra or a budget line
    return Instansi.objects.get(tahun_kinerja__anggaran__node__pk=indikator.node_id)


def _waktu(waktu: Any) -> str:
    return f"{timezone.localtime(waktu):%d-%m-%Y %H:%M}"
