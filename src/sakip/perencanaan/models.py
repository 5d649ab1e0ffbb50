"""Plans and agreements of a dataset: RPJMD, Renstra with its indicators and
their values by year, the Perjanjian Kinerja, and the quarterly rencana aksi
and realisations.

Every value is kept as the document wrote it (``target``, ``realisasi``)
and, when it reads as a number, as that number too (``target_min`` /
``target_max`` hold both ends of a range), so that queries can compare
figures while the text shows what was printed.
"""

from django.db import models

from sakip.datasets.values import KODE_MAX, MONEY, NUMBER, SHORT_MAX


class Polaritas(models.TextChoices):
    POSITIF = "positif", "positif (makin tinggi makin baik)"
    NEGATIF = "negatif", "negatif (makin rendah makin baik)"
    KUALITATIF = "kualitatif", "kualitatif (nilai huruf)"


class Akumulasi(models.TextChoices):
    JUMLAH = "jumlah", "jumlah triwulan"
    RATA_RATA = "rata_rata", "rata-rata triwulan"
    TERAKHIR = "terakhir", "triwulan terakhir"


class Triwulan(models.IntegerChoices):
    I = 1, "triwulan I"  # noqa: E741 - the Roman numeral is the quarter's name
    II = 2, "triwulan II"
    III = 3, "triwulan III"
    IV = 4, "triwulan IV"


class Rpjmd(models.Model):
    dataset = models.ForeignKey(
        "datasets.DatasetVersion", on_delete=models.CASCADE, related_name="rpjmd"
    )
    periode_awal = models.PositiveSmallIntegerField(null=True, blank=True)
    periode_akhir = models.PositiveSmallIntegerField(null=True, blank=True)
    visi = models.TextField(blank=True)

    class Meta:
        verbose_name = "RPJMD"
        verbose_name_plural = "RPJMD"

    def __str__(self) -> str:
        return f"RPJMD {self.periode_awal}-{self.periode_akhir} ({self.dataset.instansi})"


class MisiRpjmd(models.Model):
    rpjmd = models.ForeignKey(Rpjmd, on_delete=models.CASCADE, related_name="misi")
    kode = models.CharField(max_length=KODE_MAX, blank=True)
    uraian = models.TextField()
    urutan = models.PositiveIntegerField()

    class Meta:
        verbose_name = "misi RPJMD"
        verbose_name_plural = "misi RPJMD"
        ordering = ["rpjmd", "urutan"]

    def __str__(self) -> str:
        return f"{self.kode} {self.uraian}".strip()


class TujuanRpjmd(models.Model):
    rpjmd = models.ForeignKey(Rpjmd, on_delete=models.CASCADE, related_name="tujuan")
    kode = models.CharField(max_length=KODE_MAX, blank=True)
    uraian = models.TextField()
    misi = models.CharField(max_length=SHORT_MAX, blank=True, help_text="Kode misi yang didukung")
    indikator = models.TextField(blank=True, help_text="Indikator tujuan, satu per baris")
    urutan = models.PositiveIntegerField()

    class Meta:
        verbose_name = "tujuan RPJMD"
        verbose_name_plural = "tujuan RPJMD"
        ordering = ["rpjmd", "urutan"]

    def __str__(self) -> str:
        return f"{self.kode} {self.uraian}".strip()


class SasaranRpjmd(models.Model):
    rpjmd = models.ForeignKey(Rpjmd, on_delete=models.CASCADE, related_name="sasaran")
    kode = models.CharField(max_length=KODE_MAX, blank=True)
    uraian = models.TextField()
    misi = models.CharField(max_length=SHORT_MAX, blank=True, help_text="Kode misi yang didukung")
    tujuan = models.CharField(
        max_length=SHORT_MAX, blank=True, help_text="Kode tujuan RPJMD yang didukung"
    )
    indikator = models.TextField(blank=True, help_text="Indikator sasaran, satu per baris")
    urutan = models.PositiveIntegerField()

    class Meta:
        verbose_name = "sasaran RPJMD"
        verbose_name_plural = "sasaran RPJMD"
        ordering = ["rpjmd", "urutan"]

    def __str__(self) -> str:
        return f"{self.kode} {self.uraian}".strip()


class Renstra(models.Model):
    dataset = models.ForeignKey(
        "datasets.DatasetVersion", on_delete=models.CASCADE, related_name="renstra"
    )
    periode_awal = models.PositiveSmallIntegerField(null=True, blank=True)
    periode_akhir = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = "Renstra"
        verbose_name_plural = "Renstra"

    def __str__(self) -> str:
        return f"Renstra {self.periode_awal}-{self.periode_akhir} ({self.dataset.instansi})"


