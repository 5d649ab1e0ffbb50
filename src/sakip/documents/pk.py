"""The Perjanjian Kinerja of the report year as a :class:`Dokumen`: the
agreement text, the signatures of both parties, the indicator/target table and
the program budget table."""

from __future__ import annotations

from sakip.documents import tabel, teks
from sakip.documents.model import Bagian, Blok, Dokumen, Paragraf, Sampul, TandaTangan
from sakip.engine.angka import format_tanggal
from sakip.engine.laporan import Laporan
from sakip.model import PerjanjianKinerja


def _tanggal(pk: PerjanjianKinerja) -> str:
    if pk.tanggal is not None:
        return format_tanggal(pk.tanggal)
    # Left blank to be written in by hand when it is signed.
    return "…………………… " + (str(pk.tahun) if pk.tahun is not None else "")


def bagian_pk(laporan: Laporan, *, judul: bool = True, draf: bool = True) -> list[Blok]:
    """The agreement's body; the LKjIP carries it as its first annex (the
    final LKjIP says a missing one plainly, without the draft's marker)."""
    dokumen = laporan.dokumen
    pk = dokumen.perjanjian_kinerja
    if pk is None:
        if not draf:
            return [Paragraf(f"Perjanjian Kinerja tahun {laporan.tahun} tidak tersedia.")]
        return [Paragraf(f"[Perjanjian Kinerja tahun {laporan.tahun} tidak ada]", "peringatan")]
    kepala = teks.orang(dokumen.instansi.kepala)
    atasan = teks.orang(dokumen.instansi.atasan)
    tahun = pk.tahun if pk.tahun is not None else laporan.tahun
    isi: list[Blok] = []
    if judul:
        isi.append(Paragraf(f"PERJANJIAN KINERJA TAHUN {tahun}", "tengah"))
    isi += [
        Paragraf(
            "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan "
            "akuntabel serta berorientasi pada hasil, kami yang bertanda tangan di bawah ini:"
        ),
        Paragraf(
            f"Nama: {kepala['nama'] or '……………………'}; jabatan: {kepala['jabatan']}; "
            "selanjutnya disebut pihak pertama."
        ),
        Paragraf(
            f"Nama: {atasan['nama'] or '……………………'}; jabatan: {atasan['jabatan']}; "
            "selaku atasan pihak pertama, selanjutnya disebut pihak kedua."
        ),
        Paragraf(
            "Pihak pertama berjanji akan mewujudkan target kinerja yang seharusnya sesuai "
            "lampiran perjanjian ini, dalam rangka mencapai target kinerja jangka menengah "
            "seperti yang telah ditetapkan dalam dokumen perencanaan. Keberhasilan dan "
            "kegagalan pencapaian target kinerja tersebut menjadi tanggung jawab kami."
        ),
        Paragraf(
            "Pihak kedua akan melakukan supervisi yang diperlukan serta akan melakukan "
            "evaluasi terhadap capaian kinerja dari perjanjian ini dan mengambil tindakan "
            "yang diperlukan dalam rangka pemberian penghargaan dan sanksi."
        ),
    ]
    kode_pk = {i.kode for i in pk.indikator}
    baris = [b for b in laporan.indikator if b.kode in kode_pk and b.tahun == tahun]
    isi.append(tabel.target_pk(baris))
    isi.append(tabel.program_pk(pk, laporan.anggaran))
    pemda = dokumen.pemda.nama.removeprefix("Kabupaten ")
    isi.append(
        TandaTangan(
            {**atasan, "keterangan": "Pihak Kedua"},
            {**kepala, "keterangan": "Pihak Pertama"},
            f"{pemda.removeprefix('Kota ')}, {_tanggal(pk)}".lstrip(", "),
        )
    )
    return isi


def susun_pk(laporan: Laporan) -> Dokumen:
    instansi = laporan.dokumen.instansi.nama or "Instansi"
    pemda = laporan.dokumen.pemda.nama
    isi = bagian_pk(laporan, judul=False)
    peringatan = [
        b.teks.strip("[]") for b in isi if isinstance(b, Paragraf) and b.gaya == "peringatan"
    ]
    return Dokumen(
        "pk",
        f"Perjanjian Kinerja {instansi} Tahun {laporan.tahun}",
        Sampul(["Perjanjian Kinerja"], instansi, pemda, laporan.tahun),
        [Bagian(f"Perjanjian Kinerja Tahun {laporan.tahun}", isi=isi)],
        peringatan,
        daftar_isi=False,
    )
