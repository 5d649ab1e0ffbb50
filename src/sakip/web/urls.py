"""The application's pages (``web:``).

An instansi-year's pages live under ``i/<instansi_id>/<tahun>/``.
"""

from django.urls import path

from sakip.web import (
    anggaran,
    catatan,
    dokumen,
    jadwal,
    narasi,
    pemda,
    realisasi,
    rencana,
    skm,
    tahun,
    ubah,
    views,
)

app_name = "web"

T = "i/<int:instansi_id>/<int:tahun>/"

urlpatterns = [
    path("", views.beranda, name="beranda"),
    path(T, tahun.ringkasan, name="tahun"),
    path(T + "hasil/", tahun.hasil, name="hasil"),
    path(T + "capaian/", tahun.capaian, name="capaian"),
    path(T + "triwulan/", tahun.triwulan, name="triwulan"),
    path(T + "temuan-ringkas/", tahun.temuan_ringkas, name="temuan-ringkas"),
    path(T + "riwayat/", tahun.riwayat, name="riwayat"),
    path(T + "renstra/", rencana.renstra, name="renstra"),
    path(T + "iku/", rencana.iku, name="iku"),
    path(T + "pohon/", rencana.pohon, name="pohon"),
    path(T + "pk/", rencana.perjanjian, name="pk"),
    path(T + "pk/hasil/", rencana.perjanjian_hasil, name="pk-hasil"),
    path(T + "pk/<int:nomor>/tandatangani/", rencana.pk_tandatangani, name="pk-tandatangani"),
    path(T + "pk/<int:nomor>/perubahan/", rencana.pk_perubahan, name="pk-perubahan"),
    path(T + "rencana-aksi/", rencana.rencana_aksi, name="rencana-aksi"),
    path(T + "realisasi/", realisasi.halaman, name="realisasi"),
    path(T + "realisasi/kurang/", realisasi.kurang, name="realisasi-kurang"),
    path(T + "bukti/<int:pk>/", realisasi.unduh, name="bukti"),
    path(T + "bukti/<int:pk>/hapus/", realisasi.hapus, name="bukti-hapus"),
    path(T + "bukti/unggah/<int:pk>/", realisasi.unggah, name="bukti-unggah"),
    path(T + "anggaran/", anggaran.halaman, name="anggaran"),
    path(T + "narasi/", narasi.halaman, name="narasi"),
    path(T + "status/<slug:langkah>/", tahun.status, name="status"),
    path(T + "angka-cetak/", tahun.angka_cetak, name="angka-cetak"),
    path("skm/<str:kode>/hasil", skm.hasil, name="skm-hasil"),
    path(T + "skm/", skm.daftar, name="skm"),
    path(T + "skm/buka/", skm.buka, name="skm-buka"),
    path(T + "skm/<str:kode>/tutup/", skm.tutup, name="skm-tutup"),
    path(T + "skm/<str:kode>/impor/", skm.impor, name="skm-impor"),
    path(T + "skm/<str:kode>/ikm/", skm.ikm, name="skm-ikm"),
    path(T + "skm/<str:kode>/poster/", skm.poster, name="skm-poster"),
    path(T + "dokumen/", dokumen.daftar, name="dokumen"),
    path(
        T + "dokumen/<slug:jenis>/<slug:bentuk>/<slug:format>/",
        dokumen.unduh,
        name="dokumen-unduh",
    ),
    path(T + "ubah/nilai/<int:pk>/<slug:bidang>/<int:untuk>/", ubah.ubah_nilai, name="ubah-nilai"),
    path(
        T + "ubah/triwulan/<int:pk>/<slug:jenis>/<int:triwulan>/",
        ubah.ubah_triwulan,
        name="ubah-triwulan",
    ),
    path(T + "ubah/anggaran/<int:pk>/<slug:bidang>/", ubah.ubah_anggaran, name="ubah-anggaran"),
    path(T + "ubah/pk/<int:pk>/target/", rencana.ubah_pk_target, name="ubah-pk-target"),
    path(T + "ubah/pk-pagu/<int:pk>/", rencana.ubah_pk_pagu, name="ubah-pk-pagu"),
    path(T + "ubah/narasi/<slug:bagian>/", ubah.ubah_narasi, name="ubah-narasi"),
    path(T + "ubah/indikator/<int:pk>/<slug:bidang>/", ubah.ubah_indikator, name="ubah-indikator"),
    path(T + "ubah/penjelasan/<int:pk>/", realisasi.ubah_penjelasan, name="ubah-penjelasan"),
    path(T + "ubah/analisis/<int:pk>/", narasi.ubah_analisis, name="ubah-analisis"),
    path(T + "catatan/", catatan.daftar, name="catatan"),
    path(T + "catatan/tulis/", catatan.tulis, name="catatan-tulis"),
    path(T + "catatan/<int:pk>/jawab/", catatan.jawab, name="catatan-jawab"),
    path(T + "catatan/<int:pk>/status/", catatan.status, name="catatan-status"),
    path("pemda/<int:pemda_id>/", pemda.ringkasan, name="pemda"),
    path("pemda/<int:pemda_id>/instansi/", pemda.instansi_tambah, name="pemda-instansi"),
    path("pemda/<int:pemda_id>/aturan/", pemda.aturan, name="pemda-aturan"),
    path(T + "ubah/justifikasi/", ubah.ubah_justifikasi, name="ubah-justifikasi"),
    path("pemda/<int:pemda_id>/jadwal/<int:tahun>/", jadwal.jadwal, name="jadwal"),
]
