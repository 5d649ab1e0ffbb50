"""Hypothesis strategies for dataset documents: valid-ish, with awkward edges.

The documents follow the shape of ``sakip-dataset/1`` but are not required
to pass validation: they also carry what a writer must survive (empty
lists, duplicate codes, text with control characters, Decimals of 20
digits, a stray key) because a round trip must give back whatever it got.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st

# Any text that a file can hold (no lone surrogates), control characters included.
teks = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)
teks_biasa = st.text(
    st.characters(codec="utf-8", categories=("L", "N", "Zs", "P")), min_size=1, max_size=12
)
# A small alphabet of codes, so that duplicates (and nodes without a
# usable code) happen often.
kode = st.one_of(st.sampled_from(["S1", "S1.1", "T1", "P1", "7.01.02", "K#1"]), teks_biasa)
tahun = st.integers(2015, 2030).map(str)

desimal = st.integers(0, 6).flatmap(
    lambda tempat: st.decimals(
        min_value=-(10**9), max_value=10**9, places=tempat, allow_nan=False, allow_infinity=False
    )
)
uang = st.one_of(
    st.decimals(min_value=0, max_value=10**12, places=2, allow_nan=False, allow_infinity=False),
    st.decimals(min_value=0, max_value=10**22, places=2, allow_nan=False, allow_infinity=False),
    st.integers(0, 10**16),
)
angka = st.one_of(
    st.integers(-(10**17), 10**17), desimal, st.decimals(allow_nan=False, allow_infinity=False)
)
nilai = st.one_of(angka, teks, st.sampled_from(["12 Bulan", "B", "79,017", "", "=1+1"]))
nilai_target = st.one_of(nilai, st.lists(angka, min_size=2, max_size=2), st.none())


def peta_tahun(isi: st.SearchStrategy) -> st.SearchStrategy:
    return st.dictionaries(tahun, isi, max_size=3)


def _opsional(wajib: dict, pilihan: dict) -> st.SearchStrategy:
    return st.fixed_dictionaries(wajib, optional=pilihan)


def dinyatakan(bidang: dict) -> st.SearchStrategy:
    satu = _opsional({}, {**bidang, "sumber": teks})
    return st.one_of(satu, st.lists(satu, min_size=1, max_size=2))


dinyatakan_uang = dinyatakan({"pagu": uang, "realisasi": uang, "persen": desimal, "sisa": uang})
dinyatakan_indikator = peta_tahun(
    dinyatakan({"capaian": desimal, "predikat": teks, "target": nilai_target})
)

indikator = _opsional(
    {"kode": kode, "uraian": teks},
    {
        "satuan": teks,
        "polaritas": st.sampled_from(["positif", "negatif", "kualitatif"]),
        "iku": st.booleans(),
        "formula": teks,
        "kondisi_awal": nilai,
        "target": peta_tahun(nilai_target),
        "realisasi": peta_tahun(nilai),
        "akumulasi": st.sampled_from(["jumlah", "rata_rata", "terakhir"]),
        "skala_nilai": st.one_of(st.lists(teks_biasa, max_size=3), teks),
        "dinyatakan": dinyatakan_indikator,
        "catatan": nilai,
    },
)
daftar_indikator = st.lists(indikator, max_size=2)
daftar_kode = st.lists(kode, max_size=2)

rincian = st.dictionaries(
    st.sampled_from(["pegawai", "barang_jasa", "modal"]),
    _opsional({"pagu": uang}, {"realisasi": uang}),
    max_size=3,
)


def node_anggaran(anak: st.SearchStrategy | None, key: str | None) -> st.SearchStrategy:
    pilihan = {
        "kode": kode,
        "pagu": uang,
        "realisasi": uang,
        "rincian": rincian,
        "indikator": daftar_indikator,
        "mendukung": daftar_kode,
        "dinyatakan": dinyatakan_uang,
    }
    if anak is not None:
        pilihan[key] = st.lists(anak, max_size=2)
    return _opsional({"uraian": teks}, pilihan)


sub_kegiatan = node_anggaran(None, None)
kegiatan = node_anggaran(sub_kegiatan, "sub_kegiatan")
program = node_anggaran(kegiatan, "kegiatan").flatmap(
    lambda p: st.fixed_dictionaries({"sasaran": daftar_kode}).map(lambda s: {**p, **s})
)

sasaran = _opsional(
    {"kode": kode, "uraian": teks},
    {"mendukung": st.one_of(kode, daftar_kode), "indikator": daftar_indikator},
)
tujuan = _opsional(
    {"kode": kode, "uraian": teks},
    {
        "mendukung": st.one_of(kode, daftar_kode),
        "indikator": daftar_indikator,
        "sasaran": st.lists(sasaran, max_size=2),
    },
)
indikator_rpjmd = st.one_of(
    st.lists(teks_biasa, max_size=2),
    st.lists(indikator, max_size=1),
    st.lists(st.one_of(teks, indikator), max_size=2),
)
rpjmd = _opsional(
    {"periode": st.just([2019, 2024])},
    {
        "visi": teks,
        "misi": st.lists(st.fixed_dictionaries({"kode": kode, "uraian": teks}), max_size=2),
        "tujuan": st.lists(
            _opsional({"kode": kode, "uraian": teks}, {"misi": kode, "indikator": indikator_rpjmd}),
            max_size=2,
        ),
        "sasaran": st.lists(
            _opsional(
                {"kode": kode, "uraian": teks},
                {
                    "misi": st.one_of(kode, daftar_kode),
                    "tujuan": kode,
                    "indikator": indikator_rpjmd,
                },
            ),
            max_size=2,
        ),
    },
)

renstra = _opsional(
    {"periode": st.just([2019, 2024]), "tujuan": st.lists(tujuan, max_size=2)},
    {"dinyatakan": peta_tahun(dinyatakan({"capaian": desimal, "predikat": teks}))},
)

pk = _opsional(
    {"tahun": st.integers(2019, 2024)},
    {
        "tanggal": st.just("2020-01-02"),
        "versi": st.integers(1, 3),
        "indikator": st.lists(
            st.one_of(kode, _opsional({"kode": kode}, {"target": nilai_target})), max_size=3
        ),
        "program": st.lists(st.one_of(kode, _opsional({"kode": kode}, {"pagu": uang})), max_size=3),
        "dinyatakan": dinyatakan({"pagu": uang}),
    },
)

triwulan = st.dictionaries(
    kode,
    peta_tahun(st.lists(st.one_of(st.none(), nilai), min_size=0, max_size=5)),
    max_size=2,
)

survei = _opsional(
    {"tahun": st.integers(2019, 2024)},
    {
        "layanan": teks,
        "unsur": st.one_of(
            st.just("permenpan-14-2017"),
            st.lists(st.fixed_dictionaries({"kode": kode, "uraian": teks}), min_size=1, max_size=2),
        ),
        "nrr": st.dictionaries(st.sampled_from(["U1", "U2", "U 3"]), desimal, max_size=3),
        "ikm": desimal,
        "jumlah_responden": st.integers(0, 500),
        "dinyatakan": dinyatakan(
            {"ikm": desimal, "mutu": teks, "nrr": st.dictionaries(st.just("U1"), desimal)}
        ),
    },
)

evaluasi = st.dictionaries(
    tahun,
    _opsional(
        {},
        {
            "nilai": desimal,
            "predikat": st.sampled_from(["A", "BB", "B"]),
            "tanggal": st.just("2021-03-01"),
            "komponen": st.dictionaries(
                st.sampled_from(["perencanaan", "pengukuran", "pelaporan", "evaluasi_internal"]),
                desimal,
                max_size=4,
            ),
            "rekomendasi": st.lists(
                _opsional(
                    {"uraian": teks},
                    {"tindak_lanjut": teks, "status": st.sampled_from(["belum", "selesai"])},
                ),
                max_size=2,
            ),
        },
    ),
    max_size=2,
)

narasi = _opsional(
    {},
    {
        "kata_pengantar": teks,
        "isu_strategis": st.lists(
            _opsional({"masalah": teks}, {"pokok_masalah": teks, "akar_masalah": teks}), max_size=2
        ),
        "analisis": st.dictionaries(kode, teks, max_size=2),
        "hambatan": teks,
    },
)


def dokumen() -> st.SearchStrategy[dict]:
    """A dataset document; every section but the required ones may be absent."""
    return _opsional(
        {
            "format": st.just("sakip-dataset/1"),
            "pemda": _opsional(
                {"nama": teks},
                {
                    "provinsi": teks,
                    "skala_capaian": st.lists(
                        _opsional({"label": teks}, {"dari": angka, "sampai": angka}), max_size=3
                    ),
                    "batas_capaian": angka,
                    "bobot_skm": st.sampled_from(["1/9", Decimal("0.111")]),
                    "capaian_kualitatif": st.sampled_from(["terpisah", "100/0"]),
                },
            ),
            "instansi": _opsional(
                {"nama": teks, "kepala": _opsional({"jabatan": teks}, {"nip": teks_biasa})},
                {"jenis": teks},
            ),
            "renstra": renstra,
        },
        {
            "rpjmd": rpjmd,
            "perjanjian_kinerja": pk,
            "rencana_aksi": triwulan,
            "realisasi_triwulan": triwulan,
            "anggaran": _opsional(
                {"tahun": st.integers(2019, 2024)},
                {
                    "belanja_tidak_langsung": st.lists(sub_kegiatan, max_size=2),
                    "program": st.lists(program, max_size=2),
                    "dinyatakan": dinyatakan_uang,
                },
            ),
            "skm": st.lists(survei, max_size=2),
            "evaluasi": evaluasi,
            "narasi": narasi,
            "kunci_asing": nilai,
        },
    )
