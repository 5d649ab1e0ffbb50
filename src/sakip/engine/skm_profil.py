"""Respondent profile of the SKM: the groups results are broken down by, and
the choices the public questionnaire offers for each."""

from __future__ import annotations

#: Profile columns, in the order a CSV/XLSX or the results list them.
PROFIL = ("layanan", "jenis_kelamin", "umur", "pendidikan", "pekerjaan")

JUDUL_PROFIL = {
    "layanan": "Jenis layanan",
    "jenis_kelamin": "Jenis kelamin",
    "umur": "Umur",
    "pendidikan": "Pendidikan terakhir",
    "pekerjaan": "Pekerjaan utama",
}

JENIS_KELAMIN = ("Laki-laki", "Perempuan")
UMUR = ("< 20 tahun", "20-29 tahun", "30-39 tahun", "40-49 tahun", "50-59 tahun", ">= 60 tahun")
PENDIDIKAN = ("SD ke bawah", "SMP", "SMA/SMK", "D1-D3", "D4/S1", "S2 ke atas")
PEKERJAAN = (
    "PNS/TNI/Polri",
    "Pegawai swasta",
    "Wiraswasta/usahawan",
    "Petani/nelayan",
    "Pelajar/mahasiswa",
    "Lainnya",
)

PILIHAN_PROFIL: dict[str, tuple[str, ...]] = {
    "jenis_kelamin": JENIS_KELAMIN,
    "umur": UMUR,
    "pendidikan": PENDIDIKAN,
    "pekerjaan": PEKERJAAN,
}


def kelompok_umur(nilai: str) -> str:
    """An age typed as a number goes into its band; any other text is kept.

    Paper forms ask either the age or the band, so both are accepted.

    >>> kelompok_umur("19"), kelompok_umur("20"), kelompok_umur("61"), kelompok_umur("30-39 tahun")
    ('< 20 tahun', '20-29 tahun', '>= 60 tahun', '30-39 tahun')
    """
    teks = nilai.strip()
    if teks.endswith(".0"):  # an age typed into an Excel number cell
        teks = teks[:-2]
    if not teks.isdigit():
        return teks
    umur = int(teks)
    if umur < 20:
        return UMUR[0]
    return UMUR[min((umur - 10) // 10, len(UMUR) - 1)]
