"""The LKjIP of one instansi-year as a :class:`Dokumen`, in the structure of
PermenPAN-RB 53/2014: Ikhtisar Eksekutif, Bab I-IV, Lampiran.

Every figure comes from the engine's :class:`Laporan`. Two editions:

- the **draft** (``draf=True``), for the officer: missing parts of the data are
  marked in red where they belong, listed at the end, and the review findings
  are an appendix;
- the **final**, for publication: no finding codes, no review appendix, no
  markers. Where the data lack something a neutral sentence says so; where
  analysis text is missing, a sentence from the data stands in its place;
  narrative that the review found contradicting the data is left out (the
  data sentences stand, the finding stays in the review). It ends with the
  Inspektorat's "Pernyataan Telah Direviu" once the review is signed.

Both list what is missing in ``Dokumen.peringatan``.
"""

from __future__ import annotations

from decimal import Decimal

from sakip.documents import tabel, teks
from sakip.documents.model import (
    Bagian,
    Blok,
    Daftar,
    Dokumen,
    Paragraf,
    Sampul,
    Tabel,
    TandaTangan,
)
from sakip.documents.pernyataan import Pernyataan
from sakip.documents.pk import bagian_pk
from sakip.engine.efisiensi import RUMUS_BAGI
from sakip.engine.kinerja import BarisIndikator
from sakip.engine.laporan import Laporan
from sakip.engine.temuan import Tingkat, kelompok_sebab

SERATUS = Decimal(100)
ANALISIS_KOSONG = "Analisis belum diisi"


class _Penyusun:
    """Collects the sections and the warnings of one document."""

    def __init__(self, laporan: Laporan, draf: bool = True) -> None:
        self.laporan, self.dokumen = laporan, laporan.dokumen
        self.instansi = self.dokumen.instansi
        self.nama = self.instansi.nama or "Instansi"
        self.pemda = self.dokumen.pemda.nama
        self.narasi = self.dokumen.narasi
        self.peringatan: list[str] = []
        self.draf = draf
        self.dibantah = _narasi_dibantah(laporan) if not draf else frozenset()

    def kurang(self, pesan: str, netral: str) -> Paragraf:
        """A missing part, listed as a warning: in the draft marked visibly
        where it belongs, in the final said in the ``netral`` sentence."""
        self.peringatan.append(pesan)
        return Paragraf(f"[{pesan}]", "peringatan") if self.draf else Paragraf(netral)

    def narasi_boleh(self, bagian: str) -> bool:
        """Whether a part of the report text may be printed: the final leaves
        out a part the review found contradicting the data."""
        return bagian not in self.dibantah

    def indikator_tahun(self) -> list[BarisIndikator]:
        return [b for b in self.laporan.indikator_tahun() if b.ref.jenis != "output"]


# Where a finding says a figure was printed, by the part of the report text
# that printed it.
_SUMBER_NARASI = {
    "ikhtisar": "ikhtisar",
    "kata pengantar": "kata_pengantar",
    "penutup": "penutup",
    "bab iv": "penutup",
    "hambatan": "hambatan",
}


def _narasi_dibantah(laporan: Laporan) -> frozenset[str]:
    """The parts of the report text that printed a figure the review found
    wrong (an error): ``"ikhtisar"``, ``"analisis/S1.1"``, ..."""
    bagian: set[str] = set()
    for t in laporan.temuan:
        if t.tingkat is not Tingkat.GALAT or not t.sumber:
            continue
        sumber = t.sumber.casefold()
        for kata, nama in _SUMBER_NARASI.items():
            if kata in sumber:
                bagian.add(nama)
        if "analisis" in sumber:
            bagian.add(f"analisis/{t.lokasi.split('/', 1)[0]}")
    return frozenset(bagian)


def _kalimat_data(b: BarisIndikator) -> str:
    """What the data say of one indicator's year, in one neutral sentence."""
    kalimat = (
        f"Indikator {b.kode} {b.ref.indikator.uraian} tahun {b.tahun}: target "
        f"{teks.nilai(b.target)}, realisasi {teks.nilai(b.realisasi)}"
    )
    if b.capaian.kualitatif:
        return f"{kalimat}; target {b.capaian.status}."
    if b.capaian.nilai is None:
        return f"{kalimat}; capaian tidak terukur."
    return (
        f"{kalimat}, capaian {teks.persen(b.capaian.nilai)} (predikat {b.predikat or teks.KOSONG})."
    )


