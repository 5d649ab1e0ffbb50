"""A dataset document as the rows of each sheet.

Every part of the document lands somewhere, so that reading the workbook
gives the document back exactly: a record's keys in their columns, a child
list in the child sheet, and what has no column (an unexpected key, an empty
list, a value of an unusual shape) in the row's "Data lain (JSON)" cell or,
outside any record, as a key/value row of the ``umum`` sheet.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from sakip.dataset.errors import Path
from sakip.dataset.xlsx.cells import Jenis, Sel, tulis_angka, tulis_sel
from sakip.dataset.xlsx.layout import (
    KELAS_BELANJA,
    KOMPONEN_EVALUASI,
    LAINNYA,
    LEMBAR,
    LEMBAR_PER_NAMA,
)
from sakip.dataset.xlsx.literal import teks_aman
from sakip.dataset.xlsx.paths import ratakan, tulis_jalur

Baris = dict[str, Sel]

#: Child list of each budget level.
ANAK = {"program": "kegiatan", "kegiatan": "sub_kegiatan"}
#: Fields of a stated figure shown as money.
BIDANG_UANG = frozenset({"pagu", "realisasi", "sisa"})


@dataclass
class Isi:
    """The rows of every sheet; key/value sheets as (path, leaf) pairs."""

    baris: dict[str, list[Baris]] = field(default_factory=lambda: {x.nama: [] for x in LEMBAR})
    kv: dict[str, list[tuple[Path, object]]] = field(
        default_factory=lambda: {x.nama: [] for x in LEMBAR if x.akar is not None}
    )

    def sisa(self, path: Path, value: object) -> None:
        """Keep a part of the document that has no sheet of its own in ``umum``."""
        self.kv["umum"].extend(ratakan(value, path))


def _teks(value: str) -> Sel:
    sel = tulis_sel(Jenis.TEKS, value)
    assert sel is not None
    return sel


def _nilai(value: object) -> Sel:
    sel = tulis_sel(Jenis.NILAI, value)
    assert sel is not None
    return sel


def _daftar_peta(value: object) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def _unik(kode: Iterable[object]) -> set[str]:
    """Codes that can name a row: safe text occurring exactly once."""
    hitung = Counter(k for k in kode if isinstance(k, str) and teks_aman(k))
    return {k for k, n in hitung.items() if n == 1}


def _peta(value: object, key: str) -> list[dict]:
    items = value.get(key) if isinstance(value, dict) else None
    return [v for v in items if isinstance(v, dict)] if isinstance(items, list) else []


def _node_anggaran(anggaran: object) -> Iterator[dict]:
    def turun(node: dict, tingkat: str) -> Iterator[dict]:
        yield node
        if tingkat in ANAK:
            for anak in _peta(node, ANAK[tingkat]):
                yield from turun(anak, ANAK[tingkat])

    for node in _peta(anggaran, "belanja_tidak_langsung"):
        yield node
    for node in _peta(anggaran, "program"):
        yield from turun(node, "program")


def _semua_indikator(doc: dict) -> Iterator[dict]:
    renstra = doc.get("renstra")
    for tujuan in _peta(renstra, "tujuan"):
        yield from _peta(tujuan, "indikator")
        for sasaran in _peta(tujuan, "sasaran"):
            yield from _peta(sasaran, "indikator")
    for key in ("tujuan", "sasaran"):
        for item in _peta(doc.get("rpjmd"), key):
            yield from _peta(item, "indikator")
    for node in _node_anggaran(doc.get("anggaran")):
        yield from _peta(node, "indikator")


def _di(value: object, kode: set[str]) -> bool:
    return isinstance(value, str) and value in kode


def _tahun_ok(key: str) -> bool:
    return tulis_sel(Jenis.TAHUN, key) is not None


def _dinyatakan_ok(value: object, *, bertahun: bool) -> bool:
    def satu(v: object) -> bool:
        return isinstance(v, dict) or _daftar_peta(v)

    if not bertahun:
        return satu(value)
    return (
        isinstance(value, dict)
        and bool(value)
        and all(_tahun_ok(k) and satu(v) for k, v in value.items())
    )


def _sel_target(value: object) -> Baris:
    # A two-element list is a range target, shown in its own two columns.
    if isinstance(value, list) and len(value) == 2:
        return {"target_bawah": _nilai(value[0]), "target_atas": _nilai(value[1])}
    return {"target": _nilai(value)}


class Penyusun:
    """Walks a document and fills :class:`Isi`."""

    def __init__(self, doc: dict):
        self.doc = doc
        self.isi = Isi()
        self.kode_indikator = _unik(i.get("kode") for i in _semua_indikator(doc))
        self.kode_anggaran = {
            k
            for k in _unik(n.get("kode") for n in _node_anggaran(doc.get("anggaran")))
            if "#" not in k
        }

    def tambah(self, lembar: str, baris: Baris) -> None:
        self.isi.baris[lembar].append(baris)

    def rekam(
        self,
        lembar: str,
        record: dict,
        tetap: Baris | None = None,
        lewati: Iterable[str] = (),
    ) -> Baris:
        """The row of a record: ``tetap`` cells, then each key in its column;
        keys without a column (or that their column cannot hold) go to the
        Data lain cell."""
        spec = LEMBAR_PER_NAMA[lembar]
        baris = dict(tetap or {})
        kolom = {k.kunci: k for k in spec.kolom if k.kunci not in spec.tempat}
        kolom.pop(LAINNYA, None)
        lewati = set(lewati)
        lain = {}
        for key, value in record.items():
            if key in lewati:
                continue
            sel = tulis_sel(kolom[key].jenis, value) if key in kolom else None
            if sel is None:
                lain[key] = value
            else:
                baris[key] = sel
        if lain or not baris:
            baris[LAINNYA] = Sel(tulis_sel(Jenis.JSON, lain).value)  # type: ignore[union-attr]
        self.tambah(lembar, baris)
        return baris

    # --- the document ------------------------------------------------------

    def susun(self) -> Isi:
        bagian = {
            "pemda": self.pemda,
            "instansi": lambda v: self.kv("instansi", v),
            "narasi": lambda v: self.kv("narasi", v),
            "rpjmd": self.rpjmd,
            "renstra": self.renstra,
            "perjanjian_kinerja": self.perjanjian_kinerja,
            "rencana_aksi": lambda v: self.triwulan("rencana_aksi", v),
            "realisasi_triwulan": lambda v: self.triwulan("realisasi_triwulan", v),
            "anggaran": self.anggaran,
            "skm": self.skm,
            "evaluasi": self.evaluasi,
        }
        for key, value in self.doc.items():
            tulis = bagian.get(key)
            if tulis is None or not tulis(value):
                self.isi.sisa((key,), value)
        return self.isi

    def kv(self, lembar: str, value: object) -> bool:
        if not isinstance(value, dict) or not value:
            return False
        self.isi.kv[lembar].extend(ratakan(value))
        return True

    def pemda(self, value: object) -> bool:
        if not isinstance(value, dict) or not value:
            return False
        rest = dict(value)
        if _daftar_peta(rest.get("skala_capaian")):
            for pita in rest.pop("skala_capaian"):
                self.rekam("skala_capaian", pita)
        if rest:
            self.isi.kv["pemda"].extend(ratakan(rest))
        return True

    def _bagian(self, nama: str, value: object, tulis: dict) -> bool:
        """A section whose keys each have a writer; the rest goes to ``umum``."""
        if not isinstance(value, dict) or not value:
            return False
        for key, item in value.items():
            if key not in tulis or not tulis[key](item):
                self.isi.sisa((nama, key), item)
        return True

    def rpjmd(self, value: object) -> bool:
        def misi(items: object) -> bool:
            if not _daftar_peta(items):
                return False
            for item in items:  # type: ignore[union-attr]
                self.rekam("rpjmd_misi", item)
            return True

        def bertingkat(key: str):
            kode = _unik(x.get("kode") for x in _peta(value, key))
            jenis = f"rpjmd_{key}"

            def tulis(items: object) -> bool:
                if not _daftar_peta(items):
                    return False
                for item in items:  # type: ignore[union-attr]
                    self.rekam(jenis, item, lewati=self.indikator_anak(item, jenis, kode))
                    self.tulis_indikator(item, jenis, kode)
                return True

            return tulis

        return self._bagian(
            "rpjmd",
            value,
            {"misi": misi, "tujuan": bertingkat("tujuan"), "sasaran": bertingkat("sasaran")},
        )

    def renstra(self, value: object) -> bool:
        tujuan_list = _peta(value, "tujuan")
        kode_tujuan = _unik(t.get("kode") for t in tujuan_list)
        kode_sasaran = _unik(s.get("kode") for t in tujuan_list for s in _peta(t, "sasaran"))

        def tujuan(items: object) -> bool:
            if not _daftar_peta(items):
                return False
            for t in items:  # type: ignore[union-attr]
                lewati = self.indikator_anak(t, "tujuan", kode_tujuan)
                anak = _di(t.get("kode"), kode_tujuan) and _daftar_peta(t.get("sasaran"))
                if anak:
                    lewati.add("sasaran")
                self.rekam("tujuan", t, lewati=lewati)
                self.tulis_indikator(t, "tujuan", kode_tujuan)
                if anak:
                    for s in t["sasaran"]:
                        lewati = self.indikator_anak(s, "sasaran", kode_sasaran)
                        self.rekam("sasaran", s, {"tujuan": _teks(t["kode"])}, lewati)
                        self.tulis_indikator(s, "sasaran", kode_sasaran)
            return True

        def dinyatakan(v: object) -> bool:
            return self.dinyatakan("renstra", None, v, bertahun=True)

        return self._bagian("renstra", value, {"tujuan": tujuan, "dinyatakan": dinyatakan})

    # --- indicators ----------------------------------------------------------

    def indikator_anak(self, induk: dict, jenis: str, rujukan: set[str] | None) -> set[str]:
        """Keys of ``induk`` that :meth:`tulis_indikator` will write: its
        indicators, when ``induk`` can be named (``rujukan``: the codes that
        can; ``None`` for a budget node, always named by its ID)."""
        if rujukan is not None and not _di(induk.get("kode"), rujukan):
            return set()
        return {"indikator"} if _daftar_peta(induk.get("indikator")) else set()

    def tulis_indikator(
        self, induk: dict, jenis: str, rujukan: set[str] | None, id_induk: str | None = None
    ) -> None:
        if "indikator" not in self.indikator_anak(induk, jenis, rujukan):
            return
        tetap = {"jenis_induk": _teks(jenis), "induk": _teks(id_induk or induk["kode"])}
        for ind in induk["indikator"]:
            kode = ind.get("kode")
            lewati = set()
            if _di(kode, self.kode_indikator):
                lewati = {k for k in ("target", "realisasi") if self._peta_tahun(ind.get(k))}
                if _dinyatakan_ok(ind.get("dinyatakan"), bertahun=True):
                    lewati.add("dinyatakan")
            self.rekam("indikator", ind, tetap, lewati)
            self.nilai_indikator(ind, lewati)
            if "dinyatakan" in lewati:
                self.dinyatakan("indikator", kode, ind["dinyatakan"], bertahun=True)

    @staticmethod
    def _peta_tahun(value: object) -> bool:
        return isinstance(value, dict) and bool(value) and all(_tahun_ok(k) for k in value)

    def nilai_indikator(self, ind: dict, lewati: set[str]) -> None:
        target = ind.get("target") if "target" in lewati else {}
        realisasi = ind.get("realisasi") if "realisasi" in lewati else {}
        for tahun in dict.fromkeys([*target, *realisasi]):
            baris = {"kode": _teks(ind["kode"]), "tahun": tulis_sel(Jenis.TAHUN, tahun)}
            if tahun in target:
                baris.update(_sel_target(target[tahun]))
            if tahun in realisasi:
                baris["realisasi"] = _nilai(realisasi[tahun])
            self.tambah("nilai_indikator", baris)  # type: ignore[arg-type]

    # --- stated figures ------------------------------------------------------

    def dinyatakan(
        self, bagian: str, rujukan: str | None, value: object, *, bertahun: bool
    ) -> bool:
        """Rows of the ``dinyatakan`` sheet: one per figure, grouped by
        (bagian, rujukan, tahun, no)."""
        if not _dinyatakan_ok(value, bertahun=bertahun):
            return False
        per_tahun = value.items() if bertahun else [(None, value)]  # type: ignore[union-attr]
        for tahun, isi in per_tahun:
            kelompok = [(None, isi)] if isinstance(isi, dict) else list(enumerate(isi, 1))
            for no, peta in kelompok:
                dasar: Baris = {"bagian": _teks(bagian)}
                if rujukan is not None:
                    dasar["rujukan"] = _teks(rujukan)
                if tahun is not None:
                    dasar["tahun"] = tulis_sel(Jenis.TAHUN, tahun)  # type: ignore[assignment]
                if no is not None:
                    dasar["no"] = Sel(no)
                if "sumber" in peta:
                    dasar["sumber"] = _nilai(peta["sumber"])
                bidang = {k: v for k, v in peta.items() if k != "sumber"}
                if not bidang:
                    self.tambah("dinyatakan", dasar)
                for path, leaf in ratakan(bidang) if bidang else ():
                    sel = _nilai(leaf)
                    if path[0] in BIDANG_UANG and isinstance(leaf, int | Decimal):
                        if not isinstance(leaf, bool):
                            sel = tulis_angka(leaf, uang=True)
                    self.tambah(
                        "dinyatakan", {**dasar, "bidang": _teks(tulis_jalur(path)), "nilai": sel}
                    )
        return True

    # --- agreement, quarters ---------------------------------------------------

    def perjanjian_kinerja(self, value: object) -> bool:
        def daftar(jenis: str):
            def tulis(items: object) -> bool:
                if not (
                    isinstance(items, list)
                    and items
                    and all(isinstance(i, str | dict) for i in items)
                ):
                    return False
                for item in items:
                    self.butir(jenis, item)
                return True

            return tulis

        def dinyatakan(v: object) -> bool:
            return self.dinyatakan("perjanjian_kinerja", None, v, bertahun=False)

        return self._bagian(
            "perjanjian_kinerja",
            value,
            {
                "indikator": daftar("indikator"),
                "program": daftar("program"),
                "dinyatakan": dinyatakan,
            },
        )

    def butir(self, jenis: str, item: str | dict) -> None:
        """An item of the agreement: a bare code, or a map with its own target
        or pagu."""
        tetap: Baris = {"jenis": _teks(jenis)}
        if isinstance(item, str):
            self.tambah("perjanjian_kinerja", {**tetap, "kode": _teks(item)})
            return
        lewati = set()
        if "target" in item:
            tetap.update(_sel_target(item["target"]))
            lewati.add("target")
        baris = self.rekam("perjanjian_kinerja", item, tetap, lewati)
        # A map holding only its code would read back as the bare code: an
        # empty Data lain marks it as a map.
        if LAINNYA not in baris and set(baris) <= {"jenis", "kode"}:
            baris[LAINNYA] = Sel("{}")

    def triwulan(self, nama: str, value: object) -> bool:
        if not isinstance(value, dict):
            return False
        if not value:
            self.isi.sisa((nama,), value)
        for kode, per_tahun in value.items():
            if not isinstance(per_tahun, dict) or not per_tahun:
                self.isi.sisa((nama, kode), per_tahun)
                continue
            for tahun, daftar in per_tahun.items():
                if not (_tahun_ok(tahun) and isinstance(daftar, list) and 1 <= len(daftar) <= 4):
                    self.isi.sisa((nama, kode, tahun), daftar)
                    continue
                baris = {"kode": _teks(kode), "tahun": tulis_sel(Jenis.TAHUN, tahun)}
                for i, v in enumerate(daftar):
                    # A blank cell before a filled one reads as None; a
                    # trailing None needs a literal to keep the list's length.
                    if v is not None or i == len(daftar) - 1:
                        baris[f"tw{i + 1}"] = _nilai(v)
                self.tambah(nama, baris)  # type: ignore[arg-type]
        return True

    # --- budget ---------------------------------------------------------------

    def anggaran(self, value: object) -> bool:
        def daftar(tingkat: str, awalan: str):
            def tulis(items: object) -> bool:
                if not _daftar_peta(items):
                    return False
                for i, node in enumerate(items, 1):  # type: ignore[arg-type]
                    self.node(node, tingkat, None, f"{awalan}#{i}")
                return True

            return tulis

        def dinyatakan(v: object) -> bool:
            return self.dinyatakan("anggaran", None, v, bertahun=False)

        return self._bagian(
            "anggaran",
            value,
            {
                "belanja_tidak_langsung": daftar("btl", "BTL/"),
                "program": daftar("program", ""),
                "dinyatakan": dinyatakan,
            },
        )

    def node(self, node: dict, tingkat: str, induk: str | None, id_otomatis: str) -> None:
        kode = node.get("kode")
        ada_kode = _di(kode, self.kode_anggaran)
        node_id = kode if ada_kode else id_otomatis
        tetap: Baris = {"tingkat": _teks(tingkat)}
        if not ada_kode:
            tetap["id"] = _teks(node_id)
        if induk is not None:
            tetap["induk"] = _teks(induk)
        lewati = self.indikator_anak(node, tingkat, None)
        anak = ANAK.get(tingkat)
        if anak and _daftar_peta(node.get(anak)):
            lewati.add(anak)
        if _dinyatakan_ok(node.get("dinyatakan"), bertahun=False):
            lewati.add("dinyatakan")
        rincian = _sel_rincian(node.get("rincian"))
        if rincian is not None:
            tetap.update(rincian)
            lewati.add("rincian")
        self.rekam("anggaran", node, tetap, lewati)
        self.tulis_indikator(node, tingkat, None, node_id)
        if "dinyatakan" in lewati:
            self.dinyatakan("anggaran", node_id, node["dinyatakan"], bertahun=False)
        if anak in lewati:
            for i, child in enumerate(node[anak], 1):  # type: ignore[index]
                self.node(child, anak, node_id, f"{node_id}/#{i}")  # type: ignore[arg-type]

    # --- survey, evaluation -----------------------------------------------------

    def skm(self, value: object) -> bool:
        if not _daftar_peta(value):
            return False
        for no, survei in enumerate(value, 1):  # type: ignore[arg-type]
            lewati = set()
            nrr = survei.get("nrr")
            if isinstance(nrr, dict) and nrr and all(teks_aman(k) for k in nrr):
                lewati.add("nrr")
            if _dinyatakan_ok(survei.get("dinyatakan"), bertahun=False):
                lewati.add("dinyatakan")
            self.rekam("skm", survei, {"no": Sel(no)}, lewati)
            if "nrr" in lewati:
                for unsur, nilai in nrr.items():
                    self.tambah(
                        "skm_nrr", {"survei": Sel(no), "unsur": _teks(unsur), "nrr": _nilai(nilai)}
                    )
            if "dinyatakan" in lewati:
                self.dinyatakan("skm", str(no), survei["dinyatakan"], bertahun=False)
        return True

    def evaluasi(self, value: object) -> bool:
        if not (
            isinstance(value, dict)
            and value
            and all(_tahun_ok(k) and isinstance(v, dict) for k, v in value.items())
        ):
            return False
        for tahun, hasil in value.items():
            ok = _daftar_peta(hasil.get("rekomendasi"))
            tetap = {"tahun": tulis_sel(Jenis.TAHUN, tahun)}
            lewati = {"rekomendasi"} if ok else set()
            komponen = _sel_bagian(hasil.get("komponen"), KOMPONEN_EVALUASI, Jenis.ANGKA)
            if komponen is not None:
                tetap.update(komponen)
                lewati.add("komponen")
            self.rekam("evaluasi", hasil, tetap, lewati)  # type: ignore[arg-type]
            for item in hasil["rekomendasi"] if ok else ():
                self.rekam("rekomendasi", item, {"tahun": tulis_sel(Jenis.TAHUN, tahun)})
        return True


def _sel_bagian(peta: object, kunci: tuple[str, ...], jenis: Jenis) -> Baris | None:
    """The columns of a small map with known keys (evaluation components), or
    ``None`` when it has another shape (it then goes to Data lain)."""
    if not isinstance(peta, dict) or not peta or not set(peta) <= set(kunci):
        return None
    out = {k: tulis_sel(jenis, v) for k, v in peta.items()}
    return None if None in out.values() else out  # type: ignore[return-value]


def _sel_rincian(rincian: object) -> Baris | None:
    """The per-class columns of a budget leaf, or ``None`` when its
    ``rincian`` has another shape (it then goes to Data lain)."""
    if not isinstance(rincian, dict) or not rincian or not set(rincian) <= set(KELAS_BELANJA):
        return None
    out: Baris = {}
    for kelas, isi in rincian.items():
        if not isinstance(isi, dict) or not isi or not set(isi) <= {"pagu", "realisasi"}:
            return None
        for bidang, nilai in isi.items():
            sel = tulis_sel(Jenis.UANG, nilai)
            if sel is None:
                return None
            out[f"{bidang}_{kelas}"] = sel
    return out


def susun(doc: dict) -> Isi:
    """The rows of every sheet for ``doc``."""
    return Penyusun(doc).susun()
