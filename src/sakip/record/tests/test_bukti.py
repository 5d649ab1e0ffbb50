"""Evidence files, explanations of a realisation below target and the
analysis of an indicator: through the record's services, audited, refused
on a locked year."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.db import IntegrityError

from sakip.akun.akses import AksesDitolak
from sakip.akun.sistem import aktor_sistem
from sakip.ledger.models import AuditAction, AuditLog
from sakip.record import bukti, services
from sakip.record.bukti import BuktiDitolak
from sakip.record.models import (
    BuktiDukung,
    Indikator,
    NilaiIndikator,
    Penjelasan,
    StatusTahun,
    TahunKinerja,
)
from sakip.record.queries import di_bawah_target, laporan_tahun, penjelasan_kurang
from sakip.record.services import PenulisanBasi, TahunTerkunci
from sakip.record.testing import impor_uji

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def zip_dengan(*bagian: tuple[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for nama, isi in bagian:
            z.writestr(nama, isi)
    return out.getvalue()


XLSX = zip_dengan(("[Content_Types].xml", b"<x/>"), ("xl/workbook.xml", b"<w/>"))
DOCX = zip_dengan(("[Content_Types].xml", b"<x/>"), ("word/document.xml", b"<d/>"))
ODS = zip_dengan(
    ("mimetype", b"application/vnd.oasis.opendocument.spreadsheet"), ("content.xml", b"<c/>")
)


@pytest.fixture(autouse=True)
def bukti_dir(settings, tmp_path):
    settings.SAKIP_BUKTI_DIR = tmp_path / "bukti"
    return settings.SAKIP_BUKTI_DIR


@pytest.fixture
def tk(db) -> TahunKinerja:
    return impor_uji()


def _ind(tk: TahunKinerja) -> Indikator:
    ind = Indikator.objects.filter(renstra=tk.renstra).order_by("urutan").first()
    assert ind is not None
    return ind


def _unggah(tk, isi: bytes, nama: str, triwulan: int | None = 1, aktor=None) -> BuktiDukung:
    return services.bukti_unggah(
        aktor=aktor or aktor_sistem(),
        tahun_kinerja=tk,
        indikator=_ind(tk),
        triwulan=triwulan,
        nama=nama,
        berkas=io.BytesIO(isi),
        ukuran=len(isi),
    )


@pytest.mark.parametrize(
    ("isi", "nama", "mime"),
    [
        (PDF, "laporan.pdf", "application/pdf"),
        (PNG, "foto.PNG", "image/png"),
        (b"\xff\xd8\xff\xe0" + b"\x00" * 20, "foto.jpeg", "image/jpeg"),
        (XLSX, "data.xlsx", bukti.XLSX.mime),
        (DOCX, "surat.docx", bukti.DOCX.mime),
        (ODS, "data.ods", bukti.ODS.mime),
    ],
)
def test_an_accepted_file_is_kept_with_its_digest_and_audited(tk, bukti_dir, isi, nama, mime):
    row = _unggah(tk, isi, nama)
    assert row.jenis == mime and row.ukuran == len(isi) and row.nama_asli == nama
    assert (bukti_dir / row.lokasi).read_bytes() == isi
    assert not str(row.lokasi).startswith("/") and nama not in row.lokasi
    audit = AuditLog.objects.get(action=AuditAction.BUKTI_UNGGAH, object_id=str(row.pk))
    assert row.sha256 in audit.new


@pytest.mark.parametrize(
    ("isi", "nama", "pesan"),
    [
        (b"MZ\x90\x00 program", "laporan.pdf", "bukan jenis yang diterima"),
        (PNG, "laporan.pdf", "berisi PNG tetapi bernama .pdf"),
        (PDF, "laporan.exe", "berisi PDF tetapi bernama .exe"),
        (zip_dengan(("a.txt", b"a")), "data.xlsx", "bukan jenis yang diterima"),
        (b"", "kosong.pdf", "kosong"),
    ],
)
def test_a_refused_file_leaves_nothing_behind(tk, bukti_dir, isi, nama, pesan):
    with pytest.raises(BuktiDitolak, match=pesan):
        _unggah(tk, isi, nama)
    assert not BuktiDukung.objects.exists()
    assert not bukti_dir.exists() or not any(p.is_file() for p in bukti_dir.rglob("*"))


def test_a_file_over_the_limit_is_refused(tk, settings):
    settings.SAKIP_BUKTI_MAKS_BYTE = 40
    with pytest.raises(BuktiDitolak, match="melebihi batas"):
        _unggah(tk, PDF + b"x" * 40, "besar.pdf")


def test_a_failed_row_write_removes_the_file(tk, bukti_dir, monkeypatch):
    def gagal(*a, **k):
        raise IntegrityError("simulated")

    monkeypatch.setattr(BuktiDukung.objects, "create", gagal)
    with pytest.raises(IntegrityError):
        _unggah(tk, PDF, "laporan.pdf")
    assert not any(p.is_file() for p in bukti_dir.rglob("*"))


def test_the_senders_folder_part_of_the_name_is_dropped(tk):
    row = _unggah(tk, PDF, "../../etc/laporan.pdf")
    assert row.nama_asli == "laporan.pdf"
    with pytest.raises(BuktiDitolak):
        bukti.jalur("../../etc/passwd")


def test_a_locked_year_refuses_upload_delete_and_explanation(tk, bukti_dir):
    row = _unggah(tk, PDF, "laporan.pdf")
    TahunKinerja.objects.filter(pk=tk.pk).update(status=StatusTahun.DISETUJUI)
    with pytest.raises(TahunTerkunci):
        _unggah(tk, PDF, "lagi.pdf")
    with pytest.raises(TahunTerkunci):
        services.bukti_hapus(aktor=aktor_sistem(), bukti=row)
    with pytest.raises(TahunTerkunci):
        services.penjelasan_set(
            aktor=aktor_sistem(), indikator=_ind(tk), tahun=tk.tahun, teks="x", versi=0
        )
    with pytest.raises(TahunTerkunci):
        services.analisis_set(
            aktor=aktor_sistem(), tahun_kinerja=tk, indikator=_ind(tk), teks="x", versi=tk.versi
        )
    assert BuktiDukung.objects.count() == 1
    assert len([p for p in bukti_dir.rglob("*") if p.is_file()]) == 1


def test_deleting_evidence_keeps_the_row_and_the_file(tk, bukti_dir):
    row = _unggah(tk, PDF, "laporan.pdf")
    services.bukti_hapus(aktor=aktor_sistem(), bukti=row)
    row.refresh_from_db()
    assert row.dihapus_pada is not None and (bukti_dir / row.lokasi).exists()
    assert AuditLog.objects.filter(action=AuditAction.BUKTI_HAPUS).count() == 1


def test_a_user_without_the_right_cannot_upload(tk, django_user_model):
    orang = django_user_model.objects.create_user("tamu")
    with pytest.raises(AksesDitolak):
        _unggah(tk, PDF, "laporan.pdf", aktor=orang)
    assert not BuktiDukung.objects.exists()


def test_an_indicator_below_target_needs_an_explanation(tk):
    ind = _ind(tk)
    nilai = NilaiIndikator.objects.get(indikator=ind, tahun=tk.tahun)
    services.target_set(
        aktor=aktor_sistem(), indikator=ind, tahun=tk.tahun, nilai=100, versi=nilai.versi
    )
    nilai.refresh_from_db()
    services.realisasi_set(
        aktor=aktor_sistem(), indikator=ind, tahun=tk.tahun, nilai=50, versi=nilai.versi
    )
    assert ind.kode in di_bawah_target(laporan_tahun(tk))
    kurang = penjelasan_kurang(tk)
    assert any(line.startswith(f"{ind.kode} ") and "50,00 %" in line for line in kurang)

    row = services.penjelasan_set(
        aktor=aktor_sistem(), indikator=ind, tahun=tk.tahun, teks="Anggaran dipotong", versi=0
    )
    assert not any(line.startswith(f"{ind.kode} ") for line in penjelasan_kurang(tk))
    with pytest.raises(PenulisanBasi, match="telah diubah"):
        services.penjelasan_set(
            aktor=aktor_sistem(), indikator=ind, tahun=tk.tahun, teks="lain", versi=0
        )
    services.penjelasan_set(
        aktor=aktor_sistem(), indikator=ind, tahun=tk.tahun, teks=" ", versi=row.versi
    )
    assert Penjelasan.objects.get(pk=row.pk).teks is None
    assert any(line.startswith(f"{ind.kode} ") for line in penjelasan_kurang(tk))


def test_the_analysis_of_an_indicator_is_kept_in_the_report_text_by_code(tk):
    ind = _ind(tk)
    tk = services.analisis_set(
        aktor=aktor_sistem(), tahun_kinerja=tk, indikator=ind, teks="Naik karena X", versi=tk.versi
    )
    assert tk.narasi["analisis"][ind.kode] == "Naik karena X"
    assert laporan_tahun(tk).dokumen.narasi.analisis[ind.kode] == "Naik karena X"
    tk = services.analisis_set(
        aktor=aktor_sistem(), tahun_kinerja=tk, indikator=ind, teks="", versi=tk.versi
    )
    assert ind.kode not in (tk.narasi or {}).get("analisis", {})