def _paragraf(teks_narasi: str) -> list[Paragraf]:
    return [Paragraf(p.strip()) for p in teks_narasi.split("\n\n") if p.strip()]


def _kata_pengantar(p: _Penyusun) -> Bagian:
    isi: list[Blok] = (
        [*_paragraf(p.narasi.kata_pengantar)]
        if p.narasi.kata_pengantar and p.narasi_boleh("kata_pengantar")
        else [
            Paragraf(
                f"Laporan Kinerja Instansi Pemerintah (LKjIP) {p.nama} Tahun {p.laporan.tahun} "
                "disusun sebagai wujud pertanggungjawaban atas pelaksanaan tugas dan fungsi serta "
                "pencapaian sasaran yang ditetapkan dalam Perjanjian Kinerja, sesuai Peraturan "
                "Presiden Nomor 29 Tahun 2014 dan Peraturan Menteri PANRB Nomor 53 Tahun 2014."
            ),
            Paragraf(
                "Laporan ini diharapkan menjadi bahan evaluasi dan perbaikan perencanaan serta "
                "pelaksanaan program dan kegiatan pada tahun berikutnya."
            ),
        ]
    )
    isi.append(TandaTangan(None, {**teks.orang(p.instansi.kepala), "keterangan": ""}))
    return Bagian("Kata Pengantar", isi=isi, halaman_baru=True)


def _ikhtisar(p: _Penyusun) -> Bagian:
    L = p.laporan
    baris = p.indikator_tahun()
    terukur = [b.capaian for b in baris if b.capaian.terukur]
    # A kualitatif indicator meets its target by its verdict, not by a percentage.
    tercapai = [c for c in terukur if c.tercapai or (c.nilai is not None and c.nilai >= SERATUS)]
    isi: list[Blok] = []
    kalimat = (
        f"Pada tahun {L.tahun} {p.nama} mengukur {len(baris)} indikator kinerja; "
        f"{len(terukur)} terukur, dan {len(tercapai)} di antaranya mencapai atau melampaui "
        "target."
    )
    instansi = next((a for a in L.instansi if a.tahun == L.tahun), None)
    if instansi is not None and instansi.rata_rata.nilai is not None:
        kalimat += (
            f" Capaian kinerja instansi adalah {teks.rata_rata(instansi.rata_rata)} "
            f"dengan predikat {instansi.predikat} ({instansi.rata_rata.rumus}; skala "
            f"{L.aturan.skala.nama})."
        )
    isi.append(Paragraf(kalimat))
    for a in (a for a in L.sasaran if a.tahun == L.tahun):
        isi.append(
            Paragraf(
                f"Sasaran {a.kode} {a.uraian}: capaian {teks.rata_rata(a.rata_rata)}"
                f", predikat {a.predikat or teks.KOSONG}."
            )
        )
    if L.anggaran is not None:
        t = L.anggaran.total
        isi.append(
            Paragraf(
                f"Dari pagu anggaran {teks.rupiah(t.pagu)} terealisasi {teks.rupiah(t.realisasi)}"
                f" atau {teks.persen(t.penyerapan)}, dengan sisa {teks.rupiah(t.sisa)}."
            )
        )
    if p.narasi.ikhtisar and p.narasi_boleh("ikhtisar"):
        isi += _paragraf(p.narasi.ikhtisar)
    return Bagian("Ikhtisar Eksekutif", isi=isi, halaman_baru=True)


