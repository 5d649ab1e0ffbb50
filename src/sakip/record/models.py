"""The rows of the record.

Each content column is named after the document key it holds, and ``None``
means the key is absent (so that the document comes back exactly). Keys a
row does not model as a column (a printed figure, a list that is present but
empty) are kept in ``lain``. Every row carries ``versi``, raised by each
write: a write names the version it read, and a stale one is refused.

Rows an access decision is about answer ``lingkup_akses()``: the pemda and
instansi they belong to (see :mod:`sakip.akun.akses`).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from sakip.record.fields import NilaiTepat


class Baris(models.Model):
    """What every row of the record has: its version and the keys it does
    not model as columns."""

    versi = models.PositiveIntegerField(default=1, help_text="Naik pada setiap perubahan")
    diubah_pada = models.DateTimeField(default=timezone.now)
    lain = NilaiTepat(null=True, blank=True, help_text="Kunci dokumen lain (JSON persis)")

    #: Document keys held as columns of the same name, in document order.
    KOLOM: tuple[str, ...] = ()

    class Meta:
        abstract = True


class StatusTahun(models.TextChoices):
    DRAF = "draf", "draf"
    DIAJUKAN = "diajukan", "diajukan"
    DISETUJUI = "disetujui", "disetujui (terkunci)"


class AturanPemda(models.Model):
    """The pemda's rules from a year on: they change how every agency of the
    pemda is graded, so only the pemda's admin sets them."""

    KOLOM = ("skala_capaian", "batas_capaian", "rumus_negatif", "bobot_skm", "capaian_kualitatif")

    pemda = models.ForeignKey("organisasi.Pemda", on_delete=models.CASCADE, related_name="aturan")
    berlaku_mulai = models.PositiveSmallIntegerField(help_text="Tahun mulai berlaku; 0: sejak awal")
    skala_capaian = NilaiTepat(null=True, blank=True, help_text="Pita predikat; kosong: bawaan")
    batas_capaian = NilaiTepat(null=True, blank=True)
    rumus_negatif = NilaiTepat(null=True, blank=True)
    bobot_skm = NilaiTepat(null=True, blank=True)
    capaian_kualitatif = NilaiTepat(
        null=True, blank=True, help_text="Indikator kualitatif dalam rata-rata; kosong: terpisah"
    )
    dibuat_pada = models.DateTimeField(default=timezone.now)
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    versi = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = "aturan pemda"
        verbose_name_plural = "aturan pemda"
        ordering = ["pemda", "berlaku_mulai"]
        constraints = [
            models.UniqueConstraint(fields=["pemda", "berlaku_mulai"], name="aturan_satu_per_tahun")
        ]

    def __str__(self) -> str:
        mulai = "sejak awal" if not self.berlaku_mulai else f"mulai {self.berlaku_mulai}"
        return f"aturan {self.pemda} {mulai}"

    def lingkup_akses(self) -> tuple[int, int | None]:
        return self.pemda_id, None


class Renstra(Baris):
    """The five-year plan of an instansi, shared by every year of its period."""

    instansi = models.ForeignKey(
        "organisasi.Instansi", on_delete=models.PROTECT, related_name="renstra"
    )
    periode_awal = models.PositiveSmallIntegerField()
    periode_akhir = models.PositiveSmallIntegerField()
    rpjmd = NilaiTepat(null=True, blank=True, help_text="Bagian RPJMD yang didukung (cascading)")
    dinyatakan = NilaiTepat(null=True, blank=True, help_text="Capaian/predikat tercetak per tahun")

    class Meta:
        verbose_name = "Renstra"
        verbose_name_plural = "Renstra"
        ordering = ["instansi", "periode_awal"]
        constraints = [
            models.UniqueConstraint(
                fields=["instansi", "periode_awal", "periode_akhir"],
                name="renstra_satu_per_periode",
            )
        ]

    def __str__(self) -> str:
        return f"Renstra {self.instansi} {self.periode_awal}-{self.periode_akhir}"

    def lingkup_akses(self) -> tuple[int, int | None]:
        return self.instansi.pemda_id, self.instansi_id