class Tujuan(models.Model):
    renstra = models.ForeignKey(Renstra, on_delete=models.CASCADE, related_name="tujuan")
    kode = models.CharField(max_length=KODE_MAX)
    uraian = models.TextField()
    mendukung = models.CharField(
        max_length=SHORT_MAX, blank=True, help_text="Kode RPJMD yang didukung (cascading)"
    )
    urutan = models.PositiveIntegerField()

    class Meta:
        verbose_name = "tujuan"
        verbose_name_plural = "tujuan"
        ordering = ["renstra", "urutan"]

    def __str__(self) -> str:
        return f"{self.kode} {self.uraian}"


class Sasaran(models.Model):
    tujuan = models.ForeignKey(Tujuan, on_delete=models.CASCADE, related_name="sasaran")
    kode = models.CharField(max_length=KODE_MAX)
    uraian = models.TextField()
    mendukung = models.CharField(
        max_length=SHORT_MAX, blank=True, help_text="Kode RPJMD yang didukung (cascading)"
    )
    urutan = models.PositiveIntegerField()
    program = models.ManyToManyField(
        "anggaran.AnggaranNode",
        blank=True,
        related_name="sasaran",
        help_text="Program yang melayani sasaran ini",
    )

    class Meta:
        verbose_name = "sasaran"
        verbose_name_plural = "sasaran"
        ordering = ["tujuan", "urutan"]

    def __str__(self) -> str:
        return f"{self.kode} {self.uraian}"


class Indikator(models.Model):
    """An indicator of a tujuan, a sasaran, or (an output indicator) a budget node."""

    dataset = models.ForeignKey(
        "datasets.DatasetVersion", on_delete=models.CASCADE, related_name="indikator"
    )
    tujuan = models.ForeignKey(
        Tujuan, on_delete=models.CASCADE, null=True, blank=True, related_name="indikator"
    )
    sasaran = models.ForeignKey(
        Sasaran, on_delete=models.CASCADE, null=True, blank=True, related_name="indikator"
    )
    anggaran_node = models.ForeignKey(
        "anggaran.AnggaranNode",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="indikator",
    )
    kode = models.CharField(max_length=KODE_MAX, blank=True)
    uraian = models.TextField()
    satuan = models.CharField(max_length=SHORT_MAX, blank=True)
    polaritas = models.CharField(
        max_length=16, choices=Polaritas.choices, default=Polaritas.POSITIF
    )
    iku = models.BooleanField("IKU", default=False)
    formula = models.TextField(blank=True)
    sumber_data = models.TextField(blank=True)
    penanggung_jawab = models.CharField(max_length=SHORT_MAX, blank=True)
    kondisi_awal = models.TextField(blank=True)
    akumulasi = models.CharField(max_length=16, choices=Akumulasi.choices, blank=True)
    skala_nilai = models.JSONField(
        null=True, blank=True, help_text="Nilai huruf, terbaik dahulu, atau nama tabel mutu SKM"
    )
    didukung = models.ManyToManyField(
        "anggaran.AnggaranNode",
        blank=True,
        related_name="mendukung",
        help_text="Program/kegiatan yang menyatakan mendukung indikator ini",
    )
    urutan = models.PositiveIntegerField()

    class Meta:
        verbose_name = "indikator"
        verbose_name_plural = "indikator"
        ordering = ["dataset_id", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["dataset", "kode"],
                condition=~models.Q(kode=""),
                name="indikator_kode_unik_per_dataset",
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(tujuan__isnull=False, sasaran__isnull=True, anggaran_node__isnull=True)
                    | models.Q(
                        tujuan__isnull=True, sasaran__isnull=False, anggaran_node__isnull=True
                    )
                    | models.Q(
                        tujuan__isnull=True, sasaran__isnull=True, anggaran_node__isnull=False
                    )
                ),
                name="indikator_tepat_satu_induk",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kode} {self.uraian}".strip()