def _bab1(p: _Penyusun) -> list[Bagian]:
    jenis = p.instansi.jenis or "perangkat daerah"
    isi: list[Blok] = [
        Paragraf(
            f"{p.nama} adalah {jenis} pada {p.pemda or 'pemerintah daerah'} yang wajib "
            "menyusun Laporan Kinerja Instansi Pemerintah sebagai bagian dari Sistem "
            "Akuntabilitas Kinerja Instansi Pemerintah (SAKIP)."
        )
    ]
    bagian = [Bagian("Bab I Pendahuluan", isi=isi, halaman_baru=True)]
    isu = p.narasi.isu_strategis
    isu_isi: list[Blok] = (
        [
            Tabel(
                "Isu Strategis",
                ["Masalah", "Pokok masalah", "Akar masalah"],
                [[i.masalah, i.pokok_masalah, i.akar_masalah] for i in isu],
            )
        ]
        if isu
        else [
            p.kurang(
                "Isu strategis belum diisi (narasi.isu_strategis)",
                "Isu strategis tidak diuraikan dalam laporan ini.",
            )
        ]
    )
    bagian.append(Bagian("A. Isu Strategis", 2, isu_isi))
    renstra, rpjmd = p.dokumen.renstra, p.dokumen.rpjmd
    sasaran_rpjmd = {s.kode: s.uraian for s in rpjmd.sasaran} if rpjmd else {}
    rows = [
        [
            *_cascading(t.mendukung, sasaran_rpjmd),
            f"{t.kode} {t.uraian}",
            "; ".join(f"{s.kode} {s.uraian}" for s in t.sasaran),
        ]
        for t in (renstra.tujuan if renstra else ())
    ]
    bagian.append(
        Bagian(
            "B. Cascading Kinerja (Keterhubungan dengan RPJMD)",
            2,
            [
                Tabel(
                    "Cascading Kinerja",
                    ["Sasaran RPJMD", "Uraian", "Tujuan Renstra", "Sasaran Renstra"],
                    rows,
                )
                if rows
                else p.kurang(
                    "Renstra tidak ada: cascading kinerja tidak dapat disajikan",
                    "Pohon kinerja (cascading) tidak tersedia.",
                )
            ],
        )
    )
    return bagian


def _cascading(kode: tuple[str, ...], sasaran_rpjmd: dict[str, str]) -> list[str]:
    """The RPJMD codes a tujuan supports and their uraian, as two cells."""
    if not kode:
        return [teks.KOSONG, teks.KOSONG]
    return [
        ", ".join(kode),
        "; ".join(sasaran_rpjmd[k] for k in kode if k in sasaran_rpjmd) or teks.KOSONG,
    ]


def _bab2(p: _Penyusun) -> list[Bagian]:
    L = p.laporan
    renstra = p.dokumen.renstra
    bagian = [Bagian("Bab II Perencanaan Kinerja", halaman_baru=True)]
    semua = [b for b in L.indikator if b.ref.jenis != "output"]
    refs = {b.kode: b.ref.indikator for b in semua}
    periode = renstra.periode if renstra else None
    isi: list[Blok]
    if refs and periode is not None:
        tahun = list(periode.tahun)
        rows = [
            [f"{ind.kode} {ind.uraian}", teks.nilai(ind.kondisi_awal)]
            + [teks.nilai(ind.target.get(t)) for t in tahun]
            for ind in refs.values()
        ]
        isi = [
            Tabel(
                f"Target Renstra {periode.awal}–{periode.akhir}",
                ["Indikator", "Kondisi awal"] + [str(t) for t in tahun],
                rows,
                angka=frozenset(range(1, len(tahun) + 2)),
                lembar="Renstra",
            )
        ]
    else:
        isi = [
            p.kurang(
                "Renstra tidak ada atau tanpa periode: target lima tahunan kosong",
                "Target lima tahunan Renstra tidak tersedia.",
            )
        ]
    bagian.append(Bagian("A. Rencana Strategis", 2, isi))
    iku = [ind for ind in refs.values() if ind.iku]
    bagian.append(
        Bagian(
            "B. Indikator Kinerja Utama",
            2,
            [
                Tabel(
                    "Indikator Kinerja Utama",
                    ["Indikator", "Formula", "Sumber data", "Penanggung jawab"],
                    [
                        [
                            f"{ind.kode} {ind.uraian}",
                            ind.formula or teks.KOSONG,
                            ind.sumber_data or teks.KOSONG,
                            ind.penanggung_jawab or teks.KOSONG,
                        ]
                        for ind in iku
                    ],
                    lembar="IKU",
                )
                if iku
                else p.kurang(
                    "Tidak ada indikator yang ditandai sebagai IKU",
                    "Tidak ada indikator yang ditetapkan sebagai IKU.",
                )
            ],
        )
    )
    bagian.append(Bagian(f"C. Perjanjian Kinerja Tahun {L.tahun}", 2, _isi_pk(p)))
    return bagian