class TahunKinerja(Baris):
    """One instansi-year: its status in the cycle, its officials, and the
    sections that belong to the year (survey, evaluation, report text)."""

    KOLOM = ("skm", "evaluasi", "narasi")

    instansi = models.ForeignKey(
        "organisasi.Instansi", on_delete=models.PROTECT, related_name="tahun_kinerja"
    )
    tahun = models.PositiveSmallIntegerField()
    status = models.CharField(max_length=16, choices=StatusTahun.choices, default=StatusTahun.DRAF)
    renstra = models.ForeignKey(
        Renstra, on_delete=models.PROTECT, null=True, blank=True, related_name="tahun"
    )
    aturan = models.ForeignKey(
        AturanPemda,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Aturan pemda yang dibekukan saat tahun disetujui",
    )
    jenis_instansi = NilaiTepat(null=True, blank=True)
    kepala = NilaiTepat(null=True, blank=True)
    atasan = NilaiTepat(null=True, blank=True)
    skm = NilaiTepat(null=True, blank=True)
    responden = NilaiTepat(
        null=True, blank=True, help_text="Jawaban responden per survei (dari responden_csv)"
    )
    evaluasi = NilaiTepat(null=True, blank=True)
    narasi = NilaiTepat(null=True, blank=True)

    class Meta:
        verbose_name = "tahun kinerja"
        verbose_name_plural = "tahun kinerja"
        ordering = ["instansi", "tahun"]
        constraints = [
            models.UniqueConstraint(fields=["instansi", "tahun"], name="tahun_kinerja_unik")
        ]

    def __str__(self) -> str:
        return f"{self.instansi} {self.tahun}"

    def lingkup_akses(self) -> tuple[int, int | None]:
        return self.instansi.pemda_id, self.instansi_id


class Tujuan(Baris):
    KOLOM = ("kode", "uraian", "mendukung")

    renstra = models.ForeignKey(Renstra, on_delete=models.CASCADE, related_name="tujuan")
    kode = models.CharField(max_length=100)
    uraian = models.TextField()
    mendukung = NilaiTepat(null=True, blank=True, help_text="Kode RPJMD yang didukung")
    urutan = models.PositiveIntegerField()

    class Meta:
        verbose_name = "tujuan"
        verbose_name_plural = "tujuan"
        ordering = ["renstra", "urutan"]

    def __str__(self) -> str:
        return f"{self.kode} {self.uraian}"


class Sasaran(Baris):
    KOLOM = ("kode", "uraian", "mendukung")

    tujuan = models.ForeignKey(Tujuan, on_delete=models.CASCADE, related_name="sasaran")
    kode = models.CharField(max_length=100)
    uraian = models.TextField()
    mendukung = NilaiTepat(null=True, blank=True)
    urutan = models.PositiveIntegerField()

    class Meta:
        verbose_name = "sasaran"
        verbose_name_plural = "sasaran"
        ordering = ["tujuan", "urutan"]

    def __str__(self) -> str:
        return f"{self.kode} {self.uraian}"


class Anggaran(Baris):
    """The budget of an instansi-year (its own ``tahun`` as the document states it)."""

    tahun_kinerja = models.OneToOneField(
        TahunKinerja, on_delete=models.CASCADE, related_name="anggaran"
    )
    tahun = models.PositiveSmallIntegerField()
    dinyatakan = NilaiTepat(null=True, blank=True)

    class Meta:
        verbose_name = "anggaran"
        verbose_name_plural = "anggaran"

    def __str__(self) -> str:
        return f"anggaran {self.tahun_kinerja}"

    def lingkup_akses(self) -> tuple[int, int | None]:
        return self.tahun_kinerja.lingkup_akses()


