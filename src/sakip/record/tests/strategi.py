"""Hypothesis strategies for valid dataset documents.

Unlike the writers' strategies (``dataset/tests/strategi_dokumen.py``), these
make documents the import accepts: codes unique and referenced correctly,
years inside the Renstra period, money exact to the sen. Free text and
values stay awkward (any printable text, numbers written many ways), and
every optional key may be absent, present, or present and empty.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st

AWAL, AKHIR = 2019, 2023
TAHUN = [str(t) for t in range(AWAL, AKHIR + 1)]

teks = st.text(st.characters(codec="utf-8", categories=("L", "N", "P", "S", "Zs")), max_size=10)
teks_isi = teks.filter(lambda t: t.strip() != "")
nama = st.text(st.characters(codec="ascii", categories=("L", "N")), min_size=1, max_size=8)
desimal = st.integers(0, 4).flatmap(
    lambda tempat: st.decimals(
        min_value=-(10**6), max_value=10**6, places=tempat, allow_nan=False, allow_infinity=False
    )
)
angka = st.one_of(st.integers(-(10**9), 10**9), desimal)
nilai = st.one_of(angka, teks_isi, st.sampled_from(["12 Bulan", "B", "79,017", "Baik"]))
nilai_target = st.one_of(nilai, st.lists(angka, min_size=2, max_size=2))
uang = st.one_of(
    st.decimals(min_value=0, max_value=10**12, places=2, allow_nan=False, allow_infinity=False),
    st.integers(0, 10**12),
)


def _opsional(wajib: dict, pilihan: dict) -> st.SearchStrategy[dict]:
    return st.fixed_dictionaries(wajib, optional=pilihan)


def peta_tahun(isi: st.SearchStrategy) -> st.SearchStrategy[dict]:
    return st.dictionaries(st.sampled_from(TAHUN), isi, max_size=3)


dinyatakan_indikator = peta_tahun(
    st.one_of(
        _opsional({"capaian": desimal}, {"predikat": teks_isi}),
        st.lists(_opsional({"capaian": desimal}, {"sumber": teks_isi}), min_size=1, max_size=2),
    )
)


def indikator(kode: str) -> st.SearchStrategy[dict]:
    return _opsional(
        {"kode": st.just(kode), "uraian": teks_isi},
        {
            "satuan": teks,
            "polaritas": st.sampled_from(["positif", "negatif"]),
            "iku": st.booleans(),
            "formula": teks,
            "sumber_data": teks,
            "penanggung_jawab": teks,
            "kondisi_awal": nilai,
            "target": peta_tahun(nilai_target),
            "realisasi": peta_tahun(nilai),
            "akumulasi": st.sampled_from(["jumlah", "rata_rata", "terakhir"]),
            "dinyatakan": dinyatakan_indikator,
        },
    )


def _indikator_list(prefix: str) -> st.SearchStrategy[list[dict]]:
    return st.integers(0, 2).flatmap(
        lambda n: st.tuples(*[indikator(f"{prefix}.{i + 1}") for i in range(n)]).map(list)
    )


def sasaran(kode: str) -> st.SearchStrategy[dict]:
    return _opsional(
        {"kode": st.just(kode), "uraian": teks_isi},
        {"mendukung": st.just("RPJMD-S1"), "indikator": _indikator_list(kode)},
    )


def tujuan(i: int) -> st.SearchStrategy[dict]:
    return _opsional(
        {"kode": st.just(f"T{i}"), "uraian": teks_isi},
        {
            "indikator": _indikator_list(f"T{i}"),
            "sasaran": st.integers(0, 2).flatmap(
                lambda n: st.tuples(*[sasaran(f"S{i}.{j + 1}") for j in range(n)]).map(list)
            ),
        },
    )


rincian = st.dictionaries(
    st.sampled_from(["pegawai", "barang_jasa", "modal"]),
    _opsional({"pagu": uang}, {"realisasi": uang}),
    min_size=1,
    max_size=2,
)


def _node(kode: str | None, anak: st.SearchStrategy | None, key: str) -> st.SearchStrategy:
    wajib: dict = {"uraian": teks_isi}
    if kode is not None:
        wajib["kode"] = st.just(kode)
    pilihan: dict = {
        "pagu": uang,
        "realisasi": uang,
        "dinyatakan": st.one_of(
            st.fixed_dictionaries({"pagu": uang}, optional={"realisasi": uang}),
            st.fixed_dictionaries({"realisasi": uang}),
        ),
    }
    if anak is not None:
        pilihan[key] = anak
    return _opsional(wajib, pilihan)


def program(i: int) -> st.SearchStrategy[dict]:
    kegiatan = st.lists(
        _node(None, st.lists(_node(None, None, ""), max_size=2), "sub_kegiatan"),
        max_size=2,
        unique_by=lambda k: k["uraian"],
    )
    return _node(f"P{i}", kegiatan, "kegiatan")


@st.composite
def dokumen(draw: st.DrawFn) -> dict:
    """A valid ``sakip-dataset/1`` document of one instansi-year."""
    tujuan_list = draw(
        st.integers(0, 2).flatmap(lambda n: st.tuples(*[tujuan(i + 1) for i in range(n)]).map(list))
    )
    kode_ind = [
        ind["kode"]
        for t in tujuan_list
        for ind in (t.get("indikator") or [])
        + [x for s in t.get("sasaran") or [] for x in s.get("indikator") or []]
    ]
    tahun = draw(st.integers(AWAL, AKHIR))
    doc: dict = {
        "format": "sakip-dataset/1",
        "pemda": draw(
            _opsional(
                {"nama": nama.map(lambda n: f"Kabupaten {n}")},
                {
                    "provinsi": teks,
                    "batas_capaian": st.sampled_from([100, Decimal("120"), Decimal("120.0")]),
                    "rumus_negatif": st.sampled_from(["2t-r", "t/r"]),
                    "bobot_skm": st.sampled_from(["1/9", Decimal("0.111")]),
                    "capaian_kualitatif": st.sampled_from(["terpisah", "100/0"]),
                    "skala_capaian": st.just(
                        [{"dari": 80, "label": "Baik"}, {"dari": 0, "label": "Kurang"}]
                    ),
                },
            )
        ),
        "instansi": draw(
            _opsional(
                {
                    "nama": nama.map(lambda n: f"Kecamatan {n}"),
                    "kepala": _opsional({"jabatan": teks_isi}, {"nama": teks_isi}),
                },
                {"jenis": st.just("kecamatan"), "atasan": st.just({"jabatan": "Bupati"})},
            )
        ),
        "renstra": {"periode": [AWAL, AKHIR], "tujuan": tujuan_list},
    }
    if draw(st.booleans()):
        # The counts and claim a report prints about its year.
        doc["renstra"]["dinyatakan"] = {
            str(AKHIR): draw(
                _opsional(
                    {"jumlah_program": st.integers(0, 9)},
                    {
                        "jumlah_sasaran": st.integers(0, 9),
                        "klaim": st.sampled_from(["semua_tercapai", "ada_tidak_tercapai"]),
                        "sumber": teks_isi,
                    },
                )
            )
        }
    programs = draw(
        st.integers(0, 2).flatmap(
            lambda n: st.tuples(*[program(i + 1) for i in range(n)]).map(list)
        )
    )
    ada_anggaran: bool = draw(st.booleans())
    if programs or ada_anggaran:
        doc["anggaran"] = {"tahun": tahun, "program": programs}
        kelas = draw(
            st.lists(
                _opsional(
                    {"kelas": st.sampled_from(["pegawai", "langsung"]), "pagu": uang},
                    {"realisasi": uang, "sumber": teks_isi},
                ),
                max_size=2,
            )
        )
        if kelas:
            # Printed class totals are kept as the file wrote them.
            doc["anggaran"]["dinyatakan_kelas"] = kelas
    for p in programs:
        _daun_saja(p)
    kode_program = [p["kode"] for p in programs]
    if draw(st.booleans()):
        pk: dict = {"tahun": tahun}
        if kode_ind:
            pk["indikator"] = draw(
                st.lists(
                    st.sampled_from(kode_ind).flatmap(
                        lambda k: st.one_of(
                            st.just(k), _opsional({"kode": st.just(k)}, {"target": nilai})
                        )
                    ),
                    max_size=2,
                    unique_by=lambda x: x if isinstance(x, str) else x["kode"],
                )
            )
        if kode_program:
            pk["program"] = draw(st.lists(st.sampled_from(kode_program), max_size=2, unique=True))
        doc["perjanjian_kinerja"] = pk
    ada_triwulan: bool = draw(st.booleans())
    if kode_ind and ada_triwulan:
        empat = st.lists(st.one_of(st.none(), nilai), min_size=4, max_size=4)
        doc["realisasi_triwulan"] = draw(
            st.dictionaries(st.sampled_from(kode_ind), peta_tahun(empat), max_size=2)
        )
    if draw(st.booleans()):
        doc["rpjmd"] = {
            "periode": [AWAL, AKHIR],
            "sasaran": [{"kode": "RPJMD-S1", "uraian": draw(teks_isi)}],
        }
    else:
        for t in tujuan_list:
            for s in t.get("sasaran") or ():
                s.pop("mendukung", None)
    if draw(st.booleans()):
        doc["narasi"] = draw(
            _opsional({}, {"hambatan": teks_isi, "solusi": teks_isi, "kata_pengantar": teks_isi})
        )
    if draw(st.booleans()):
        doc["evaluasi"] = {str(tahun - 1): {"nilai": Decimal("61.5"), "predikat": "B"}}
    if draw(st.booleans()):
        doc["skm"] = [
            {
                "tahun": tahun,
                "nrr": {f"U{i}": Decimal("3.25") for i in range(1, 10)},
            }
        ]
    return doc


def _daun_saja(node: dict) -> None:
    """Amounts sit on leaves: a node with children states none of its own."""
    for key in ("kegiatan", "sub_kegiatan"):
        if node.get(key):
            node.pop("pagu", None)
            node.pop("realisasi", None)
            for anak in node[key]:
                _daun_saja(anak)