def _isi_pk(p: _Penyusun) -> list[Blok]:
    pk = p.dokumen.perjanjian_kinerja
    if pk is None:
        return [
            p.kurang(
                f"Perjanjian Kinerja tahun {p.laporan.tahun} tidak ada",
                f"Perjanjian Kinerja tahun {p.laporan.tahun} tidak tersedia.",
            )
        ]
    kode_pk = {i.kode for i in pk.indikator}
    baris = [b for b in p.laporan.indikator_tahun() if b.kode in kode_pk]
    return [tabel.target_pk(baris), tabel.program_pk(pk, p.laporan.anggaran)]


def _analisis(p: _Penyusun, b: BarisIndikator) -> Paragraf:
    teks_analisis = p.narasi.analisis.get(b.kode)
    if teks_analisis and p.narasi_boleh(f"analisis/{b.kode}"):
        return Paragraf(teks_analisis.strip())
    data = _kalimat_data(b)
    if b.capaian.nilai is not None and b.capaian.nilai < SERATUS:
        return p.kurang(
            f"{ANALISIS_KOSONG}: capaian {b.kode} {teks.persen(b.capaian.nilai)} di bawah target",
            data,
        )
    if b.capaian.tercapai is False:
        return p.kurang(
            f"{ANALISIS_KOSONG}: indikator kualitatif {b.kode} tidak tercapai "
            f"({b.capaian.perhitungan})",
            data,
        )
    return Paragraf(f"{ANALISIS_KOSONG}.", "catatan") if p.draf else Paragraf(data)