class Level(models.TextChoices):
    PROGRAM = "program", "program"
    KEGIATAN = "kegiatan", "kegiatan"
    SUB_KEGIATAN = "sub_kegiatan", "sub kegiatan"
    BTL = "btl", "belanja tidak langsung"


#: The document key a level's children are listed under, and their level.
ANAK: dict[str, tuple[str, Level]] = {
    Level.PROGRAM: ("kegiatan", Level.KEGIATAN),
    Level.KEGIATAN: ("sub_kegiatan", Level.SUB_KEGIATAN),
}


class AnggaranNode(Baris):
    """A program, kegiatan, sub kegiatan or belanja tidak langsung line.

    Amounts are kept where the document gives them (on leaves, as a rule);
    a parent's total is computed by the engine, never stored.
    """

    KOLOM = (
        "kode",
        "uraian",
        "sasaran",
        "pagu",
        "realisasi",
        "rincian",
        "mendukung",
        "dinyatakan",
    )

    anggaran = models.ForeignKey(Anggaran, on_delete=models.CASCADE, related_name="node")
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="anak"
    )
    level = models.CharField(max_length=16, choices=Level.choices)
    kode = models.CharField(max_length=100, null=True, blank=True)
    uraian = models.TextField()
    sasaran = NilaiTepat(null=True, blank=True, help_text="Sasaran yang dilayani (program)")
    pagu = NilaiTepat(null=True, blank=True)
    realisasi = NilaiTepat(null=True, blank=True)
    rincian = NilaiTepat(null=True, blank=True, help_text="Pagu/realisasi per kelas belanja")
    mendukung = NilaiTepat(null=True, blank=True)
    dinyatakan = NilaiTepat(null=True, blank=True)
    urutan = models.PositiveIntegerField()

    class Meta:
        verbose_name = "node anggaran"
        verbose_name_plural = "node anggaran"
        ordering = ["anggaran", "id"]

    def __str__(self) -> str:
        return f"{self.kode or ''} {self.uraian}".strip()

    def lingkup_akses(self) -> tuple[int, int | None]:
        return self.anggaran.lingkup_akses()


class Polaritas(models.TextChoices):
    POSITIF = "positif", "positif (makin tinggi makin baik)"
    NEGATIF = "negatif", "negatif (makin rendah makin baik)"
    KUALITATIF = "kualitatif", "kualitatif (nilai huruf)"


class Indikator(Baris):
    """An indicator of a tujuan or sasaran of the Renstra, or an output
    indicator of a budget node."""

    KOLOM = (
        "kode",
        "uraian",
        "satuan",
        "polaritas",
        "iku",
        "formula",
        "sumber_data",
        "penanggung_jawab",
        "kondisi_awal",
        "akumulasi",
        "skala_nilai",
    )

    renstra = models.ForeignKey(
        Renstra, on_delete=models.CASCADE, null=True, blank=True, related_name="indikator"
    )
    tujuan = models.ForeignKey(
        Tujuan, on_delete=models.CASCADE, null=True, blank=True, related_name="indikator"
    )
    sasaran = models.ForeignKey(
        Sasaran, on_delete=models.CASCADE, null=True, blank=True, related_name="indikator"
    )
    node = models.ForeignKey(
        AnggaranNode, on_delete=models.CASCADE, null=True, blank=True, related_name="indikator"
    )
    kode = models.CharField(max_length=100)
    uraian = models.TextField()
    satuan = models.TextField(null=True, blank=True)
    polaritas = models.CharField(max_length=16, choices=Polaritas.choices, null=True, blank=True)
    iku = models.BooleanField("IKU", null=True, blank=True)
    formula = models.TextField(null=True, blank=True)
    sumber_data = models.TextField(null=True, blank=True)
    penanggung_jawab = models.TextField(null=True, blank=True)
    kondisi_awal = NilaiTepat(null=True, blank=True)
    akumulasi = models.CharField(max_length=16, null=True, blank=True)
    skala_nilai = NilaiTepat(null=True, blank=True)
    urutan = models.PositiveIntegerField()

    class Meta:
        verbose_name = "indikator"
        verbose_name_plural = "indikator"
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(renstra__isnull=False, node__isnull=True)
                    | models.Q(renstra__isnull=True, node__isnull=False)
                ),
                name="indikator_renstra_atau_anggaran",
            ),
            # One Renstra has one indicator of each kode.
            models.UniqueConstraint(
                fields=["renstra", "kode"],
                condition=models.Q(renstra__isnull=False),
                name="indikator_kode_unik_per_renstra",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kode} {self.uraian}"

    def lingkup_akses(self) -> tuple[int, int | None]:
        if self.renstra is not None:
            return self.renstra.lingkup_akses()
        assert self.node is not None
        return self.node.lingkup_akses()


