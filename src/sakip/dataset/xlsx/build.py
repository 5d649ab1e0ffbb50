"""Assemble the document from the rows of each sheet, the reverse of ``rows``.

Every value placed is recorded with the cell it came from, so that the
source map names the sheet and cell of any key path.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from sakip.dataset.errors import Galat, Lokasi, Path, SourceMap
from sakip.dataset.xlsx.layout import (
    BAGIAN_DINYATAKAN,
    KELAS_BELANJA,
    KOMPONEN_EVALUASI,
    LAINNYA,
    LEMBAR_PER_NAMA,
    TINGKAT_ANGGARAN,
    normal,
)
from sakip.dataset.xlsx.paths import baca_jalur, pasang
from sakip.dataset.xlsx.rows import ANAK
from sakip.dataset.xlsx.scan import BarisBaca, LembarBaca

_INDUK_ANAK = {anak: induk for induk, anak in ANAK.items()}


class Salah(Exception):
    """An error at one cell; collected, and the row skipped."""

    def __init__(self, lokasi: Lokasi, pesan: str):
        self.lokasi, self.pesan = lokasi, pesan


class Lacak:
    """Where each slot of the document came from, by container identity."""

    def __init__(self, file: str | None):
        self.file = file
        # id -> (container, {key: Lokasi}); the container is kept so that
        # its id cannot be reused while we hold it.
        self._slot: dict[int, tuple[object, dict[object, Lokasi]]] = {}

    def catat(self, wadah: dict | list, key: object, lokasi: Lokasi) -> None:
        self._slot.setdefault(id(wadah), (wadah, {}))[1][key] = lokasi

    def source_map(self, doc: dict) -> SourceMap:
        peta = SourceMap(file=self.file)

        def telusur(obj: object, path: Path, warisan: Lokasi) -> None:
            items = obj.items() if isinstance(obj, dict) else enumerate(obj)  # type: ignore[arg-type]
            slot = self._slot.get(id(obj), (None, {}))[1]
            for key, value in items:
                lokasi = slot.get(key, warisan)
                peta.add((*path, key), lokasi)
                if isinstance(value, dict | list):
                    telusur(value, (*path, key), lokasi)

        telusur(doc, (), Lokasi(file=self.file))
        return peta


class Penyusun:
    def __init__(self, lembar: dict[str, LembarBaca], file: str | None):
        self.lembar = lembar
        self.file = file
        self.doc: dict = {}
        self.galat: list[Galat] = []
        self.lacak = Lacak(file)
        self._buatan: set[int] = set()  # lists and maps this reader made
        self.tujuan: dict[str, list[dict]] = {}
        self.sasaran: dict[str, list[dict]] = {}
        self.rpjmd: dict[str, dict[str, list[dict]]] = {"tujuan": {}, "sasaran": {}}
        self.anggaran: dict[str, list[tuple[dict, str]]] = {}
        self.indikator: dict[str, list[dict]] = {}
        self.survei: dict[str, list[dict]] = {}
        self.evaluasi: dict[str, dict] = {}
        self._lb: LembarBaca | None = None

    # --- helpers ---------------------------------------------------------------

    def lok(self, cell: str) -> Lokasi:
        return Lokasi(file=self.file, sheet=self._lb.judul if self._lb else None, cell=cell)

    def baris(self, nama: str) -> list[BarisBaca]:
        """The rows of a sheet (none when the sheet is absent); errors name it."""
        self._lb = self.lembar.get(nama)
        return self._lb.baris if self._lb else []

    def coba(self, fungsi: Callable[..., object], *args: object) -> object:
        """Run ``fungsi``; an error at a cell is recorded and its row skipped."""
        try:
            return fungsi(*args)
        except Salah as exc:
            self.galat.append(Galat(exc.lokasi, (), exc.pesan))
            return None

    def tiap(self, nama: str, fungsi: Callable[[BarisBaca], object]) -> None:
        for baris in self.baris(nama):
            self.coba(fungsi, baris)

    def salah(self, baris: BarisBaca, kolom: str, pesan: str) -> Salah:
        return Salah(self.lok(baris.koordinat.get(kolom, baris.pertama)), pesan)

    def wajib(self, baris: BarisBaca, kolom: str, judul: str) -> object:
        if kolom not in baris.sel:
            judul_sel = self._lb.kolom.get(kolom, "A1") if self._lb else "A1"
            huruf = judul_sel.rstrip("0123456789")
            raise Salah(self.lok(f"{huruf}{baris.nomor}"), f"isi kolom {judul!r}")
        return baris.sel[kolom]

    def teks(self, baris: BarisBaca, kolom: str, judul: str) -> str:
        return str(self.wajib(baris, kolom, judul))

    def bagian(self, key: str, baris: BarisBaca, jenis: type = dict) -> dict | list:
        """A top-level section, made on first use."""
        if key not in self.doc:
            self.doc[key] = jenis()
            self._buatan.add(id(self.doc[key]))
            self.lacak.catat(self.doc, key, self.lok(baris.pertama))
        if not isinstance(self.doc[key], jenis):  # pragma: no cover - sheets make sections first
            raise self.salah(baris, "", f"{key} sudah terisi dengan bentuk lain")
        return self.doc[key]

    def anak(self, induk: dict, key: str, baris: BarisBaca, jenis: type = list) -> dict | list:
        """A child list (or map) of ``induk`` that this reader makes; a key
        already filled another way (from Data lain) is an error."""
        if key not in induk:
            induk[key] = jenis()
            self._buatan.add(id(induk[key]))
            self.lacak.catat(induk, key, self.lok(baris.pertama))
        elif id(induk[key]) not in self._buatan or not isinstance(induk[key], jenis):
            raise self.salah(baris, "", f"{key!r} sudah diisi di baris induknya (Data lain)")
        return induk[key]

    def tambah(self, daftar: list, item: object, baris: BarisBaca) -> None:
        daftar.append(item)
        self.lacak.catat(daftar, len(daftar) - 1, self.lok(baris.pertama))

    def taruh(self, peta: dict, key: str, value: object, cell: str) -> None:
        peta[key] = value
        self.lacak.catat(peta, key, self.lok(cell))

    def rekam(self, lb_nama: str, baris: BarisBaca) -> dict:
        """A record from a row: its key columns and its Data lain."""
        spec = LEMBAR_PER_NAMA[lb_nama]
        record: dict = {}
        for kolom in spec.kolom:
            if kolom.kunci in spec.tempat or kolom.kunci == LAINNYA:
                continue
            if kolom.kunci in baris.sel:
                self.taruh(
                    record, kolom.kunci, baris.sel[kolom.kunci], baris.koordinat[kolom.kunci]
                )
        lain = baris.sel.get(LAINNYA)
        if isinstance(lain, dict):
            for key, value in lain.items():
                if key in record:
                    raise self.salah(baris, LAINNYA, f"{key!r} ada di kolomnya dan di Data lain")
                self.taruh(record, key, value, baris.koordinat[LAINNYA])
        return record

    def cari(self, tabel: dict[str, list], kode: str, baris: BarisBaca, kolom: str, apa: str):
        found = tabel.get(kode, [])
        if not found:
            raise self.salah(baris, kolom, f"{apa} {kode!r} tidak ditemukan")
        if len(found) > 1:
            raise self.salah(baris, kolom, f"{apa} {kode!r} ada lebih dari satu")
        return found[0]

    def target(self, baris: BarisBaca) -> tuple[str, object] | None:
        """(cell, target) of a row with a target, a range from its two columns."""
        ada = [k for k in ("target", "target_bawah", "target_atas") if k in baris.sel]
        if not ada:
            return None
        if ada == ["target"]:
            return baris.koordinat["target"], baris.sel["target"]
        if ada == ["target_bawah", "target_atas"]:
            value = [baris.sel["target_bawah"], baris.sel["target_atas"]]
            self.lacak.catat(value, 0, self.lok(baris.koordinat["target_bawah"]))
            self.lacak.catat(value, 1, self.lok(baris.koordinat["target_atas"]))
            return baris.koordinat["target_bawah"], value
        raise self.salah(
            baris,
            ada[-1],
            "isi Target saja, atau Target bawah dan Target atas untuk target rentang",
        )

    # --- the document ------------------------------------------------------------

    def susun(self) -> dict:
        self.tiap("skala_capaian", self.skala_capaian)
        self.tiap("rpjmd_misi", self.rpjmd_misi)
        for key in ("tujuan", "sasaran"):
            self.tiap(f"rpjmd_{key}", lambda b, key=key: self.rpjmd_bertingkat(key, b))
        self.tiap("tujuan", self.tujuan_)
        self.tiap("sasaran", self.sasaran_)
        simpul = [self.coba(self._simpul, b) for b in self.baris("anggaran")]
        for item in simpul:
            if item is not None:
                self.coba(self._pasang_simpul, *item)
        self.tiap("indikator", self.indikator_)
        self.tiap("nilai_indikator", self.nilai_indikator)
        self.tiap("perjanjian_kinerja", self.perjanjian_kinerja)
        for nama in ("rencana_aksi", "realisasi_triwulan"):
            self.tiap(nama, lambda b, nama=nama: self.triwulan(nama, b))
        self.tiap("skm", self.skm)
        self.tiap("skm_nrr", self.skm_nrr)
        self.tiap("evaluasi", self.evaluasi_)
        self.tiap("rekomendasi", self.rekomendasi)
        self.dinyatakan()
        for nama in ("pemda", "instansi", "narasi", "umum"):
            self.tiap(nama, lambda b, nama=nama: self.kv(nama, b))
        return self.doc

    def skala_capaian(self, baris: BarisBaca) -> None:
        pemda = self.bagian("pemda", baris)
        self.tambah(
            self.anak(pemda, "skala_capaian", baris), self.rekam("skala_capaian", baris), baris
        )

    def rpjmd_misi(self, baris: BarisBaca) -> None:
        rpjmd = self.bagian("rpjmd", baris)
        self.tambah(self.anak(rpjmd, "misi", baris), self.rekam("rpjmd_misi", baris), baris)

    def rpjmd_bertingkat(self, key: str, baris: BarisBaca) -> None:
        rpjmd = self.bagian("rpjmd", baris)
        record = self.rekam(f"rpjmd_{key}", baris)
        self.tambah(self.anak(rpjmd, key, baris), record, baris)
        if isinstance(record.get("kode"), str):
            self.rpjmd[key].setdefault(record["kode"], []).append(record)

    def tujuan_(self, baris: BarisBaca) -> None:
        renstra = self.bagian("renstra", baris)
        record = self.rekam("tujuan", baris)
        self.tambah(self.anak(renstra, "tujuan", baris), record, baris)
        if isinstance(record.get("kode"), str):
            self.tujuan.setdefault(record["kode"], []).append(record)

    def sasaran_(self, baris: BarisBaca) -> None:
        # Known before it is placed: a wrong parent is one error, not one
        # more for each of its indicators.
        record = self.rekam("sasaran", baris)
        if isinstance(record.get("kode"), str):
            self.sasaran.setdefault(record["kode"], []).append(record)
        kode = self.teks(baris, "tujuan", "Tujuan")
        tujuan = self.cari(self.tujuan, kode, baris, "tujuan", "tujuan")
        self.tambah(self.anak(tujuan, "sasaran", baris), record, baris)

    # --- budget ----------------------------------------------------------------

    def _simpul(self, baris: BarisBaca) -> tuple[BarisBaca, dict, str]:
        tingkat = normal(self.teks(baris, "tingkat", "Tingkat"))
        if tingkat not in TINGKAT_ANGGARAN:
            raise self.salah(
                baris, "tingkat", f"tingkat {tingkat!r}: isi {', '.join(TINGKAT_ANGGARAN)}"
            )
        node = self.rekam("anggaran", baris)
        self._rincian(node, baris)
        node_id = baris.sel.get("id", node.get("kode"))
        if isinstance(node_id, str):
            if node_id in self.anggaran:
                kolom = "id" if "id" in baris.sel else "kode"
                raise self.salah(
                    baris, kolom, f"ID/kode {node_id!r} dipakai dua kali; isi kolom ID"
                )
            self.anggaran[node_id] = [(node, tingkat)]
        return baris, node, tingkat

    def _rincian(self, node: dict, baris: BarisBaca) -> None:
        rincian: dict = {}
        for kelas in KELAS_BELANJA:
            for bidang in ("pagu", "realisasi"):
                kolom = f"{bidang}_{kelas}"
                if kolom in baris.sel:
                    if "rincian" in node:
                        raise self.salah(baris, kolom, "rincian sudah diisi di Data lain")
                    peta = rincian.setdefault(kelas, {})
                    if not peta:
                        self.lacak.catat(rincian, kelas, self.lok(baris.koordinat[kolom]))
                    self.taruh(peta, bidang, baris.sel[kolom], baris.koordinat[kolom])
        if rincian:
            first = next(
                c for k, c in baris.koordinat.items() if k.startswith(("pagu_", "realisasi_"))
            )
            self.taruh(node, "rincian", rincian, first)

    def _pasang_simpul(self, baris: BarisBaca, node: dict, tingkat: str) -> None:
        if tingkat in ("program", "btl"):
            if "induk" in baris.sel:
                raise self.salah(baris, "induk", f"{tingkat} tidak punya induk; kosongkan")
            anggaran = self.bagian("anggaran", baris)
            key = "program" if tingkat == "program" else "belanja_tidak_langsung"
            self.tambah(self.anak(anggaran, key, baris), node, baris)
            return
        harus = _INDUK_ANAK[tingkat]
        induk, tingkat_induk = self.cari(
            self.anggaran, self.teks(baris, "induk", "Induk"), baris, "induk", "induk"
        )
        if tingkat_induk != harus:
            raise self.salah(
                baris, "induk", f"induk {tingkat} harus {harus}, bukan {tingkat_induk}"
            )
        self.tambah(self.anak(induk, tingkat, baris), node, baris)

    # --- indicators --------------------------------------------------------------

    def indikator_(self, baris: BarisBaca) -> None:
        record = self.rekam("indikator", baris)
        if isinstance(record.get("kode"), str):
            self.indikator.setdefault(record["kode"], []).append(record)
        jenis = normal(self.teks(baris, "jenis_induk", "Jenis induk"))
        kode_induk = self.teks(baris, "induk", "Kode induk")
        tabel = {
            "tujuan": self.tujuan,
            "sasaran": self.sasaran,
            "rpjmd_tujuan": self.rpjmd["tujuan"],
            "rpjmd_sasaran": self.rpjmd["sasaran"],
        }
        if jenis in tabel:
            induk = self.cari(tabel[jenis], kode_induk, baris, "induk", jenis)
        elif jenis in TINGKAT_ANGGARAN:
            induk, tingkat = self.cari(self.anggaran, kode_induk, baris, "induk", "baris anggaran")
            if tingkat != jenis:
                raise self.salah(baris, "induk", f"{kode_induk!r} adalah {tingkat}, bukan {jenis}")
        else:
            raise self.salah(baris, "jenis_induk", f"jenis induk {jenis!r} tidak dikenal")
        self.tambah(self.anak(induk, "indikator", baris), record, baris)

    def nilai_indikator(self, baris: BarisBaca) -> None:
        kode = self.teks(baris, "kode", "Kode indikator")
        tahun = self.teks(baris, "tahun", "Tahun")
        ind = self.cari(self.indikator, kode, baris, "kode", "indikator")
        isi = {"target": self.target(baris)}
        if "realisasi" in baris.sel:
            isi["realisasi"] = baris.koordinat["realisasi"], baris.sel["realisasi"]
        for key, ada in isi.items():
            if ada is None:
                continue
            peta = self.anak(ind, key, baris, dict)
            if tahun in peta:
                raise self.salah(baris, "tahun", f"{key} {kode} tahun {tahun} sudah diisi")
            self.taruh(peta, tahun, ada[1], ada[0])

    # --- agreement, quarters, survey, evaluation ------------------------------------

    def perjanjian_kinerja(self, baris: BarisBaca) -> None:
        jenis = normal(self.teks(baris, "jenis", "Jenis"))
        if jenis not in ("indikator", "program"):
            raise self.salah(baris, "jenis", "jenis harus indikator atau program")
        pk = self.bagian("perjanjian_kinerja", baris)
        daftar = self.anak(pk, jenis, baris)
        if set(baris.sel) == {"jenis", "kode"}:
            self.tambah(daftar, baris.sel["kode"], baris)
            return
        record = self.rekam("perjanjian_kinerja", baris)
        target = self.target(baris)
        if target is not None:
            if "target" in record:
                raise self.salah(baris, LAINNYA, "'target' ada di kolomnya dan di Data lain")
            self.taruh(record, "target", target[1], target[0])
        self.tambah(daftar, record, baris)

    def triwulan(self, nama: str, baris: BarisBaca) -> None:
        kode = self.teks(baris, "kode", "Kode indikator")
        tahun = self.teks(baris, "tahun", "Tahun")
        isi = [i for i in range(1, 5) if f"tw{i}" in baris.sel]
        if not isi:
            return
        nilai = [baris.sel.get(f"tw{i}") for i in range(1, isi[-1] + 1)]
        peta = self.anak(self.bagian(nama, baris), kode, baris, dict)
        if tahun in peta:
            raise self.salah(baris, "tahun", f"{kode} tahun {tahun} sudah diisi")
        self.taruh(peta, tahun, nilai, baris.koordinat[f"tw{isi[0]}"])
        for i in isi:
            self.lacak.catat(nilai, i - 1, self.lok(baris.koordinat[f"tw{i}"]))

    def skm(self, baris: BarisBaca) -> None:
        record = self.rekam("skm", baris)
        self.tambah(self.bagian("skm", baris, list), record, baris)
        if "no" in baris.sel:
            no = _nomor(baris.sel["no"])
            if no is None:
                raise self.salah(baris, "no", "No survei harus bilangan bulat")
            if no in self.survei:
                raise self.salah(baris, "no", f"No survei {no} dipakai dua kali")
            self.survei[no] = [record]

    def skm_nrr(self, baris: BarisBaca) -> None:
        no = _nomor(self.wajib(baris, "survei", "No survei"))
        if no is None:
            raise self.salah(baris, "survei", "No survei harus bilangan bulat")
        survei = self.cari(self.survei, no, baris, "survei", "survei No")
        unsur = self.teks(baris, "unsur", "Unsur")
        nilai = self.wajib(baris, "nrr", "NRR")
        peta = self.anak(survei, "nrr", baris, dict)
        if unsur in peta:
            raise self.salah(baris, "unsur", f"NRR unsur {unsur} sudah diisi")
        self.taruh(peta, unsur, nilai, baris.koordinat["nrr"])

    def evaluasi_(self, baris: BarisBaca) -> None:
        tahun = self.teks(baris, "tahun", "Tahun")
        evaluasi = self.bagian("evaluasi", baris)
        if tahun in evaluasi:
            raise self.salah(baris, "tahun", f"evaluasi tahun {tahun} sudah diisi")
        record = self.rekam("evaluasi", baris)
        komponen: dict = {}
        for key in KOMPONEN_EVALUASI:
            if key in baris.sel:
                if "komponen" in record:
                    raise self.salah(baris, key, "komponen sudah diisi di Data lain")
                self.taruh(komponen, key, baris.sel[key], baris.koordinat[key])
        if komponen:
            self.taruh(record, "komponen", komponen, baris.koordinat[next(iter(komponen))])
        self.taruh(evaluasi, tahun, record, baris.koordinat["tahun"])
        self.evaluasi[tahun] = record

    def rekomendasi(self, baris: BarisBaca) -> None:
        tahun = self.teks(baris, "tahun", "Tahun evaluasi")
        if tahun not in self.evaluasi:
            raise self.salah(baris, "tahun", f"evaluasi tahun {tahun} tidak ada di sheet evaluasi")
        daftar = self.anak(self.evaluasi[tahun], "rekomendasi", baris)
        self.tambah(daftar, self.rekam("rekomendasi", baris), baris)

    # --- stated figures --------------------------------------------------------------

    def _pemilik(self, baris: BarisBaca) -> tuple[dict, str | None]:
        bagian = normal(self.teks(baris, "bagian", "Bagian"))
        if bagian not in BAGIAN_DINYATAKAN:
            raise self.salah(
                baris, "bagian", f"bagian {bagian!r}: isi {', '.join(BAGIAN_DINYATAKAN)}"
            )
        rujukan = baris.sel.get("rujukan")
        tahun = baris.sel.get("tahun")
        bertahun = bagian in ("indikator", "renstra")
        if bertahun and tahun is None:
            raise self.salah(baris, "tahun", f"isi Tahun untuk bagian {bagian}")
        if not bertahun and tahun is not None:
            raise self.salah(baris, "tahun", f"bagian {bagian} tanpa Tahun; kosongkan")
        if bagian == "indikator":
            pemilik = self.cari(
                self.indikator,
                self.teks(baris, "rujukan", "Rujukan"),
                baris,
                "rujukan",
                "indikator",
            )
        elif bagian == "skm":
            no = _nomor(self.wajib(baris, "rujukan", "Rujukan"))
            if no is None:
                raise self.salah(baris, "rujukan", "Rujukan skm: No survei (1, 2, ...)")
            pemilik = self.cari(self.survei, no, baris, "rujukan", "survei No")
        elif bagian == "anggaran" and rujukan is not None:
            pemilik = self.cari(self.anggaran, str(rujukan), baris, "rujukan", "baris anggaran")[0]
        else:
            if rujukan is not None:
                raise self.salah(baris, "rujukan", f"bagian {bagian} tanpa Rujukan; kosongkan")
            pemilik = self.bagian(bagian, baris)
        return pemilik, tahun  # type: ignore[return-value]

    def dinyatakan(self) -> None:
        kelompok: dict[tuple[int, str | None], tuple[dict, dict[int | None, list[BarisBaca]]]] = {}

        def kelompokkan(baris: BarisBaca) -> None:
            pemilik, tahun = self._pemilik(baris)
            no = None
            if "no" in baris.sel:
                teks = _nomor(baris.sel["no"])
                if teks is None or int(teks) < 1:
                    raise self.salah(baris, "no", "No harus 1, 2, ...")
                no = int(teks)
            _, per_no = kelompok.setdefault((id(pemilik), tahun), (pemilik, {}))
            per_no.setdefault(no, []).append(baris)

        self.tiap("dinyatakan", kelompokkan)
        for (_, tahun), (pemilik, per_no) in kelompok.items():
            self.coba(self._kelompok, pemilik, tahun, per_no)

    def _kelompok(self, pemilik: dict, tahun: str | None, per_no: dict) -> None:
        pertama = next(iter(per_no.values()))[0]
        if None in per_no and len(per_no) > 1:
            raise self.salah(per_no[None][0], "bidang", "isi No pada semua baris kelompok ini")
        petas = [self._peta_dinyatakan(per_no[no]) for no in sorted(per_no, key=lambda n: n or 0)]
        value = petas[0] if None in per_no else petas
        if tahun is None:
            if "dinyatakan" in pemilik:
                raise self.salah(pertama, "bagian", "dinyatakan sudah diisi di Data lain")
            self.taruh(pemilik, "dinyatakan", value, pertama.pertama)
        else:
            self.taruh(
                self.anak(pemilik, "dinyatakan", pertama, dict), tahun, value, pertama.pertama
            )
        if isinstance(value, list):
            for i, no in enumerate(sorted(per_no)):
                self.lacak.catat(value, i, self.lok(per_no[no][0].pertama))

    def _peta_dinyatakan(self, rows: list[BarisBaca]) -> dict:
        peta: dict = {}
        for baris in rows:
            if "bidang" in baris.sel:
                try:
                    path = baca_jalur(str(baris.sel["bidang"]))
                except ValueError as exc:
                    raise self.salah(baris, "bidang", str(exc)) from None
                nilai = self.wajib(baris, "nilai", "Nilai")
                cell = self.lok(baris.koordinat["nilai"])
                try:
                    pasang(peta, path, nilai, lambda w, k, c=cell: self.lacak.catat(w, k, c))
                except ValueError as exc:
                    raise self.salah(baris, "bidang", str(exc)) from None
            elif "nilai" in baris.sel:
                raise self.salah(baris, "nilai", "isi kolom 'Bidang' untuk nilai ini")
            if "sumber" in baris.sel:
                sumber = baris.sel["sumber"]
                if "sumber" in peta and peta["sumber"] != sumber:
                    raise self.salah(baris, "sumber", "sumber berbeda dalam satu kelompok")
                self.taruh(peta, "sumber", sumber, baris.koordinat["sumber"])
        return peta

    # --- key/value sheets ------------------------------------------------------------

    def kv(self, nama: str, baris: BarisBaca) -> None:
        if "nilai" not in baris.sel:
            return
        kunci = self.wajib(baris, "kunci", "Kunci")
        try:
            path = baca_jalur(str(kunci))
        except ValueError as exc:
            raise self.salah(baris, "kunci", str(exc)) from None
        akar = self.doc if nama == "umum" else self.bagian(nama, baris)
        cell = self.lok(baris.koordinat["nilai"])
        try:
            pasang(akar, path, baris.sel["nilai"], lambda w, k: self.lacak.catat(w, k, cell))
        except ValueError as exc:
            raise self.salah(baris, "kunci", str(exc)) from None


def _nomor(value: object) -> str | None:
    """A survey or group number as text: ``1``, ``Decimal("1.0")`` and "1" are "1"."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Decimal) and value == value.to_integral_value():
        return str(int(value))
    if isinstance(value, str) and value.strip().isdigit():
        return str(int(value.strip()))
    return None


def susun_dokumen(
    lembar: dict[str, LembarBaca], file: str | None
) -> tuple[dict, SourceMap, list[Galat]]:
    """The document of the scanned sheets, its source map and the errors."""
    penyusun = Penyusun(lembar, file)
    doc = penyusun.susun()
    return doc, penyusun.lacak.source_map(doc), penyusun.galat
