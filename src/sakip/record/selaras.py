"""The walk of an import: the document and the record side by side, section
by section, matching rows by their codes.

What a file of one year owns: its instansi-year (officials, agreement,
budget, survey, evaluation, report text) and the structure of the Renstra
it names. A Renstra is shared by every year of its period, so values by
year (targets, realisations, quarters, printed figures) that the file does
not mention are kept for the other years and removed only for the file's
own year.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from django.contrib.auth.models import User
from django.db import models

from sakip.common.errors import DatasetRejected
from sakip.common.kolom import year
from sakip.organisasi.models import Instansi, Pemda
from sakip.record.isi import pisah, sama
from sakip.record.models import (
    ANAK,
    Anggaran,
    AnggaranNode,
    AturanPemda,
    Baris,
    Indikator,
    JenisTriwulan,
    Level,
    NilaiIndikator,
    NilaiTriwulan,
    PerjanjianIndikator,
    PerjanjianKinerja,
    PerjanjianProgram,
    Renstra,
    Sasaran,
    StatusTahun,
    TahunKinerja,
    Tujuan,
)
from sakip.record.penulis import PenulisImpor
from sakip.record.rencana import Rencana, TahunTerkunci
from sakip.record.riwayat import tampil_nilai

Isi = Mapping[str, Any]


class Penyelaras(PenulisImpor):
    """One import: walks the document and the record side by side."""

    def __init__(
        self,
        rencana: Rencana,
        doc: Isi,
        aktor: User | None,
        responden: Mapping[int, list[dict[str, int | None]]],
        periksa: Callable[[Pemda | Instansi], None] | None = None,
    ):
        super().__init__(rencana, aktor)
        self.doc, self.responden = doc, responden
        # Asked before anything of a pemda or instansi is written: may the actor import here?
        self.periksa = periksa or (lambda obj: None)
        self.tahun = rencana.tahun
        self.terkunci: set[int] = set()

    def jalankan(self) -> None:
        doc = self.doc
        pemda = self._pemda(doc["pemda"])
        instansi = self._instansi(pemda, doc["instansi"])
        self.rencana.instansi_obj = instansi
        # Locked so that two imports of one instansi-year run one after the other.
        tk = TahunKinerja.objects.select_for_update().filter(instansi=instansi, tahun=self.tahun)
        tk_row = tk.first()
        lokasi = f"{instansi.nama} {self.tahun}"
        if tk_row is not None and tk_row.status == StatusTahun.DISETUJUI:
            raise TahunTerkunci(
                f"{lokasi} sudah disetujui dan terkunci; berkas tidak diimpor. "
                "Minta admin pemda membuka kuncinya lebih dahulu."
            )
        self.terkunci = set(
            TahunKinerja.objects.filter(
                instansi=instansi, status=StatusTahun.DISETUJUI
            ).values_list("tahun", flat=True)
        )
        renstra = self._renstra(instansi, doc["renstra"], doc.get("rpjmd"))
        indikator = self._rencana_renstra(renstra, doc["renstra"])
        tk_row = self._tahun_kinerja(tk_row, instansi, renstra, doc)
        indikator.update(self._anggaran(tk_row, doc.get("anggaran")))
        self._perjanjian(tk_row, doc.get("perjanjian_kinerja"), indikator)
        for jenis in JenisTriwulan.values:
            self._triwulan(jenis, doc.get(jenis) or {}, indikator, renstra, tk_row)
        self._tulis_audit()

    def _pemda(self, data: Isi) -> Pemda:
        nama = str(data["nama"]).strip()
        pemda = Pemda.objects.filter(nama__iexact=nama).first()
        aturan_file = {k: data[k] for k in AturanPemda.KOLOM if k in data}
        if pemda is None:
            pemda = Pemda(nama=nama, provinsi=data.get("provinsi"))
            self.periksa(pemda)
            self.tambah([(pemda, f"pemda {nama}")])
        if not AturanPemda.objects.filter(pemda=pemda).exists():
            # The pemda's first dataset (the admin may have made the pemda without rules).
            aturan = AturanPemda(pemda=pemda, berlaku_mulai=0, dibuat_oleh=self.aktor)
            for key, value in aturan_file.items():
                setattr(aturan, key, value)
            self.tambah([(aturan, f"aturan {nama} sejak awal")])
            aturan_file = {}  # nothing to compare: they are the file's
        if data.get("provinsi") is not None and not sama(pemda.provinsi, data["provinsi"]):
            if pemda.provinsi is None:
                self.ubah(pemda, {"provinsi": data["provinsi"]}, f"pemda {pemda.nama}")
            else:
                self.rencana.peringatan.append(
                    f"provinsi {pemda.nama} di berkas ({data['provinsi']!r}) berbeda dengan "
                    f"rekaman ({pemda.provinsi!r}); tidak diubah"
                )
        from sakip.record.ekspor import aturan_berlaku

        berlaku = aturan_berlaku(pemda.pk, self.tahun)
        for key, value in aturan_file.items():
            sekarang = getattr(berlaku, key) if berlaku is not None else None
            if not sama(sekarang, value):
                self.rencana.peringatan.append(
                    f"aturan pemda '{key}' di berkas berbeda dengan aturan {pemda.nama} yang "
                    f"berlaku tahun {self.tahun} ({tampil_nilai(sekarang)}); aturan pemda tidak "
                    "diubah oleh impor: hanya admin pemda yang dapat mengubahnya"
                )
        return pemda

    def _instansi(self, pemda: Pemda, data: Isi) -> Instansi:
        nama = str(data["nama"]).strip()
        instansi = Instansi.objects.filter(pemda=pemda, nama__iexact=nama).first()
        if instansi is None:
            instansi = Instansi(pemda=pemda, nama=nama, jenis=data.get("jenis"))
            if pemda.pk is not None:
                self.periksa(instansi)
            self.tambah([(instansi, f"instansi {nama}")])
        else:
            self.periksa(instansi)
            self.ubah(instansi, {"jenis": data.get("jenis")}, f"instansi {nama}")
        return instansi

    def _renstra(self, instansi: Instansi, data: Isi, rpjmd: Any) -> Renstra:
        awal, akhir = (year(t, ("renstra", "periode", i)) for i, t in enumerate(data["periode"]))
        renstra = Renstra.objects.filter(
            instansi=instansi, periode_awal=awal, periode_akhir=akhir
        ).first()
        lokasi = f"Renstra {awal}-{akhir}"
        _, lain = pisah(data, ("periode", "dinyatakan"), ("tujuan",))
        if renstra is None:
            renstra = Renstra(
                instansi=instansi,
                periode_awal=awal,
                periode_akhir=akhir,
                rpjmd=rpjmd,
                dinyatakan=data.get("dinyatakan"),
                lain=lain,
            )
            self.tambah([(renstra, lokasi)])
            return renstra
        self.ubah(
            renstra,
            {
                "rpjmd": rpjmd,
                "dinyatakan": self._gabung_tahun(renstra.dinyatakan, data.get("dinyatakan")),
                "lain": lain,
            },
            lokasi,
        )
        return renstra

    def _gabung_tahun(self, lama: Mapping | None, baru: Mapping | None) -> dict | None:
        """A map by year: the file's years as the file says, the record's other
        years kept (but the file's own year, which the file owns)."""
        hasil = {
            t: v for t, v in (lama or {}).items() if t not in (baru or {}) and int(t) != self.tahun
        }
        hasil.update(baru or {})
        if not hasil:
            return None if baru is None else {}
        return dict(sorted(hasil.items()))

    def _rencana_renstra(self, renstra: Renstra, data: Isi) -> dict[str, Indikator]:
        """Tujuan, sasaran and indicators of the Renstra, matched by kode."""
        lokasi_r = f"Renstra {renstra.periode_awal}-{renstra.periode_akhir}"
        tujuan_ada = {t.kode: t for t in renstra.tujuan.all()} if renstra.pk else {}
        sasaran_ada = (
            {s.kode: s for s in Sasaran.objects.filter(tujuan__renstra=renstra)}
            if renstra.pk
            else {}
        )
        ind_ada = {i.kode: i for i in renstra.indikator.all()} if renstra.pk else {}
        tujuan_baru: list[tuple[models.Model, str]] = []
        sasaran_baru: list[tuple[models.Model, str]] = []
        ind_rencana: list[tuple[Isi, dict[str, Any]]] = []
        dipakai_t: set[int] = set()
        dipakai_s: set[int] = set()
        for i, t in enumerate(data["tujuan"]):
            kolom, lain = pisah(t, Tujuan.KOLOM, ("indikator", "sasaran"))
            row = self._pasang(
                Tujuan,
                tujuan_ada.get(t["kode"]),
                {**kolom, "urutan": i + 1, "lain": lain},
                {"renstra": renstra},
                f"{lokasi_r} / tujuan {t['kode']}",
                tujuan_baru,
                dipakai_t,
            )
            for j, ind in enumerate(t.get("indikator") or ()):
                ind_rencana.append((ind, {"tujuan": row, "sasaran": None, "urutan": j + 1}))
            for j, s in enumerate(t.get("sasaran") or ()):
                s_kolom, s_lain = pisah(s, Sasaran.KOLOM, ("indikator",))
                s_row = self._pasang(
                    Sasaran,
                    sasaran_ada.get(s["kode"]),
                    {**s_kolom, "tujuan": row, "urutan": j + 1, "lain": s_lain},
                    {},
                    f"{lokasi_r} / sasaran {s['kode']}",
                    sasaran_baru,
                    dipakai_s,
                )
                for k, ind in enumerate(s.get("indikator") or ()):
                    ind_rencana.append((ind, {"tujuan": None, "sasaran": s_row, "urutan": k + 1}))
        self.tambah(tujuan_baru)
        self.tambah(sasaran_baru)
        hasil = self._indikator(ind_rencana, ind_ada, {"renstra": renstra, "node": None}, lokasi_r)
        self.hapus([i for k, i in ind_ada.items() if k not in hasil], f"{lokasi_r} / indikator")
        self.hapus(
            [s for s in sasaran_ada.values() if s.pk not in dipakai_s], f"{lokasi_r} / sasaran"
        )
        self.hapus(
            [t for t in tujuan_ada.values() if t.pk not in dipakai_t], f"{lokasi_r} / tujuan"
        )
        return hasil

    def _pasang(
        self,
        model: type[Baris],
        ada: Baris | None,
        nilai: dict[str, Any],
        tetap: dict[str, Any],
        lokasi: str,
        baru: list[tuple[models.Model, str]],
        dipakai: set[int],
    ) -> Baris:
        """The row of a code: the record's, with its differing fields written,
        or a new one (written later with the others of its kind). A code the
        file uses twice gets a second row rather than the first one twice."""
        if ada is None or ada.pk in dipakai:
            row = model(**tetap, **nilai)
            baru.append((row, lokasi))
        else:
            row = ada
            self.ubah(row, nilai, lokasi)
        dipakai.add(id(row) if row.pk is None else row.pk)
        return row

    def _indikator(
        self,
        rencana: list[tuple[Isi, dict[str, Any]]],
        ada: dict[str, Indikator],
        tetap: dict[str, Any],
        lokasi_induk: str,
    ) -> dict[str, Indikator]:
        """Indicators and their values by year; returns them by kode."""
        hasil: dict[str, Indikator] = {}
        baru: list[tuple[models.Model, str]] = []
        for data, induk in rencana:
            kolom, lain = pisah(data, Indikator.KOLOM, ("target", "realisasi", "dinyatakan"))
            kode = data["kode"]
            lokasi = f"{lokasi_induk} / indikator {kode}"
            row = ada.get(kode)
            if row is None:
                row = Indikator(lain=lain, **tetap, **induk, **kolom)
                baru.append((row, lokasi))
            else:
                self.ubah(row, {**kolom, **induk, "lain": lain}, lokasi)
            hasil[kode] = row
        self.tambah(baru)
        self._nilai_tahun([(hasil[d["kode"]], d) for d, _ in rencana], lokasi_induk)
        return hasil

    def _nilai_tahun(self, pasangan: list[tuple[Indikator, Isi]], lokasi_induk: str) -> None:
        ids = [i.pk for i, _ in pasangan]
        ada: dict[tuple[int, int], NilaiIndikator] = {
            (n.indikator_id, n.tahun): n
            for n in NilaiIndikator.objects.filter(indikator_id__in=ids)
        }
        baru: list[tuple[models.Model, str]] = []
        for ind, data in pasangan:
            lokasi_i = f"{lokasi_induk} / indikator {ind.kode}"
            tahun_file = {int(t) for key in NilaiIndikator.KOLOM for t in data.get(key) or {}}
            tahun_rekaman = {t for (i, t) in ada if i == ind.pk}
            for t in sorted(tahun_file | tahun_rekaman):
                row = ada.get((ind.pk, t))
                kolom = {}
                for key in NilaiIndikator.KOLOM:
                    peta = data.get(key) or {}
                    if str(t) in peta or t == self.tahun or row is None:
                        kolom[key] = peta.get(str(t))
                    else:
                        # Another year's value the file does not mention: kept.
                        kolom[key] = getattr(row, key)
                lokasi = f"{lokasi_i} / {t}"
                if row is None:
                    self._cek_kunci(t, lokasi)
                    baru.append((NilaiIndikator(indikator=ind, tahun=t, **kolom), lokasi))
                elif all(v is None for v in kolom.values()):
                    self._cek_kunci(t, lokasi)
                    self.hapus([row], lokasi_i)
                else:
                    if any(not sama(getattr(row, k), v) for k, v in kolom.items()):
                        self._cek_kunci(t, lokasi)
                    self.ubah(row, kolom, lokasi)
        self.tambah(baru)

    def _cek_kunci(self, tahun: int, lokasi: str) -> None:
        if tahun in self.terkunci and tahun != self.tahun:
            raise TahunTerkunci(
                f"{lokasi}: tahun {tahun} sudah disetujui dan terkunci; nilainya tidak diubah. "
                "Minta admin pemda membuka kuncinya lebih dahulu."
            )

    def _tahun_kinerja(
        self, tk: TahunKinerja | None, instansi_row: Instansi, renstra: Renstra, doc: Isi
    ) -> TahunKinerja:
        instansi = doc["instansi"]
        responden = (
            {str(i): jawaban for i, jawaban in sorted(self.responden.items())}
            if self.responden
            else None
        )
        # Quarter sections have rows per indicator and quarter; an indicator
        # listed without any year (or a section present but empty) is kept here.
        lain: dict[str, dict[str, Any]] = {
            key: {kode: {} for kode, per_tahun in doc[key].items() if not per_tahun}
            for key in JenisTriwulan.values
            if key in doc
        }
        lain = {key: value for key, value in lain.items() if value or not doc[key]}
        nilai = {
            "renstra": renstra,
            "kepala": instansi.get("kepala"),
            "atasan": instansi.get("atasan"),
            "skm": doc.get("skm"),
            "responden": responden,
            "evaluasi": doc.get("evaluasi"),
            "narasi": doc.get("narasi"),
            "lain": lain or None,
        }
        lokasi = f"{instansi_row.nama} {self.tahun}"
        if tk is None:
            tk = TahunKinerja(instansi=instansi_row, tahun=self.tahun, **nilai)
            self.tambah([(tk, f"tahun kinerja {lokasi}")])
            return tk
        if doc.get("anggaran") is None and hasattr(tk, "anggaran"):
            self.hapus([tk.anggaran], lokasi)
        self.ubah(tk, nilai, lokasi)
        return tk

    def _anggaran(self, tk: TahunKinerja, data: Isi | None) -> dict[str, Indikator]:
        if data is None:
            return {}
        lokasi = f"anggaran {tk.instansi.nama} {tk.tahun}"
        anggaran = Anggaran.objects.filter(tahun_kinerja=tk).first()
        _, lain = pisah(data, ("tahun", "dinyatakan"), ("belanja_tidak_langsung", "program"))
        kolom = {
            "tahun": year(data["tahun"], ("anggaran", "tahun")),
            "dinyatakan": data.get("dinyatakan"),
        }
        if anggaran is None:
            anggaran = Anggaran(tahun_kinerja=tk, lain=lain, **kolom)
            self.tambah([(anggaran, lokasi)])
        else:
            self.ubah(anggaran, {**kolom, "lain": lain}, lokasi)
        ada = list(AnggaranNode.objects.filter(anggaran=anggaran))
        ind_ada = {
            (i.node_id, i.kode): i for i in Indikator.objects.filter(node__anggaran=anggaran)
        }
        self._node_ada: dict[tuple[int | None, str, str], AnggaranNode] = {}
        hitung: Counter[tuple[int | None, str, str]] = Counter()
        for n in sorted(ada, key=lambda n: (n.urutan, n.pk)):
            kunci = _kunci_node(n.parent_id, n.level, n.kode, n.uraian)
            hitung[kunci] += 1
            self._node_ada[(*kunci[:2], f"{kunci[2]}#{hitung[kunci]}")] = n
        self._dipakai: set[int] = set()
        self._node_ind: list[tuple[Isi, dict[str, Any]]] = []
        self._ind_ada = ind_ada
        # Level by level, so that a parent has its id before its children are written.
        level: list[tuple[AnggaranNode | None, Level, list[Isi], str]] = [
            (None, Level.BTL, list(data.get("belanja_tidak_langsung") or ()), lokasi),
            (None, Level.PROGRAM, list(data.get("program") or ()), lokasi),
        ]
        while level:
            berikut: list[tuple[AnggaranNode | None, Level, list[Isi], str]] = []
            baru: list[tuple[models.Model, str]] = []
            for parent, lvl, items, lokasi_p in level:
                hitung_p: Counter[tuple[int | None, str, str]] = Counter()
                for i, item in enumerate(items):
                    anak_key, anak_level = ANAK.get(lvl, ("", lvl))
                    n_kolom, n_lain = pisah(
                        item, AnggaranNode.KOLOM, ("indikator",) + ((anak_key,) if anak_key else ())
                    )
                    parent_id = parent.pk if parent is not None else None
                    kunci = _kunci_node(parent_id, lvl, item.get("kode"), item["uraian"])
                    hitung_p[kunci] += 1
                    nama = item.get("kode") or f"{item['uraian']}"
                    n_lokasi = f"{lokasi_p} / {nama}"
                    row = self._node_ada.get((*kunci[:2], f"{kunci[2]}#{hitung_p[kunci]}"))
                    if row is None:
                        row = AnggaranNode(
                            anggaran=anggaran,
                            parent=parent,
                            level=lvl,
                            urutan=i + 1,
                            lain=n_lain,
                            **n_kolom,
                        )
                        baru.append((row, n_lokasi))
                    else:
                        self._dipakai.add(row.pk)
                        self.ubah(row, {**n_kolom, "urutan": i + 1, "lain": n_lain}, n_lokasi)
                    for k, ind in enumerate(item.get("indikator") or ()):
                        self._node_ind.append((ind, {"node": row, "urutan": k + 1}))
                    if anak_key and item.get(anak_key):
                        berikut.append((row, anak_level, list(item[anak_key]), n_lokasi))
            self.tambah(baru)
            for baris, _ in baru:
                self._dipakai.add(baris.pk)
            level = berikut
        hapus = [n for n in ada if n.pk not in self._dipakai]
        # Children go with their parents; remove only the topmost.
        hilang = {n.pk for n in hapus}
        self.hapus([n for n in hapus if n.parent_id not in hilang], f"{lokasi} /")
        # Indicator codes are unique in a file, so the budget's are matched by kode alone.
        ada_ind = {kode: i for (_, kode), i in self._ind_ada.items()}
        hasil = self._indikator(self._node_ind, ada_ind, {"renstra": None}, lokasi)
        dipakai_ind = {i.pk for i in hasil.values()}
        self.hapus(
            [
                i
                for (node_id, _), i in self._ind_ada.items()
                if i.pk not in dipakai_ind and node_id in self._dipakai
            ],
            f"{lokasi} / indikator",
        )
        return hasil

    def _perjanjian(
        self, tk: TahunKinerja, data: Isi | None, indikator: Mapping[str, Indikator]
    ) -> None:
        ada = {pk.nomor: pk for pk in PerjanjianKinerja.objects.filter(tahun_kinerja=tk)}
        lokasi = f"Perjanjian Kinerja {tk.instansi.nama} {tk.tahun}"
        if data is None:
            for pk in ada.values():
                self._cek_ttd(pk, f"{lokasi} versi {pk.nomor}", None)
            self.hapus(ada.values(), lokasi)
            return
        nomor = int(data.get("versi") or 1)
        kolom, lain = pisah(data, ("tahun", "tanggal", "dinyatakan"), ("indikator", "program"))
        kolom["versi_dokumen"] = data.get("versi")
        lain = {k: v for k, v in (lain or {}).items() if k != "versi"} or None
        pk_ada = ada.get(nomor)
        p_lokasi = f"{lokasi} versi {nomor}"
        if pk_ada is not None:
            pk = pk_ada
            self._cek_ttd(pk, p_lokasi, data)
            self.ubah(pk, {**kolom, "lain": lain}, p_lokasi)
        else:
            pk = PerjanjianKinerja(tahun_kinerja=tk, nomor=nomor, lain=lain, **kolom)
            self.tambah([(pk, p_lokasi)])
        self._pk_item(pk, data.get("indikator") or (), indikator, p_lokasi)
        self._pk_program(pk, data.get("program") or (), p_lokasi)

    def _cek_ttd(self, pk: PerjanjianKinerja, lokasi: str, data: Isi | None) -> None:
        """A signed agreement stays as it was signed: a file may repeat it, not change it."""
        if pk.ditandatangani_pada is None:
            return
        from sakip.record.ekspor import isi_perjanjian

        if data is not None and sama(isi_perjanjian(pk), dict(data)):
            return
        raise DatasetRejected(
            ("perjanjian_kinerja",),
            f"{lokasi} sudah ditandatangani dan tidak dapat diubah; "
            "buat PK Perubahan (versi berikutnya)",
        )

    def _pk_item(
        self,
        pk: PerjanjianKinerja,
        items: Iterable[Any],
        indikator: Mapping[str, Indikator],
        lokasi: str,
    ) -> None:
        def nilai(i: int, kode: str, item: Any) -> dict[str, Any]:
            ind = indikator.get(kode)
            if ind is None:
                raise DatasetRejected(
                    ("perjanjian_kinerja", "indikator", i), f"indikator {kode!r} tidak ada"
                )
            return {"indikator": ind, **_bentuk(item, "target")}

        ada = list(pk.indikator.all()) if pk.pk else []
        self._pk_daftar(pk, ada, items, nilai, PerjanjianIndikator, f"{lokasi} / indikator")

    def _pk_program(self, pk: PerjanjianKinerja, items: Iterable[Any], lokasi: str) -> None:
        ada = list(pk.program.all()) if pk.pk else []
        self._pk_daftar(
            pk,
            ada,
            items,
            lambda i, kode, item: {"kode": kode, **_bentuk(item, "pagu")},
            PerjanjianProgram,
            f"{lokasi} / program",
        )

    def _pk_daftar(
        self,
        pk: PerjanjianKinerja,
        ada: list[Any],
        items: Iterable[Any],
        nilai: Callable[[int, str, Any], dict[str, Any]],
        model: type[models.Model],
        lokasi: str,
    ) -> None:
        """The agreement's list of indicators or programs, position by position."""
        items = list(items)
        baru: list[tuple[models.Model, str]] = []
        for i, item in enumerate(items):
            kode = item if isinstance(item, str) else item["kode"]
            isi = {**nilai(i, kode, item), "urutan": i + 1}
            if i < len(ada):
                self.ubah(ada[i], isi, f"{lokasi} {kode}")
            else:
                baru.append((model(perjanjian=pk, **isi), f"{lokasi} {kode}"))
        self.tambah(baru)
        self.hapus(ada[len(items) :], lokasi)

    def _triwulan(
        self,
        jenis: str,
        data: Mapping[str, Mapping[str, list[Any]]],
        indikator: Mapping[str, Indikator],
        renstra: Renstra,
        tk: TahunKinerja,
    ) -> None:
        ids = {i.pk for i in indikator.values()}
        ada = {
            (r.indikator_id, r.tahun, r.triwulan): r
            for r in NilaiTriwulan.objects.filter(jenis=jenis, indikator_id__in=ids)
        }
        baru: list[tuple[models.Model, str]] = []
        ditulis: set[tuple[int, int]] = set()
        for kode, per_tahun in data.items():
            ind = indikator.get(kode)
            if ind is None:
                raise DatasetRejected((jenis, kode), f"indikator {kode!r} tidak ada")
            for t_teks, nilai in (per_tahun or {}).items():
                t = year(t_teks, (jenis, kode, t_teks))
                ditulis.add((ind.pk, t))
                for q, v in enumerate(nilai, start=1):
                    lokasi = f"{jenis} {kode} {t} TW{q}"
                    row = ada.get((ind.pk, t, q))
                    if row is None:
                        self._cek_kunci(t, lokasi)
                        baru.append(
                            (
                                NilaiTriwulan(
                                    indikator=ind, jenis=jenis, tahun=t, triwulan=q, nilai=v
                                ),
                                lokasi,
                            )
                        )
                    else:
                        if not sama(row.nilai, v):
                            self._cek_kunci(t, lokasi)
                        self.ubah(row, {"nilai": v}, lokasi)
        self.tambah(baru)
        # The file owns its own year: quarters of that year it leaves out go.
        self.hapus(
            [r for (i, t, _), r in ada.items() if t == self.tahun and (i, t) not in ditulis],
            jenis,
        )


def _bentuk(item: Any, key: str) -> dict[str, Any]:
    """An agreement item written as a bare code, or as a map with one more figure."""
    ringkas = isinstance(item, str)
    return {"ringkas": ringkas, key: None if ringkas else item.get(key)}


def _kunci_node(
    parent_id: int | None, level: str, kode: str | None, uraian: str
) -> tuple[int | None, str, str]:
    # A budget line is known by its code; one without a code by its uraian.
    return (parent_id, str(level), f"kode:{kode}" if kode else f"uraian:{uraian}")