class NilaiIndikator(Baris):
    """An indicator's target, realisation and printed figures of one year."""

    KOLOM = ("target", "realisasi", "dinyatakan")

    indikator = models.ForeignKey(Indikator, on_delete=models.CASCADE, related_name="nilai")
    tahun = models.PositiveSmallIntegerField()
    target = NilaiTepat(null=True, blank=True)
    realisasi = NilaiTepat(null=True, blank=True)
    dinyatakan = NilaiTepat(null=True, blank=True)

    class Meta:
        verbose_name = "nilai indikator"
        verbose_name_plural = "nilai indikator"
        ordering = ["indikator", "tahun"]
        constraints = [
            models.UniqueConstraint(fields=["indikator", "tahun"], name="nilai_indikator_unik")
        ]

    def __str__(self) -> str:
        return f"{self.indikator.kode} {self.tahun}"

    def lingkup_akses(self) -> tuple[int, int | None]:
        return self.indikator.lingkup_akses()


class JenisTriwulan(models.TextChoices):
    RENCANA_AKSI = "rencana_aksi", "rencana aksi (target triwulan)"
    REALISASI = "realisasi_triwulan", "realisasi triwulan"


class NilaiTriwulan(Baris):
    indikator = models.ForeignKey(Indikator, on_delete=models.CASCADE, related_name="triwulan")
    jenis = models.CharField(max_length=24, choices=JenisTriwulan.choices)
    tahun = models.PositiveSmallIntegerField()
    triwulan = models.PositiveSmallIntegerField()
    nilai = NilaiTepat(null=True, blank=True)

    class Meta:
        verbose_name = "nilai triwulan"
        verbose_name_plural = "nilai triwulan"
        ordering = ["indikator", "jenis", "tahun", "triwulan"]
        constraints = [
            models.UniqueConstraint(
                fields=["indikator", "jenis", "tahun", "triwulan"], name="nilai_triwulan_unik"
            ),
            models.CheckConstraint(
                condition=models.Q(triwulan__gte=1, triwulan__lte=4), name="triwulan_1_sampai_4"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indikator.kode} {self.tahun} TW{self.triwulan}"

    def lingkup_akses(self) -> tuple[int, int | None]:
        return self.indikator.lingkup_akses()


class PerjanjianKinerja(Baris):
    """One version of a year's agreement; a PK Perubahan is a new version and
    the signed original stays as it was."""

    KOLOM = ("tanggal", "versi", "dinyatakan")

    tahun_kinerja = models.ForeignKey(
        TahunKinerja, on_delete=models.CASCADE, related_name="perjanjian"
    )
    tahun = models.PositiveSmallIntegerField()
    nomor = models.PositiveSmallIntegerField(help_text="1: PK awal; 2 dst.: PK Perubahan")
    tanggal = NilaiTepat(null=True, blank=True)
    # The document's own ``versi`` key, absent when the document leaves it out.
    versi_dokumen = NilaiTepat(null=True, blank=True)
    dinyatakan = NilaiTepat(null=True, blank=True)
    ditandatangani_pada = models.DateTimeField(null=True, blank=True)
    ditandatangani_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = "perjanjian kinerja"
        verbose_name_plural = "perjanjian kinerja"
        ordering = ["tahun_kinerja", "nomor"]
        constraints = [
            models.UniqueConstraint(fields=["tahun_kinerja", "nomor"], name="pk_versi_unik")
        ]

    def __str__(self) -> str:
        jenis = "PK" if self.nomor == 1 else f"PK Perubahan {self.nomor}"
        return f"{jenis} {self.tahun_kinerja}"

    def lingkup_akses(self) -> tuple[int, int | None]:
        return self.tahun_kinerja.lingkup_akses()


class PerjanjianIndikator(Baris):
    perjanjian = models.ForeignKey(
        PerjanjianKinerja, on_delete=models.CASCADE, related_name="indikator"
    )
    indikator = models.ForeignKey(Indikator, on_delete=models.PROTECT, related_name="perjanjian")
    ringkas = models.BooleanField(default=True, help_text="Ditulis sebagai kode saja")
    target = NilaiTepat(null=True, blank=True, help_text="Target yang dicetak PK, bila ada")
    urutan = models.PositiveIntegerField()

    class Meta:
        verbose_name = "indikator PK"
        verbose_name_plural = "indikator PK"
        ordering = ["perjanjian", "urutan"]

    def __str__(self) -> str:
        return str(self.indikator)

    def lingkup_akses(self) -> tuple[int, int | None]:
        return self.perjanjian.lingkup_akses()


class PerjanjianProgram(Baris):
    perjanjian = models.ForeignKey(
        PerjanjianKinerja, on_delete=models.CASCADE, related_name="program"
    )
    kode = models.CharField(max_length=100)
    ringkas = models.BooleanField(default=True)
    pagu = NilaiTepat(null=True, blank=True, help_text="Pagu yang dicetak PK, bila ada")
    urutan = models.PositiveIntegerField()

    class Meta:
        verbose_name = "program PK"
        verbose_name_plural = "program PK"
        ordering = ["perjanjian", "urutan"]

    def __str__(self) -> str:
        return self.kode

    def lingkup_akses(self) -> tuple[int, int | None]:
        return self.perjanjian.lingkup_akses()


class JustifikasiTemuan(models.Model):
    """Why a warning (peringatan) of a year's review stands: the operator's
    written answer, required before the year can be submitted.

    A finding is computed, never stored; its code and location are its
    identity, so the justification stays with it while the figures change
    and comes back if the same finding does."""

    tahun_kinerja = models.ForeignKey(
        TahunKinerja, on_delete=models.CASCADE, related_name="justifikasi"
    )
    kode = models.CharField(max_length=64)
    # Text: a location names codes of the dataset, which may be long.
    lokasi = models.TextField()
    teks = models.TextField(blank=True, default="")
    oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    pada = models.DateTimeField(default=timezone.now)
    versi = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "justifikasi temuan"
        verbose_name_plural = "justifikasi temuan"
        ordering = ["tahun_kinerja", "kode", "lokasi"]
        constraints = [
            models.UniqueConstraint(
                fields=["tahun_kinerja", "kode", "lokasi"], name="justifikasi_satu_per_temuan"
            )
        ]

    def __str__(self) -> str:
        return f"justifikasi {self.kode} {self.lokasi} ({self.tahun_kinerja})"

    def lingkup_akses(self) -> tuple[int, int | None]:
        return self.tahun_kinerja.lingkup_akses()


class JadwalPengisian(models.Model):
    """When the realisations of a quarter are filled in, for every agency of
    a pemda: from ``buka`` to the end of ``tutup`` (local dates); a
    realisation written after the end of ``tenggat`` is late."""

    pemda = models.ForeignKey("organisasi.Pemda", on_delete=models.CASCADE, related_name="jadwal")
    tahun = models.PositiveSmallIntegerField()
    triwulan = models.PositiveSmallIntegerField()
    buka = models.DateField()
    tutup = models.DateField()
    # Reopening a closed window moves ``tutup`` but not the deadline: what is
    # written after the deadline stays marked late.
    tenggat = models.DateField(help_text="Batas waktu semula; tidak bergeser saat dibuka kembali")
    diubah_pada = models.DateTimeField(default=timezone.now)
    diubah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    versi = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "jadwal pengisian"
        verbose_name_plural = "jadwal pengisian"
        ordering = ["pemda", "tahun", "triwulan"]
        constraints = [
            models.UniqueConstraint(
                fields=["pemda", "tahun", "triwulan"], name="jadwal_satu_per_triwulan"
            ),
            models.CheckConstraint(
                condition=models.Q(triwulan__gte=1, triwulan__lte=4), name="jadwal_triwulan_1_4"
            ),
            models.CheckConstraint(
                condition=models.Q(buka__lte=models.F("tutup")), name="jadwal_buka_sebelum_tutup"
            ),
        ]

    def __str__(self) -> str:
        return f"jadwal {self.pemda} {self.tahun} TW{self.triwulan}"

    def lingkup_akses(self) -> tuple[int, int | None]:
        return self.pemda_id, None


class Penjelasan(Baris):
    """Why an indicator's realisation fell below its target in a year: the
    operator must write it before the year is submitted."""

    KOLOM = ("teks",)

    indikator = models.ForeignKey(Indikator, on_delete=models.CASCADE, related_name="penjelasan")
    tahun = models.PositiveSmallIntegerField()
    teks = models.TextField(null=True, blank=True)

    class Meta:
        verbose_name = "penjelasan capaian"
        verbose_name_plural = "penjelasan capaian"
        ordering = ["indikator", "tahun"]
        constraints = [
            models.UniqueConstraint(fields=["indikator", "tahun"], name="penjelasan_unik")
        ]

    def __str__(self) -> str:
        return f"penjelasan {self.indikator.kode} {self.tahun}"

    def lingkup_akses(self) -> tuple[int, int | None]:
        return self.indikator.lingkup_akses()


class BuktiDukung(models.Model):
    """An evidence file of an indicator's realisation, for a quarter or the
    whole year. The file lives under ``settings.SAKIP_BUKTI_DIR`` (never
    among static files) and is served only through the access function.
    Removing one keeps the row and the file, marked deleted: evidence that
    once supported a figure stays for the audit."""

    tahun_kinerja = models.ForeignKey(
        TahunKinerja, on_delete=models.PROTECT, related_name="bukti_dukung"
    )
    indikator = models.ForeignKey(Indikator, on_delete=models.PROTECT, related_name="bukti_dukung")
    triwulan = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="1-4; kosong: untuk realisasi tahunan"
    )
    nama_asli = models.CharField(max_length=255, help_text="Nama berkas dari pengunggah")
    lokasi = models.CharField(
        max_length=255, unique=True, help_text="Letak berkas di bawah SAKIP_BUKTI_DIR"
    )
    jenis = models.CharField(max_length=100, help_text="Jenis isi menurut isinya (MIME)")
    ukuran = models.PositiveBigIntegerField(help_text="Byte")
    sha256 = models.CharField(max_length=64)
    diunggah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    diunggah_pada = models.DateTimeField(default=timezone.now)
    dihapus_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    dihapus_pada = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "bukti dukung"
        verbose_name_plural = "bukti dukung"
        ordering = ["tahun_kinerja", "indikator", "triwulan", "diunggah_pada", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(triwulan__isnull=True)
                | models.Q(triwulan__gte=1, triwulan__lte=4),
                name="bukti_triwulan_1_sampai_4",
            )
        ]

    def __str__(self) -> str:
        kapan = f"TW{self.triwulan}" if self.triwulan else "tahunan"
        return f"bukti {self.indikator.kode} {kapan}: {self.nama_asli}"

    def lingkup_akses(self) -> tuple[int, int | None]:
        return self.tahun_kinerja.lingkup_akses()
