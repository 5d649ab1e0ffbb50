"""The sheets of the workbook, their columns and the help the Petunjuk prints.

Row 1 of every data sheet is its header; a column is found by its header
text (or its key), so the user may reorder columns. The key/value sheets
(``umum``, ``pemda``, ``instansi``, ``narasi``) have the columns Kunci,
Nilai, Keterangan and list their usual keys even when empty.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sakip.dataset.xlsx.cells import Jenis

LAINNYA = "lainnya"


@dataclass(frozen=True)
class Kolom:
    kunci: str
    judul: str
    jenis: Jenis
    lebar: int = 16
    wajib: bool = False  # the header must be present
    ket: str = ""
    pilihan: tuple[str, ...] = ()  # offered in a drop-down list


@dataclass(frozen=True)
class Lembar:
    nama: str
    ket: str
    kolom: tuple[Kolom, ...]
    wajib: bool = False  # the sheet must be present
    #: Key/value sheets: root key in the document ("" = the document itself)
    #: and the usual keys with their help text.
    akar: str | None = None
    kunci_baku: tuple[tuple[str, str], ...] = ()
    #: Columns that place a record (its parent, level, year) or are derived
    #: from one of its keys; every other column holds the record's key of the
    #: same name.
    tempat: tuple[str, ...] = ()

    def cari(self, kunci: str) -> Kolom:
        return next(k for k in self.kolom if k.kunci == kunci)


def _lainnya() -> Kolom:
    return Kolom(
        LAINNYA,
        "Data lain (JSON)",
        Jenis.JSON,
        30,
        ket="Isian lain dari baris ini yang tidak punya kolom sendiri, sebagai objek JSON "
        '(mis. {"catatan": "..."}). Biarkan apa adanya; kosongkan bila tidak ada.',
    )


def _kode(judul: str = "Kode", ket: str = "Kode, unik dalam sheet", wajib: bool = True) -> Kolom:
    return Kolom("kode", judul, Jenis.TEKS, 14, wajib, ket)


def _uraian(ket: str = "Uraian (nama)") -> Kolom:
    return Kolom("uraian", "Uraian", Jenis.TEKS, 60, ket=ket)


def _kv(
    nama: str, ket: str, akar: str, kunci_baku: tuple[tuple[str, str], ...], wajib: bool = True
) -> Lembar:
    return Lembar(
        nama,
        ket,
        (
            Kolom("kunci", "Kunci", Jenis.TEKS, 32, True, "Nama isian (jangan diubah)"),
            Kolom("nilai", "Nilai", Jenis.NILAI, 70, True, "Isinya"),
            Kolom("keterangan", "Keterangan", Jenis.TEKS, 60, ket="Penjelasan; tidak dibaca"),
        ),
        wajib=wajib,
        akar=akar,
        kunci_baku=kunci_baku,
    )


TINGKAT_ANGGARAN = ("program", "kegiatan", "sub_kegiatan", "btl")
JENIS_INDUK = ("tujuan", "sasaran", "rpjmd_tujuan", "rpjmd_sasaran", *TINGKAT_ANGGARAN)
BAGIAN_DINYATAKAN = ("anggaran", "indikator", "renstra", "perjanjian_kinerja", "skm")
KELAS_BELANJA = ("pegawai", "barang_jasa", "modal")
KOLOM_RINCIAN = tuple(f"{b}_{k}" for k in KELAS_BELANJA for b in ("pagu", "realisasi"))
KOMPONEN_EVALUASI = ("perencanaan", "pengukuran", "pelaporan", "evaluasi_internal")


def _kode_rpjmd(kunci: str, judul: str, ket: str) -> Kolom:
    return Kolom(kunci, judul, Jenis.TEKS_ATAU_KODE, 10, ket=ket + "; beberapa: pisahkan koma")


def _indikator_rpjmd() -> Kolom:
    return Kolom(
        "indikator",
        "Indikator",
        Jenis.BARIS,
        50,
        ket="Nama indikator, satu per baris (indikator dengan target: sheet indikator)",
    )


def _nilai_tahun() -> tuple[Kolom, ...]:
    return (
        Kolom("target", "Target", Jenis.NILAI, 14, ket="Target (angka, teks, atau huruf mutu)"),
        Kolom("target_bawah", "Target bawah", Jenis.NILAI, 12, ket="Batas bawah target rentang"),
        Kolom("target_atas", "Target atas", Jenis.NILAI, 12, ket="Batas atas target rentang"),
    )


def _triwulan(nama: str, ket: str) -> Lembar:
    return Lembar(
        nama,
        ket,
        (
            _kode("Kode indikator"),
            Kolom("tahun", "Tahun", Jenis.TAHUN, 8, True),
            *(
                Kolom(f"tw{i}", f"TW {i}", Jenis.NILAI, 12, ket=f"Nilai triwulan {i}")
                for i in range(1, 5)
            ),
        ),
    )


LEMBAR: tuple[Lembar, ...] = (
    _kv(
        "umum",
        "Isian umum dokumen: format, periode RPJMD dan Renstra, tahun Perjanjian Kinerja "
        "dan anggaran, serta isian lain yang tidak punya sheet sendiri.",
        "",
        (
            ("format", "Format berkas: sakip-dataset/1 (jangan diubah)"),
            ("rpjmd.periode[0]", "Tahun awal periode RPJMD"),
            ("rpjmd.periode[1]", "Tahun akhir periode RPJMD"),
            ("rpjmd.visi", "Visi RPJMD"),
            ("renstra.periode[0]", "Tahun awal periode Renstra"),
            ("renstra.periode[1]", "Tahun akhir periode Renstra"),
            ("perjanjian_kinerja.tahun", "Tahun Perjanjian Kinerja"),
            ("perjanjian_kinerja.tanggal", "Tanggal Perjanjian Kinerja ditandatangani"),
            ("perjanjian_kinerja.versi", "Versi PK: 1, atau lebih untuk PK Perubahan"),
            ("anggaran.tahun", "Tahun anggaran"),
        ),
    ),
    _kv(
        "pemda",
        "Pemerintah daerah dan pengaturannya.",
        "pemda",
        (
            ("nama", "Nama pemerintah daerah, mis. Kabupaten Sampang"),
            ("provinsi", "Provinsi"),
            ("batas_capaian", "Batas capaian per indikator saat dirata-rata, mis. 120"),
            ("rumus_negatif", "Rumus polaritas negatif: 2t-r (bawaan) atau t/r"),
            ("bobot_skm", "Bobot unsur SKM: 1/9 (bawaan), 0.111 atau 0.11"),
            (
                "capaian_kualitatif",
                "Indikator kualitatif dalam rata-rata: terpisah (bawaan, dilaporkan di samping "
                "rata-rata) atau 100/0 (tercapai 100 %, tidak tercapai 0 %)",
            ),
        ),
    ),
    Lembar(
        "skala_capaian",
        "Skala predikat capaian pemda, satu baris per pita (kosong: skala Permendagri 86/2017).",
        (
            Kolom("dari", "Dari", Jenis.ANGKA, 10, ket="Batas bawah (termasuk)"),
            Kolom("lebih_dari", "Lebih dari", Jenis.ANGKA, 10, ket="Batas bawah (tidak termasuk)"),
            Kolom(
                "sampai", "Sampai", Jenis.ANGKA, 10, ket="Batas atas seperti tertulis di peraturan"
            ),
            Kolom("label", "Predikat", Jenis.TEKS, 20, True, "Label predikat"),
            _lainnya(),
        ),
    ),
    _kv(
        "instansi",
        "Instansi (perangkat daerah), kepalanya dan atasannya.",
        "instansi",
        (
            ("nama", "Nama instansi, mis. Kecamatan Robatal"),
            ("jenis", "Jenis instansi, mis. kecamatan"),
            ("kepala.nama", "Nama kepala instansi"),
            ("kepala.jabatan", "Jabatan kepala instansi (wajib)"),
            ("kepala.pangkat", "Pangkat/golongan kepala"),
            ("kepala.nip", "NIP kepala (18 digit, sebagai teks)"),
            ("atasan.nama", "Nama atasan"),
            ("atasan.jabatan", "Jabatan atasan, mis. Bupati Sampang"),
            ("atasan.pangkat", "Pangkat/golongan atasan"),
            ("atasan.nip", "NIP atasan"),
        ),
    ),
    Lembar(
        "rpjmd_misi",
        "Misi RPJMD, satu baris per misi.",
        (_kode(), _uraian(), _lainnya()),
    ),
    Lembar(
        "rpjmd_tujuan",
        "Tujuan RPJMD, satu baris per tujuan.",
        (
            _kode(),
            _kode_rpjmd("misi", "Misi", "Kode misi yang didukung"),
            _uraian(),
            _indikator_rpjmd(),
            _lainnya(),
        ),
    ),
    Lembar(
        "rpjmd_sasaran",
        "Sasaran RPJMD, satu baris per sasaran.",
        (
            _kode(),
            _kode_rpjmd("misi", "Misi", "Kode misi yang didukung"),
            _kode_rpjmd("tujuan", "Tujuan", "Kode tujuan RPJMD"),
            _uraian(),
            _indikator_rpjmd(),
            _lainnya(),
        ),
    ),
    Lembar(
        "tujuan",
        "Tujuan Renstra, satu baris per tujuan.",
        (
            _kode(),
            _uraian(),
            Kolom(
                "mendukung",
                "Mendukung",
                Jenis.TEKS_ATAU_KODE,
                16,
                ket="Kode RPJMD (misi atau sasaran) yang didukung",
            ),
            _lainnya(),
        ),
        wajib=True,
    ),
    Lembar(
        "sasaran",
        "Sasaran Renstra, satu baris per sasaran, di bawah tujuannya.",
        (
            _kode(),
            Kolom("tujuan", "Tujuan", Jenis.TEKS, 10, True, "Kode tujuan induk"),
            _uraian(),
            Kolom(
                "mendukung",
                "Mendukung",
                Jenis.TEKS_ATAU_KODE,
                16,
                ket="Kode RPJMD yang didukung",
            ),
            _lainnya(),
        ),
        wajib=True,
        tempat=("tujuan",),
    ),
    Lembar(
        "indikator",
        "Indikator kinerja, satu baris per indikator: indikator tujuan, sasaran, sasaran "
        "RPJMD, dan indikator keluaran program/kegiatan/sub kegiatan. Target dan realisasi "
        "per tahun ada di sheet nilai_indikator.",
        (
            Kolom(
                "jenis_induk",
                "Jenis induk",
                Jenis.TEKS,
                14,
                True,
                "tujuan, sasaran, rpjmd_tujuan, rpjmd_sasaran, program, kegiatan, sub_kegiatan",
                JENIS_INDUK,
            ),
            Kolom(
                "induk",
                "Kode induk",
                Jenis.TEKS,
                14,
                True,
                "Kode tujuan/sasaran, atau kode/ID baris di sheet anggaran",
            ),
            _kode("Kode", "Kode indikator, unik dalam berkas"),
            _uraian("Nama indikator"),
            Kolom("satuan", "Satuan", Jenis.TEKS, 12),
            Kolom(
                "polaritas",
                "Polaritas",
                Jenis.TEKS,
                12,
                ket="positif (makin tinggi makin baik), negatif, atau kualitatif (huruf mutu)",
                pilihan=("positif", "negatif", "kualitatif"),
            ),
            Kolom("iku", "IKU", Jenis.YA_TIDAK, 8, ket="Indikator kinerja utama: TRUE/FALSE"),
            Kolom("formula", "Formula", Jenis.TEKS, 40),
            Kolom("sumber_data", "Sumber data", Jenis.TEKS, 24),
            Kolom("penanggung_jawab", "Penanggung jawab", Jenis.TEKS, 20),
            Kolom("kondisi_awal", "Kondisi awal", Jenis.NILAI, 12),
            Kolom(
                "akumulasi",
                "Akumulasi",
                Jenis.TEKS,
                12,
                ket="Cara triwulan menjadi nilai tahunan: jumlah, rata_rata atau terakhir",
                pilihan=("jumlah", "rata_rata", "terakhir"),
            ),
            Kolom(
                "skala_nilai",
                "Skala nilai",
                Jenis.TEKS_ATAU_KODE,
                16,
                ket="Indikator kualitatif: huruf mutu dari yang terbaik (AA, A, BB, B), "
                "atau nama tabel mutu SKM",
            ),
            _lainnya(),
        ),
        wajib=True,
        tempat=("jenis_induk", "induk"),
    ),
    Lembar(
        "nilai_indikator",
        "Target dan realisasi indikator, satu baris per indikator per tahun. Target rentang "
        "(mis. 80-85): isi Target bawah dan Target atas, kosongkan Target.",
        (
            _kode("Kode indikator"),
            Kolom("tahun", "Tahun", Jenis.TAHUN, 8, True),
            *_nilai_tahun(),
            Kolom("realisasi", "Realisasi", Jenis.NILAI, 14),
        ),
    ),
    Lembar(
        "dinyatakan",
        "Angka yang tercetak di dokumen sumber, satu baris per angka; aplikasi "
        "membandingkannya dengan hasil hitungannya. Baris dengan Bagian, Rujukan, Tahun dan "
        "No yang sama membentuk satu kelompok; isi No (1, 2, ...) bila satu hal dicetak di "
        "beberapa tempat.",
        (
            Kolom(
                "bagian",
                "Bagian",
                Jenis.TEKS,
                18,
                True,
                "anggaran, indikator, renstra, perjanjian_kinerja atau skm",
                BAGIAN_DINYATAKAN,
            ),
            Kolom(
                "rujukan",
                "Rujukan",
                Jenis.TEKS,
                14,
                ket="anggaran: kode/ID baris (kosong = jumlah seluruh anggaran); indikator: "
                "kode indikator; skm: No survei",
            ),
            Kolom("tahun", "Tahun", Jenis.TAHUN, 8, ket="Untuk indikator dan renstra"),
            Kolom("no", "No", Jenis.ANGKA, 6, ket="Urutan kelompok bila lebih dari satu"),
            Kolom(
                "bidang",
                "Bidang",
                Jenis.TEKS,
                16,
                ket="pagu, realisasi, persen, sisa, capaian, predikat, tingkat_kemajuan, "
                "target, ikm, mutu, nrr.U1, ...",
            ),
            Kolom("nilai", "Nilai", Jenis.NILAI, 18, ket="Angka seperti tercetak"),
            Kolom("sumber", "Sumber", Jenis.NILAI, 20, ket='Tempat tercetak, mis. "Tabel 3.1"'),
        ),
    ),
    Lembar(
        "perjanjian_kinerja",
        "Isi Perjanjian Kinerja: indikator yang diperjanjikan dan program dengan pagunya.",
        (
            Kolom(
                "jenis",
                "Jenis",
                Jenis.TEKS,
                12,
                True,
                "indikator atau program",
                ("indikator", "program"),
            ),
            _kode("Kode", "Kode indikator atau program"),
            *_nilai_tahun(),
            Kolom("pagu", "Pagu", Jenis.UANG, 18, ket="Pagu program seperti tercetak di PK (Rp)"),
            _lainnya(),
        ),
        tempat=("jenis", "target", "target_bawah", "target_atas"),
    ),
    _triwulan("rencana_aksi", "Rencana aksi: target triwulan per indikator dan tahun."),
    _triwulan("realisasi_triwulan", "Realisasi triwulan per indikator dan tahun."),
    Lembar(
        "anggaran",
        "Anggaran: satu baris per program, kegiatan, sub kegiatan, atau baris belanja tidak "
        "langsung (btl). Pagu dan realisasi diisi pada baris terbawah; jumlah induk dihitung.",
        (
            Kolom(
                "id",
                "ID",
                Jenis.TEKS,
                10,
                ket="Rujukan baris yang tidak punya kode (diisi otomatis, mis. P1/#2); "
                "boleh kosong bila ada kode",
            ),
            Kolom(
                "tingkat",
                "Tingkat",
                Jenis.TEKS,
                13,
                True,
                "program, kegiatan, sub_kegiatan atau btl",
                TINGKAT_ANGGARAN,
            ),
            _kode("Kode", "Kode nomenklatur (Permendagri 90/2019) bila ada", wajib=False),
            Kolom("induk", "Induk", Jenis.TEKS, 14, ket="Kode/ID program atau kegiatan induk"),
            _uraian(),
            Kolom("pagu", "Pagu", Jenis.UANG, 18, ket="Pagu (Rp)"),
            Kolom("realisasi", "Realisasi", Jenis.UANG, 18, ket="Realisasi (Rp)"),
            Kolom("sasaran", "Sasaran", Jenis.KODE, 12, ket="Kode sasaran Renstra, pisahkan koma"),
            Kolom(
                "mendukung",
                "Mendukung",
                Jenis.KODE,
                12,
                ket="Kode indikator Renstra yang didukung, pisahkan koma",
            ),
            *(
                Kolom(
                    f"{bidang}_{kelas}",
                    f"{bidang.capitalize()} {kelas.replace('_', ' ')}",
                    Jenis.UANG,
                    18,
                    ket=f"{bidang.capitalize()} belanja {kelas.replace('_', ' ')} (Rp)",
                )
                for kelas in KELAS_BELANJA
                for bidang in ("pagu", "realisasi")
            ),
            _lainnya(),
        ),
        tempat=("id", "tingkat", "induk", *KOLOM_RINCIAN),
    ),
    Lembar(
        "skm",
        "Survei Kepuasan Masyarakat, satu baris per survei.",
        (
            Kolom("no", "No", Jenis.ANGKA, 6, True, "Nomor survei (rujukan di skm_nrr)"),
            Kolom("tahun", "Tahun", Jenis.NILAI, 8),
            Kolom("layanan", "Layanan", Jenis.TEKS, 30),
            Kolom(
                "unsur",
                "Unsur",
                Jenis.TEKS,
                20,
                ket="permenpan-14-2017 atau kepmenpan-25-2004",
            ),
            Kolom("mutu", "Tabel mutu", Jenis.TEKS, 20, ket="Kosong: tabel bawaan unsur"),
            Kolom("responden_csv", "Berkas responden (CSV)", Jenis.TEKS, 24),
            Kolom("jumlah_responden", "Jumlah responden", Jenis.ANGKA, 12),
            Kolom("populasi", "Populasi", Jenis.ANGKA, 12, ket="Jumlah penerima layanan"),
            Kolom("ikm", "IKM", Jenis.ANGKA, 10, ket="IKM bila tidak ada rincian per unsur"),
            _lainnya(),
        ),
        tempat=("no",),
    ),
    Lembar(
        "skm_nrr",
        "Nilai rata-rata (NRR, skala 1-4) per unsur SKM.",
        (
            Kolom("survei", "No survei", Jenis.ANGKA, 10, True),
            Kolom("unsur", "Unsur", Jenis.TEKS, 10, True, "Kode unsur, mis. U1"),
            Kolom("nrr", "NRR", Jenis.NILAI, 10),
        ),
    ),
    Lembar(
        "evaluasi",
        "Hasil evaluasi SAKIP per tahun.",
        (
            Kolom("tahun", "Tahun", Jenis.TAHUN, 8, True),
            Kolom("nilai", "Nilai", Jenis.ANGKA, 10, ket="Nilai 0-100"),
            Kolom(
                "predikat",
                "Predikat",
                Jenis.TEKS,
                10,
                ket="AA, A, BB, B, CC, C atau D",
                pilihan=("AA", "A", "BB", "B", "CC", "C", "D"),
            ),
            Kolom("tanggal", "Tanggal", Jenis.TEKS, 12, ket="Tanggal LHE, TTTT-BB-HH"),
            Kolom("evaluator", "Evaluator", Jenis.TEKS, 24),
            *(
                Kolom(k, k.replace("_", " ").capitalize(), Jenis.ANGKA, 12, ket=f"Nilai {k}")
                for k in KOMPONEN_EVALUASI
            ),
            _lainnya(),
        ),
        tempat=("tahun", *KOMPONEN_EVALUASI),
    ),
    Lembar(
        "rekomendasi",
        "Rekomendasi hasil evaluasi dan tindak lanjutnya, satu baris per rekomendasi.",
        (
            Kolom("tahun", "Tahun evaluasi", Jenis.TAHUN, 10, True),
            _uraian("Isi rekomendasi"),
            Kolom("tindak_lanjut", "Tindak lanjut", Jenis.TEKS, 50),
            Kolom(
                "status",
                "Status",
                Jenis.TEKS,
                10,
                ket="belum, proses atau selesai",
                pilihan=("belum", "proses", "selesai"),
            ),
            _lainnya(),
        ),
        tempat=("tahun",),
    ),
    _kv(
        "narasi",
        'Teks laporan. Analisis per indikator: kunci analisis["KODE"]; isu strategis: '
        "isu_strategis[0].masalah, isu_strategis[0].pokok_masalah, ... (nomor dari 0).",
        "narasi",
        (
            ("kata_pengantar", "Kata pengantar"),
            ("ikhtisar", "Ikhtisar eksekutif"),
            ("hambatan", "Hambatan"),
            ("solusi", "Solusi"),
            ("penutup", "Penutup"),
        ),
        wajib=False,
    ),
)

LEMBAR_PER_NAMA = {lembar.nama: lembar for lembar in LEMBAR}

#: Values of the key/value sheets that must stay text when a user types
#: digits (a NIP).
KUNCI_TEKS = frozenset({"kepala.nip", "atasan.nip"})


def normal(text: str) -> str:
    """A header or choice the way it is compared: case and spacing ignored.

    >>> normal("  Sub Kegiatan "), normal("Data lain (JSON)")
    ('sub_kegiatan', 'data_lain_(json)')
    """
    return re.sub(r"[\s\-]+", "_", text.strip().casefold())


PETUNJUK_UMUM = (
    "Buku kerja ini berisi satu dataset SAKIP (format sakip-dataset/1) dari satu instansi: "
    "rencana, perjanjian kinerja, capaian, anggaran, survei dan teks laporan.",
    "Setiap sheet di bawah ini berisi satu bagian. Baris 1 adalah judul kolom: jangan "
    "mengubah nama sheet maupun judul kolom. Urutan kolom boleh diubah. Sheet lain yang "
    "Anda tambahkan tidak dibaca.",
    "Satu baris satu data. Baris kosong dilewati. Jangan memakai rumus (isi dengan nilai) "
    "dan jangan menggabungkan sel (merge).",
    "Angka diketik sebagai angka. Uang ditulis dengan dua desimal. Kode dan NIP adalah teks "
    "(kolomnya sudah berformat teks).",
    "Sel bertulisan biru berisi nilai persis (JSON): angka lebih dari 15 digit, daftar, "
    "atau kosong yang disengaja (null). Ubah hanya bila paham; jangan ubah format selnya.",
    "Kolom 'Data lain (JSON)' memuat isian baris yang tidak punya kolom sendiri; biarkan "
    "apa adanya.",
    "Sheet umum, pemda, instansi dan narasi berisi pasangan Kunci dan Nilai. Kunci bertingkat "
    "ditulis dengan titik (kepala.nip), nomor urut daftar dalam kurung siku dari 0 "
    '(rpjmd.periode[0]), kode dalam kurung siku bertanda petik (analisis["S1.1"]).',
    "Anggaran: baris tanpa kode dirujuk dengan ID-nya (kolom ID); kolom Induk berisi kode "
    "atau ID induknya. Indikator keluaran program/kegiatan ada di sheet indikator dengan "
    "Jenis induk program/kegiatan/sub_kegiatan dan Kode induk = kode atau ID baris anggaran.",
)
