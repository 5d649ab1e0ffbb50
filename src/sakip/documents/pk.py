"""The Perjanjian Kinerja of the report year as a :class:`Dokumen`: the
agreement text, the signatures of both parties, the indicator/target table and
the program budget table."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from sakip.documents import tabel, teks
from sakip.documents.model import Bagian, Blok, Dokumen, Paragraf, Sampul, TandaTangan
from sakip.engine.angka import format_tanggal
from sakip.engine.laporan import Laporan


def _tanggal(pk: Mapping[str, object]) -> str:
    if pk.get("tanggal"):
        return format_tanggal(date.fromisoformat(str(pk["tanggal"])))
    return "…………………… " + str(pk.get("tahun", ""))


def bagian_pk(doc: Mapping[str, object], laporan: Laporan, *, judul: bool = True) -> list[Blok]:
    """The agreement's body; the LKjIP carries it as its first annex."""
    pk = doc.get("perjanjian_kinerja") or {}
    if not pk:
        return [Paragraf(f"[Perjanjian Kinerja tahun {laporan.tahun} tidak ada]", "peringatan")]
    instansi = doc.get("instansi") or {}
    kepala, atasan = teks.orang(instansi.get("kepala")), teks.orang(instansi.get("atasan"))
    tahun = pk.get("tahun", laporan.tahun)
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
    kode_pk = {str(i["kode"] if isinstance(i, Mapping) else i) for i in pk.get("indikator") or ()}
    baris = [b for b in laporan.indikator if b.kode in kode_pk and b.tahun == int(tahun)]
    isi.append(tabel.target_pk(baris))
    isi.append(tabel.program_pk(doc, laporan.anggaran))
    pemda = str((doc.get("pemda") or {}).get("nama") or "").removeprefix("Kabupaten ")
    isi.append(
        TandaTangan(
            {**atasan, "keterangan": "Pihak Kedua"},
            {**kepala, "keterangan": "Pihak Pertama"},
            f"{pemda.removeprefix('Kota ')}, {_tanggal(pk)}".lstrip(", "),
        )
    )
    return isi


def susun_pk(doc: Mapping[str, object], laporan: Laporan) -> Dokumen:
    instansi = str((doc.get("instansi") or {}).get("nama") or "Instansi")
    pemda = str((doc.get("pemda") or {}).get("nama") or "")
    isi = bagian_pk(doc, laporan, judul=False)
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