def _bab3(p: _Penyusun) -> list[Bagian]:
    L = p.laporan
    baris = p.indikator_tahun()
    bagian = [Bagian("Bab III Akuntabilitas Kinerja", halaman_baru=True)]
    isi: list[Blok] = []
    if not baris:
        isi.append(
            p.kurang(
                f"Tidak ada indikator kinerja tahun {L.tahun}",
                f"Tidak ada indikator kinerja yang diukur tahun {L.tahun}.",
            )
        )
    else:
        tanpa_target = [b.kode for b in baris if b.target is None]
        if tanpa_target:
            daftar = ", ".join(tanpa_target)
            isi.append(
                p.kurang(
                    "Target tahun ini tidak ada untuk " + daftar,
                    f"Indikator {daftar} tidak memiliki target tahun {L.tahun}.",
                )
            )
        isi.append(
            Paragraf(
                f"Predikat dibaca pada skala {L.aturan.skala.nama}: "
                + "; ".join(pita.uraian() for pita in L.aturan.skala.pita)
                + "."
            )
        )
        isi.append(tabel.capaian_indikator(baris, L.tahun))
        semua = [r for r in L.indikator if r.ref.jenis != "output"]
        isi.append(tabel.perbandingan_semua(baris, semua))
        instansi = next((a for a in L.instansi if a.tahun == L.tahun), None)
        isi.append(tabel.capaian_agregat([a for a in L.sasaran if a.tahun == L.tahun], instansi))
        if instansi is not None:
            isi.append(Paragraf(f"Cara menghitung: {instansi.rata_rata.rumus}.", "catatan"))
    bagian.append(Bagian("A. Capaian Kinerja Organisasi", 2, isi))
    # Every indicator gets its own year table and trend chart: Bab III
    # (PermenPAN-RB 53/2014) compares each indicator with earlier years.
    for b in baris:
        riwayat = [r for r in L.indikator if r.kode == b.kode and r.ref.jenis == b.ref.jenis]
        isi_ind: list[Blok] = [
            Paragraf(
                f"Target {teks.nilai(b.target)} (sumber: {b.sumber_target}), realisasi "
                f"{teks.nilai(b.realisasi)}, capaian {teks.capaian(b.capaian)}, predikat "
                f"{b.predikat or teks.KOSONG}."
            ),
            Paragraf(
                f"Rumus: {b.capaian.rumus or 'tidak ada (capaian tidak terukur)'}"
                + (f"; perhitungan: {b.capaian.perhitungan}" if b.capaian.perhitungan else "")
                + ".",
                "catatan",
            ),
        ]
        isi_ind.append(tabel.perbandingan(riwayat))
        grafik = tabel.grafik_tren(f"Tren {b.kode} {b.ref.indikator.uraian}", riwayat)
        if grafik is not None:
            isi_ind.append(grafik)
        if b.kemajuan is not None:
            isi_ind.append(
                Paragraf(
                    f"Tingkat kemajuan terhadap target akhir Renstra {teks.nilai(b.target_akhir)}: "
                    f"{teks.capaian(b.kemajuan)}."
                )
            )
        elif b.realisasi is None:
            isi_ind.append(
                p.kurang(
                    f"Realisasi {b.kode} tahun {L.tahun} tidak ada: capaian "
                    "dan tingkat kemajuan tidak dapat dihitung",
                    f"Realisasi {b.kode} tahun {L.tahun} belum tersedia, sehingga capaian dan "
                    "tingkat kemajuannya tidak diukur.",
                )
            )
        else:
            isi_ind.append(
                p.kurang(
                    f"Target akhir Renstra {b.kode} tidak ada: tingkat "
                    "kemajuan tidak dapat dihitung",
                    f"Renstra tidak menetapkan target akhir {b.kode}, sehingga tingkat "
                    "kemajuannya tidak diukur.",
                )
            )
        isi_ind.append(_analisis(p, b))
        bagian.append(Bagian(f"{b.kode} {b.ref.indikator.uraian}", 3, isi_ind))
    if baris:
        bagian.append(
            Bagian("B. Perbandingan dengan Target Akhir Renstra", 2, [tabel.kemajuan(baris)])
        )
    bagian.append(
        Bagian(
            "C. Efisiensi Penggunaan Sumber Daya",
            2,
            [
                tabel.efisiensi(L.efisiensi),
                Paragraf(
                    "Capaian − penyerapan: selisih capaian dengan penyerapan anggaran program "
                    "pendukung sasaran (positif: hasil lebih besar dari dana yang terserap). "
                    "Penghematan: (pagu − realisasi) / pagu bila target tercapai. "
                    f"Pembagian: {RUMUS_BAGI}.",
                    "catatan",
                ),
            ]
            if L.efisiensi
            else [
                p.kurang(
                    "Efisiensi tidak dapat dianalisis: anggaran atau "
                    "keterkaitan program–sasaran tidak ada",
                    "Efisiensi penggunaan sumber daya tidak dianalisis karena data anggaran "
                    "atau keterkaitan program dengan sasaran tidak tersedia.",
                )
            ],
        )
    )
    # The budget table has four rupiah columns: in portrait, long names of
    # sub kegiatan would wrap over many lines.
    bagian.append(
        Bagian("D. Realisasi Anggaran", 2, [tabel.anggaran(L.anggaran)], mendatar=True)
        if L.anggaran
        else Bagian(
            "D. Realisasi Anggaran",
            2,
            [
                p.kurang(
                    f"Anggaran tahun {L.tahun} tidak ada",
                    f"Data anggaran tahun {L.tahun} tidak tersedia.",
                )
            ],
        )
    )
    skm_isi: list[Blok] = []
    for h in L.skm:
        skm_isi.append(tabel.skm(h))
        grafik = tabel.grafik_skm(h)
        if grafik is not None:
            skm_isi.append(grafik)
        skm_isi.append(Paragraf(f"Perhitungan: {h.ikm.rumus}.", "catatan"))
    if skm_isi:
        bagian.append(Bagian("E. Survei Kepuasan Masyarakat", 2, skm_isi))
    return bagian


def _bab4(p: _Penyusun) -> list[Bagian]:
    L = p.laporan
    isi: list[Blok] = []
    if p.narasi.penutup and p.narasi_boleh("penutup"):
        isi += _paragraf(p.narasi.penutup)
    else:
        isi.append(
            Paragraf(
                f"Laporan ini menyajikan capaian kinerja {p.nama} tahun {L.tahun} sebagai bahan "
                "evaluasi dan perbaikan perencanaan tahun berikutnya."
            )
        )
    for isi_narasi, judul, nama in (
        (p.narasi.hambatan, "Hambatan", "hambatan"),
        (p.narasi.solusi, "Langkah perbaikan", "solusi"),
    ):
        if isi_narasi and p.narasi_boleh(nama):
            isi.append(Paragraf(f"{judul}: {isi_narasi.strip()}"))
    return [Bagian("Bab IV Penutup", isi=isi, halaman_baru=True)]