class NilaiIndikator(models.Model):
    indikator = models.ForeignKey(Indikator, on_delete=models.CASCADE, related_name="nilai")
    tahun = models.PositiveSmallIntegerField()
    target = models.TextField(blank=True, help_text="Seperti tertulis")
    target_min = models.DecimalField(**NUMBER, null=True, blank=True)
    target_max = models.DecimalField(**NUMBER, null=True, blank=True)
    realisasi = models.TextField(blank=True, help_text="Seperti tertulis")
    realisasi_angka = models.DecimalField(**NUMBER, null=True, blank=True)

    class Meta:
        verbose_name = "nilai indikator"
        verbose_name_plural = "nilai indikator"
        ordering = ["indikator", "tahun"]
        constraints = [
            models.UniqueConstraint(fields=["indikator", "tahun"], name="nilai_satu_per_tahun")
        ]

    def __str__(self) -> str:
        return f"{self.indikator.kode} {self.tahun}"


class PerjanjianKinerja(models.Model):
    dataset = models.ForeignKey(
        "datasets.DatasetVersion", on_delete=models.CASCADE, related_name="perjanjian_kinerja"
    )
    tahun = models.PositiveSmallIntegerField()
    tanggal = models.DateField(null=True, blank=True, help_text="Tanggal ditandatangani")
    versi = models.PositiveSmallIntegerField(default=1, help_text="2 atau lebih: PK Perubahan")

    class Meta:
        verbose_name = "perjanjian kinerja"
        verbose_name_plural = "perjanjian kinerja"
        ordering = ["-tahun"]

    def __str__(self) -> str:
        return f"PK {self.tahun} v{self.versi} ({self.dataset.instansi})"


class PerjanjianIndikator(models.Model):
    perjanjian = models.ForeignKey(
        PerjanjianKinerja, on_delete=models.CASCADE, related_name="indikator"
    )
    indikator = models.ForeignKey(Indikator, on_delete=models.CASCADE, related_name="+")
    target = models.TextField(blank=True, help_text="Target yang dicetak PK, bila ada")
    target_min = models.DecimalField(**NUMBER, null=True, blank=True)
    target_max = models.DecimalField(**NUMBER, null=True, blank=True)
    urutan = models.PositiveIntegerField()

    class Meta:
        verbose_name = "indikator PK"
        verbose_name_plural = "indikator PK"
        ordering = ["perjanjian", "urutan"]

    def __str__(self) -> str:
        return str(self.indikator)


class PerjanjianProgram(models.Model):
    perjanjian = models.ForeignKey(
        PerjanjianKinerja, on_delete=models.CASCADE, related_name="program"
    )
    program = models.ForeignKey("anggaran.AnggaranNode", on_delete=models.CASCADE, related_name="+")
    pagu = models.DecimalField(
        **MONEY, null=True, blank=True, help_text="Pagu yang dicetak PK, bila ada"
    )
    urutan = models.PositiveIntegerField()

    class Meta:
        verbose_name = "program PK"
        verbose_name_plural = "program PK"
        ordering = ["perjanjian", "urutan"]

    def __str__(self) -> str:
        return str(self.program)


class NilaiTriwulan(models.Model):
    indikator = models.ForeignKey(Indikator, on_delete=models.CASCADE)
    tahun = models.PositiveSmallIntegerField()
    triwulan = models.PositiveSmallIntegerField(choices=Triwulan.choices)
    nilai = models.TextField(blank=True, help_text="Seperti tertulis")
    nilai_angka = models.DecimalField(**NUMBER, null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["indikator", "tahun", "triwulan"]

    def __str__(self) -> str:
        return f"{self.indikator.kode} {self.tahun} TW{self.triwulan}"


class RencanaAksi(NilaiTriwulan):
    """A quarterly target (the PK target broken into quarters)."""

    class Meta(NilaiTriwulan.Meta):
        verbose_name = "rencana aksi"
        verbose_name_plural = "rencana aksi"
        constraints = [
            models.UniqueConstraint(
                fields=["indikator", "tahun", "triwulan"], name="rencana_aksi_unik"
            ),
            models.CheckConstraint(
                condition=models.Q(triwulan__gte=1, triwulan__lte=4),
                name="rencana_aksi_triwulan_1_4",
            ),
        ]


class RealisasiTriwulan(NilaiTriwulan):
    class Meta(NilaiTriwulan.Meta):
        verbose_name = "realisasi triwulan"
        verbose_name_plural = "realisasi triwulan"
        constraints = [
            models.UniqueConstraint(
                fields=["indikator", "tahun", "triwulan"], name="realisasi_triwulan_unik"
            ),
            models.CheckConstraint(
                condition=models.Q(triwulan__gte=1, triwulan__lte=4),
                name="realisasi_triwulan_1_4",
            ),
        ]