def _lampiran(p: _Penyusun) -> list[Bagian]:
    L = p.laporan
    semua = [b for b in L.indikator if b.ref.jenis != "output"]
    pengukuran = Tabel(
        "Pengukuran Kinerja Seluruh Tahun",
        ["Indikator", "Tahun", "Target", "Realisasi", "Capaian", "Predikat"],
        [
            [
                f"{b.kode} {b.ref.indikator.uraian}",
                str(b.tahun),
                teks.nilai(b.target),
                teks.nilai(b.realisasi),
                teks.capaian(b.capaian),
                b.predikat or teks.KOSONG,
            ]
            for b in semua
        ],
        angka=frozenset({2, 3, 4}),
        lembar="Pengukuran",
    )
    bagian = [
        Bagian("Lampiran", halaman_baru=True),
        Bagian("Lampiran 1. Perjanjian Kinerja", 2, bagian_pk(L, judul=False, draf=p.draf)),
    ]
    bagian.append(Bagian("Lampiran 2. Pengukuran Kinerja", 2, [pengukuran]))
    if not p.draf:
        return bagian
    # Consequences are printed under the finding they follow from.
    temuan = [
        f"{t.kode} ({t.lokasi}): {t.pesan}"
        + "".join(f"\n    akibatnya: {a.kode} ({a.lokasi}): {a.pesan}" for a in akibat)
        for t, akibat in kelompok_sebab(L.temuan)
    ]
    bagian.append(
        Bagian(
            "Lampiran 3. Catatan Reviu Data",
            2,
            [Daftar(temuan)]
            if temuan
            else [
                Paragraf(
                    "Tidak ada selisih antara angka yang dinyatakan dan angka hasil perhitungan."
                )
            ],
        )
    )
    return bagian


def _pernyataan_reviu(p: _Penyusun, reviu: Pernyataan) -> Bagian:
    """The Inspektorat's statement that the report was reviewed (PermenPAN-RB
    53/2014), signed by the reviewer."""
    L = p.laporan
    isi: list[Blok] = [
        Paragraf(
            f"Kami telah mereviu Laporan Kinerja Instansi Pemerintah {p.nama} "
            f"{p.pemda + ' ' if p.pemda else ''}Tahun {L.tahun} sesuai Pedoman Reviu atas "
            "Laporan Kinerja. Substansi informasi yang dimuat dalam Laporan Kinerja menjadi "
            f"tanggung jawab manajemen {p.nama}."
        ),
        Paragraf(
            "Reviu bertujuan untuk memberikan keyakinan terbatas bahwa Laporan Kinerja telah "
            "disajikan secara akurat, andal, dan valid."
        ),
        Paragraf(
            "Berdasarkan reviu kami, tidak terdapat kondisi atau hal-hal yang menimbulkan "
            "perbedaan dalam meyakini keandalan informasi yang disajikan di dalam Laporan "
            "Kinerja ini."
        ),
        TandaTangan(
            None,
            {**teks.orang(reviu.pereviu), "keterangan": reviu.unit},
            reviu.tempat_tanggal,
        ),
    ]
    return Bagian("Pernyataan Telah Direviu", isi=isi, halaman_baru=True)


def susun_lkjip(
    laporan: Laporan, *, draf: bool = False, reviu: Pernyataan | None = None
) -> Dokumen:
    """The LKjIP: the final edition, or with ``draf`` the officer's draft
    (markers, missing-data list, review appendix). ``reviu``, when signed,
    adds the Pernyataan Telah Direviu to the final."""
    p = _Penyusun(laporan, draf)
    if laporan.dokumen.renstra is None:
        p.peringatan.append("Renstra tidak ada")
    bagian = [_kata_pengantar(p), _ikhtisar(p)]
    bagian += _bab1(p) + _bab2(p) + _bab3(p) + _bab4(p) + _lampiran(p)
    if not draf and reviu is not None and reviu.ditandatangani:
        bagian.append(_pernyataan_reviu(p, reviu))
    if p.peringatan and draf:
        bagian.append(
            Bagian("Daftar Kekurangan Data", isi=[Daftar(list(p.peringatan))], halaman_baru=True)
        )
    return Dokumen(
        "lkjip",
        f"Laporan Kinerja Instansi Pemerintah {p.nama} Tahun {laporan.tahun}",
        Sampul(
            ["Laporan Kinerja", "Instansi Pemerintah", "(LKjIP)"], p.nama, p.pemda, laporan.tahun
        ),
        bagian,
        p.peringatan,
    )
